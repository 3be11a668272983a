package epub

import (
	"context"
	"fmt"
	"io"

	"github.com/offprint/offprint/article"
)

// Write writes article a to w as an EPUB 3 book: a cover page when
// opt.Cover is set, a title page, the text with its endnotes, and an
// attribution page, with a navigation document, an NCX and accessibility
// metadata. It is WriteCollection of article.Single(a).
func Write(w io.Writer, a *article.Article, opt Options) error {
	if a == nil {
		return fmt.Errorf("epub: %w", a.Validate())
	}
	return WriteCollection(w, article.Single(a), opt)
}

// WriteCollection writes the articles of c to w as one EPUB 3 book: a
// cover page when opt.Cover is set, the collection's title page, a
// contents page, each article on a page of its own (its title block, its
// text, its endnotes and its attribution), and an attribution page for the
// collection listing its articles and their sources. The navigation
// document and the NCX have an entry for each article with its headings
// below it. When c.IsSingle(), the book is the article's, as Write makes
// it.
//
// The book's language is c.Meta.Language, or the first article's; each
// article's page carries its own article's language. The collection is
// validated first; on any error WriteCollection returns it before writing
// anything to w. The same collection and options always give the same
// bytes.
func WriteCollection(w io.Writer, c *article.Collection, opt Options) error {
	if err := validate(c); err != nil {
		return fmt.Errorf("epub: %w", err)
	}
	b, err := newBook(c, &opt)
	if err != nil {
		return err
	}
	if opt.Context != nil && opt.Context.Err() != nil {
		return fmt.Errorf("epub: %w", context.Cause(opt.Context))
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

// validate validates a collection; a single article is validated as such,
// so that its errors read as an article's.
func validate(c *article.Collection) error {
	if c != nil && len(c.Articles) == 1 && c.Articles[0] != nil && c.IsSingle() {
		return c.Articles[0].Validate()
	}
	return c.Validate()
}
