package epub

import (
	"strings"

	"github.com/gofrs/uuid/v5"

	"github.com/offprint/offprint/article"
)

// contentNamespace is the UUID namespace of identifiers made from an
// article's content: the version 5 UUID of the URL of offprint's module in
// the URL namespace.
var contentNamespace = uuid.NewV5(uuid.NamespaceURL, "https://github.com/offprint/offprint#content")

// identifier returns the book's unique identifier, stable across
// conversions: "urn:uuid:" and a version 5 (SHA-1) UUID. A one-article
// book has the article's (articleIdentifier); a book of several articles
// has that of its title, its authors and its articles' identifiers in
// order, so that the same articles bound under the same title make the
// same book.
func identifier(c *article.Collection) string {
	if c.IsSingle() {
		return articleIdentifier(c.Articles[0])
	}
	var b strings.Builder
	b.WriteString("collection\x00")
	b.WriteString(c.Meta.Title)
	for _, s := range c.Meta.Authors {
		b.WriteByte(0)
		b.WriteString(s)
	}
	for _, a := range c.Articles {
		b.WriteByte(0)
		b.WriteString(articleIdentifier(a))
	}
	return "urn:uuid:" + uuid.NewV5(contentNamespace, b.String()).String()
}

// articleIdentifier returns the identifier of an article: the UUID of its
// source address when it has one, else of its title, authors and body
// text.
func articleIdentifier(a *article.Article) string {
	if src := strings.TrimSpace(a.Meta.SourceURL); src != "" {
		return "urn:uuid:" + uuid.NewV5(uuid.NamespaceURL, src).String()
	}
	var b strings.Builder
	b.WriteString(a.Meta.Title)
	for _, s := range a.Meta.Authors {
		b.WriteByte(0)
		b.WriteString(s)
	}
	b.WriteByte(0)
	b.WriteString(a.BodyText())
	return "urn:uuid:" + uuid.NewV5(contentNamespace, b.String()).String()
}
