package epub

import (
	"fmt"
	"strings"
)

// a11yMeta is what the accessibility metadata (EPUB Accessibility 1.1)
// says of a book, derived from what it really holds.
type a11yMeta struct {
	stats      contentStats
	embedFonts bool
	producer   string // the certifier of a conformance claim
	// articles is the number of articles of a book of several; 0 for a
	// one-article book.
	articles int
}

// visual reports whether the book has content only seen (images).
func (m *a11yMeta) visual() bool { return m.stats.images > 0 }

// allAlt reports whether every image in the book has a text alternative
// (true when there are no images).
func (m *a11yMeta) allAlt() bool { return m.stats.imagesWithAlt == m.stats.images }

// conforms reports whether the book may claim EPUB Accessibility 1.1 at
// WCAG 2.1 AA. offprint's markup is built for it; what an article can break
// is a text alternative missing from an image.
func (m *a11yMeta) conforms() bool { return m.allAlt() }

// features returns the schema:accessibilityFeature values.
func (m *a11yMeta) features() []string {
	f := []string{"structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"}
	if m.visual() && m.allAlt() {
		f = append(f, "alternativeText")
	}
	return f
}

// writeA11yMeta writes the accessibility metadata with meta(property,
// value, attrs...).
func writeA11yMeta(w *xw, m *a11yMeta, bookLang string, meta func(property, value string, attrs ...string)) {
	meta("schema:accessMode", "textual")
	if m.visual() {
		meta("schema:accessMode", "visual")
	}
	if m.allAlt() {
		meta("schema:accessModeSufficient", "textual")
	}
	if m.visual() {
		meta("schema:accessModeSufficient", "textual,visual")
	}
	for _, f := range m.features() {
		meta("schema:accessibilityFeature", f)
	}
	meta("schema:accessibilityHazard", "none")
	var attrs []string
	if !sameLanguage(bookLang, "en") {
		attrs = []string{"xml:lang", "en"}
	}
	meta("schema:accessibilitySummary", m.summary(), attrs...)
	if m.conforms() {
		meta("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA")
		meta("a11y:certifiedBy", m.producer)
	}
}

// summary returns the accessibility summary, in English, written from the
// book's content.
func (m *a11yMeta) summary() string {
	s := m.stats
	var b strings.Builder
	if m.articles > 0 {
		fmt.Fprintf(&b, "A collection of %s converted to EPUB by offprint, with a title page, ", count(m.articles, "article", "articles"))
	} else {
		b.WriteString("An article converted to EPUB by offprint, with a title page, ")
	}
	if s.headings > 0 {
		fmt.Fprintf(&b, "%s marked up for structural navigation, ", count(s.headings, "heading", "headings"))
	}
	if m.articles > 0 {
		b.WriteString("a table of contents, a title and an attribution for each article, and an attribution page, in reading order.")
	} else {
		b.WriteString("a table of contents and an attribution page, in reading order.")
	}
	if s.images > 0 {
		fmt.Fprintf(&b, " It has %s", count(s.images, "image", "images"))
		switch {
		case s.imagesWithAlt == s.images && s.images == 1:
			b.WriteString(" with a text alternative.")
		case s.imagesWithAlt == s.images:
			b.WriteString(", all with text alternatives.")
		case s.imagesWithAlt == 0:
			b.WriteString(" without text alternatives.")
		default:
			fmt.Fprintf(&b, ", %d of them without a text alternative.", s.images-s.imagesWithAlt)
		}
	}
	var more []string
	switch {
	case s.tables == 0:
	case s.headedTables == s.tables:
		more = append(more, count(s.tables, "table", "tables")+" with header cells marked up")
	default:
		more = append(more, count(s.tables, "table", "tables")+fmt.Sprintf(" (%d with header cells)", s.headedTables))
	}
	if s.notes > 0 {
		more = append(more, count(s.notes, "endnote", "endnotes")+" linked to and from the text")
	}
	if s.codeBlocks > 0 {
		more = append(more, count(s.codeBlocks, "block", "blocks")+" of preformatted code")
	}
	if len(more) > 0 {
		fmt.Fprintf(&b, " It has %s.", englishList(more))
	}
	switch {
	case s.imagesLeftOut == 1:
		b.WriteString(" One image of the original could not be included; its text alternative, if any, is kept as text.")
	case s.imagesLeftOut > 1:
		fmt.Fprintf(&b, " %d images of the original could not be included; their text alternatives, if any, are kept as text.",
			s.imagesLeftOut)
	}
	b.WriteString(" Text sizes are relative and no colours are set, so reading system settings apply")
	if m.embedFonts {
		b.WriteString("; embedded fonts are suggested, not forced")
	}
	b.WriteString(". No known hazards.")
	if m.conforms() {
		b.WriteString(" The publication meets EPUB Accessibility 1.1 at WCAG 2.1 Level AA.")
	}
	return b.String()
}

func count(n int, one, many string) string {
	if n == 1 {
		return "one " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func englishList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
