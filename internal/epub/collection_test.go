package epub

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/l10n"
	"github.com/offprint/offprint/internal/reader"
)

// smallBundle is a bundle of two short articles in two languages, each
// with a footnote of the same identifier, the first with an image: the
// golden bundle.
func smallBundle(t testing.TB) *article.Collection {
	margins := &article.Article{
		Meta: article.Meta{
			Title:     "Reading in the Margins",
			Subtitle:  "Notes on annotated books",
			Authors:   []string{"Léa Martin"},
			Section:   "Essays",
			Date:      time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
			Language:  "en",
			SourceURL: "https://example.org/margins",
			SiteName:  "Example Review",
		},
		Blocks: []article.Block{
			heading(2, "Introduction"),
			para(tx("Readers have always written in books."), ref("1")),
			&article.Image{Data: testImages(t)["png"], MediaType: "image/png", Alt: "A page with pencil notes"},
			heading(3, "A closer look"),
			ptext("Some notes answer the author; some argue."),
			heading(2, "Conclusion"),
			ptext("A book with notes is a conversation."),
		},
		Notes: []article.Note{{ID: "1", Blocks: []article.Block{ptext("Marginalia, from the Latin.")}}},
	}
	library := &article.Article{
		Meta: article.Meta{
			Title:    "Ночная библиотека",
			Authors:  []string{"Ирина Соколова"},
			Date:     time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC),
			Language: "ru",
			SiteName: "Городские новости",
		},
		Blocks: []article.Block{
			ptext("В зале сорок мест."),
			heading(2, "Introduction"),
			para(tx("Смена начинается в десять вечера."), ref("1")),
		},
		Notes: []article.Note{{ID: "1", Blocks: []article.Block{ptext("По данным библиотеки.")}}},
	}
	return &article.Collection{
		Meta: article.Meta{
			Title:    "Week 12: Reading",
			Authors:  []string{"Anna Weber"},
			Date:     time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC),
			Language: "en",
			Rights:   "For private reading",
		},
		Articles: []*article.Article{margins, library},
	}
}

// corpusFiles are the corpus articles of corpusBundle: the sample, a
// Russian article with subheadings, Markdown with a local image, lists
// and a footnote, and a French web page.
var corpusFiles = []string{
	"csto-summit-bishkek.txt",
	"night-library.txt",
	"reading-offline.md",
	"web/lemonde-1/source.html",
}

// corpusBundle is a bundle of corpusFiles read by the readers, under a
// title of its own and without authors of its own.
func corpusBundle(t testing.TB) *article.Collection {
	t.Helper()
	const dir = "../../testdata/corpus"
	c := &article.Collection{Meta: article.Meta{Title: "Offline reading, week 12", Language: "en"}}
	for _, name := range corpusFiles {
		p := filepath.Join(dir, filepath.FromSlash(name))
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

// bookLanguage returns the language a book of c is in.
func bookLanguage(c *article.Collection) string {
	for _, l := range []string{c.Meta.Language, c.Articles[0].Meta.Language} {
		if l != "" {
			return l
		}
	}
	return "en"
}

// pageLanguage returns the language of the XHTML entry name of a book of
// c: its article's on an article's page of a bundle, else the book's.
func pageLanguage(c *article.Collection, name string) string {
	var n int
	if _, err := fmt.Sscanf(path.Base(name), "article-%d.xhtml", &n); err == nil && n >= 1 && n <= len(c.Articles) {
		if l := c.Articles[n-1].Meta.Language; l != "" {
			return l
		}
	}
	return bookLanguage(c)
}

// bundleBooks are the test books of several articles.
func bundleBooks() []testBook {
	var out []testBook
	for _, tb := range testBooks {
		if strings.Contains(tb.name, "bundle") {
			out = append(out, tb)
		}
	}
	return out
}

// navNode is an entry of a table of contents.
type navNode struct {
	label, href string
	children    []*navNode
}

// navTree reads the table of contents of a navigation document (item
// "li", link "a") or an NCX (item "navPoint", link "content", label
// "text"), leaving the landmarks out.
func navTree(t *testing.T, doc []byte, ncx bool) []*navNode {
	t.Helper()
	itemTag, linkTag := "li", "a"
	if ncx {
		itemTag, linkTag = "navPoint", "content"
	}
	root := &navNode{}
	stack := []*navNode{root}
	d := xml.NewDecoder(bytes.NewReader(doc))
	inLandmarks, inLabel := false, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return root.children
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
			if inLandmarks {
				continue
			}
			top := stack[len(stack)-1]
			switch e.Name.Local {
			case itemTag:
				n := &navNode{}
				top.children = append(top.children, n)
				stack = append(stack, n)
			case linkTag:
				for _, a := range e.Attr {
					if a.Name.Local == "href" || a.Name.Local == "src" {
						top.href = a.Value
					}
				}
				inLabel = !ncx
			case "text":
				inLabel = ncx && len(stack) > 1
			}
		case xml.EndElement:
			switch {
			case inLandmarks:
			case e.Name.Local == itemTag:
				stack = stack[:len(stack)-1]
			case e.Name.Local == linkTag && !ncx, e.Name.Local == "text" && ncx:
				inLabel = false
			}
		case xml.CharData:
			if inLabel {
				stack[len(stack)-1].label += string(e)
			}
		}
	}
}

// flatten returns "depth label → href" for each node, depth first.
func flatten(nodes []*navNode, depth int) []string {
	var out []string
	for _, n := range nodes {
		out = append(out, fmt.Sprintf("%d %s → %s", depth, n.label, n.href))
		out = append(out, flatten(n.children, depth+1)...)
	}
	return out
}

// TestBundleNavigation checks the table of contents of the bundles: the
// navigation document and the NCX agree; the title page, the contents, one
// entry per article with its headings (and its notes) below it, and the
// collection's attribution; every entry leads to an element that exists;
// the landmarks.
func TestBundleNavigation(t *testing.T) {
	for _, tb := range bundleBooks() {
		t.Run(tb.name, func(t *testing.T) {
			c := tb.book(t)
			_, content := entries(t, writeBook(t, tb))
			nav := navTree(t, content["EPUB/nav.xhtml"], false)
			ncx := navTree(t, content["EPUB/toc.ncx"], true)
			if a, b := strings.Join(flatten(nav, 0), "\n"), strings.Join(flatten(ncx, 0), "\n"); a != b {
				t.Fatalf("nav and NCX differ:\nnav:\n%s\nncx:\n%s", a, b)
			}
			l := labelsFor(bookLanguage(c))
			top := nav
			if tb.opt(t).Cover != nil {
				if top[0].href != "xhtml/cover.xhtml" {
					t.Errorf("first entry %+v, want the cover", top[0])
				}
				top = top[1:]
			}
			if len(top) != len(c.Articles)+3 {
				t.Fatalf("%d top-level entries, want %d:\n%s", len(top), len(c.Articles)+3, strings.Join(flatten(nav, 0), "\n"))
			}
			if top[0].label != c.Meta.Title || top[0].href != "xhtml/titlepage.xhtml" || top[1].href != "nav.xhtml#toc" {
				t.Errorf("entries %+v %+v, want the title page and the contents", top[0], top[1])
			}
			if last := top[len(top)-1]; last.label != l.aboutCollection || last.href != "xhtml/attribution.xhtml" {
				t.Errorf("last entry %+v", last)
			}
			for i, a := range c.Articles {
				e := top[2+i]
				if want := fmt.Sprintf("xhtml/article-%03d.xhtml", i+1); e.label != cleanText(a.Meta.Title) || e.href != want {
					t.Errorf("article %d: entry %q → %s, want %q → %s", i+1, e.label, e.href, a.Meta.Title, want)
				}
				var want []string
				for _, h := range a.Headings() {
					if s := cleanText(article.InlineText(h.Inlines)); s != "" {
						want = append(want, s)
					}
				}
				if len(a.Notes) > 0 {
					want = append(want, labelsFor(pageLanguage(c, e.href)).notes)
				}
				var got []string
				var walk func([]*navNode)
				walk = func(ns []*navNode) {
					for _, n := range ns {
						got = append(got, n.label)
						if !strings.HasPrefix(n.href, e.href+"#") {
							t.Errorf("article %d: entry %q leads to %s", i+1, n.label, n.href)
						}
						walk(n.children)
					}
				}
				walk(e.children)
				if strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("article %d: entries below it\n%q\nwant its headings\n%q", i+1, got, want)
				}
				// Level-2 headings are the article's entry's children.
				level2 := 0
				for _, h := range a.Headings() {
					if h.Level == 2 {
						level2++
					}
				}
				if len(a.Notes) > 0 {
					level2++
				}
				if len(a.Headings()) > 0 && a.Headings()[0].Level == 2 && len(e.children) != level2 {
					t.Errorf("article %d: %d children, want %d (its level-2 headings and notes)", i+1, len(e.children), level2)
				}
			}
			// Every entry leads to an element of the book.
			for _, line := range flatten(nav, 0) {
				href := line[strings.LastIndex(line, "→ ")+len("→ "):]
				file, frag, _ := strings.Cut(href, "#")
				doc, ok := content["EPUB/"+file]
				if !ok {
					t.Errorf("%s: no such file", href)
				} else if frag != "" && !bytes.Contains(doc, []byte(` id="`+frag+`"`)) {
					t.Errorf("%s: no such element", href)
				}
			}
			landmarks := string(content["EPUB/nav.xhtml"])
			for _, want := range []string{`epub:type="titlepage" href="xhtml/titlepage.xhtml"`, `epub:type="toc" href="nav.xhtml#toc"`,
				`epub:type="bodymatter" href="xhtml/article-001.xhtml"`, `epub:type="backmatter" href="xhtml/attribution.xhtml"`} {
				if !strings.Contains(landmarks, want) {
					t.Errorf("no landmark %s", want)
				}
			}
		})
	}
}

var (
	idAttr   = regexp.MustCompile(` id="([^"]*)"`)
	hrefAttr = regexp.MustCompile(` href="([^"]*)"`)
)

// TestBundleIdentifiers checks that element identifiers are unique in the
// whole book, that every link inside the book resolves, and that a
// collection holding the same article twice still has unique
// identifiers.
func TestBundleIdentifiers(t *testing.T) {
	twice := smallBundle(t)
	twice.Articles = append(twice.Articles, twice.Articles...)
	books := append(bundleBooks(), testBook{"twice", func(testing.TB) *article.Collection { return twice },
		func(testing.TB) Options { return Options{} }, true})
	for _, tb := range books {
		t.Run(tb.name, func(t *testing.T) {
			_, content := entries(t, writeBook(t, tb))
			where := make(map[string]string) // id → entry
			for name, data := range content {
				if !strings.HasSuffix(name, ".xhtml") {
					continue
				}
				for _, m := range idAttr.FindAllSubmatch(data, -1) {
					id := string(m[1])
					if other, ok := where[id]; ok {
						t.Errorf("identifier %s in %s and %s", id, other, name)
					}
					where[id] = name
				}
			}
			for name, data := range content {
				if !strings.HasSuffix(name, ".xhtml") {
					continue
				}
				for _, m := range hrefAttr.FindAllSubmatch(data, -1) {
					href := string(m[1])
					if strings.Contains(href, ":") {
						continue // an external link
					}
					file, frag, _ := strings.Cut(href, "#")
					target := name
					if file != "" {
						target = path.Join(path.Dir(name), file)
					}
					if _, ok := content[target]; !ok {
						t.Errorf("%s: link to %s: no such file", name, href)
					} else if frag != "" && where[frag] != target {
						t.Errorf("%s: link to %s: no such element in %s", name, href, target)
					}
				}
			}
		})
	}
	// The two "Introduction" headings and the two notes "1" of the small
	// bundle.
	_, content := entries(t, writeBook(t, testBooks[4]))
	for _, c := range []struct{ file, want string }{
		{"article-001.xhtml", `<h3 id="introduction">`},
		{"article-002.xhtml", `<h3 id="introduction-2">`},
		{"article-001.xhtml", `<li id="fn-1" epub:type="endnote">`},
		{"article-002.xhtml", `<li id="fn-1-2" epub:type="endnote">`},
		{"article-002.xhtml", `<a id="fnref-1-2" href="#fn-1-2"`},
		{"article-002.xhtml", `<h2 id="title-2">Ночная библиотека</h2>`},
		{"article-002.xhtml", `<h3 id="notes-2">Примечания</h3>`},
		{"article-002.xhtml", `<h3 id="attribution-2">Об этой статье</h3>`},
	} {
		if !strings.Contains(string(content["EPUB/xhtml/"+c.file]), c.want) {
			t.Errorf("%s lacks %s", c.file, c.want)
		}
	}
}

// TestBundleLanguages checks the languages of a bundle of English and
// Russian articles: the book's from the collection (or the first
// article), each article's page in its own, its entries in the table of
// contents marked, every language in the package metadata.
func TestBundleLanguages(t *testing.T) {
	c := smallBundle(t)
	_, content := readCollection(t, c, Options{})
	if got := languages(t, content["EPUB/package.opf"]); strings.Join(got, ",") != "en,ru" {
		t.Errorf("dc:language %q, want en, ru", got)
	}
	page := string(content["EPUB/xhtml/article-002.xhtml"])
	if !strings.Contains(page, `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="ru" lang="ru">`) {
		t.Error("the Russian article's page is not in Russian")
	}
	if !strings.Contains(page, "14 марта 2026") {
		t.Error("the Russian article's date is not Russian")
	}
	nav := string(content["EPUB/nav.xhtml"])
	for _, want := range []string{
		`<a href="xhtml/article-002.xhtml"><span xml:lang="ru" lang="ru">Ночная библиотека</span></a>`,
		`<a href="xhtml/article-002.xhtml#notes-2"><span xml:lang="ru" lang="ru">Примечания</span></a>`,
		`<h2 id="toc-title">Contents</h2>`,
	} {
		if !strings.Contains(nav, want) {
			t.Errorf("navigation lacks %s", want)
		}
	}
	colophon := string(content["EPUB/xhtml/attribution.xhtml"])
	if !strings.Contains(colophon, `<li xml:lang="ru" lang="ru"><a href="article-002.xhtml">Ночная библиотека</a>`) {
		t.Errorf("the list of articles does not mark the Russian one:\n%s", colophon)
	}

	// Without a language of its own the collection takes its first
	// article's; a Russian collection counts in Russian.
	c.Meta.Language = ""
	c.Articles[0], c.Articles[1] = c.Articles[1], c.Articles[0]
	_, content = readCollection(t, c, Options{})
	if got := languages(t, content["EPUB/package.opf"]); strings.Join(got, ",") != "ru,en" {
		t.Errorf("dc:language %q, want ru, en", got)
	}
	if !strings.Contains(string(content["EPUB/xhtml/titlepage.xhtml"]), `<p class="extent">2 статьи</p>`) {
		t.Errorf("title page:\n%s", content["EPUB/xhtml/titlepage.xhtml"])
	}
	if !strings.Contains(string(content["EPUB/xhtml/article-002.xhtml"]), `xml:lang="en" lang="en"`) {
		t.Error("the English article's page is not in English")
	}

	// A Hebrew article in an English book: its page is right to left, the
	// book is not.
	c = smallBundle(t)
	c.Articles = append(c.Articles, &article.Article{Meta: article.Meta{Title: "שלום", Language: "he"},
		Blocks: []article.Block{ptext("שלום עולם")}})
	_, content = readCollection(t, c, Options{})
	if !strings.Contains(string(content["EPUB/xhtml/article-003.xhtml"]), `xml:lang="he" lang="he" dir="rtl">`) ||
		strings.Contains(string(content["EPUB/package.opf"]), "page-progression-direction") ||
		!strings.Contains(string(content["EPUB/xhtml/attribution.xhtml"]), `<li xml:lang="he" lang="he" dir="rtl">`) {
		t.Error("the Hebrew article is not right to left, or the book is")
	}
}

// TestArticleCount checks the counts of articles in the languages with
// plural forms.
func TestArticleCount(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "1 article"}, {"en", 2, "2 articles"}, {"ru", 1, "1 статья"}, {"ru", 3, "3 статьи"},
		{"ru", 5, "5 статей"}, {"ru", 11, "11 статей"}, {"ru", 12, "12 статей"}, {"ru", 21, "21 статья"},
		{"ru", 22, "22 статьи"}, {"ru", 111, "111 статей"}, {"uk", 2, "2 статті"}, {"de", 2, "2 Artikel"},
	} {
		if got := labelsFor(c.lang).articleCount(c.n); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.lang, c.n, got, c.want)
		}
	}
	for _, lang := range l10n.Languages() {
		if l := labelsFor(lang); l.aboutCollection == "" || l.articles == "" || l.articleCount == nil || l.editor == "" || l.editors == "" {
			t.Errorf("%s: bundle labels missing", lang)
		}
	}
}

// readCollection writes c and returns its package document and entries.
func readCollection(t *testing.T, c *article.Collection, opt Options) (*opfDoc, map[string][]byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCollection(&buf, c, opt); err != nil {
		t.Fatal(err)
	}
	_, content := entries(t, buf.Bytes())
	var d opfDoc
	if err := xml.Unmarshal(content["EPUB/package.opf"], &d); err != nil {
		t.Fatal(err)
	}
	return &d, content
}

// languages returns every dc:language of a package document.
func languages(t *testing.T, opf []byte) []string {
	t.Helper()
	var d struct {
		Languages []string `xml:"metadata>language"`
	}
	if err := xml.Unmarshal(opf, &d); err != nil {
		t.Fatal(err)
	}
	return d.Languages
}

// TestBundleMetadata checks the package metadata of a bundle: the
// collection's title, authors and date, its identifier, and the
// accessibility metadata computed over every article.
func TestBundleMetadata(t *testing.T) {
	c := smallBundle(t)
	d, content := readCollection(t, c, Options{Date: testDate})
	m := d.Metadata
	if len(m.Titles) != 1 || m.Titles[0] != c.Meta.Title || strings.Join(m.Creators, "|") != "Anna Weber" ||
		m.Date != "2026-03-15" || m.Rights != c.Meta.Rights || m.Source != "" {
		t.Errorf("metadata %+v", m)
	}
	roles := func(d *opfDoc) (r []string) {
		for _, x := range d.Metadata.Meta {
			if x.Property == "role" {
				r = append(r, x.Value)
			}
		}
		return r
	}
	if r := roles(d); strings.Join(r, ",") != "edt" {
		t.Errorf("the collection's authors have roles %q, want edt (editors)", r)
	}
	if !strings.Contains(string(content["EPUB/xhtml/attribution.xhtml"]), "<dt>Editor</dt>\n<dd>Anna Weber</dd>") {
		t.Error("the colophon does not name the editor")
	}
	ncx := string(content["EPUB/toc.ncx"])
	if !strings.Contains(ncx, `<meta name="dtb:uid" content="`+m.Identifier+`"/>`) ||
		!strings.Contains(ncx, "<docTitle><text>Week 12: Reading</text></docTitle>") {
		t.Error("NCX head does not name the collection")
	}
	summary := d.metaValues("schema:accessibilitySummary")
	if len(summary) != 1 || !strings.HasPrefix(summary[0], "A collection of 2 articles") ||
		!strings.Contains(summary[0], "one image with a text alternative") ||
		!strings.Contains(summary[0], "2 endnotes") {
		t.Errorf("summary %q", summary)
	}
	// Without authors of its own, the collection's creators are its
	// articles'.
	c.Meta.Authors = nil
	d, _ = readCollection(t, c, Options{})
	if got := strings.Join(d.Metadata.Creators, "|"); got != "Léa Martin|Ирина Соколова" || strings.Join(roles(d), ",") != "aut,aut" {
		t.Errorf("creators %q, roles %q", got, roles(d))
	}

	// The identifier is the collection's: stable, different from its
	// articles', and changed by a change of article, of order or of title.
	ident := func(c *article.Collection) string {
		d, _ := readCollection(t, c, Options{})
		return d.Metadata.Identifier
	}
	base := ident(smallBundle(t))
	if again := ident(smallBundle(t)); again != base || !strings.HasPrefix(base, "urn:uuid:") {
		t.Errorf("identifiers %s and %s", base, again)
	}
	for name, change := range map[string]func(*article.Collection){
		"order":   func(c *article.Collection) { c.Articles[0], c.Articles[1] = c.Articles[1], c.Articles[0] },
		"title":   func(c *article.Collection) { c.Meta.Title += "!" },
		"article": func(c *article.Collection) { c.Articles[1].Blocks = c.Articles[1].Blocks[1:] },
		"one":     func(c *article.Collection) { c.Articles = c.Articles[:1] },
	} {
		c := smallBundle(t)
		change(c)
		if id := ident(c); id == base {
			t.Errorf("%s changed, identifier did not", name)
		}
	}
	for _, a := range smallBundle(t).Articles {
		if articleIdentifier(a) == base {
			t.Error("the bundle has an article's identifier")
		}
	}
}

// TestBundleAccessibility checks that the accessibility metadata of a
// bundle looks at every article: an image in any article makes the book
// visual, and alternativeText (and the conformance claim) needs every
// image of every article to have a text alternative.
func TestBundleAccessibility(t *testing.T) {
	img := testImages(t)["png"]
	for _, c := range []struct {
		name            string
		alts            [2][]string // the alt texts of the images of each article
		visual, textAlt bool
	}{
		{"no images", [2][]string{nil, nil}, false, false},
		{"image in the second", [2][]string{nil, {"a"}}, true, true},
		{"one without alt", [2][]string{{"a"}, {""}}, true, false},
	} {
		b := smallBundle(t)
		b.Articles[0].Blocks = b.Articles[0].Blocks[:2] // drop the image
		for i, alts := range c.alts {
			for _, alt := range alts {
				b.Articles[i].Blocks = append(b.Articles[i].Blocks, &article.Image{Data: img, MediaType: "image/png", Alt: alt})
			}
		}
		d, _ := readCollection(t, b, Options{})
		modes := strings.Join(d.metaValues("schema:accessMode"), ",")
		if (modes == "textual,visual") != c.visual {
			t.Errorf("%s: accessMode %s", c.name, modes)
		}
		features := strings.Join(d.metaValues("schema:accessibilityFeature"), ",")
		if strings.Contains(features, "alternativeText") != c.textAlt {
			t.Errorf("%s: features %s", c.name, features)
		}
		if conforms := len(d.metaValues("dcterms:conformsTo")) == 1; conforms != (c.textAlt || !c.visual) {
			t.Errorf("%s: conformsTo %v", c.name, conforms)
		}
	}
}

// TestBundlePages checks the pages of a bundle: the collection's title
// page, each article's page opening with its title block and closing with
// its attribution, the collection's attribution listing the articles, and
// every word of every article on its page.
func TestBundlePages(t *testing.T) {
	for _, tb := range bundleBooks() {
		t.Run(tb.name, func(t *testing.T) {
			c := tb.book(t)
			_, content := entries(t, writeBook(t, tb))
			title := string(content["EPUB/xhtml/titlepage.xhtml"])
			l := labelsFor(bookLanguage(c))
			if !strings.Contains(title, `<h1 id="title">`) || !strings.Contains(title, l.articleCount(len(c.Articles))) {
				t.Errorf("title page:\n%s", title)
			}
			colophon := string(content["EPUB/xhtml/attribution.xhtml"])
			if !strings.Contains(colophon, `<p class="converted">Converted by offprint 1.0 on 15 March 2026.</p>`) ||
				!strings.Contains(colophon, `<h2 id="attribution">`+l.aboutCollection+`</h2>`) {
				t.Errorf("colophon:\n%s", colophon)
			}
			for i, a := range c.Articles {
				file := fmt.Sprintf("article-%03d.xhtml", i+1)
				page := string(content["EPUB/xhtml/"+file])
				if !strings.Contains(colophon, `<a href="`+file+`">`) {
					t.Errorf("the colophon does not list %s", file)
				}
				var escaped xw
				escaped.text(cleanText(a.Meta.Title))
				header := strings.Index(page, "<header>")
				body := strings.Index(page, "</header>")
				attribution := strings.Index(page, `<section class="attribution article-attribution"`)
				if header < 0 || body < header || attribution < body || strings.Contains(page, `class="converted"`) ||
					!strings.Contains(page[header:body], ">"+escaped.String()+"</h2>") {
					t.Errorf("%s: want the title block, the text, the attribution", file)
				}
				text := xmlText(t, content["EPUB/xhtml/"+file])
				missing := 0
				for _, word := range strings.Fields(cleanText(a.BodyText())) {
					if !strings.Contains(text, word) {
						if missing++; missing <= 5 {
							t.Errorf("%s: word %q of the article is not on its page", file, word)
						}
					}
				}
			}
		})
	}
}

// TestWriteIsSingleCollection checks that Write is WriteCollection of the
// article alone, and that a titled collection of one article is a bundle.
func TestWriteIsSingleCollection(t *testing.T) {
	a := fullArticle(t)
	var w1, w2 bytes.Buffer
	if err := Write(&w1, a, Options{Date: testDate}); err != nil {
		t.Fatal(err)
	}
	if err := WriteCollection(&w2, article.Single(a), Options{Date: testDate}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w1.Bytes(), w2.Bytes()) {
		t.Error("Write and WriteCollection of Single differ")
	}
	_, content := readCollection(t, &article.Collection{Meta: article.Meta{Title: "One"}, Articles: []*article.Article{a}}, Options{})
	if _, ok := content["EPUB/xhtml/article-001.xhtml"]; !ok {
		t.Error("a titled collection of one article is not a bundle")
	}
}

// TestWriteCollectionErrors checks that WriteCollection refuses what it
// cannot write, and writes nothing then.
func TestWriteCollectionErrors(t *testing.T) {
	good := minimalArticle(t)
	for _, c := range []struct {
		name string
		c    *article.Collection
		want error
	}{
		{"nil", nil, nil},
		{"no title", &article.Collection{Articles: []*article.Article{good, good}}, article.ErrNoTitle},
		{"empty", &article.Collection{Meta: article.Meta{Title: "x"}}, article.ErrEmptyCollection},
		{"nil article", &article.Collection{Meta: article.Meta{Title: "x"}, Articles: []*article.Article{good, nil}}, nil},
		{"bad article", &article.Collection{Meta: article.Meta{Title: "x"},
			Articles: []*article.Article{good, {Meta: article.Meta{Title: "y"}}}}, article.ErrNoBody},
		{"article title of controls", &article.Collection{Meta: article.Meta{Title: "x"},
			Articles: []*article.Article{good, {Meta: article.Meta{Title: "\x01"}, Blocks: []article.Block{ptext("x")}}}},
			article.ErrNoTitle},
		{"single without body", article.Single(&article.Article{Meta: article.Meta{Title: "x"}}), article.ErrNoBody},
	} {
		var buf bytes.Buffer
		err := WriteCollection(&buf, c.c, Options{})
		if err == nil || !strings.HasPrefix(err.Error(), "epub: ") || c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: wrote %d bytes", c.name, buf.Len())
		}
	}
}

// BenchmarkWriteCollection measures WriteCollection on the corpus bundle.
func BenchmarkWriteCollection(b *testing.B) {
	c := corpusBundle(b)
	b.ReportAllocs()
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := WriteCollection(&buf, c, Options{Date: testDate}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes/book")
}
