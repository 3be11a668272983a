package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/offprint/offprint/article"
)

// tidyBlocks finishes converted blocks: soft breaks become spaces, runs of
// spaces one space, paragraphs are trimmed, and blocks left without text
// are dropped, empty list items (and lists left without items) too; a run
// of rules becomes one.
func tidyBlocks(bs []article.Block) []article.Block {
	out := bs[:0]
	for _, b := range bs {
		switch x := b.(type) {
		case *article.Paragraph:
			x.Inlines = trimInlines(tidyInlines(x.Inlines))
			if !hasContent(x.Inlines) {
				continue
			}
		case *article.Heading:
			x.Inlines = trimInlines(tidyInlines(x.Inlines))
			if !hasContent(x.Inlines) {
				continue
			}
		case *article.Quote:
			x.Blocks = tidyBlocks(x.Blocks)
			x.Attribution = trimInlines(tidyInlines(x.Attribution))
			if !hasContent(x.Attribution) {
				x.Attribution = nil
			}
			if len(x.Blocks) == 0 {
				if x.Attribution == nil {
					continue
				}
				x.Blocks = []article.Block{&article.Paragraph{Inlines: x.Attribution}}
				x.Attribution = nil
			}
		case *article.List:
			items := x.Items[:0]
			for _, it := range x.Items {
				if it.Blocks = tidyBlocks(it.Blocks); len(it.Blocks) > 0 {
					items = append(items, it)
				}
			}
			if x.Items = items; len(items) == 0 {
				continue
			}
		case *article.Rule:
			if n := len(out); n > 0 {
				if _, ok := out[n-1].(*article.Rule); ok {
					continue // a run of rules is one
				}
			}
		case *article.Image:
			x.Caption = trimInlines(tidyInlines(x.Caption))
			if !hasContent(x.Caption) {
				x.Caption = nil
			}
		case *article.Table:
			for i := range x.Header {
				x.Header[i].Inlines = trimInlines(tidyInlines(x.Header[i].Inlines))
			}
			for _, r := range x.Rows {
				for i := range r {
					r[i].Inlines = trimInlines(tidyInlines(r[i].Inlines))
				}
			}
		}
		out = append(out, b)
	}
	return out
}

// tidyInlines turns soft breaks into spaces, merges adjacent texts and runs
// of spaces, and drops empty texts and empty emphasis.
func tidyInlines(ins []article.Inline) []article.Inline {
	var out []article.Inline
	for _, in := range ins {
		switch x := in.(type) {
		case *article.Text:
			s := softBreaks(x.Text)
			if n := len(out); n > 0 {
				if prev, ok := out[n-1].(*article.Text); ok {
					prev.Text = squeezeSpaces(prev.Text + s)
					continue
				}
			}
			x.Text = squeezeSpaces(s)
			if x.Text == "" {
				continue
			}
		case *article.Emphasis:
			if x.Inlines = tidyInlines(x.Inlines); len(x.Inlines) == 0 {
				continue
			}
		case *article.Strong:
			if x.Inlines = tidyInlines(x.Inlines); len(x.Inlines) == 0 {
				continue
			}
		case *article.Strike:
			if x.Inlines = tidyInlines(x.Inlines); len(x.Inlines) == 0 {
				continue
			}
		case *article.Link:
			if x.Inlines = tidyInlines(x.Inlines); len(x.Inlines) == 0 {
				continue
			}
		}
		out = append(out, in)
	}
	// No spaces around a line break.
	for i, in := range out {
		if _, ok := in.(*article.LineBreak); !ok {
			continue
		}
		if i > 0 {
			if t, ok := out[i-1].(*article.Text); ok {
				t.Text = strings.TrimRight(t.Text, " ")
			}
		}
		if i+1 < len(out) {
			if t, ok := out[i+1].(*article.Text); ok {
				t.Text = strings.TrimLeft(t.Text, " ")
			}
		}
	}
	return out
}

// trimInlines trims the white space at both ends of a block's inlines and
// drops line breaks there.
func trimInlines(ins []article.Inline) []article.Inline {
	for len(ins) > 0 {
		if _, ok := ins[0].(*article.LineBreak); !ok {
			break
		}
		ins = ins[1:]
	}
	for len(ins) > 0 {
		if _, ok := ins[len(ins)-1].(*article.LineBreak); !ok {
			break
		}
		ins = ins[:len(ins)-1]
	}
	if len(ins) == 0 {
		return nil
	}
	trimEdge(ins[0], true)
	trimEdge(ins[len(ins)-1], false)
	return tidyInlines(ins) // drops what trimming emptied
}

// trimEdge trims the leading (or trailing) spaces of the first (or last)
// text inside in.
func trimEdge(in article.Inline, leading bool) {
	var kids []article.Inline
	switch x := in.(type) {
	case *article.Text:
		if leading {
			x.Text = strings.TrimLeft(x.Text, " ")
		} else {
			x.Text = strings.TrimRight(x.Text, " ")
		}
		return
	case *article.Emphasis:
		kids = x.Inlines
	case *article.Strong:
		kids = x.Inlines
	case *article.Strike:
		kids = x.Inlines
	case *article.Link:
		kids = x.Inlines
	}
	if len(kids) == 0 {
		return
	}
	if leading {
		trimEdge(kids[0], true)
	} else {
		trimEdge(kids[len(kids)-1], false)
	}
}

// hasContent reports whether inlines hold text or a footnote reference.
func hasContent(ins []article.Inline) bool {
	return strings.TrimSpace(article.InlineText(ins)) != "" || article.HasNoteRef(ins)
}

// softBreaks replaces the soft-break markers in s with a space, or with
// nothing between two characters of a script written without spaces
// (Chinese, Japanese) or next to a space already there.
func softBreaks(s string) string {
	if !strings.Contains(s, softBreak) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, softBreak)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		before, after := s[:i], s[i+len(softBreak):]
		b.WriteString(before)
		prev, _ := utf8.DecodeLastRuneInString(b.String())
		next, _ := utf8.DecodeRuneInString(after)
		if !(noSpaceScript(prev) && noSpaceScript(next)) && prev != ' ' && next != ' ' {
			b.WriteByte(' ')
		}
		s = after
	}
}

// noSpaceScript reports whether r belongs to a script written without word
// spaces, or is full-width punctuation.
func noSpaceScript(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}

// squeezeSpaces turns runs of spaces into one space.
func squeezeSpaces(s string) string {
	if !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	prev := false
	for _, r := range s {
		if r == ' ' {
			if prev {
				continue
			}
			prev = true
		} else {
			prev = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
