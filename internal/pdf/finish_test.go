package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/offprint/offprint/article"
)

// TestFinish checks the pass that compresses gofpdf's streams: the
// compressed document holds the same page contents as the uncompressed
// one, every offset in its cross-reference table points at its object,
// and a document handed over in pieces comes out the same.
func TestFinish(t *testing.T) {
	a := readCorpus(t, "night-library.txt")
	var plain, packed bytes.Buffer
	if err := Write(&plain, a, Options{NoCompress: true}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&packed, a, Options{}); err != nil {
		t.Fatal(err)
	}
	if n := len(regexp.MustCompile(`<</Length \d+>>\nstream`).FindAll(packed.Bytes(), -1)); n > 0 {
		t.Errorf("%d streams left uncompressed", n)
	}
	if n := strings.Count(plain.String(), "<</Filter /FlateDecode /Length "); n > 0 {
		t.Errorf("%d streams compressed with NoCompress", n)
	}
	if packed.Len() >= plain.Len() {
		t.Errorf("compressed %d bytes, uncompressed %d", packed.Len(), plain.Len())
	}
	got := streams(t, packed.Bytes())
	want := streams(t, plain.Bytes())
	if len(got) != len(want) || len(got) < 5 {
		t.Fatalf("%d streams, uncompressed %d", len(got), len(want))
	}
	for i := range got {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("stream %d differs", i)
		}
	}
	if strings.Contains(packed.String(), "/utf8op") || !strings.Contains(packed.String(), "+PTSerif-Regular") {
		t.Error("fonts not renamed")
	}
	checkXref(t, packed.Bytes())
	checkXref(t, plain.Bytes())

	// the same document written to the finisher in pieces
	var raw bytes.Buffer
	rawPDF(t, &raw, plain.Bytes())
	var out bytes.Buffer
	f := &finisher{w: &out, fin: finishing{compress: true}}
	for p := raw.Bytes(); len(p) > 0; {
		n := min(len(p), 1000)
		f.Write(p[:n])
		p = p[n:]
	}
	if err := f.close(); err != nil {
		t.Fatal(err)
	}
	var whole bytes.Buffer
	if err := finish(&whole, raw.Bytes(), finishing{compress: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), whole.Bytes()) {
		t.Error("a document written in pieces finishes differently")
	}
}

// rawPDF writes doc as gofpdf would have: finish with nothing to change
// must give it back unchanged.
func rawPDF(t *testing.T, w io.Writer, doc []byte) {
	t.Helper()
	var again bytes.Buffer
	if err := finish(&again, doc, finishing{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), doc) {
		t.Fatal("finishing an uncompressed document changes it")
	}
	w.Write(doc)
}

// TestFinishRefuses checks that what finish cannot read is an error, not a
// broken PDF.
func TestFinishRefuses(t *testing.T) {
	for _, doc := range []string{
		"",
		"%PDF-1.3\nno xref\n%%EOF\n",
		"%PDF-1.3\nstartxref\n9999\n%%EOF\n",
		"%PDF-1.3\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \nstartxref\n34\n%%EOF\n",
		"%PDF-1.3\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000009999 00000 n \ntrailer\n<<>>\nstartxref\n34\n%%EOF\n",
	} {
		if err := finish(io.Discard, []byte(doc), finishing{compress: true, parallel: true}); err == nil || !strings.HasPrefix(err.Error(), "pdf: ") {
			t.Errorf("%q: error %v", doc, err)
		}
	}
}

var streamRE = regexp.MustCompile(`(?s)<<(/Filter /FlateDecode )?/Length (\d+)>>\nstream\n`)

// streams returns the data of the streams with no other entries than a
// length and perhaps a filter (page contents, ToUnicode maps),
// decompressed.
func streams(t *testing.T, doc []byte) [][]byte {
	t.Helper()
	var out [][]byte
	for _, m := range streamRE.FindAllSubmatchIndex(doc, -1) {
		n, _ := strconv.Atoi(string(doc[m[4]:m[5]]))
		data := doc[m[1] : m[1]+n]
		if m[2] >= 0 {
			r, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if data, err = io.ReadAll(r); err != nil {
				t.Fatal(err)
			}
		}
		out = append(out, data)
	}
	return out
}

// checkXref checks that every entry of the cross-reference table points at
// the object it names and that startxref points at the table.
func checkXref(t *testing.T, doc []byte) {
	t.Helper()
	objs, xref, _, err := parseXref(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(doc[xref:], []byte("xref\n")) {
		t.Errorf("startxref %d does not point at the table", xref)
	}
	for i := 1; i < len(objs); i++ {
		if want := strconv.Itoa(i) + " 0 obj\n"; !bytes.HasPrefix(doc[objs[i]:], []byte(want)) {
			t.Errorf("object %d: offset %d points at %q", i, objs[i], doc[objs[i]:min(len(doc), objs[i]+12)])
		}
	}
}

// TestFinishParallel checks that compressing a long document's pages on
// several goroutines gives the bytes one goroutine gives.
func TestFinishParallel(t *testing.T) {
	var raw bytes.Buffer
	if err := write(&raw, article.Single(longArticle(t, 24, 5)), Options{NoCompress: true}, layoutMode{}); err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, s := range streams(t, raw.Bytes()) {
		total += len(s)
	}
	if total < 3*parallelMin/2 {
		t.Fatalf("only %d bytes of page contents", total)
	}
	var serial, parallel bytes.Buffer
	if err := finish(&serial, raw.Bytes(), finishing{compress: true}); err != nil {
		t.Fatal(err)
	}
	if err := finish(&parallel, raw.Bytes(), finishing{compress: true, parallel: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(serial.Bytes(), parallel.Bytes()) {
		t.Error("compressing in parallel changes the output")
	}
	checkXref(t, parallel.Bytes())
}

func TestWithLang(t *testing.T) {
	catalog := []byte("7 0 obj\n<<\n/Type /Catalog\n/Pages 1 0 R\n>>\nendobj\n")
	for _, c := range []struct {
		obj  []byte
		lang string
		want string
	}{
		{catalog, "ru", "7 0 obj\n<<\n/Type /Catalog\n/Lang (ru)\n/Pages 1 0 R\n>>\nendobj\n"},
		{catalog, "en-GB", "7 0 obj\n<<\n/Type /Catalog\n/Lang (en-GB)\n/Pages 1 0 R\n>>\nendobj\n"},
		{catalog, "", string(catalog)},
		{catalog, "en) /OpenAction (x", string(catalog)},
		{[]byte("3 0 obj\n<<\n/Type /Page\n>>\nendobj\n"), "ru", "3 0 obj\n<<\n/Type /Page\n>>\nendobj\n"},
	} {
		if got := string(withLang(bytes.Clone(c.obj), c.lang)); got != c.want {
			t.Errorf("withLang(%q, %q) = %q, want %q", c.obj, c.lang, got, c.want)
		}
	}
}

// TestCatalogLang: the written PDF names the article's language.
func TestCatalogLang(t *testing.T) {
	for name, want := range map[string]string{"night-library.txt": "/Lang (ru)", "csto-summit-bishkek.txt": "/Lang (en)"} {
		var buf bytes.Buffer
		if err := Write(&buf, readCorpus(t, name), Options{}); err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(buf.Bytes(), []byte("/Lang (")); n != 1 || !bytes.Contains(buf.Bytes(), []byte(want)) {
			t.Errorf("%s: %d /Lang entries, want one %s", name, n, want)
		}
	}
}
