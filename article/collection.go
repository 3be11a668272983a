package article

import (
	"errors"
	"fmt"
)

// Collection is several articles bound into one book, as offprint's
// --bundle makes: the collection's own metadata (title, editors as
// Authors, date, language, rights) for its cover, title page and
// attribution, and the articles in reading order, each keeping its own
// metadata for its title block and attribution.
type Collection struct {
	Meta     Meta
	Articles []*Article
}

// ErrEmptyCollection is returned (wrapped) by Collection.Validate for a
// collection without articles.
var ErrEmptyCollection = errors.New("collection has no articles")

// Validate reports the first reason the collection cannot be rendered: a
// missing title, no articles, or an article that does not validate. Like
// Article.Validate, it tidies the authors of the collection and of its
// articles.
func (c *Collection) Validate() error {
	if c == nil {
		return errors.New("article: nil collection")
	}
	if c.Meta.Title == "" {
		return fmt.Errorf("article: collection: %w", ErrNoTitle)
	}
	if err := c.Meta.validate(); err != nil {
		return err
	}
	if len(c.Articles) == 0 {
		return fmt.Errorf("article: %w", ErrEmptyCollection)
	}
	for i, a := range c.Articles {
		if err := a.Validate(); err != nil {
			return fmt.Errorf("article %d of the collection: %w", i+1, err)
		}
	}
	return nil
}

// Single returns the collection that holds a alone, with a's metadata:
// renderers write a single article as such a collection, so that one code
// path serves both. The collection's authors are a's tidied (see
// CleanNames), even before a is validated; a itself is not changed.
func Single(a *Article) *Collection {
	m := a.Meta
	m.Authors = CleanNames(m.Authors)
	return &Collection{Meta: m, Articles: []*Article{a}}
}

// IsSingle reports whether the collection is one article presented as
// itself (its title page is the article's title block), rather than a
// bundle whose articles each open with their own title block.
func (c *Collection) IsSingle() bool {
	return len(c.Articles) == 1 && c.Articles[0].Meta.Title == c.Meta.Title
}
