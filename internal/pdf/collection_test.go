package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/reader"
)

// bundleFiles are the corpus articles of testBundle: the sample (English),
// a Russian article with subheadings, and Markdown with lists, a quote, a
// footnote and a local image.
var bundleFiles = []string{"csto-summit-bishkek.txt", "night-library.txt", "reading-offline.md"}

// testBundle reads bundleFiles with the readers into a collection with a
// title, an editor and a date of its own.
func testBundle(t testing.TB) *article.Collection {
	t.Helper()
	c := &article.Collection{Meta: article.Meta{Title: "Offline reading, week 12", Authors: []string{"Anna Weber"},
		Date: time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC), Language: "en"}}
	for _, name := range bundleFiles {
		p := filepath.Join(corpus, filepath.FromSlash(name))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := reader.Read(filepath.Base(p), data, reader.Options{BaseDir: filepath.Dir(p)})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		c.Articles = append(c.Articles, a)
	}
	return c
}

// renderCollection writes c to a temporary file and returns its path and
// bytes.
func renderCollection(t *testing.T, c *article.Collection, opt Options) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCollection(&buf, c, opt); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bundle.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes()
}

// TestBundleConformance checks a bundle of three articles in two languages
// with validators: qpdf finds nothing wrong, the document's Title and
// Author are the collection's, page 1 is the collection's title page, and
// the extracted text holds every paragraph and heading of every article,
// in order.
func TestBundleConformance(t *testing.T) {
	c := testBundle(t)
	for _, p := range []Paper{A4, EReader} {
		t.Run(p.Name, func(t *testing.T) {
			path, _ := renderCollection(t, c, Options{Paper: p, Version: "test"})
			run(t, "qpdf", "--check", path)

			info := run(t, "pdfinfo", path)
			for _, want := range []string{"Title:           " + c.Meta.Title + "\n", "Author:          " + c.Meta.Authors[0] + "\n"} {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
			first := fold(run(t, "pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", path, "-"))
			for _, want := range []string{c.Meta.Title, "Anna Weber", "15 March 2026", "3 articles"} {
				if !strings.Contains(first, want) {
					t.Errorf("title page lacks %q: %q", want, first)
				}
			}

			// the text block of every page, without running header and footer
			g := newGeometry(p, defaultFontSize(p))
			crop := []string{"-r", "72", "-x", "0", "-y", fmt.Sprint(int(g.top - 4)), "-W", fmt.Sprint(int(g.pageW)),
				"-H", fmt.Sprint(int(g.height() + 8))}
			all := fold(run(t, "pdftotext", append(crop, "-enc", "UTF-8", path, "-")...))
			at := 0
			for _, a := range c.Articles {
				// the article opens with its title after the contents
				k := strings.Index(all[at:], fold(a.Meta.Title)+" ")
				if k < 0 {
					t.Fatalf("no opening of %q after offset %d", a.Meta.Title, at)
				}
				at += k
				var texts []string
				article.WalkBlocks(a.Blocks, func(b article.Block) bool {
					switch b.(type) {
					case *article.Paragraph, *article.Heading:
						texts = append(texts, article.BlockText(b))
					}
					return true
				})
				if len(texts) < 5 {
					t.Fatalf("%q: only %d paragraphs", a.Meta.Title, len(texts))
				}
				for _, text := range texts {
					want := fold(text)
					k := strings.Index(all[at:], want)
					if k < 0 {
						t.Fatalf("extracted text lacks, at or after offset %d, block of %q:\n%s", at, a.Meta.Title, want)
					}
					at += k + len(want)
				}
			}
			if !strings.Contains(all[at:], "About this collection") {
				t.Error("no collection attribution after the last article")
			}
		})
	}
}

// outlineEntry is an outline entry as qpdf reports it.
type outlineEntry struct {
	Title string         `json:"title"`
	Page  int            `json:"destpageposfrom1"`
	Kids  []outlineEntry `json:"kids"`
}

// flatOutline lists the entries as "depth title".
func flatOutline(es []outlineEntry, depth int, out []string) []string {
	for _, e := range es {
		out = append(out, fmt.Sprintf("%d %s", depth, e.Title))
		out = flatOutline(e.Kids, depth+1, out)
	}
	return out
}

// wantOutline is the outline a bundle of c should have, from the model
// alone, as the EPUB's navigation lists it: the title page, the contents,
// each article with its headings nested below it (a level never skipped)
// and its notes, the attribution.
func wantOutline(c *article.Collection) []string {
	out := []string{"0 " + c.Meta.Title, "0 Contents"}
	for _, a := range c.Articles {
		out = append(out, "0 "+a.Meta.Title)
		prev := 1
		for _, h := range a.Headings() {
			level := min(h.Level, prev+1)
			prev = level
			out = append(out, fmt.Sprintf("%d %s", level-1, article.InlineText(h.Inlines)))
		}
		if len(a.Notes) > 0 {
			out = append(out, "1 "+wordsFor(a.Meta.Language).notes)
		}
	}
	return append(out, "0 About this collection")
}

// TestBundleOutline checks the bookmarks of a bundle, as qpdf reads them:
// an entry per article and per heading, nested, pointing at the pages the
// contents page gives.
func TestBundleOutline(t *testing.T) {
	c := testBundle(t)
	path, _ := renderCollection(t, c, Options{})
	var doc struct {
		Outlines []outlineEntry `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=outlines", path)), &doc); err != nil {
		t.Fatal(err)
	}
	got, want := flatOutline(doc.Outlines, 0, nil), wantOutline(c)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("outline:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	nHeadings := 0
	for _, a := range c.Articles {
		nHeadings += len(a.Headings())
	}
	if nHeadings < 4 {
		t.Fatalf("the bundle has only %d headings: a weak test", nHeadings)
	}

	// The contents page (page 2) gives each article's page, which is the
	// page its outline entry points at and the first page with its title.
	contents := run(t, "pdftotext", "-f", "2", "-l", "2", "-layout", "-enc", "UTF-8", path, "-")
	top := doc.Outlines[2 : 2+len(c.Articles)]
	for i, e := range top {
		a := c.Articles[i]
		words := strings.Fields(a.Meta.Title)
		last := regexp.QuoteMeta(words[len(words)-1])
		m := regexp.MustCompile(last + `\s+(\d+)\n`).FindStringSubmatch(contents)
		if m == nil {
			t.Errorf("contents page lacks an entry for %q:\n%s", a.Meta.Title, contents)
			continue
		}
		if m[1] != fmt.Sprint(e.Page) {
			t.Errorf("contents gives page %s for %q, the outline %d", m[1], a.Meta.Title, e.Page)
		}
		page := fold(run(t, "pdftotext", "-f", fmt.Sprint(e.Page), "-l", fmt.Sprint(e.Page), "-enc", "UTF-8", path, "-"))
		if !strings.HasPrefix(page, fold(a.Meta.Title)) && !strings.Contains(page, fold(a.Meta.Title)) {
			t.Errorf("page %d does not open %q: %q", e.Page, a.Meta.Title, page)
		}
	}
}

// TestBundleLayout checks the layout of a bundle on every paper: no glyph
// outside the text block, every page number of the contents filled in, the
// running header the article's own title (none on the page it opens on),
// the footer its authors, and every article's body set exactly as it is
// when the article stands alone: hyphenated in its own language.
func TestBundleLayout(t *testing.T) {
	c := testBundle(t)
	if c.Articles[1].Meta.Language != "ru" || c.Articles[0].Meta.Language != "en" {
		t.Fatalf("languages %q, %q: want en and ru", c.Articles[0].Meta.Language, c.Articles[1].Meta.Language)
	}
	for _, p := range append(Papers(), Paper{Width: 100, Height: 150}) {
		l, err := layoutDoc(c, Options{Paper: p}, layoutMode{lines: true})
		if err != nil {
			t.Fatal(err)
		}
		checkBundlePages(t, c, p, l)

		var bundleLines []string
		for _, li := range l.lines {
			bundleLines = append(bundleLines, lineText(li))
		}
		bundle := strings.Join(bundleLines, "\n")
		// both languages hyphenated by their own patterns
		for _, re := range []string{`(?m)\p{Cyrillic}-$`, `(?m)[a-z]-$`} {
			if !regexp.MustCompile(re).MatchString(bundle) {
				t.Errorf("%s: no line ends hyphenated as %s", p, re)
			}
		}
		for _, a := range c.Articles {
			alone, err := layoutDoc(article.Single(a), Options{Paper: p}, layoutMode{lines: true})
			if err != nil {
				t.Fatal(err)
			}
			var body []string
			for _, li := range alone.lines {
				if li.heading && lineText(li) == wordsFor(a.Meta.Language).about {
					break
				}
				body = append(body, lineText(li))
			}
			if len(body) < 5 || !strings.Contains(bundle, strings.Join(body, "\n")) {
				t.Errorf("%s: %q is not set in the bundle as it is alone", p, a.Meta.Title)
			}
		}
	}
}

// checkBundlePages checks the pages of a bundle's layout: no glyph outside
// the text block, every page number of the contents filled in, the title
// page's text inside the text block, the furniture of each article's
// pages its own.
func checkBundlePages(t *testing.T, c *article.Collection, p Paper, l *layout) {
	t.Helper()
	g := l.g
	openings := 0
	for pi, pg := range l.pages {
		for _, it := range pg.items {
			if it.kind != kText {
				continue
			}
			if it.text == "" {
				t.Errorf("%s page %d: empty text at %.1f, %.1f", p, pi+1, it.x, it.y)
			}
			if it.x < g.left-0.01 || it.x+it.w > g.right+0.01 || it.y < 0 || it.y > g.pageH {
				t.Errorf("%s page %d: %q at x %.2f–%.2f y %.2f outside %.2f–%.2f",
					p, pi+1, it.text, it.x, it.x+it.w, it.y, g.left, g.right)
			}
			if (pi == 0 || !pg.furniture || pg.opening) && (it.y < g.top || it.y > g.bottom && it.y != g.footerY) {
				t.Errorf("%s page %d: title or opening text %q at y %.1f outside %.1f–%.1f", p, pi+1, it.text, it.y, g.top, g.bottom)
			}
			if w := l.Width(int(it.style), it.text); math.Abs(w-it.w) > 0.01 {
				t.Errorf("%s: %q placed %.2f wide, measures %.2f", p, it.text, it.w, w)
			}
		}
		if pg.opening {
			a := c.Articles[openings]
			openings++
			if pg.title != a.Meta.Title || pg.authors != strings.Join(a.Meta.Authors, ", ") {
				t.Errorf("%s page %d: furniture %q / %q, want the article's", p, pi+1, pg.title, pg.authors)
			}
		}
	}
	if openings != len(c.Articles) {
		t.Errorf("%s: %d article openings, want %d", p, openings, len(c.Articles))
	}
}

// TestBundlePathological lays out a bundle of articles with metadata too
// long for any title block, every kind of block, and a long text.
func TestBundlePathological(t *testing.T) {
	c := &article.Collection{Meta: pathologicalMeta().Meta,
		Articles: []*article.Article{pathologicalMeta(), kitchenSink(t), longArticle(t, 3, 4), pathologicalMeta()}}
	for _, p := range append(Papers(), Paper{Width: 100, Height: 150}) {
		l, err := layoutDoc(c, Options{Paper: p}, layoutMode{})
		if err != nil {
			t.Fatal(err)
		}
		checkBundlePages(t, c, p, l)
	}
}

func lineText(li lineInfo) string {
	var b strings.Builder
	for _, s := range li.segs {
		if s.space {
			b.WriteByte(' ')
		}
		b.WriteString(s.text)
	}
	return b.String()
}

// TestBundleFurniture checks the printed running header and footer: an
// article's title over its pages, its authors and the whole document's
// page count under them.
func TestBundleFurniture(t *testing.T) {
	c := testBundle(t)
	path, _ := renderCollection(t, c, Options{})
	g := newGeometry(A4, defaultFontSize(A4))
	pages := 0
	if m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(run(t, "pdfinfo", path)); m != nil {
		fmt.Sscan(m[1], &pages)
	}
	head := func(pg int) string {
		return fold(run(t, "pdftotext", "-f", fmt.Sprint(pg), "-l", fmt.Sprint(pg), "-r", "72", "-x", "0", "-y", "0",
			"-W", fmt.Sprint(int(g.pageW)), "-H", fmt.Sprint(int(g.top-4)), "-enc", "UTF-8", path, "-"))
	}
	foot := func(pg int) string {
		return fold(run(t, "pdftotext", "-f", fmt.Sprint(pg), "-l", fmt.Sprint(pg), "-r", "72", "-x", "0", "-y", fmt.Sprint(int(g.bottom+4)),
			"-W", fmt.Sprint(int(g.pageW)), "-H", fmt.Sprint(int(g.pageH-g.bottom-4)), "-enc", "UTF-8", path, "-"))
	}
	// the sample opens on page 3 and runs onto page 4, the Russian article
	// opens on page 5
	if h := head(3); h != "" {
		t.Errorf("opening page 3 has a running header %q", h)
	}
	if h := head(4); len(h) < 20 || !strings.HasPrefix(fold(c.Articles[0].Meta.Title), strings.TrimSuffix(h, "…")) {
		t.Errorf("page 4 header %q, want the sample's title", h)
	}
	if f := foot(4); f != fmt.Sprintf("%s page 4 of %d", c.Articles[0].Meta.Authors[0], pages) {
		t.Errorf("page 4 footer %q", f)
	}
	if f := foot(5); f != fmt.Sprintf("%s стр. 5 из %d", c.Articles[1].Meta.Authors[0], pages) {
		t.Errorf("page 5 footer %q", f)
	}
	if h := head(2); h != c.Meta.Title {
		t.Errorf("contents page header %q, want the collection's title", h)
	}
}

// TestBundleSingle checks that Write is WriteCollection of a single
// article, and that a collection of one article under a title of its own
// is a bundle.
func TestBundleSingle(t *testing.T) {
	a := readCorpus(t, "night-library.txt")
	opt := Options{Version: "test", Date: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)}
	var w, wc bytes.Buffer
	if err := Write(&w, a, opt); err != nil {
		t.Fatal(err)
	}
	if err := WriteCollection(&wc, article.Single(a), opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w.Bytes(), wc.Bytes()) {
		t.Error("Write and WriteCollection of article.Single differ")
	}
	one := &article.Collection{Meta: article.Meta{Title: "One of one", Language: "en"}, Articles: []*article.Article{a}}
	l, err := layoutDoc(one, opt, layoutMode{})
	if err != nil {
		t.Fatal(err)
	}
	single, err := layoutArticle(a, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.pages) <= len(single.pages) || l.pages[1].title != "One of one" {
		t.Errorf("a one-article bundle has %d pages (alone %d) and no contents page", len(l.pages), len(single.pages))
	}
}

// TestBundleDeterministic renders a bundle twice, compressed in parallel.
func TestBundleDeterministic(t *testing.T) {
	c := testBundle(t)
	_, a := renderCollection(t, c, Options{Version: "x"})
	_, b := renderCollection(t, c, Options{Version: "x"})
	if !bytes.Equal(a, b) {
		t.Error("two renders of the same bundle differ")
	}
}

// TestBundleInvalid rejects collections that cannot be rendered.
func TestBundleInvalid(t *testing.T) {
	a := readCorpus(t, "night-library.txt")
	for name, c := range map[string]*article.Collection{
		"nil":           nil,
		"no articles":   {Meta: article.Meta{Title: "Empty"}},
		"no title":      {Articles: []*article.Article{a, a}},
		"nil article":   {Meta: article.Meta{Title: "Holes"}, Articles: []*article.Article{a, nil}},
		"empty article": {Meta: article.Meta{Title: "Bad"}, Articles: []*article.Article{a, {Meta: article.Meta{Title: "x"}}}},
	} {
		var buf bytes.Buffer
		err := WriteCollection(&buf, c, Options{})
		if err == nil || !strings.HasPrefix(err.Error(), "pdf: ") || buf.Len() > 0 {
			t.Errorf("%s: %v, %d bytes written", name, err, buf.Len())
		}
	}
	if err := Write(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Error("nil article accepted")
	}
}

func BenchmarkWriteBundle(b *testing.B) {
	c := testBundle(b)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := WriteCollection(&buf, c, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBundleDebug writes bundles for looking at when OFFPRINT_PDF_OUT
// names a directory.
func TestBundleDebug(t *testing.T) {
	dir := os.Getenv("OFFPRINT_PDF_OUT")
	if dir == "" {
		t.Skip("OFFPRINT_PDF_OUT not set")
	}
	c := testBundle(t)
	for _, p := range Papers() {
		f, err := os.Create(filepath.Join(dir, "bundle."+p.Name+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		err = WriteCollection(f, c, Options{Paper: p, Version: "dev"})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
}
