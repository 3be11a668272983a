package convert

import "github.com/offprint/offprint/article"

// apply writes the non-zero fields of o over m.
func (o Override) apply(m *article.Meta) {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&m.Title, o.Title)
	set(&m.Subtitle, o.Subtitle)
	set(&m.Section, o.Section)
	set(&m.Language, o.Language)
	set(&m.SourceURL, o.SourceURL)
	set(&m.Rights, o.Rights)
	if len(o.Authors) > 0 {
		m.Authors = append([]string(nil), o.Authors...)
	}
	if !o.Date.IsZero() {
		m.Date = o.Date
	}
}
