package convert

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/cover"
	"github.com/offprint/offprint/internal/epub"
	"github.com/offprint/offprint/internal/pdf"
	"github.com/offprint/offprint/internal/reader"
)

// corpus is the shared test corpus, relative to this package.
const corpus = "../../testdata/corpus"

// maxSeed is the largest corpus file used as a fuzzing seed: larger ones
// make every mutation of them slow.
const maxSeed = 64 << 10

// fuzzNames are the input names FuzzPipeline gives its input, chosen by the
// format selector: no extension (the format is sniffed from the content),
// or one that selects a reader.
var fuzzNames = []string{"input", "input.txt", "input.md", "input.html"}

// formatSelector returns the fuzzNames index that reads a corpus file the
// way its extension says.
func formatSelector(name string) uint8 {
	switch reader.Detect(name, nil) {
	case reader.Markdown:
		return 2
	case reader.HTML:
		return 3
	}
	if strings.EqualFold(filepath.Ext(name), ".txt") {
		return 1
	}
	return 0
}

// corpusSeeds returns every corpus file up to maxSeed bytes by path: the
// articles, the edge and bad cases, and the files beside them (an image,
// expected metadata), which make inputs of their own.
func corpusSeeds(tb testing.TB) map[string][]byte {
	seeds := map[string][]byte{}
	err := filepath.WalkDir(corpus, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Size() > maxSeed {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		seeds[p] = data
		return nil
	})
	if err != nil || len(seeds) == 0 {
		tb.Fatalf("no corpus seeds: %v", err)
	}
	return seeds
}

// FuzzPipeline runs the whole pipeline on any input: reading (with the
// format sniffed or chosen by the selector), the overrides and typographic
// refinement, then both renderers with the default options, into memory.
// When the input reads as an article, both outputs must be sound (see
// checkEPUB and checkPDF) and the EPUB must hold every word of the body.
func FuzzPipeline(f *testing.F) {
	seeds := corpusSeeds(f)
	for _, name := range slices.Sorted(maps.Keys(seeds)) {
		data := seeds[name]
		f.Add(data, formatSelector(name))
		if sel := formatSelector(name); sel != 0 {
			f.Add(data, uint8(0)) // sniffed as well
		}
	}
	f.Add([]byte("Title\n\nBody with \x00 NUL and \xff bad byte.\n"), uint8(1))
	f.Add([]byte("---\ntitle: \"</title><script>\"\nauthor: '\"><img src=x onerror=alert(1)>'\nurl: javascript:alert(1)\n---\n\n> > > deep\n\n- a\n  - b\n"), uint8(2))
	f.Add([]byte(`<html><head><title>&lt;/title&gt;</title><meta name="author" content="&quot;&gt;&lt;x"></head><body><article><p>Text one.</p><blockquote><p>Two<sup>1</sup></p></blockquote></article></body></html>`), uint8(3))
	f.Add([]byte("# T\n\nx[^1] y\n\n[^1]: note\n\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n\n```go\ncode\n```\n"), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		in := Input{Name: fuzzNames[int(format)%len(fuzzNames)], Data: data, BaseDir: corpus}
		opt := Options{}
		a, err := Read(in, opt)
		if err != nil {
			checkError(t, err)
			return
		}
		epubOut, pdfOut, err := render(a)
		if err != nil {
			t.Fatalf("rendering a valid article: %v", err)
		}
		text := checkEPUB(t, epubOut)
		if missing := missingWords(a.BodyText(), text); missing != "" {
			t.Fatalf("EPUB lacks body word %q", missing)
		}
		n := checkPDF(t, pdfOut)
		if n < 2 {
			t.Fatalf("PDF has %d pages, want a title page and the body", n)
		}
		if text, pages, ok := pdfText(t, pdfOut); ok {
			if pages != n {
				t.Fatalf("pdftotext reads %d pages, the page tree counts %d", pages, n)
			}
			if missing := missingASCIIWords(a.BodyText(), stripFurniture(text, a.Meta)); missing != "" {
				t.Fatalf("PDF text lacks body word %q", missing)
			}
		}
	})
}

// pdfText returns the text pdftotext extracts from a PDF and its number of
// pages; ok is false when pdftotext is not installed (it is under CI).
func pdfText(t *testing.T, data []byte) (text string, pages int, ok bool) {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is not installed")
		}
		return "", 0, false
	}
	path := filepath.Join(t.TempDir(), "fuzz.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext cannot read the PDF: %v: %.300s", err, out)
	}
	// pdftotext ends every page with a form feed.
	return string(out), strings.Count(string(out), "\f"), true
}

// stripFurniture removes the running header (the title, perhaps
// shortened) at the top of each page after the first, and the footer (the
// authors, and the folio: a short line holding the page number and the page
// count) at its foot, from text pdftotext extracted (pages ended by form
// feeds): a word hyphenated across two pages is then found whole.
func stripFurniture(text string, meta article.Meta) string {
	pages := strings.Split(text, "\f")
	total := len(pages) - 1
	names := map[string]bool{}
	for _, a := range meta.Authors {
		for _, w := range strings.Fields(a) {
			names[strings.Trim(w, ",")] = true
		}
	}
	title := strings.Join(strings.Fields(meta.Title), " ")
	var b strings.Builder
	for i, page := range pages[:max(total, 0)] {
		var lines []string
		for _, l := range strings.Split(page, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if i > 0 && len(lines) > 0 {
			h := strings.TrimSpace(strings.TrimSuffix(strings.Join(strings.Fields(lines[0]), " "), "…"))
			if h != "" && strings.HasPrefix(title, h) {
				lines = lines[1:]
			}
		}
		folio := regexp.MustCompile(fmt.Sprintf(`(^|\D)%d\D(.*\D)?%d($|\D)`, i+1, total))
		if n := len(lines); n > 0 && folio.MatchString(lines[n-1]) && len(strings.Fields(lines[n-1])) <= 8 {
			lines = lines[:n-1]
		}
		if n := len(lines); n > 0 && len(names) > 0 {
			byline := true
			for _, w := range strings.Fields(lines[n-1]) {
				w = strings.Trim(w, ",")
				if !names[w] && !(len(w) <= 3 && strings.ToLower(w) == w) { // "and", "und", "и"
					byline = false
					break
				}
			}
			if byline {
				lines = lines[:n-1]
			}
		}
		b.WriteString(strings.Join(lines, "\n"))
		b.WriteString("\n\f")
	}
	return b.String()
}

// missingASCIIWords returns a word of body made of ASCII letters that the
// PDF text lacks, or "". Only such words are asked for: the PDF's
// fonts have every ASCII glyph, while other characters may be drawn as a
// missing-glyph marker (with the text in an ActualText span, which text
// extractors do not all read). Hyphens and white space are removed from
// the text first, so words hyphenated across lines are found whole, and
// digits, so that a note's number does not split the word it follows.
func missingASCIIWords(body, text string) string {
	// Extractors compose what the text decomposes (o and U+0308 come out
	// as ö): compare the composed forms.
	body, text = norm.NFC.String(body), norm.NFC.String(text)
	hay := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' || r == '\u2010' || r == '\u00ad' || '0' <= r && r <= '9' {
			return -1
		}
		return r
	}, text)
	words := strings.FieldsFunc(body, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
	})
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return w
		}
	}
	return ""
}

// render writes an article as an EPUB (with the generated cover) and a PDF
// into memory, with the options a conversion uses by default.
func render(a *article.Article) (epubOut, pdfOut []byte, err error) {
	var cb, eb, pb bytes.Buffer
	co := cover.Options{}
	if err := cover.Render(&cb, &a.Meta, co); err != nil {
		return nil, nil, err
	}
	if err := epub.Write(&eb, a, epub.Options{Cover: cb.Bytes(), CoverType: co.MediaType()}); err != nil {
		return nil, nil, err
	}
	if err := pdf.Write(&pb, a, pdf.Options{}); err != nil {
		return nil, nil, err
	}
	return eb.Bytes(), pb.Bytes(), nil
}

// checkError fails unless err is a one-line message.
func checkError(t *testing.T, err error) {
	t.Helper()
	msg := err.Error()
	if strings.TrimSpace(msg) == "" || strings.ContainsAny(msg, "\n\r") {
		t.Fatalf("error is not a one-line message: %q", msg)
	}
}

// opfPackage is what checkEPUB reads of the package document.
type opfPackage struct {
	Items []struct {
		ID        string `xml:"id,attr"`
		Href      string `xml:"href,attr"`
		MediaType string `xml:"media-type,attr"`
	} `xml:"manifest>item"`
	Spine []struct {
		IDRef string `xml:"idref,attr"`
	} `xml:"spine>itemref"`
}

// checkEPUB checks that data is a sound EPUB container: a ZIP whose first
// entry is an uncompressed "mimetype" holding application/epub+zip with no
// extra field, a container.xml naming a package document, every XML entry
// well-formed, and every manifest item and spine reference present. It
// returns the text of the XHTML documents in spine order, entities
// resolved, with a space for every tag.
func checkEPUB(t testing.TB, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("EPUB is not a ZIP: %v", err)
	}
	if len(zr.File) == 0 {
		t.Fatal("EPUB is an empty ZIP")
	}
	first := zr.File[0]
	if first.Name != "mimetype" || first.Method != zip.Store || len(first.Extra) != 0 {
		t.Fatalf("first EPUB entry is %q (method %d, %d extra bytes), want a stored mimetype", first.Name, first.Method, len(first.Extra))
	}
	entries := map[string][]byte{}
	for _, f := range zr.File {
		if _, dup := entries[f.Name]; dup {
			t.Fatalf("EPUB entry %q repeated", f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("EPUB entry %q: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("EPUB entry %q: %v", f.Name, err)
		}
		entries[f.Name] = b
	}
	if got := string(entries["mimetype"]); got != "application/epub+zip" {
		t.Fatalf("mimetype holds %q", got)
	}
	texts := map[string]string{}
	for name, b := range entries {
		switch path.Ext(name) {
		case ".xhtml", ".opf", ".ncx", ".xml":
			text, err := xmlText(b)
			if err != nil {
				t.Fatalf("EPUB entry %s is not well-formed XML: %v\n%s", name, err, excerpt(b, err))
			}
			texts[name] = text
		}
	}
	var container struct {
		Rootfiles []struct {
			Path string `xml:"full-path,attr"`
		} `xml:"rootfiles>rootfile"`
	}
	if err := xml.Unmarshal(entries["META-INF/container.xml"], &container); err != nil || len(container.Rootfiles) == 0 {
		t.Fatalf("EPUB container.xml names no package document: %v", err)
	}
	opfName := container.Rootfiles[0].Path
	var pkg opfPackage
	if err := xml.Unmarshal(entries[opfName], &pkg); err != nil {
		t.Fatalf("EPUB package document %q: %v", opfName, err)
	}
	hrefs := map[string]string{}
	for _, it := range pkg.Items {
		name := path.Join(path.Dir(opfName), it.Href)
		if _, ok := entries[name]; !ok {
			t.Fatalf("EPUB manifest item %q (%s) is not in the ZIP", it.Href, it.MediaType)
		}
		hrefs[it.ID] = name
	}
	if len(pkg.Spine) == 0 {
		t.Fatal("EPUB spine is empty")
	}
	var all strings.Builder
	for _, ref := range pkg.Spine {
		name, ok := hrefs[ref.IDRef]
		if !ok {
			t.Fatalf("EPUB spine refers to %q, not in the manifest", ref.IDRef)
		}
		all.WriteString(texts[name])
		all.WriteByte(' ')
	}
	return all.String()
}

// xmlText parses an XML document strictly (no entities beyond XML's own)
// and returns its character data, a space standing for every tag. The
// numbers of note references (role="doc-noteref"), which article.BodyText
// leaves out, are left out too.
func xmlText(data []byte) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var b strings.Builder
	depth, roots, skipFrom := 0, 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch x := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
			if skipFrom == 0 && isNoteRef(x) {
				skipFrom = depth
			}
			b.WriteByte(' ')
		case xml.EndElement:
			if depth == skipFrom {
				skipFrom = 0
			}
			depth--
			b.WriteByte(' ')
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(x)) > 0 {
				return "", fmt.Errorf("text outside the root element")
			}
			if skipFrom == 0 {
				b.Write(x)
			}
		}
	}
	if roots != 1 {
		return "", fmt.Errorf("%d root elements", roots)
	}
	return b.String(), nil
}

// isNoteRef reports whether an element is a note reference.
func isNoteRef(e xml.StartElement) bool {
	for _, a := range e.Attr {
		if a.Name.Local == "role" && a.Value == "doc-noteref" {
			return true
		}
	}
	return false
}

// excerpt returns the part of data around the line an XML error names.
func excerpt(data []byte, err error) string {
	var se *xml.SyntaxError
	if !errors.As(err, &se) {
		return ""
	}
	lines := strings.Split(string(data), "\n")
	if se.Line < 1 || se.Line > len(lines) {
		return ""
	}
	l := lines[se.Line-1]
	if len(l) > 300 {
		l = l[:300]
	}
	return l
}

// letters returns s with everything but letters and digits removed.
func letters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// missingWords returns the first word of body (a run of letters and digits)
// that the text lacks, or "". Markup may join or split words in the text
// (a note number after a word, emphasis inside one), so words are looked
// for in the text's letters and digits alone: each after the previous
// one's place, or anywhere when the renderer moved it (a table's caption).
func missingWords(body, text string) string {
	hay := letters(text)
	pos := 0
	words := strings.FieldsFunc(body, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, w := range words {
		if i := strings.Index(hay[pos:], w); i >= 0 {
			pos += i + len(w)
		} else if !strings.Contains(hay, w) {
			return w
		}
	}
	return ""
}

var (
	pdfObjectRE = regexp.MustCompile(`(?m)^(\d+) 0 obj\b`)
	pdfPageRE   = regexp.MustCompile(`/Type\s*/Page\b`)
	pdfCountRE  = regexp.MustCompile(`/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b`)
)

// checkPDF checks that data is a sound PDF as far as can be told without a
// PDF library: a header, a cross-reference table whose every entry points
// at its object, a trailer, the end marker, and as many page objects as
// the page tree counts. It returns the number of pages.
func checkPDF(t testing.TB, data []byte) int {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("%PDF-1.")) {
		t.Fatalf("PDF does not start with a PDF header: %.20q", data)
	}
	if !bytes.HasSuffix(bytes.TrimRight(data, "\r\n"), []byte("%%EOF")) {
		t.Fatal("PDF does not end with an end-of-file marker")
	}
	i := bytes.LastIndex(data, []byte("startxref"))
	if i < 0 {
		t.Fatal("PDF has no startxref")
	}
	fields := strings.Fields(string(data[i+len("startxref"):]))
	if len(fields) == 0 {
		t.Fatal("PDF startxref has no offset")
	}
	off, err := strconv.Atoi(fields[0])
	if err != nil || off <= 0 || off >= len(data) || !bytes.HasPrefix(data[off:], []byte("xref")) {
		t.Fatalf("PDF startxref %q does not point at an xref table", fields[0])
	}
	lines := strings.Split(string(data[off:min(len(data), off+1<<20)]), "\n")
	if len(lines) < 3 {
		t.Fatal("PDF xref table is cut short")
	}
	sub := strings.Fields(lines[1])
	if len(sub) != 2 {
		t.Fatalf("PDF xref subsection header %q", lines[1])
	}
	start, _ := strconv.Atoi(sub[0])
	n, _ := strconv.Atoi(sub[1])
	if n < 2 || len(lines) < n+2 {
		t.Fatalf("PDF xref table of %d entries is cut short", n)
	}
	for k := 0; k < n; k++ {
		e := strings.Fields(lines[2+k])
		if len(e) != 3 || len(e[0]) != 10 || len(e[1]) != 5 {
			t.Fatalf("PDF xref entry %d malformed: %q", start+k, lines[2+k])
		}
		if e[2] != "n" {
			continue
		}
		o, _ := strconv.Atoi(e[0])
		want := fmt.Sprintf("%d 0 obj", start+k)
		if o <= 0 || o >= len(data) || !bytes.HasPrefix(data[o:], []byte(want)) {
			t.Fatalf("PDF xref entry for object %d points at %.20q", start+k, data[min(o, len(data)):])
		}
	}
	if !bytes.Contains(data[off:], []byte("trailer")) || !bytes.Contains(data[off:], []byte("/Root")) {
		t.Fatal("PDF has no trailer with a /Root")
	}
	objs := len(pdfObjectRE.FindAll(data, -1))
	if objs < n-1 {
		t.Fatalf("PDF has %d objects, its xref table %d", objs, n-1)
	}
	pages := len(pdfPageRE.FindAll(data, -1))
	m := pdfCountRE.FindSubmatch(data)
	if m == nil {
		t.Fatal("PDF has no page tree with a /Count")
	}
	count, _ := strconv.Atoi(string(m[1]) + string(m[2]))
	if count != pages {
		t.Fatalf("PDF page tree counts %d pages, %d page objects found", count, pages)
	}
	return pages
}

// fakeT records a checker's failure instead of failing the test, so that
// the checkers can be shown to catch what they are for.
type fakeT struct {
	testing.TB
	failed string
}

func (f *fakeT) Helper() {}

func (f *fakeT) Fatal(args ...any) { f.failed = fmt.Sprint(args...); runtime.Goexit() }

func (f *fakeT) Fatalf(format string, args ...any) {
	f.failed = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// fails runs check with a fakeT and returns its failure message.
func fails(t *testing.T, check func(testing.TB)) string {
	ft := &fakeT{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		check(ft)
	}()
	<-done
	return ft.failed
}

// rezip rewrites an EPUB, letting edit change each entry's name, method
// and content (or drop it by returning an empty name).
func rezip(t *testing.T, data []byte, edit func(name string, method uint16, b []byte) (string, uint16, []byte)) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		name, method, b := edit(f.Name, f.Method, b)
		if name == "" {
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestCheckers shows that the checks FuzzPipeline and the hostile-input
// tests rely on pass sound outputs and catch broken ones.
func TestCheckers(t *testing.T) {
	a, err := Read(Sample(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	good, pdfData, err := render(a)
	if err != nil {
		t.Fatal(err)
	}
	text := checkEPUB(t, good)
	if w := missingWords(a.BodyText(), text); w != "" {
		t.Fatalf("sound EPUB lacks %q", w)
	}
	if n := checkPDF(t, pdfData); n < 2 {
		t.Fatalf("sound PDF has %d pages", n)
	}
	if w := missingWords(a.BodyText()+" Zanzibar", text); w != "Zanzibar" {
		t.Errorf("missingWords found the word that is not there: %q", w)
	}

	keep := func(n string, m uint16, b []byte) (string, uint16, []byte) { return n, m, b }
	epubs := []struct {
		name string
		edit func(n string, m uint16, b []byte) (string, uint16, []byte)
	}{
		{"mimetype deflated", func(n string, m uint16, b []byte) (string, uint16, []byte) {
			if n == "mimetype" {
				m = zip.Deflate
			}
			return n, m, b
		}},
		{"mimetype wrong", func(n string, m uint16, b []byte) (string, uint16, []byte) {
			if n == "mimetype" {
				b = []byte("application/zip")
			}
			return n, m, b
		}},
		{"xhtml not well-formed", func(n string, m uint16, b []byte) (string, uint16, []byte) {
			if strings.HasSuffix(n, ".xhtml") {
				b = bytes.Replace(b, []byte("</body>"), []byte("<p>a<b></p></body>"), 1)
			}
			return n, m, b
		}},
		{"unescaped ampersand", func(n string, m uint16, b []byte) (string, uint16, []byte) {
			if strings.HasSuffix(n, ".opf") {
				b = bytes.Replace(b, []byte("</metadata>"), []byte("<dc:subject>a & b</dc:subject></metadata>"), 1)
			}
			return n, m, b
		}},
		{"named entity", func(n string, m uint16, b []byte) (string, uint16, []byte) {
			if strings.HasSuffix(n, ".ncx") {
				b = bytes.Replace(b, []byte("</ncx>"), []byte("&nbsp;</ncx>"), 1)
			}
			return n, m, b
		}},
		{"manifest item missing", func(n string, m uint16, b []byte) (string, uint16, []byte) {
			if strings.HasSuffix(n, ".css") {
				return "", m, b
			}
			return n, m, b
		}},
	}
	if msg := fails(t, func(tb testing.TB) { checkEPUB(tb, rezip(t, good, keep)) }); msg != "" {
		t.Fatalf("a rezipped sound EPUB fails: %s", msg)
	}
	for _, tt := range epubs {
		if msg := fails(t, func(tb testing.TB) { checkEPUB(tb, rezip(t, good, tt.edit)) }); msg == "" {
			t.Errorf("checkEPUB passes an EPUB with %s", tt.name)
		}
	}

	pdfs := []struct {
		name string
		edit func([]byte) []byte
	}{
		{"no header", func(b []byte) []byte { return b[1:] }},
		{"cut short", func(b []byte) []byte { return b[:len(b)/2] }},
		{"object moved", func(b []byte) []byte { return bytes.Replace(b, []byte("3 0 obj"), []byte(" 3 0 obj"), 1) }},
		{"page lost", func(b []byte) []byte { return bytes.Replace(b, []byte("/Type /Page\n"), []byte("/Type /Pagx\n"), 1) }},
	}
	for _, tt := range pdfs {
		b := tt.edit(bytes.Clone(pdfData))
		if bytes.Equal(b, pdfData) {
			t.Fatalf("PDF edit %q changed nothing", tt.name)
		}
		if msg := fails(t, func(tb testing.TB) { checkPDF(tb, b) }); msg == "" {
			t.Errorf("checkPDF passes a PDF with %s", tt.name)
		}
	}
}

func TestMissingASCIIWords(t *testing.T) {
	for _, c := range []struct{ body, text, want string }{
		{"hyphenated appearance", "hyphen-\nated ap-\npearance\f", ""},
		{"a note here", "a note1 here", ""},
		{"lost word", "lost\f", "word"},
		{"naïve café", "na?ve caf?", ""},
		{"2026 budget", "budget", ""},
		{"Kopfho\u0308rer", "Kopfh\u00f6rer", ""},
	} {
		if got := missingASCIIWords(c.body, c.text); got != c.want {
			t.Errorf("missingASCIIWords(%q, %q) = %q, want %q", c.body, c.text, got, c.want)
		}
	}
}
