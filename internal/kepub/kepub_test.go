package kepub_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/convert"
	"github.com/offprint/offprint/internal/kepub"
)

// corpus lists the corpus articles: testdata/corpus/*.txt, *.md, *.html
// and the language corpus.
func corpus(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pat := range []string{"*.txt", "*.md", "*.html", "lang/*-*.md", "lang/*-*.html"} {
		m, err := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", pat))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 20 {
		t.Fatalf("found only %d corpus files", len(files))
	}
	return files
}

// book is one corpus article written as an EPUB and a KEPUB by the
// pipeline.
type book struct {
	name        string
	epub, kepub []byte
	kepubPath   string
}

// convertBoth converts input (a corpus file, or "" for the sample) to an
// EPUB and a KEPUB in dir, as offprint -f epub,kepub does.
func convertBoth(t *testing.T, input, dir string) book {
	t.Helper()
	in := convert.Sample()
	if input != "" {
		var err error
		if in, err = convert.Load(input, convert.LoadOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	in.LoadImage = nil // tests make no network requests
	res, err := convert.Convert(in, convert.Options{OutDir: dir, Formats: []string{convert.EPUB, convert.KEPUB}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Paths) != 2 || !strings.HasSuffix(res.Paths[1], ".kepub.epub") ||
		strings.TrimSuffix(res.Paths[0], ".epub") != strings.TrimSuffix(res.Paths[1], ".kepub.epub") {
		t.Fatalf("paths %q, want NAME.epub and NAME.kepub.epub", res.Paths)
	}
	b := book{name: input, kepubPath: res.Paths[1]}
	if b.epub, err = os.ReadFile(res.Paths[0]); err != nil {
		t.Fatal(err)
	}
	if b.kepub, err = os.ReadFile(res.Paths[1]); err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCorpus converts every corpus article and checks its KEPUB against
// its EPUB: the same entries in the same order with the same timestamps,
// the untransformed ones (images, CSS, NCX) byte for byte; the metadata,
// manifest, spine and cover; every id and link of the documents (notes,
// navigation); the text of every paragraph, now all in koboSpan spans;
// and the same bytes when converted again.
func TestCorpus(t *testing.T) {
	for _, input := range corpus(t) {
		name := strings.TrimPrefix(filepath.ToSlash(input), "../../testdata/corpus/")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b := convertBoth(t, input, t.TempDir())
			checkBook(t, b)
		})
	}
}

func checkBook(t *testing.T, b book) {
	t.Helper()
	ez := openZip(t, b.epub)
	kz := openZip(t, b.kepub)
	// Entries: the same names in the same order, mimetype first and
	// stored, the same timestamps and, outside the documents kepubify
	// transforms, the same bytes.
	var en, kn []string
	for _, f := range ez.File {
		en = append(en, f.Name)
	}
	for _, f := range kz.File {
		kn = append(kn, f.Name)
	}
	if !slices.Equal(en, kn) {
		t.Fatalf("entries\n%q\nwant those of the EPUB\n%q", kn, en)
	}
	if kz.File[0].Name != "mimetype" || kz.File[0].Method != zip.Store || read(t, kz.File[0]) != "application/epub+zip" {
		t.Errorf("first entry %q (method %d), want mimetype, stored", kz.File[0].Name, kz.File[0].Method)
	}
	opfName := ""
	for i, ef := range ez.File {
		kf := kz.File[i]
		if !ef.Modified.Equal(kf.Modified) || ef.ModifiedDate != kf.ModifiedDate || ef.ModifiedTime != kf.ModifiedTime {
			t.Errorf("%s: modified %v, want the EPUB's %v", kf.Name, kf.Modified, ef.Modified)
		}
		switch ext := path.Ext(ef.Name); {
		case ext == ".opf":
			opfName = ef.Name
		case ext == ".xhtml" || ext == ".html":
		default:
			if read(t, ef) != read(t, kf) {
				t.Errorf("%s differs from the EPUB's", ef.Name)
			}
		}
	}
	if opfName == "" {
		t.Fatal("no package document")
	}
	epkg, kpkg := parseOPF(t, read(t, file(t, ez, opfName))), parseOPF(t, read(t, file(t, kz, opfName)))
	checkPackage(t, epkg, kpkg)
	// The content documents: ids, links and paragraph text kept, every
	// text in koboSpan spans, the Kobo wrappers.
	spans := 0
	for _, it := range epkg.Items {
		if it.MediaType != "application/xhtml+xml" {
			continue
		}
		name := path.Join(path.Dir(opfName), it.Href)
		edoc := parseHTML(t, read(t, file(t, ez, name)))
		kdoc := parseHTML(t, read(t, file(t, kz, name)))
		if a, b := attrs(edoc, "id"), attrs(kdoc, "id"); !subset(a, b) {
			t.Errorf("%s: ids lost: EPUB %q, KEPUB %q", name, a, b)
		}
		if a, b := attrs(edoc, "href"), attrs(kdoc, "href"); !slices.Equal(a, b) {
			t.Errorf("%s: links %q, want the EPUB's %q", name, b, a)
		}
		if a, b := blockTexts(edoc), blockTexts(kdoc); !slices.Equal(a, b) {
			t.Errorf("%s: paragraph text changed:\nEPUB  %q\nKEPUB %q", name, a, b)
		}
		if !hasWrappers(kdoc) {
			t.Errorf("%s: no div#book-columns > div#book-inner", name)
		}
		n, bare := koboSpans(kdoc)
		spans += n
		for _, s := range bare {
			t.Errorf("%s: text outside a koboSpan: %q", name, s)
		}
	}
	if spans == 0 {
		t.Error("no koboSpan in the book")
	}
	// The same input gives the same bytes, through the pipeline or not.
	again, err := kepub.Convert(b.epub)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, b.kepub) {
		t.Error("converting the EPUB again gave other bytes")
	}
}

// opf is what the tests read of a package document.
type opf struct {
	Metadata struct {
		Inner []byte `xml:",innerxml"`
	} `xml:"metadata"`
	Items []struct {
		ID         string `xml:"id,attr"`
		Href       string `xml:"href,attr"`
		MediaType  string `xml:"media-type,attr"`
		Properties string `xml:"properties,attr"`
	} `xml:"manifest>item"`
	Spine struct {
		Toc   string `xml:"toc,attr"`
		Items []struct {
			IDRef  string `xml:"idref,attr"`
			Linear string `xml:"linear,attr"`
		} `xml:"itemref"`
	} `xml:"spine"`
}

func parseOPF(t *testing.T, s string) opf {
	t.Helper()
	var p opf
	if err := xml.Unmarshal([]byte(s), &p); err != nil {
		t.Fatalf("package document: %v", err)
	}
	return p
}

// checkPackage compares the KEPUB's package document with the EPUB's: the
// same metadata (as XML tokens, white space aside), manifest and spine,
// and the cover marked as cover-image (which Kobo requires).
func checkPackage(t *testing.T, e, k opf) {
	t.Helper()
	if a, b := xmlTokens(t, e.Metadata.Inner), xmlTokens(t, k.Metadata.Inner); !slices.Equal(a, b) {
		t.Errorf("metadata changed:\nEPUB  %q\nKEPUB %q", a, b)
	}
	if len(e.Items) != len(k.Items) {
		t.Fatalf("manifest has %d items, the EPUB's %d", len(k.Items), len(e.Items))
	}
	hadCover := false
	for i := range e.Items {
		ei, ki := e.Items[i], k.Items[i]
		if ei.ID != ki.ID || ei.Href != ki.Href || ei.MediaType != ki.MediaType {
			t.Errorf("manifest item %d: %+v, want %+v", i, ki, ei)
		}
		if strings.Contains(ei.Properties, "cover-image") {
			hadCover = true
			if !strings.Contains(ki.Properties, "cover-image") {
				t.Errorf("the cover %s lost its cover-image property", ei.Href)
			}
		}
		if strings.Contains(ei.Properties, "nav") && !strings.Contains(ki.Properties, "nav") {
			t.Errorf("the navigation %s lost its nav property", ei.Href)
		}
	}
	if !hadCover {
		t.Error("the EPUB has no cover-image item")
	}
	if !slices.Equal(e.Spine.Items, k.Spine.Items) || e.Spine.Toc != k.Spine.Toc || len(e.Spine.Items) == 0 {
		t.Errorf("spine %v, want %v", k.Spine, e.Spine)
	}
}

// xmlTokens lists the elements, attributes and non-blank text of an XML
// fragment.
func xmlTokens(t *testing.T, b []byte) []string {
	t.Helper()
	var out []string
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("metadata: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			s := "<" + tok.Name.Space + " " + tok.Name.Local
			for _, a := range tok.Attr {
				s += " " + a.Name.Local + "=" + a.Value
			}
			out = append(out, s)
		case xml.CharData:
			if s := strings.TrimSpace(string(tok)); s != "" {
				out = append(out, s)
			}
		}
	}
}

func openZip(t *testing.T, b []byte) *zip.Reader {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return z
}

func file(t *testing.T, z *zip.Reader, name string) *zip.File {
	t.Helper()
	for _, f := range z.File {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("no %s in the book", name)
	return nil
}

func read(t *testing.T, f *zip.File) string {
	t.Helper()
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	return string(b)
}

func parseHTML(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// walk calls fn on n and every node below it, in document order; fn
// returning false skips the node's children.
func walk(n *html.Node, fn func(*html.Node) bool) {
	if !fn(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

// attrs lists the values of an attribute over the document, leaving out
// the ids kepubify adds (kobo.N.M, book-columns, book-inner).
func attrs(doc *html.Node, key string) []string {
	var out []string
	walk(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			if v, ok := attr(n, key); ok && !(key == "id" && (strings.HasPrefix(v, "kobo.") || v == "book-columns" || v == "book-inner")) {
				out = append(out, v)
			}
		}
		return true
	})
	return out
}

func subset(a, b []string) bool {
	for _, s := range a {
		if !slices.Contains(b, s) {
			return false
		}
	}
	return true
}

// blockTexts lists the text of every paragraph, heading and list item.
func blockTexts(doc *html.Node) []string {
	var out []string
	walk(doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Td, atom.Th:
			out = append(out, text(n))
		}
		return true
	})
	return out
}

func text(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

func hasWrappers(doc *html.Node) bool {
	found := false
	walk(doc, func(n *html.Node) bool {
		if n.DataAtom == atom.Body {
			c := firstElement(n)
			if id, _ := attr(c, "id"); c != nil && id == "book-columns" {
				in := firstElement(c)
				id, _ := attr(in, "id")
				found = in != nil && id == "book-inner"
			}
			return false
		}
		return true
	})
	return found
}

func firstElement(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

var koboID = regexp.MustCompile(`^kobo\.\d+\.\d+$`)

// koboSpans counts the koboSpan spans of a document's body and lists the
// non-blank texts that are in none (outside pre, code, SVG and MathML,
// which Kobo leaves as they are).
func koboSpans(doc *html.Node) (spans int, bare []string) {
	var visit func(n *html.Node, inSpan bool)
	visit = func(n *html.Node, inSpan bool) {
		switch n.Type {
		case html.TextNode:
			if !inSpan && strings.TrimSpace(n.Data) != "" {
				bare = append(bare, n.Data)
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Pre, atom.Script, atom.Style, atom.Svg, atom.Math, atom.Audio, atom.Video:
				return
			case atom.Span:
				if c, _ := attr(n, "class"); c == "koboSpan" {
					if id, _ := attr(n, "id"); koboID.MatchString(id) {
						spans++
						inSpan = true
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, inSpan)
		}
	}
	walk(doc, func(n *html.Node) bool {
		if n.DataAtom == atom.Body {
			visit(n, false)
			return false
		}
		return true
	})
	return spans, bare
}

// TestReproducible: two runs of the pipeline write the same KEPUB, whose
// entries are in the EPUB's order whatever order kepubify finished them
// in.
func TestReproducible(t *testing.T) {
	a := convertBoth(t, "", t.TempDir())
	for i := 0; i < 3; i++ {
		b := convertBoth(t, "", t.TempDir())
		if !bytes.Equal(a.kepub, b.kepub) {
			t.Fatalf("run %d wrote another KEPUB", i+2)
		}
	}
}

// TestNotEPUB: what is not an EPUB fails with one line prefixed "kepub: ",
// wrapping ErrNotEPUB.
func TestNotEPUB(t *testing.T) {
	var empty bytes.Buffer
	zip.NewWriter(&empty).Close()
	var noMimetype bytes.Buffer
	zw := zip.NewWriter(&noMimetype)
	w, _ := zw.Create("mimetype")
	io.WriteString(w, "application/zip")
	zw.Close()
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"nothing", nil},
		{"text", []byte("not a zip file")},
		{"empty zip", empty.Bytes()},
		{"other zip", noMimetype.Bytes()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := kepub.Convert(tc.data)
			if !errors.Is(err, kepub.ErrNotEPUB) {
				t.Fatalf("err %v, want ErrNotEPUB", err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "kepub: ") || strings.Contains(msg, "\n") {
				t.Errorf("message %q, want one line starting kepub: ", msg)
			}
		})
	}
}

// TestBrokenDocument: an EPUB whose package document is not XML fails
// with a "kepub: " error, and nothing is returned.
func TestBrokenDocument(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range []struct{ name, body string }{
		{"mimetype", "application/epub+zip"},
		{"META-INF/container.xml", `<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`},
		{"book.opf", "<package <<<"},
	} {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Store})
		io.WriteString(w, f.body)
	}
	zw.Close()
	out, err := kepub.Convert(b.Bytes())
	if err == nil || out != nil || !strings.HasPrefix(err.Error(), "kepub: ") {
		t.Fatalf("got %d bytes, err %v; want a kepub: error", len(out), err)
	}
}

// expectedWarnings are the EPUBCheck warnings a KEPUB may have beyond its
// EPUB's (which has none): none so far. kepubify's markup is valid XHTML;
// its classes (koboSpan, kobostylehacks) have no CSS rule, which EPUBCheck
// reports only as usage notes (CSS-025), not warnings.
var expectedWarnings = []string{}

// TestEPUBCheck runs EPUBCheck on KEPUBs: the sample's, a right-to-left
// article's, and one binding every corpus article (so that each article's
// documents are checked, at the cost of three EPUBCheck runs rather than
// one per article): no fatal error, no error, and no warning but the
// expected ones. It needs java and Debian's epubcheck; it skips without
// them, and in -short mode, outside CI (EPUBCheck takes seconds per book),
// and fails in CI.
func TestEPUBCheck(t *testing.T) {
	const jar = "/usr/bin/epubcheck"
	ci := os.Getenv("CI") != ""
	if _, err := exec.LookPath("java"); err != nil {
		if !ci {
			t.Skip("java not installed")
		}
		t.Fatal("java not installed")
	}
	if _, err := os.Stat(jar); err != nil {
		if !ci {
			t.Skip("epubcheck not installed")
		}
		t.Fatal("epubcheck not installed")
	}
	if testing.Short() && !ci {
		t.Skip("EPUBCheck is slow; skipped in -short mode")
	}
	summary := regexp.MustCompile(`Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings? / (\d+) infos?`)
	warning := regexp.MustCompile(`(?m)^WARNING\(([A-Z]+-\d+)\)`)
	for _, tc := range []struct {
		name  string
		kepub func(t *testing.T) string
	}{
		{"sample", func(t *testing.T) string { return convertBoth(t, "", t.TempDir()).kepubPath }},
		{"right to left", func(t *testing.T) string {
			return convertBoth(t, filepath.Join("..", "..", "testdata", "corpus", "lang", "ar-nakhil.md"), t.TempDir()).kepubPath
		}},
		{"corpus bundle", bundleKEPUB},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := tc.kepub(t)
			out, err := exec.Command("java", "-jar", jar, path).CombinedOutput()
			m := summary.FindSubmatch(out)
			if m == nil || !strings.Contains(string(out), "Validating using EPUB version") {
				t.Fatalf("epubcheck: %v\n%s", err, out)
			}
			if string(m[1]) != "0" || string(m[2]) != "0" {
				t.Errorf("epubcheck: errors:\n%s", out)
			}
			for _, w := range warning.FindAllSubmatch(out, -1) {
				if !slices.Contains(expectedWarnings, string(w[1])) {
					t.Errorf("epubcheck: unexpected warning %s:\n%s", w[1], out)
				}
			}
		})
	}
}

// bundleKEPUB binds every corpus article into one KEPUB, as offprint
// --bundle -f kepub does, and returns its path.
func bundleKEPUB(t *testing.T) string {
	t.Helper()
	files := corpus(t)
	var articles []*article.Article
	for _, f := range files {
		in, err := convert.Load(f, convert.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		in.LoadImage = nil
		a, err := convert.Read(in, convert.Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		articles = append(articles, a)
	}
	res, err := convert.WriteCollection(convert.Bundle(articles, convert.Override{Title: "Corpus"}),
		convert.Options{OutDir: t.TempDir(), Formats: []string{convert.KEPUB}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Paths) != 1 || !strings.HasSuffix(res.Paths[0], ".kepub.epub") {
		t.Fatalf("wrote %q", res.Paths)
	}
	// Every article is in it.
	b, err := os.ReadFile(res.Paths[0])
	if err != nil {
		t.Fatal(err)
	}
	docs := 0
	for _, f := range openZip(t, b).File {
		if strings.HasSuffix(f.Name, ".xhtml") {
			docs++
		}
	}
	if docs < len(files) {
		t.Fatalf("the bundle has %d documents for %d articles", docs, len(files))
	}
	return res.Paths[0]
}
