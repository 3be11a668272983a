package article

import "time"

// Article is one article: its metadata and its body.
type Article struct {
	// Meta describes the article; title pages and attributions are made from it.
	Meta Meta
	// Blocks is the body in reading order. It does not repeat the title.
	Blocks []Block
	// Notes are the article's footnotes, referred to by NoteRef inlines.
	Notes []Note
}

// Meta is an article's metadata. The zero value of a field means unknown.
type Meta struct {
	// Title is the article's title; it is required.
	Title string
	// Subtitle is an optional standfirst or secondary title.
	Subtitle string
	// Authors lists the authors by display name, in byline order.
	Authors []string
	// Section is the site's section or rubric ("Politics", "Общество").
	Section string
	// Date is the publication date; the zero time means unknown.
	Date time.Time
	// Language is a BCP 47 tag such as "en", "ru" or "en-GB".
	Language string
	// Direction is the text's base direction when the source states it
	// ("rtl" or "ltr", as HTML's dir attribute); "" means the one the
	// language implies.
	Direction string
	// SourceURL is the address the article was published at.
	SourceURL string
	// SiteName is the publication's name ("Городские новости").
	SiteName string
	// Rights is the copyright or licence statement ("CC BY 4.0").
	Rights string
	// Description is a one- or two-sentence summary of the article.
	Description string
	// Keywords are subject keywords, in the source's order.
	Keywords []string
}

// Note is a footnote: its identifier, unique within the article, and its
// content. Renderers number notes in the order of Article.Notes.
type Note struct {
	ID     string
	Blocks []Block
}

// HasDate reports whether the publication date is known.
func (m *Meta) HasDate() bool { return !m.Date.IsZero() }

// Note returns the note with the given identifier, or nil.
func (a *Article) Note(id string) *Note {
	for i := range a.Notes {
		if a.Notes[i].ID == id {
			return &a.Notes[i]
		}
	}
	return nil
}
