package article

// Inline is a piece of running text: *Text, *Emphasis, *Strong, *Strike,
// *Code, *Link, *LineBreak or *NoteRef. The set is closed.
type Inline interface {
	isInline()
}

// Text is plain text. It holds no markup: renderers escape it.
type Text struct {
	Text string
}

// Emphasis is emphasised text, usually set in italics.
type Emphasis struct {
	Inlines []Inline
}

// Strong is strongly emphasised text, usually set in bold.
type Strong struct {
	Inlines []Inline
}

// Strike is struck-through (deleted) text.
type Strike struct {
	Inlines []Inline
}

// Code is inline code, set in a monospaced font.
type Code struct {
	Text string
}

// Link is a hyperlink. URL is absolute, or a fragment ("#…") within the
// article. Title is the optional advisory title.
type Link struct {
	URL     string
	Title   string
	Inlines []Inline
}

// LineBreak is a hard line break inside a paragraph.
type LineBreak struct{}

// NoteRef refers to the footnote with identifier ID in Article.Notes.
type NoteRef struct {
	ID string
}

func (*Text) isInline()      {}
func (*Emphasis) isInline()  {}
func (*Strong) isInline()    {}
func (*Strike) isInline()    {}
func (*Code) isInline()      {}
func (*Link) isInline()      {}
func (*LineBreak) isInline() {}
func (*NoteRef) isInline()   {}

// Plain returns s as a one-element inline list, or nil when s is empty.
func Plain(s string) []Inline {
	if s == "" {
		return nil
	}
	return []Inline{&Text{Text: s}}
}
