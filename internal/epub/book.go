package epub

import (
	"fmt"
	"slices"
	"strings"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/assets"
)

// The layout of the book inside the container, relative to the package
// document. go-epub fixes the folder names.
const (
	xhtmlDir = "xhtml/"
	imageDir = "images/"
	fontDir  = "fonts/"
	cssFile  = "css/style.css"

	coverFile       = "cover.xhtml"
	titlePageFile   = "titlepage.xhtml"
	textFile        = "text.xhtml"
	attributionFile = "attribution.xhtml"
	fontLicenseFile = "font-license.xhtml"
)

// book is everything WriteCollection puts into an EPUB, prepared before
// go-epub is called.
type book struct {
	lang  string // BCP 47 tag of the book
	dir   string // "ltr" or "rtl"
	l     *labels
	meta  packageMeta
	css   []byte
	pages []page
	// images are the article's images, cover the cover image (or nil).
	images []*imageFile
	cover  *imageFile
	fonts  []fontFile
	toc    []*navEntry
	marks  []landmark
	// navLinear puts the navigation document in the reading order, after
	// the title page, as a contents page; otherwise it is in the spine
	// outside the reading order (the toc landmark must point into the
	// spine).
	navLinear bool
}

// page is an XHTML content document of the spine.
type page struct {
	file      string // name under xhtmlDir
	title     string // its <title>
	body      []byte // the content of its <body>
	nonLinear bool   // outside the reading order (reached by a link)
	// lang and dir are the page's language and direction when they are
	// not the book's (an article of a book of several), else "".
	lang, dir string
}

// fontFile is an embedded font.
type fontFile struct {
	name string
	data []byte
}

// articleFile returns the name of the page of article i (from 0): the text
// page of a one-article book, article-001.xhtml… in a book of several.
func articleFile(c *article.Collection, i int) string {
	if c.IsSingle() {
		return textFile
	}
	return fmt.Sprintf("article-%03d.xhtml", i+1)
}

// newBook prepares the book of a validated collection. A book is always a
// collection: the cover page (when there is a cover), the title page, the
// navigation document, one page per article and the attribution page. When the collection is a
// single article, its title page and attribution page are the article's
// title block and attribution; otherwise they are the collection's, and
// each article's page opens with its own title block and closes with its
// own attribution.
func newBook(c *article.Collection, opt *Options) (*book, error) {
	m := &c.Meta
	single := c.IsSingle()
	b := &book{lang: strings.TrimSpace(m.Language)}
	if b.lang == "" {
		b.lang = strings.TrimSpace(c.Articles[0].Meta.Language)
	}
	if b.lang == "" {
		b.lang = "en"
		if single {
			opt.warn("the article's language is unknown; the book is marked as English")
		} else {
			opt.warn("the collection's language is unknown; the book is marked as English")
		}
	}
	b.dir = direction(b.lang)
	b.l = labelsFor(b.lang)
	title := cleanText(m.Title)
	if title == "" {
		return nil, fmt.Errorf("epub: %w: only characters XML forbids", article.ErrNoTitle)
	}
	for i, a := range c.Articles {
		if cleanText(a.Meta.Title) == "" {
			return nil, fmt.Errorf("epub: article %d: %w: only characters XML forbids", i+1, article.ErrNoTitle)
		}
	}

	images, files := collectImages(c.Articles, opt.warn)
	b.images = files
	if opt.Cover != nil {
		if err := b.addCover(m, opt); err != nil {
			return nil, err
		}
	}

	// The identifiers of the book's own pages are taken first; the
	// articles' identifiers are unique in the whole book.
	ids := new(idSet)
	for _, id := range []string{titleID, attributionID, tocID, tocTitleID, landmarksTitleID} {
		ids.take(id)
	}
	if !single {
		ids.take(sourcesID)
	}
	if opt.EmbedFonts {
		ids.take(fontLicenseID)
	}

	b.pages = append(b.pages, page{file: titlePageFile, title: title, body: titlePage(c, b.l, b.lang)})
	b.marks = append(b.marks, landmark{"titlepage", xhtmlDir + titlePageFile, b.l.titlePage},
		landmark{"toc", navFile + "#" + tocID, b.l.contents})
	b.toc = append(b.toc, &navEntry{label: title, href: xhtmlDir + titlePageFile, level: 1},
		&navEntry{label: b.l.contents, labelLang: b.l.lang, href: navFile + "#" + tocID, level: 1})

	var stats contentStats
	hrefs := make([]string, len(c.Articles))
	for i, a := range c.Articles {
		file := articleFile(c, i)
		hrefs[i] = file
		lang := strings.TrimSpace(a.Meta.Language)
		if lang == "" {
			lang = b.lang
		}
		text := newTextPage(a, textSetup{
			l: labelsFor(lang), lang: lang, bookLang: b.lang,
			href: xhtmlDir + file, imageDir: "../" + imageDir,
			part: !single, number: i + 1, ids: ids, images: images, warn: opt.warn,
		})
		p := page{file: file, title: cleanText(a.Meta.Title), body: text.render()}
		if lang != b.lang {
			p.lang, p.dir = lang, direction(lang)
		}
		b.pages = append(b.pages, p)
		stats.add(text.stats)
		if i == 0 {
			b.marks = append(b.marks, landmark{"bodymatter", xhtmlDir + file, b.l.text})
		}
		if single {
			if text.stats.headings == 0 {
				// Every page of the reading order has an entry: without
				// headings, the text gets one of its own.
				b.toc = append(b.toc, &navEntry{label: b.l.text, labelLang: b.l.lang, href: xhtmlDir + file, level: 1})
			}
			b.toc = append(b.toc, text.toc...)
		} else {
			b.toc = append(b.toc, &navEntry{label: p.title, labelLang: text.tocLang, href: xhtmlDir + file,
				level: 1, children: text.toc})
		}
	}
	// The contents page is in the reading order when there is something
	// to choose from: several articles, or several headings.
	b.navLinear = !single || stats.headings >= 2

	conv := conversion{producer: opt.producer(), date: opt.Date}
	if opt.EmbedFonts {
		conv.fontLicense, conv.faces = fontLicenseFile, embeddedTypefaces(c)
	}
	about := b.l.about
	if !single {
		about = b.l.aboutCollection
	}
	b.pages = append(b.pages, page{file: attributionFile, title: about, body: colophonPage(c, hrefs, b.l, b.lang, &conv)})
	b.marks = append(b.marks, landmark{"backmatter", xhtmlDir + attributionFile, about})
	b.toc = append(b.toc, &navEntry{label: about, labelLang: b.l.lang, href: xhtmlDir + attributionFile, level: 1})

	css := assets.EPUBStyle
	if opt.EmbedFonts {
		fontCSS, err := b.addFonts(c)
		if err != nil {
			return nil, err
		}
		css = append(append([]byte(nil), css...), fontCSS...)
	}
	bodies := make([][]byte, len(b.pages))
	for i, p := range b.pages {
		bodies[i] = p.body
	}
	b.css = append([]byte(cssHeader), pruneCSS(css, usedClasses(bodies...))...)

	authors, role := bookAuthors(c)
	b.meta = packageMeta{
		identifier:  identifier(c),
		title:       title,
		language:    b.lang,
		languages:   otherLanguages(c, b.lang),
		dir:         b.dir,
		authors:     authors,
		authorRole:  role,
		description: cleanText(m.Description),
		publisher:   cleanText(m.SiteName),
		source:      cleanText(m.SourceURL),
		rights:      cleanText(m.Rights),
		subjects:    cleanList(m.Keywords),
		date:        w3cDate(m.Date),
		modified:    opt.modified(m),
		a11y:        a11yMeta{stats: stats, embedFonts: opt.EmbedFonts, producer: "offprint"},
	}
	if !single {
		b.meta.a11y.articles = len(c.Articles)
	}
	return b, nil
}

// bookAuthors returns the book's creators and their MARC relator: the
// authors of a one-article book; the editors of a collection ("edt", its
// Meta.Authors), or, when it names none, the authors of its articles, each
// once, in order of appearance.
func bookAuthors(c *article.Collection) ([]string, string) {
	authors := cleanList(c.Meta.Authors)
	switch {
	case c.IsSingle():
		return authors, "aut"
	case len(authors) > 0:
		return authors, "edt"
	}
	seen := make(map[string]bool)
	for _, a := range c.Articles {
		for _, name := range cleanList(a.Meta.Authors) {
			if !seen[name] {
				seen[name] = true
				authors = append(authors, name)
			}
		}
	}
	return authors, "aut"
}

// otherLanguages returns the languages of the collection's articles that
// are not the book's language (lang), each once, in order of appearance.
func otherLanguages(c *article.Collection, lang string) []string {
	var langs []string
	for _, a := range c.Articles {
		l := strings.TrimSpace(a.Meta.Language)
		if l == "" || sameLanguage(l, lang) || slices.ContainsFunc(langs, func(s string) bool { return sameLanguage(s, l) }) {
			continue
		}
		langs = append(langs, l)
	}
	return langs
}

// collectImages prepares the images of the articles, in reading order,
// each stored once. It returns the file of each image (nil for an image
// left out) and the files.
func collectImages(articles []*article.Article, warn func(string)) (map[*article.Image]*imageFile, []*imageFile) {
	set := imageSet{warn: warn}
	images := make(map[*article.Image]*imageFile)
	collect := func(bl article.Block) bool {
		if img, ok := bl.(*article.Image); ok {
			if _, seen := images[img]; !seen {
				images[img] = set.add(&imageFileSource{data: img.Data, source: img.Source})
			}
		}
		return true
	}
	for _, a := range articles {
		article.WalkBlocks(a.Blocks, collect)
		for _, n := range a.Notes {
			article.WalkBlocks(n.Blocks, collect)
		}
	}
	return images, set.files
}

// addCover adds the cover image and the cover page.
func (b *book) addCover(m *article.Meta, opt *Options) error {
	mediaType, w, h, err := sniffCover(opt.Cover)
	if err != nil {
		return fmt.Errorf("epub: cover: %w", err)
	}
	if opt.CoverType != "" && opt.CoverType != mediaType {
		opt.warn(fmt.Sprintf("the cover is %s, not %s", mediaType, opt.CoverType))
	}
	b.cover = &imageFile{name: "cover" + extension(mediaType), mediaType: mediaType, data: opt.Cover, width: w, height: h}
	b.pages = append(b.pages, page{file: coverFile, title: b.l.cover, body: coverPage(m, b.l, "../"+imageDir+b.cover.name)})
	b.marks = append(b.marks, landmark{"cover", xhtmlDir + coverFile, b.l.cover})
	b.toc = append(b.toc, &navEntry{label: b.l.cover, labelLang: b.l.lang, href: xhtmlDir + coverFile, level: 1})
	return nil
}

// addFonts adds the embedded fonts and their licence page, and returns the
// CSS that asks for them.
func (b *book) addFonts(c *article.Collection) ([]byte, error) {
	fonts, css, license, err := embeddedFonts(c)
	if err != nil {
		return nil, err
	}
	b.fonts = fonts
	b.pages = append(b.pages, page{file: fontLicenseFile, title: b.l.fontLicense,
		body: fontLicensePage(b.l, b.lang, license), nonLinear: true})
	b.toc = append(b.toc, &navEntry{label: b.l.fontLicense, labelLang: b.l.lang, href: xhtmlDir + fontLicenseFile, level: 1})
	return css, nil
}
