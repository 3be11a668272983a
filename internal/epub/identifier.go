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
// conversions: "urn:uuid:" and a version 5 (SHA-1) UUID of the source
// address when the article has one, else of its title, authors and body
// text.
func identifier(a *article.Article) string {
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
