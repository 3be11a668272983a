package epub

import (
	"fmt"
	"io"

	"github.com/offprint/offprint/article"
)

// Write writes article a to w as an EPUB 3 book: a cover page when
// opt.Cover is set, a title page, the text with its endnotes, and an
// attribution page, with a navigation document, an NCX and accessibility
// metadata. The article is validated first; on any error Write returns it
// before writing anything to w. The same article and options always give
// the same bytes.
func Write(w io.Writer, a *article.Article, opt Options) error {
	if err := a.Validate(); err != nil {
		return fmt.Errorf("epub: %w", err)
	}
	b, err := newBook(a, &opt)
	if err != nil {
		return err
	}
	raw, err := b.assemble()
	if err != nil {
		return fmt.Errorf("epub: %w", err)
	}
	out, err := b.finish(raw)
	if err != nil {
		return fmt.Errorf("epub: %w", err)
	}
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("epub: %w", err)
	}
	return nil
}
