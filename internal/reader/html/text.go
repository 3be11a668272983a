package html

import (
	"strings"
	"unicode"

	"github.com/offprint/offprint/article"
)

// isControl reports whether r is a control character that has no place in
// text: C0 controls other than tab, line feed and carriage return, DEL, C1
// controls, and the noncharacters U+FFFE and U+FFFF.
func isControl(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r == '\f':
		return false
	case r < 0x20, r >= 0x7F && r <= 0x9F, r == 0xFFFE, r == 0xFFFF:
		return true
	}
	return false
}

// stripControls removes control characters (see isControl).
func stripControls(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s)
}

// isHTMLSpace reports whether c is ASCII white space as HTML defines it. A
// no-break space is not white space: it stays.
func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// collapse replaces each run of HTML white space in s by one space and
// removes control characters.
func collapse(s string) string {
	s = stripControls(s)
	var b strings.Builder
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isHTMLSpace(c) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteByte(c)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// normalizeInlines lays out white space as a browser would: runs collapse
// to one space, spaces at the start and end of the block and around line
// breaks go, adjacent texts merge, and empty elements vanish.
func normalizeInlines(ins []article.Inline) []article.Inline {
	space := true // at the start of a block, a space is dropped
	out := normalizeRun(ins, &space)
	out = trimStart(out)
	out = trimEnd(out)
	return out
}

func normalizeRun(ins []article.Inline, space *bool) []article.Inline {
	var out []article.Inline
	for _, in := range ins {
		switch x := in.(type) {
		case *article.Text:
			t := collapse(x.Text)
			if *space {
				t = strings.TrimPrefix(t, " ")
			}
			if t == "" {
				continue
			}
			*space = strings.HasSuffix(t, " ")
			out = appendText(out, t)
		case *article.LineBreak:
			out = trimEnd(out)
			if len(out) == 0 {
				continue // a break at the start of the block shows nothing
			}
			out = append(out, x)
			*space = true
		case *article.Emphasis:
			out = appendContainer(out, normalizeRun(x.Inlines, space), func(c []article.Inline) article.Inline {
				return &article.Emphasis{Inlines: c}
			})
		case *article.Strong:
			out = appendContainer(out, normalizeRun(x.Inlines, space), func(c []article.Inline) article.Inline {
				return &article.Strong{Inlines: c}
			})
		case *article.Strike:
			out = appendContainer(out, normalizeRun(x.Inlines, space), func(c []article.Inline) article.Inline {
				return &article.Strike{Inlines: c}
			})
		case *article.Link:
			out = appendContainer(out, normalizeRun(x.Inlines, space), func(c []article.Inline) article.Inline {
				return &article.Link{URL: x.URL, Title: x.Title, Inlines: c}
			})
		case *article.Code:
			t := stripControls(x.Text)
			if strings.TrimSpace(t) == "" {
				if t != "" && !*space {
					out = append(out, &article.Text{Text: " "})
					*space = true
				}
				continue
			}
			out = append(out, &article.Code{Text: t})
			*space = false
		default:
			out = append(out, in)
			*space = false
		}
	}
	return mergeTexts(out)
}

// appendContainer appends an element made of c to out, moving a space at
// either end of its content outside it ("<em>word </em>" sets the space in
// roman) and dropping an element left with no content.
func appendContainer(out, c []article.Inline, mk func([]article.Inline) article.Inline) []article.Inline {
	lead, trail := false, false
	if len(c) > 0 {
		if t, ok := c[0].(*article.Text); ok && strings.HasPrefix(t.Text, " ") {
			t.Text, lead = t.Text[1:], true
			if t.Text == "" {
				c = c[1:]
			}
		}
	}
	if len(c) > 0 {
		if t, ok := c[len(c)-1].(*article.Text); ok && strings.HasSuffix(t.Text, " ") {
			t.Text, trail = t.Text[:len(t.Text)-1], true
			if t.Text == "" {
				c = c[:len(c)-1]
			}
		}
	}
	if lead {
		out = appendText(out, " ")
	}
	if len(c) > 0 {
		out = append(out, mk(c))
	}
	if trail {
		out = appendText(out, " ")
	}
	return out
}

// appendText appends text to out. Adjacent texts are merged by mergeTexts
// once the run is complete: merging each piece as it comes would copy the
// text so far every time, quadratic in a run of thousands of pieces.
func appendText(out []article.Inline, text string) []article.Inline {
	return append(out, &article.Text{Text: text})
}

// mergeTexts merges each run of adjacent Texts in ins into its first.
func mergeTexts(ins []article.Inline) []article.Inline {
	out := ins[:0]
	for i := 0; i < len(ins); {
		t, ok := ins[i].(*article.Text)
		j := i + 1
		if ok {
			for j < len(ins) {
				if _, next := ins[j].(*article.Text); !next {
					break
				}
				j++
			}
		}
		if j-i > 1 {
			var b strings.Builder
			for _, in := range ins[i:j] {
				b.WriteString(in.(*article.Text).Text)
			}
			t.Text = b.String()
		}
		out = append(out, ins[i])
		i = j
	}
	return out
}

// edgeSpace is trimmed from the ends of a block: spaces, and the no-break
// spaces pages pad cells and paragraphs with, which show nothing there.
const edgeSpace = " \u00a0"

// trimStart removes no-break spaces from the start of a run (collapsing
// has already removed ordinary ones), descending into its first element.
func trimStart(ins []article.Inline) []article.Inline {
	for len(ins) > 0 {
		var kids *[]article.Inline
		switch x := ins[0].(type) {
		case *article.Text:
			x.Text = strings.TrimLeft(x.Text, edgeSpace)
			if x.Text != "" {
				return ins
			}
		case *article.Emphasis:
			kids = &x.Inlines
		case *article.Strong:
			kids = &x.Inlines
		case *article.Strike:
			kids = &x.Inlines
		case *article.Link:
			kids = &x.Inlines
		default:
			return ins
		}
		if kids != nil {
			*kids = trimStart(*kids)
			if len(*kids) > 0 {
				return ins
			}
		}
		ins = ins[1:]
	}
	return ins
}

// trimEnd removes trailing spaces and line breaks from the end of a run,
// descending into its last element.
func trimEnd(ins []article.Inline) []article.Inline {
	for len(ins) > 0 {
		last := ins[len(ins)-1]
		var kids *[]article.Inline
		switch x := last.(type) {
		case *article.Text:
			x.Text = strings.TrimRight(x.Text, edgeSpace)
			if x.Text != "" {
				return ins
			}
		case *article.LineBreak:
		case *article.Emphasis:
			kids = &x.Inlines
		case *article.Strong:
			kids = &x.Inlines
		case *article.Strike:
			kids = &x.Inlines
		case *article.Link:
			kids = &x.Inlines
		default:
			return ins
		}
		if kids != nil {
			*kids = trimEnd(*kids)
			if len(*kids) > 0 {
				return ins
			}
		}
		ins = ins[:len(ins)-1]
	}
	return ins
}

// hasText reports whether inlines hold any visible text.
func hasText(ins []article.Inline) bool {
	return strings.TrimSpace(article.InlineText(ins)) != ""
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
