package epub

import (
	"fmt"
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

// book is everything Write puts into an EPUB, prepared before go-epub is
// called.
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
}

// fontFile is an embedded font.
type fontFile struct {
	name string
	data []byte
}

// newBook prepares the book of a validated article.
func newBook(a *article.Article, opt *Options) (*book, error) {
	m := &a.Meta
	b := &book{lang: strings.TrimSpace(m.Language)}
	if b.lang == "" {
		b.lang = "en"
		opt.warn("the article's language is unknown; the book is marked as English")
	}
	b.dir = direction(b.lang)
	b.l = labelsFor(b.lang)
	title := cleanText(m.Title)
	if title == "" {
		return nil, fmt.Errorf("epub: %w: only characters XML forbids", article.ErrNoTitle)
	}

	images, files := collectImages(a, opt.warn)
	b.images = files
	if opt.Cover != nil {
		if err := b.addCover(m, opt); err != nil {
			return nil, err
		}
	}

	b.pages = append(b.pages, page{file: titlePageFile, title: title, body: titlePage(m, b.l, b.lang)})
	b.marks = append(b.marks, landmark{"titlepage", xhtmlDir + titlePageFile, b.l.titlePage},
		landmark{"toc", navFile + "#" + tocID, b.l.contents})
	b.toc = append(b.toc, &navEntry{label: title, href: xhtmlDir + titlePageFile, level: 1},
		&navEntry{label: b.l.contents, labelLang: b.l.lang, href: navFile + "#" + tocID, level: 1})

	text := newTextPage(a, b.l, b.lang, xhtmlDir+textFile, "../"+imageDir, images, opt.warn)
	b.pages = append(b.pages, page{file: textFile, title: title, body: text.render()})
	b.marks = append(b.marks, landmark{"bodymatter", xhtmlDir + textFile, b.l.text})
	if text.stats.headings == 0 {
		// Every page of the reading order has an entry: without headings,
		// the text gets one of its own.
		b.toc = append(b.toc, &navEntry{label: b.l.text, labelLang: b.l.lang, href: xhtmlDir + textFile, level: 1})
	}
	b.toc = append(b.toc, text.toc...)
	b.navLinear = text.stats.headings >= 2

	conv := conversion{producer: opt.producer(), date: opt.Date}
	if opt.EmbedFonts {
		conv.fontLicense = fontLicenseFile
	}
	b.pages = append(b.pages, page{file: attributionFile, title: b.l.about, body: attributionPage(m, b.l, b.lang, conv)})
	b.marks = append(b.marks, landmark{"backmatter", xhtmlDir + attributionFile, b.l.about})
	b.toc = append(b.toc, &navEntry{label: b.l.about, labelLang: b.l.lang, href: xhtmlDir + attributionFile, level: 1})

	css := assets.EPUBStyle
	if opt.EmbedFonts {
		fontCSS, err := b.addFonts()
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

	b.meta = packageMeta{
		identifier:  identifier(a),
		title:       title,
		language:    b.lang,
		dir:         b.dir,
		authors:     cleanList(m.Authors),
		description: cleanText(m.Description),
		publisher:   cleanText(m.SiteName),
		source:      cleanText(m.SourceURL),
		rights:      cleanText(m.Rights),
		subjects:    cleanList(m.Keywords),
		date:        w3cDate(m.Date),
		modified:    opt.modified(m),
		a11y:        a11yMeta{stats: text.stats, embedFonts: opt.EmbedFonts, producer: "offprint"},
	}
	return b, nil
}

// collectImages prepares the images of an article, in reading order, each
// stored once. It returns the file of each image (nil for an image left
// out) and the files.
func collectImages(a *article.Article, warn func(string)) (map[*article.Image]*imageFile, []*imageFile) {
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
	article.WalkBlocks(a.Blocks, collect)
	for _, n := range a.Notes {
		article.WalkBlocks(n.Blocks, collect)
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
func (b *book) addFonts() ([]byte, error) {
	fonts, css, license, err := embeddedFonts()
	if err != nil {
		return nil, err
	}
	b.fonts = fonts
	b.pages = append(b.pages, page{file: fontLicenseFile, title: b.l.fontLicense,
		body: fontLicensePage(b.l, b.lang, license), nonLinear: true})
	b.toc = append(b.toc, &navEntry{label: b.l.fontLicense, labelLang: b.l.lang, href: xhtmlDir + fontLicenseFile, level: 1})
	return css, nil
}
