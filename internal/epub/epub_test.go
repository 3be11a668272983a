package epub

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// testDate is the conversion date of the test books.
var testDate = time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)

// testBook is a book the tests write.
type testBook struct {
	name string
	book func(testing.TB) *article.Collection
	opt  func(testing.TB) Options
	// noGolden leaves the book out of the golden test: a book made with
	// the readers from the corpus, whose output is the readers' to change.
	noGolden bool
}

// one returns the one-article collection of the article f makes.
func one(f func(testing.TB) *article.Article) func(testing.TB) *article.Collection {
	return func(t testing.TB) *article.Collection { return article.Single(f(t)) }
}

func minimalArticle(testing.TB) *article.Article {
	return &article.Article{
		Meta:   article.Meta{Title: "Only a title"},
		Blocks: []article.Block{ptext("And one paragraph.")},
	}
}

// testBooks are the books of the golden, determinism and conformance
// tests: the sample; a Russian article with a cover and embedded fonts;
// an article with every kind of content; an article with nothing but a
// title and a paragraph; a small bundle of two articles in two languages;
// a bundle of corpus articles made by the readers, with a cover.
var testBooks = []testBook{
	{"sample", one(sampleArticle), func(testing.TB) Options { return Options{Version: "1.0", Date: testDate} }, false},
	{"russian", one(func(testing.TB) *article.Article { return russianArticle() }), func(t testing.TB) Options {
		return Options{Version: "1.0", Date: testDate, Cover: testCover(t), CoverType: "image/png", EmbedFonts: true}
	}, false},
	{"full", one(fullArticle), func(testing.TB) Options { return Options{Version: "1.0", Date: testDate} }, false},
	{"minimal", one(minimalArticle), func(testing.TB) Options { return Options{} }, false},
	{"bundle", smallBundle, func(testing.TB) Options { return Options{Version: "1.0", Date: testDate} }, false},
	{"corpus-bundle", corpusBundle, func(t testing.TB) Options {
		return Options{Version: "1.0", Date: testDate, Cover: testCover(t)}
	}, true},
}

// testCover returns a small PNG cover.
func testCover(t testing.TB) []byte {
	t.Helper()
	m := image.NewGray(image.Rect(0, 0, 60, 90))
	for y := 0; y < 90; y++ {
		for x := 0; x < 60; x++ {
			m.SetGray(x, y, color.Gray{uint8(y * 2)})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// writtenBooks caches the test books by name: the golden, well-formedness
// and conformance tests read the same bytes.
var writtenBooks sync.Map

// writeBook returns a test book, written once, failing the test on error.
func writeBook(t testing.TB, tb testBook) []byte {
	t.Helper()
	if b, ok := writtenBooks.Load(tb.name); ok {
		return b.([]byte)
	}
	var buf bytes.Buffer
	if err := WriteCollection(&buf, tb.book(t), tb.opt(t)); err != nil {
		t.Fatalf("%s: %v", tb.name, err)
	}
	writtenBooks.Store(tb.name, buf.Bytes())
	return buf.Bytes()
}

// entries returns the entries of a ZIP, in order.
func entries(t testing.TB, data []byte) ([]*zip.File, map[string][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	content := make(map[string][]byte)
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		content[f.Name] = b
	}
	return zr.File, content
}

// binaryEntry reports whether a ZIP entry is compared by its digest.
func binaryEntry(name string) bool {
	switch filepath.Ext(name) {
	case ".png", ".jpg", ".gif", ".ttf":
		return true
	}
	return false
}

// TestGolden compares every entry of each test book with
// testdata/golden/NAME/: text entries byte for byte, images and fonts by
// their SHA-256 (in NAME.sha256), and the ZIP layout with _zip.txt.
func TestGolden(t *testing.T) {
	for _, tb := range testBooks {
		if tb.noGolden {
			continue
		}
		t.Run(tb.name, func(t *testing.T) {
			files, content := entries(t, writeBook(t, tb))
			dir := filepath.Join("testdata", "golden", tb.name)
			want := make(map[string][]byte)
			var layout strings.Builder
			for _, f := range files {
				fmt.Fprintf(&layout, "%s method=%d modified=%s size=%d extra=%d\n", f.Name, f.Method,
					f.Modified.UTC().Format(time.RFC3339), f.UncompressedSize64, len(f.Extra))
				data := content[f.Name]
				if binaryEntry(f.Name) {
					want[f.Name+".sha256"] = fmt.Appendf(nil, "%x  %d bytes\n", sha256.Sum256(data), len(data))
				} else {
					want[f.Name] = data
				}
			}
			want["_zip.txt"] = []byte(layout.String())
			if *update {
				if err := os.RemoveAll(dir); err != nil {
					t.Fatal(err)
				}
				for name, data := range want {
					p := filepath.Join(dir, filepath.FromSlash(name))
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			for name, data := range want {
				got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
				if err != nil {
					t.Errorf("golden %s: %v (run go test -update to create the golden files)", name, err)
					continue
				}
				if !bytes.Equal(got, data) {
					t.Errorf("%s differs from its golden file:\n%s", name, firstDifference(got, data))
				}
			}
			err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(dir, p)
				if _, ok := want[filepath.ToSlash(rel)]; !ok {
					t.Errorf("golden file %s has no entry in the book", rel)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

// firstDifference describes where two texts first differ.
func firstDifference(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d\nwant: %.300s\n got: %.300s", i+1, w, g)
		}
	}
	return "(same lines, different bytes)"
}

// TestDeterministic writes each book twice, concurrently, and compares the
// bytes with each other and with a third write.
func TestDeterministic(t *testing.T) {
	for _, tb := range testBooks {
		var out [2][]byte
		var wg sync.WaitGroup
		for i := range out {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var buf bytes.Buffer
				if err := WriteCollection(&buf, tb.book(t), tb.opt(t)); err != nil {
					t.Error(err)
				}
				out[i] = buf.Bytes()
			}()
		}
		wg.Wait()
		if len(out[0]) == 0 || !bytes.Equal(out[0], out[1]) || !bytes.Equal(out[0], writeBook(t, tb)) {
			t.Errorf("%s: writes differ (%d and %d bytes)", tb.name, len(out[0]), len(out[1]))
		}
	}
}

// TestWellFormed decodes every XML entry of every book with encoding/xml
// and checks the XHTML pages' language, the title heading and the ZIP
// container rules.
func TestWellFormed(t *testing.T) {
	for _, tb := range testBooks {
		t.Run(tb.name, func(t *testing.T) {
			c := tb.book(t)
			files, content := entries(t, writeBook(t, tb))
			if files[0].Name != "mimetype" || files[0].Method != zip.Store || len(files[0].Extra) != 0 ||
				string(content["mimetype"]) != "application/epub+zip" {
				t.Errorf("first entry %s (method %d, %d bytes extra) is not a stored mimetype", files[0].Name,
					files[0].Method, len(files[0].Extra))
			}
			h1 := 0
			opt := tb.opt(t)
			modified := opt.modified(&c.Meta)
			for _, f := range files {
				data := content[f.Name]
				if !f.Modified.Equal(modified) {
					t.Errorf("%s: modified %v", f.Name, f.Modified)
				}
				switch filepath.Ext(f.Name) {
				case ".xhtml", ".opf", ".ncx", ".xml":
				default:
					continue
				}
				if err := wellFormed(data); err != nil {
					t.Errorf("%s: %v", f.Name, err)
				}
				if filepath.Ext(f.Name) == ".xhtml" {
					lang := pageLanguage(c, f.Name)
					want := fmt.Sprintf(`xml:lang="%s" lang="%s"`, lang, lang)
					if !bytes.Contains(data, []byte("<html ")) || !bytes.Contains(data[:bytes.Index(data, []byte("<head"))], []byte(want)) {
						t.Errorf("%s: root lacks %s", f.Name, want)
					}
					h1 += bytes.Count(data, []byte("<h1"))
				}
				if bytes.Contains(data, []byte("&amp;")) || bytes.Contains(data, []byte("&lt;")) {
					t.Errorf("%s: named entity (EPUBCheck reports them)", f.Name)
				}
			}
			if h1 != 1 {
				t.Errorf("%d h1 elements in the book, want 1", h1)
			}
		})
	}
}

// wellFormed decodes an XML document token by token.
func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// TestEPUBCheck runs EPUBCheck on every test book and wants no message at
// all, but two usage notes EPUBCheck 4 gives whatever one does: on the NCX
// namespace (every NCX) and on @font-face (embedded fonts), and, in books
// made from real pages, the note on each plain-HTTP link (HTM-005). It
// skips when Java or EPUBCheck is missing, unless CI is set, and in -short
// mode outside CI (EPUBCheck takes seconds per book). Set EPUB_TEST_OUT to
// a directory to keep the books (for Ace).
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
	dir := os.Getenv("EPUB_TEST_OUT")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	summary := regexp.MustCompile(`Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings? / (\d+) infos?`)
	for _, tb := range testBooks {
		t.Run(tb.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(dir, tb.name+".epub")
			if err := os.WriteFile(path, writeBook(t, tb), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("java", "-jar", jar, "--usage", path).CombinedOutput()
			m := summary.FindSubmatch(out)
			if m == nil {
				t.Fatalf("epubcheck: %v\n%s", err, out)
			}
			if string(m[1]) != "0" || string(m[2]) != "0" || string(m[3]) != "0" || string(m[4]) != "0" {
				t.Errorf("epubcheck:\n%s", out)
			}
			for _, line := range strings.Split(string(out), "\n") {
				if strings.HasPrefix(line, "USAGE(") && !strings.Contains(line, "http://www.daisy.org/z3986/2005/ncx/") &&
					!strings.HasPrefix(line, "USAGE(CSS-028)") && !(tb.noGolden && strings.HasPrefix(line, "USAGE(HTM-005)")) {
					t.Errorf("epubcheck: %s", line)
				}
			}
		})
	}
}

// opfDoc is what the metadata tests read of a package document.
type opfDoc struct {
	Metadata struct {
		Identifier string   `xml:"identifier"`
		Titles     []string `xml:"title"`
		Language   string   `xml:"language"`
		Creators   []string `xml:"creator"`
		Date       string   `xml:"date"`
		Source     string   `xml:"source"`
		Publisher  string   `xml:"publisher"`
		Rights     string   `xml:"rights"`
		Subjects   []string `xml:"subject"`
		Meta       []struct {
			Property string `xml:"property,attr"`
			Refines  string `xml:"refines,attr"`
			Name     string `xml:"name,attr"`
			Content  string `xml:"content,attr"`
			Value    string `xml:",chardata"`
		} `xml:"meta"`
	} `xml:"metadata"`
	Items []struct {
		ID         string `xml:"id,attr"`
		Href       string `xml:"href,attr"`
		MediaType  string `xml:"media-type,attr"`
		Properties string `xml:"properties,attr"`
	} `xml:"manifest>item"`
	Spine []struct {
		IDRef  string `xml:"idref,attr"`
		Linear string `xml:"linear,attr"`
	} `xml:"spine>itemref"`
}

// metaValues returns the values of the <meta> elements with a property.
func (d *opfDoc) metaValues(property string) []string {
	var v []string
	for _, m := range d.Metadata.Meta {
		if m.Property == property && m.Refines == "" {
			v = append(v, m.Value)
		}
	}
	return v
}

// readBook writes a and returns its package document and entries.
func readBook(t *testing.T, a *article.Article, opt Options) (*opfDoc, map[string][]byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, a, opt); err != nil {
		t.Fatal(err)
	}
	_, content := entries(t, buf.Bytes())
	var d opfDoc
	if err := xml.Unmarshal(content["EPUB/package.opf"], &d); err != nil {
		t.Fatal(err)
	}
	return &d, content
}

// TestMetadata checks the package metadata against the article it was
// made from.
func TestMetadata(t *testing.T) {
	a := russianArticle()
	d, content := readBook(t, a, Options{Date: testDate})
	m := d.Metadata
	// uuid.uuid5(uuid.NAMESPACE_URL, "https://example.org/ru/night-library") in Python.
	if m.Identifier != "urn:uuid:b9612557-9b1b-5cc4-b62b-ed077c0c2b60" {
		t.Errorf("identifier %s, want the UUID v5 of the source URL", m.Identifier)
	}
	if len(m.Titles) != 1 || m.Titles[0] != a.Meta.Title || m.Language != "ru" || m.Source != a.Meta.SourceURL ||
		m.Publisher != a.Meta.SiteName || m.Rights != a.Meta.Rights || m.Date != "2026-03-14" {
		t.Errorf("metadata %+v", m)
	}
	if strings.Join(m.Creators, "|") != strings.Join(a.Meta.Authors, "|") {
		t.Errorf("creators %q, want %q", m.Creators, a.Meta.Authors)
	}
	if strings.Join(m.Subjects, "|") != strings.Join(a.Meta.Keywords, "|") {
		t.Errorf("subjects %q", m.Subjects)
	}
	roles, fileAs := 0, 0
	for _, x := range m.Meta {
		switch {
		case x.Property == "role" && x.Value == "aut":
			roles++
		case x.Property == "file-as" && x.Value == "Соколова, Ирина":
			fileAs++
		}
	}
	if roles != 2 || fileAs != 1 {
		t.Errorf("%d aut roles, %d file-as", roles, fileAs)
	}
	if got := d.metaValues("dcterms:modified"); len(got) != 1 || got[0] != "2026-03-15T12:00:00Z" {
		t.Errorf("dcterms:modified %q", got)
	}

	// The NCX names the same identifier and the authors.
	ncx := string(content["EPUB/toc.ncx"])
	if !strings.Contains(ncx, `<meta name="dtb:uid" content="`+m.Identifier+`"/>`) {
		t.Errorf("NCX dtb:uid is not %s", m.Identifier)
	}
	for _, au := range a.Meta.Authors {
		if !strings.Contains(ncx, "<docAuthor><text>"+au+"</text></docAuthor>") {
			t.Errorf("NCX lacks docAuthor %s", au)
		}
	}
	// Labels in the book's language.
	if !strings.Contains(string(content["EPUB/nav.xhtml"]), "<h2 id=\"toc-title\">Содержание</h2>") {
		t.Error("navigation heading is not Russian")
	}
	if !strings.Contains(string(content["EPUB/xhtml/titlepage.xhtml"]), "14 марта 2026") {
		t.Error("title page date is not Russian")
	}

	// Without a source URL the identifier comes from the content: stable,
	// and different for different text.
	s := sampleArticle(t)
	d1, _ := readBook(t, s, Options{})
	d2, _ := readBook(t, sampleArticle(t), Options{Date: testDate})
	s.Blocks = s.Blocks[1:]
	d3, _ := readBook(t, s, Options{})
	if d1.Metadata.Identifier != d2.Metadata.Identifier || d1.Metadata.Identifier == d3.Metadata.Identifier ||
		!strings.HasPrefix(d1.Metadata.Identifier, "urn:uuid:") {
		t.Errorf("content identifiers %s %s %s", d1.Metadata.Identifier, d2.Metadata.Identifier, d3.Metadata.Identifier)
	}
}

// TestModifiedDate checks the rule of Options.Date.
func TestModifiedDate(t *testing.T) {
	published := time.Date(2024, 5, 6, 7, 8, 9, 0, time.FixedZone("MSK", 3*3600))
	for _, c := range []struct {
		date, published time.Time
		want            string
	}{
		{testDate, published, "2026-03-15T12:00:00Z"},
		{time.Time{}, published, "2024-05-06T04:08:09Z"},
		{time.Time{}, time.Time{}, "2000-01-01T00:00:00Z"},
	} {
		a := minimalArticle(t)
		a.Meta.Date = c.published
		d, content := readBook(t, a, Options{Date: c.date})
		if got := d.metaValues("dcterms:modified"); len(got) != 1 || got[0] != c.want {
			t.Errorf("date %v, published %v: dcterms:modified %q, want %s", c.date, c.published, got, c.want)
		}
		converted := string(content["EPUB/xhtml/attribution.xhtml"])
		if c.date.IsZero() != strings.Contains(converted, "Converted by offprint.") {
			t.Errorf("date %v: attribution says %s", c.date, regexp.MustCompile(`Converted[^<]*`).FindString(converted))
		}
	}
}

// TestAccessibilityMetadata checks that the accessibility metadata follows
// the content: visual mode with images, alternativeText and the
// conformance claim only when every image has a text alternative.
func TestAccessibilityMetadata(t *testing.T) {
	imgs := testImages(t)
	withImages := func(alts ...string) *article.Article {
		a := minimalArticle(t)
		for _, alt := range alts {
			a.Blocks = append(a.Blocks, &article.Image{Data: imgs["png"], MediaType: "image/png", Alt: alt})
		}
		return a
	}
	for _, c := range []struct {
		name     string
		a        *article.Article
		visual   bool
		allAlt   bool
		hasImage bool
	}{
		{"no images", minimalArticle(t), false, true, false},
		{"all alt", withImages("a", "b"), true, true, true},
		{"one without alt", withImages("a", ""), true, false, true},
		{"none with alt", withImages(""), true, false, true},
	} {
		d, _ := readBook(t, c.a, Options{})
		modes := strings.Join(d.metaValues("schema:accessMode"), ",")
		if want := map[bool]string{false: "textual", true: "textual,visual"}[c.visual]; modes != want {
			t.Errorf("%s: accessMode %s, want %s", c.name, modes, want)
		}
		features := d.metaValues("schema:accessibilityFeature")
		hasAlt := strings.Contains(strings.Join(features, ","), "alternativeText")
		if hasAlt != (c.allAlt && c.hasImage) {
			t.Errorf("%s: features %v", c.name, features)
		}
		sufficient := d.metaValues("schema:accessModeSufficient")
		if (len(sufficient) > 0 && sufficient[0] == "textual") != c.allAlt {
			t.Errorf("%s: accessModeSufficient %v", c.name, sufficient)
		}
		if conforms := len(d.metaValues("dcterms:conformsTo")) == 1; conforms != c.allAlt {
			t.Errorf("%s: conformsTo present %v", c.name, conforms)
		}
		if h := d.metaValues("schema:accessibilityHazard"); len(h) != 1 || h[0] != "none" {
			t.Errorf("%s: hazard %v", c.name, h)
		}
		summary := d.metaValues("schema:accessibilitySummary")
		if len(summary) != 1 || c.hasImage != strings.Contains(summary[0], "image") {
			t.Errorf("%s: summary %q", c.name, summary)
		}
	}
}

// TestNavigation checks that the navigation document and the NCX list the
// same entries, nested the same way, and that heading levels nest.
func TestNavigation(t *testing.T) {
	_, content := readBook(t, fullArticle(t), Options{})
	nav := navOutline(t, content["EPUB/nav.xhtml"], "a", "li")
	ncx := navOutline(t, content["EPUB/toc.ncx"], "content", "navPoint")
	if strings.Join(nav, "\n") != strings.Join(ncx, "\n") {
		t.Errorf("nav and NCX differ:\nnav:\n%s\nncx:\n%s", strings.Join(nav, "\n"), strings.Join(ncx, "\n"))
	}
	want := []string{
		"0 xhtml/titlepage.xhtml", "0 nav.xhtml#toc", "0 xhtml/text.xhtml#inline-kinds",
		"1 xhtml/text.xhtml#a-heading-that-skips-a-level", "1 xhtml/text.xhtml#lists", "1 xhtml/text.xhtml#quote",
		"0 xhtml/text.xhtml#code",
	}
	if len(nav) < len(want) || strings.Join(nav[:len(want)], "\n") != strings.Join(want, "\n") {
		t.Errorf("nav starts\n%s\nwant\n%s", strings.Join(nav, "\n"), strings.Join(want, "\n"))
	}
	if last := nav[len(nav)-1]; last != "0 xhtml/attribution.xhtml" {
		t.Errorf("last entry %s", last)
	}
	landmarks := string(content["EPUB/nav.xhtml"])
	for _, typ := range []string{"titlepage", "toc", "bodymatter", "backmatter"} {
		if !strings.Contains(landmarks, `<a epub:type="`+typ+`"`) {
			t.Errorf("no %s landmark", typ)
		}
	}
}

// navOutline returns "depth target" for each link of the table of
// contents: the href of element linkTag (href or src attribute), its depth
// counted in itemTag elements.
func navOutline(t *testing.T, doc []byte, linkTag, itemTag string) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	depth, inLandmarks := -1, false
	var out []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			for _, a := range e.Attr {
				if a.Name.Local == "type" && a.Value == "landmarks" {
					inLandmarks = true
				}
			}
			switch e.Name.Local {
			case itemTag:
				depth++
			case linkTag:
				for _, a := range e.Attr {
					if (a.Name.Local == "href" || a.Name.Local == "src") && !inLandmarks {
						out = append(out, fmt.Sprintf("%d %s", depth, a.Value))
					}
				}
			}
		case xml.EndElement:
			if e.Name.Local == itemTag {
				depth--
			}
		}
	}
}

// TestContent checks how the text page renders the model: escaping, ids,
// notes, links, images.
func TestContent(t *testing.T) {
	var warnings []string
	_, content := readBook(t, fullArticle(t), Options{Warn: func(s string) { warnings = append(warnings, s) }})
	text := string(content["EPUB/xhtml/text.xhtml"])
	for _, want := range []string{
		`<p>Markup-looking text: &#60;/p&#62;&#60;p class=&#34;evil&#34;&#62;, &#60;![CDATA[ x ]]&#62;, &#38;amp;`,
		`<sup><a id="fnref-1" href="#fn-1" epub:type="noteref" role="doc-noteref" aria-label="Note 1">1</a></sup>`,
		`<li id="fn-1" epub:type="endnote">`,
		`<a href="#fnref-1" role="doc-backlink" aria-label="Back to the text">`,
		`<h2 id="inline-kinds">Inline kinds</h2>`,
		`<h3 id="a-heading-that-skips-a-level">`,
		`<a href="#inline-kinds">a fragment link</a>`,
		`, a broken fragment, a script,<br/>`,
		`<a href="https://example.org/empty" class="url">https://example.org/empty</a>`,
		`<ol start="3">`,
		`<del>struck</del>`,
		`<code>x := &#60;-ch &#38;&#38; y</code>`,
		`<figcaption class="attribution">— a note pinned above <em>Léa&#39;s</em> desk</figcaption>`,
		`<img src="../images/image-006.jpg" alt="A large JPEG scaled down" width="1600" height="800"/>`,
		`<img src="../images/image-001.png" alt="The same PNG again"`,
		`<p class="image-missing">An SVG offprint cannot embed</p>`,
		`<th scope="col" class="align-right">Price</th>`,
		"<thead>\n<tr><td></td><th scope=\"col\">Count</th></tr>\n</thead>",
		"<table>\n<tbody>\n<tr><td>blank</td>",
		`<p dir="rtl">שלום עולם`,
		"tab\tkept; CR\nLF; emoji 📚",
		`<p class="note-heading"><strong>Heading in a note</strong></p>`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text page lacks %q", want)
		}
	}
	if strings.Contains(text, "\x00") || strings.Contains(text, "\x1b") || strings.Contains(text, "\ufffe") ||
		strings.Contains(text, "\u0085") || strings.Contains(text, "<h2 id=\"section\"") {
		t.Error("text page holds a forbidden character or the blank heading")
	}
	if strings.Count(text, `href="#fnref-`) != 2 {
		t.Error("want back-links for the two referenced notes only")
	}
	for _, w := range []string{`"#nowhere"`, `"javascript:alert(1)"`, "drawing.svg", "empty heading"} {
		found := false
		for _, got := range warnings {
			found = found || strings.Contains(got, w)
		}
		if !found {
			t.Errorf("no warning about %s in %q", w, warnings)
		}
	}
	for _, name := range []string{"image-001.png", "image-002.jpg", "image-003.gif", "image-004.jpg", "image-005.png", "image-006.jpg"} {
		cfg, format, err := image.DecodeConfig(bytes.NewReader(content["EPUB/images/"+name]))
		if err != nil || "."+strings.Replace(format, "jpeg", "jpg", 1) != filepath.Ext(name) || max(cfg.Width, cfg.Height) > MaxImageEdge {
			t.Errorf("%s: %s %dx%d %v", name, format, cfg.Width, cfg.Height, err)
		}
	}
	if len(content) != 15 {
		names := make([]string, 0, len(content))
		for n := range content {
			names = append(names, n)
		}
		sort.Strings(names)
		t.Errorf("entries %v", names)
	}
}

// TestWriteErrors checks that Write refuses what it cannot write, and
// writes nothing then.
func TestWriteErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		a    *article.Article
		opt  Options
		want error
	}{
		{"nil", nil, Options{}, nil},
		{"no title", &article.Article{Blocks: []article.Block{ptext("x")}}, Options{}, article.ErrNoTitle},
		{"no body", &article.Article{Meta: article.Meta{Title: "x"}}, Options{}, article.ErrNoBody},
		{"bad cover", minimalArticle(t), Options{Cover: []byte("not an image")}, errUnsupportedImage},
		{"title of controls", &article.Article{Meta: article.Meta{Title: "\x01\x02"}, Blocks: []article.Block{ptext("x")}},
			Options{}, article.ErrNoTitle},
	} {
		var buf bytes.Buffer
		err := Write(&buf, c.a, c.opt)
		if err == nil || !strings.HasPrefix(err.Error(), "epub: ") || c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: wrote %d bytes", c.name, buf.Len())
		}
	}
}

// TestSharedNodes writes an article whose tree holds the same heading and
// note reference twice: identifiers must stay unique.
func TestSharedNodes(t *testing.T) {
	h := heading(2, "Twice")
	r := ref("n")
	a := &article.Article{
		Meta:   article.Meta{Title: "Shared", Language: "en"},
		Blocks: []article.Block{h, para(tx("a"), r), h, para(tx("b"), r)},
		Notes:  []article.Note{{ID: "n", Blocks: []article.Block{ptext("note")}}},
	}
	_, content := readBook(t, a, Options{})
	text := string(content["EPUB/xhtml/text.xhtml"])
	for _, want := range []string{`<h2 id="twice">`, `<h2 id="twice-2">`, `id="fnref-n"`, `id="fnref-n.2"`} {
		if !strings.Contains(text, want) {
			t.Errorf("text page lacks %s", want)
		}
	}
	ids := regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(text, -1)
	seen := map[string]bool{}
	for _, m := range ids {
		if seen[m[1]] {
			t.Errorf("identifier %s twice", m[1])
		}
		seen[m[1]] = true
	}
}

// TestLanguageFallback checks a book whose language is unknown (English,
// with a warning) and one in a language without labels (English labels
// marked as such).
func TestLanguageFallback(t *testing.T) {
	var warned bool
	_, content := readBook(t, minimalArticle(t), Options{Warn: func(string) { warned = true }})
	if !warned || !strings.Contains(string(content["EPUB/xhtml/text.xhtml"]), `xml:lang="en" lang="en"`) {
		t.Error("unknown language: want English and a warning")
	}
	a := minimalArticle(t)
	a.Meta.Language = "ja"
	_, content = readBook(t, a, Options{})
	nav := string(content["EPUB/nav.xhtml"])
	if !strings.Contains(nav, `xml:lang="ja" lang="ja"`) ||
		!strings.Contains(nav, `<span xml:lang="en" lang="en">Contents</span>`) {
		t.Errorf("Japanese book: labels not marked English:\n%s", nav)
	}
	a.Meta.Language = "he"
	_, content = readBook(t, a, Options{})
	if !strings.Contains(string(content["EPUB/xhtml/text.xhtml"]), `lang="he" dir="rtl"`) ||
		!strings.Contains(string(content["EPUB/package.opf"]), `page-progression-direction="rtl"`) {
		t.Error("Hebrew book is not right to left")
	}
}

// BenchmarkWrite measures Write on the sample article and on one 100 times
// longer.
func BenchmarkWrite(b *testing.B) {
	for _, c := range []struct {
		name string
		a    *article.Article
	}{
		{"sample", sampleArticle(b)},
		{"sample×100", longArticle(b, 100)},
	} {
		b.Run(c.name, func(b *testing.B) {
			var size int
			b.ReportAllocs()
			for b.Loop() {
				var buf bytes.Buffer
				if err := Write(&buf, c.a, Options{Date: testDate}); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size), "bytes/book")
		})
	}
}
