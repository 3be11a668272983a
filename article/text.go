package article

import (
	"strings"
	"unicode"
)

// InlineText returns the plain text of inlines: markup dropped, a line break
// as "\n", a footnote reference as nothing.
func InlineText(inlines []Inline) string {
	var b strings.Builder
	writeInlineText(&b, inlines)
	return b.String()
}

func writeInlineText(b *strings.Builder, inlines []Inline) {
	for _, in := range inlines {
		switch x := in.(type) {
		case *Text:
			b.WriteString(x.Text)
		case *Emphasis:
			writeInlineText(b, x.Inlines)
		case *Strong:
			writeInlineText(b, x.Inlines)
		case *Strike:
			writeInlineText(b, x.Inlines)
		case *Code:
			b.WriteString(x.Text)
		case *Link:
			writeInlineText(b, x.Inlines)
		case *LineBreak:
			b.WriteByte('\n')
		}
	}
}

// BlockText returns the plain text of a block and the blocks inside it,
// one line per paragraph-like element.
func BlockText(bl Block) string {
	var b strings.Builder
	writeBlockText(&b, bl)
	return strings.TrimSuffix(b.String(), "\n")
}

func writeBlockText(b *strings.Builder, bl Block) {
	line := func(s string) {
		if s != "" {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	switch x := bl.(type) {
	case *Heading:
		line(InlineText(x.Inlines))
	case *Paragraph:
		line(InlineText(x.Inlines))
	case *Quote:
		for _, c := range x.Blocks {
			writeBlockText(b, c)
		}
		line(InlineText(x.Attribution))
	case *List:
		for _, it := range x.Items {
			for _, c := range it.Blocks {
				writeBlockText(b, c)
			}
		}
	case *CodeBlock:
		line(x.Text)
	case *Image:
		line(InlineText(x.Caption))
	case *Table:
		row := func(cells []Cell) {
			parts := make([]string, 0, len(cells))
			for _, c := range cells {
				parts = append(parts, InlineText(c.Inlines))
			}
			line(strings.Join(parts, " "))
		}
		row(x.Header)
		for _, r := range x.Rows {
			row(r)
		}
		line(InlineText(x.Caption))
	}
}

// BodyText returns the plain text of the whole body, blocks separated by
// newlines. It is what tests compare outputs against.
func (a *Article) BodyText() string {
	var b strings.Builder
	for _, bl := range a.Blocks {
		writeBlockText(&b, bl)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// MaxWordRunes is the longest run of characters WordCount counts as one
// word; a longer run counts as one word for each MaxWordRunes characters
// begun. No word of a natural language is that long, and the cost of
// setting a run grows with its length, not with the white space around it.
const MaxWordRunes = 40

// WordCount returns the number of words of the body and the notes: runs of
// characters between white space, a run counting one word for each
// MaxWordRunes characters begun, and each Chinese or Japanese character
// (Han, Hiragana, Katakana) one word, as word processors count them. It is
// what the cost of converting an article grows with.
func (a *Article) WordCount() int {
	n := 0
	words := func(s string) {
		run := 0 // characters of the current run, Han and kana excluded
		for _, r := range s {
			switch {
			case unicode.IsSpace(r):
				run = 0
			case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
				n++
				run = 0
			default:
				if run%MaxWordRunes == 0 {
					n++
				}
				run++
			}
		}
	}
	count := func(b Block) bool {
		switch x := b.(type) {
		case *Quote:
			words(InlineText(x.Attribution)) // its blocks come one by one
		case *List:
		default:
			words(BlockText(b))
		}
		return true
	}
	WalkBlocks(a.Blocks, count)
	for _, note := range a.Notes {
		WalkBlocks(note.Blocks, count)
	}
	return n
}

// HasText reports whether the body holds any text other than white space.
// It stops at the first block that does, unlike BodyText.
func (a *Article) HasText() bool {
	for _, bl := range a.Blocks {
		if strings.TrimSpace(BlockText(bl)) != "" {
			return true
		}
	}
	return false
}

// Headings returns the article's headings in reading order, including those
// nested in quotes and lists.
func (a *Article) Headings() []*Heading {
	var hs []*Heading
	WalkBlocks(a.Blocks, func(b Block) bool {
		if h, ok := b.(*Heading); ok {
			hs = append(hs, h)
		}
		return true
	})
	return hs
}

// HasImages reports whether the body holds at least one image.
func (a *Article) HasImages() bool {
	found := false
	WalkBlocks(a.Blocks, func(b Block) bool {
		if _, ok := b.(*Image); ok {
			found = true
		}
		return !found
	})
	return found
}

// WalkBlocks calls fn for each block in depth-first reading order,
// descending into quotes and list items. It stops when fn returns false.
func WalkBlocks(blocks []Block, fn func(Block) bool) bool {
	for _, b := range blocks {
		if !fn(b) {
			return false
		}
		switch x := b.(type) {
		case *Quote:
			if !WalkBlocks(x.Blocks, fn) {
				return false
			}
		case *List:
			for _, it := range x.Items {
				if !WalkBlocks(it.Blocks, fn) {
					return false
				}
			}
		}
	}
	return true
}

// HasNoteRef reports whether inlines hold a footnote reference, at any
// depth.
func HasNoteRef(inlines []Inline) bool {
	for _, in := range inlines {
		var inner []Inline
		switch x := in.(type) {
		case *NoteRef:
			return true
		case *Emphasis:
			inner = x.Inlines
		case *Strong:
			inner = x.Inlines
		case *Strike:
			inner = x.Inlines
		case *Link:
			inner = x.Inlines
		}
		if HasNoteRef(inner) {
			return true
		}
	}
	return false
}
