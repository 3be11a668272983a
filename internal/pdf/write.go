package pdf

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/offprint/offprint/article"
)

// Write renders the article as a PDF to w. It validates the article first;
// characters no font has and images that cannot be drawn do not fail the
// document: they are reported through opt.Warn. The document is streamed
// to w as it is finished, so w may hold part of one when writing to it
// fails.
func Write(w io.Writer, a *article.Article, opt Options) error {
	return write(w, a, opt, layoutMode{loadFonts: true})
}

// write is Write with a layout mode.
func write(w io.Writer, a *article.Article, opt Options, mode layoutMode) error {
	l, err := layoutDoc(a, opt, mode)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	warns, err := l.draw(bw, docInfoFor(a, opt))
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
	return layoutDoc(a, opt, layoutMode{})
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

// layoutDoc is layoutArticle in a mode.
func layoutDoc(a *article.Article, opt Options, mode layoutMode) (*layout, error) {
	if err := a.Validate(); err != nil {
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
	fonts, err := loadFonts(opt.FallbackFont)
	if err != nil {
		return nil, err
	}
	l := newLayout(newGeometry(paper, size), fonts)
	l.recordLines = mode.lines
	l.serial = mode.serial
	l.prefetching = mode.serial // as if one were running: no other starts
	if mode.loadFonts {
		l.loader = startFontLoader(l.g, fonts.m[faceFallback])
	}
	l.article(a, &opt)
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

// docInfoFor is the document metadata of an article.
func docInfoFor(a *article.Article, opt Options) docInfo {
	m := &a.Meta
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
	return docInfo{
		title:    m.Title,
		author:   strings.Join(m.Authors, ", "),
		subject:  m.Section,
		keywords: strings.Join(m.Keywords, ", "),
		creator:  prog,
		producer: prog + " (gofpdf)",
		date:     date.UTC(),
		compress: !opt.NoCompress,
	}
}
