package pdf

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/offprint/offprint/article"
)

// Write renders the article as a PDF to w. It validates the article first;
// characters no font has and images that cannot be drawn do not fail the
// document: they are reported through opt.Warn. The document is streamed
// to w as it is finished, so w may hold part of one when writing to it
// fails. It is WriteCollection of article.Single(a).
func Write(w io.Writer, a *article.Article, opt Options) error {
	if a == nil {
		return fmt.Errorf("pdf: %w", a.Validate())
	}
	return WriteCollection(w, article.Single(a), opt)
}

// WriteCollection renders the articles of c as one PDF to w: the
// collection's title page (its title, editors, date and the number of its
// articles), a contents page listing each article with its authors and
// headings and their page numbers, each article from a new page (its own
// title block, text, endnotes and attribution, under a running header of
// its title and a footer of its authors, hyphenated in its language), and
// the collection's attribution with the list of its articles and the
// colophon. The outline has the title page, the contents, each article
// with its headings and notes nested below it, and the attribution, as the
// EPUB's navigation does. When c.IsSingle(), the document is the
// article's, as Write makes it.
//
// The collection is validated first; errors are as Write's.
func WriteCollection(w io.Writer, c *article.Collection, opt Options) error {
	return write(w, c, opt, layoutMode{loadFonts: true})
}

// write is WriteCollection with a layout mode.
func write(w io.Writer, c *article.Collection, opt Options, mode layoutMode) error {
	l, err := layoutDoc(c, opt, mode)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	warns, err := l.draw(bw, docInfoFor(c, opt))
	for _, wmsg := range warns {
		l.warnf("%s", wmsg)
	}
	l.flushWarnings(opt)
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// layoutArticle validates a and opt and lays the article out.
func layoutArticle(a *article.Article, opt Options) (*layout, error) {
	return layoutDoc(article.Single(a), opt, layoutMode{})
}

// validate validates a collection; a single article is validated as such,
// so that its errors read as an article's.
func validate(c *article.Collection) error {
	if c != nil && len(c.Articles) == 1 && c.Articles[0] != nil && c.IsSingle() {
		return c.Articles[0].Validate()
	}
	return c.Validate()
}

// layoutMode holds the layout's switches: Write sets loadFonts; tests lay
// out without drawing (the zero value), record lines or work serially.
type layoutMode struct {
	// lines records every text line in layout.lines.
	lines bool
	// serial does all the work on the calling goroutine: no prefetch,
	// no compression on other goroutines.
	serial bool
	// loadFonts adds the faces to the gofpdf document while the layout
	// runs (fontLoader); draw must then follow.
	loadFonts bool
}

// layoutDoc validates c and opt and lays the collection out in a mode.
func layoutDoc(c *article.Collection, opt Options, mode layoutMode) (*layout, error) {
	if err := validate(c); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	paper := opt.Paper
	switch {
	case paper.isZero():
		paper = A4
	case paper.Width == 0 && paper.Height == 0:
		p, err := ParsePaper(paper.Name) // Paper{Name: "a5"}
		if err != nil {
			return nil, err
		}
		paper = p
	}
	if err := paper.validate(); err != nil {
		return nil, err
	}
	size := opt.FontSize
	if size == 0 {
		size = defaultFontSize(paper)
	}
	if size < 5 || size > 24 {
		return nil, fmt.Errorf("pdf: font size %g pt outside 5–24 pt", size)
	}
	fonts, err := loadFonts(opt.FallbackFont, c)
	if err != nil {
		return nil, err
	}
	l := newLayout(newGeometry(paper, size), fonts)
	l.recordLines = mode.lines
	l.serial = mode.serial
	l.prefetching = mode.serial // as if one were running: no other starts
	if mode.loadFonts {
		l.loader = startFontLoader(l.g, fonts)
	}
	l.ctx = opt.Context
	l.document(c, &opt)
	if l.ctx != nil && l.ctx.Err() != nil {
		return nil, fmt.Errorf("pdf: %w", context.Cause(l.ctx))
	}
	l.furnish()
	if fonts.err != nil {
		if l.loader != nil {
			l.loader.wait()
		}
		return nil, fonts.err
	}
	return l, nil
}

// flushWarnings sends the layout's warnings to opt.Warn: the missing
// characters once, then the others.
func (l *layout) flushWarnings(opt Options) {
	if opt.Warn == nil {
		return
	}
	if msg := l.missingWarning(); msg != "" {
		opt.Warn(msg)
	}
	for _, w := range l.warn {
		opt.Warn(w)
	}
}

// docInfoFor is the document metadata of a collection: a single
// article's own; a collection's title, editors (or, when it names none,
// its articles' authors, each once) and keywords (or its articles').
func docInfoFor(c *article.Collection, opt Options) docInfo {
	m := &c.Meta
	prog := "offprint"
	if v := strings.TrimSpace(opt.Version); v != "" {
		prog += " " + v
	}
	date := opt.Date
	if date.IsZero() {
		date = m.Date
	}
	if date.IsZero() {
		date = fixedDate
	}
	authors, keywords := m.Authors, m.Keywords
	if len(authors) == 0 {
		authors = union(c, func(m *article.Meta) []string { return m.Authors })
	}
	if len(keywords) == 0 {
		keywords = union(c, func(m *article.Meta) []string { return m.Keywords })
	}
	return docInfo{
		title:    m.Title,
		author:   strings.Join(authors, ", "),
		subject:  m.Section,
		keywords: strings.Join(keywords, ", "),
		creator:  prog,
		producer: prog + " (gofpdf)",
		date:     date.UTC(),
		compress: !opt.NoCompress,
		lang:     collectionLanguage(c),
	}
}

// union returns the strings field gives of the articles' metadata, each
// once, in order of appearance.
func union(c *article.Collection, field func(*article.Meta) []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range c.Articles {
		for _, s := range field(&a.Meta) {
			if s = strings.TrimSpace(s); s != "" && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}
