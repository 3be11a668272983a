package convert

import (
	"strings"

	"github.com/offprint/offprint/article"
)

// apply writes the given fields of o over m. A text given as only white
// space counts as not given, and texts are trimmed; blank authors are
// dropped (see article.CleanNames), and a list of blank ones alone keeps
// the authors m has.
func (o Override) apply(m *article.Meta) {
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	set(&m.Title, o.Title)
	set(&m.Subtitle, o.Subtitle)
	set(&m.Section, o.Section)
	set(&m.Language, o.Language)
	set(&m.SourceURL, o.SourceURL)
	set(&m.Rights, o.Rights)
	if authors := article.CleanNames(o.Authors); len(authors) > 0 {
		m.Authors = append([]string(nil), authors...)
	}
	if !o.Date.IsZero() {
		m.Date = o.Date
	}
}
