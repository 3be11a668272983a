package typo

import (
	"strings"

	"github.com/offprint/offprint/article"
)

// Refine rewrites the prose of a in place with the typographic conventions
// of a.Meta.Language: the title, subtitle and description, headings,
// paragraphs, list items, quotations and their attributions, image
// captions and alternative text, table cells and captions, and footnotes.
// Code, code blocks, URLs and the other metadata are left alone. Refining
// twice gives the same text as refining once.
func Refine(a *article.Article) {
	if a == nil {
		return
	}
	r := newRefiner(a.Meta.Language)
	m := &a.Meta
	m.Title = r.string(m.Title)
	m.Subtitle = r.string(m.Subtitle)
	m.Description = r.string(m.Description)
	r.blocks(a.Blocks)
	for i := range a.Notes {
		r.blocks(a.Notes[i].Blocks)
	}
}

// String returns s refined with the conventions of the language tag lang.
func String(s, lang string) string {
	return newRefiner(lang).string(s)
}

// Inlines refines inlines in place, as one piece of prose, with the
// conventions of the language tag lang.
func Inlines(inlines []article.Inline, lang string) {
	newRefiner(lang).inlines(inlines, false)
}

// refiner refines the pieces of one article, reusing its buffers.
type refiner struct {
	c        *conventions
	triggers string // runes that may need refining; prose without them is skipped
	s        stream
	texts    []*article.Text
	parts    []strings.Builder
}

func newRefiner(lang string) *refiner {
	c := conventionsFor(lang)
	triggers := "\"'.-№§0123456789" // digits: a unit or a percent sign may follow
	if c.shortWords != "" || c.groupDigits {
		triggers += " "
	}
	if c.nbspBeforeDash || c.dialogue {
		triggers += "—–"
	}
	if c.french {
		triggers += "«»;:!?"
	}
	return &refiner{c: c, triggers: triggers}
}

// blocks refines the prose in blocks and the blocks inside them.
func (r *refiner) blocks(blocks []article.Block) {
	for _, b := range blocks {
		switch x := b.(type) {
		case *article.Heading:
			r.inlines(x.Inlines, false)
		case *article.Paragraph:
			r.inlines(x.Inlines, false)
		case *article.Quote:
			r.blocks(x.Blocks)
			r.inlines(x.Attribution, true)
		case *article.List:
			for _, it := range x.Items {
				r.blocks(it.Blocks)
			}
		case *article.Image:
			x.Alt = r.string(x.Alt)
			r.inlines(x.Caption, false)
		case *article.Table:
			for _, c := range x.Header {
				r.inlines(c.Inlines, false)
			}
			for _, row := range x.Rows {
				for _, c := range row {
					r.inlines(c.Inlines, false)
				}
			}
			r.inlines(x.Caption, false)
		}
	}
}

// string refines a piece of prose held in a plain string.
func (r *refiner) string(s string) string {
	if !strings.ContainsAny(s, r.triggers) {
		return s
	}
	t := &article.Text{Text: s}
	r.inlines([]article.Inline{t}, false)
	return t.Text
}

// inlines refines inlines as one piece of prose.
func (r *refiner) inlines(inlines []article.Inline, attribution bool) {
	if !r.needed(inlines) {
		return
	}
	r.s.reset(r.c, attribution)
	r.texts = r.texts[:0]
	r.collect(inlines)
	r.s.run()
	if cap(r.parts) < len(r.texts) {
		r.parts = make([]strings.Builder, len(r.texts))
	}
	parts := r.parts[:len(r.texts)]
	for i := range parts {
		parts[i] = strings.Builder{}
	}
	for i, ch := range r.s.out {
		if seg := r.s.oSeg[i]; seg >= 0 {
			parts[seg].WriteRune(ch)
		}
	}
	for i, t := range r.texts {
		if p := parts[i].String(); p != t.Text {
			t.Text = p
		}
	}
}

// needed reports whether any text of inlines may need refining.
func (r *refiner) needed(inlines []article.Inline) bool {
	for _, in := range inlines {
		switch x := in.(type) {
		case *article.Text:
			if strings.ContainsAny(x.Text, r.triggers) {
				return true
			}
		case *article.Emphasis:
			if r.needed(x.Inlines) {
				return true
			}
		case *article.Strong:
			if r.needed(x.Inlines) {
				return true
			}
		case *article.Strike:
			if r.needed(x.Inlines) {
				return true
			}
		case *article.Link:
			if r.needed(x.Inlines) {
				return true
			}
		}
	}
	return false
}

// collect adds inlines to the stream.
func (r *refiner) collect(inlines []article.Inline) {
	for _, in := range inlines {
		switch x := in.(type) {
		case *article.Text:
			r.s.add(x.Text, int32(len(r.texts)))
			r.texts = append(r.texts, x)
		case *article.Emphasis:
			r.collect(x.Inlines)
		case *article.Strong:
			r.collect(x.Inlines)
		case *article.Strike:
			r.collect(x.Inlines)
		case *article.Link:
			r.collect(x.Inlines)
		case *article.LineBreak:
			r.s.placeholder('\n')
		case *article.Code, *article.NoteRef:
			r.s.placeholder(objectRune)
		}
	}
}
