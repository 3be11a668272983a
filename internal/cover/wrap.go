package cover

import (
	"strings"
	"unicode"

	"golang.org/x/image/font/sfnt"
)

// token is a run of text the line breaker keeps together: a word, or the
// part of a hyphenated word up to and including its hyphen.
type token struct {
	s     string
	adv   []float64 // advance of each rune in ems, kerning with the previous rune included
	w     float64   // sum of adv
	space bool      // a space precedes the token
}

// tokenize splits clean text into tokens and measures them once. Words
// of one or two letters stay on a line with the word after them, and a
// dash stays with the word before it, as in good typesetting of both
// Russian and English titles.
func (fc *face) tokenize(s string) []token {
	words := bindShort(strings.Split(s, " "))
	var toks []token
	for _, word := range words {
		runes := []rune(word)
		space := len(toks) > 0
		start := 0
		for j := 1; j+1 < len(runes); j++ {
			// A break opportunity after a dash or slash between letters.
			if isBreakAfter(runes[j]) && unicode.IsLetter(runes[j-1]) && unicode.IsLetter(runes[j+1]) {
				toks = append(toks, fc.token(runes[start:j+1], space))
				start, space = j+1, false
			}
		}
		toks = append(toks, fc.token(runes[start:], space))
	}
	return toks
}

// bindShort joins short words to the next word and dashes to the word
// before, with a space kept inside the joined word.
func bindShort(words []string) []string {
	out := words[:0:0]
	glue := false
	for _, w := range words {
		switch {
		case w == "":
			continue
		case glue || (len(out) > 0 && isDash(w)):
			out[len(out)-1] += " " + w
		default:
			out = append(out, w)
		}
		glue = letters(w) <= 2 && !isDash(w)
	}
	return out
}

func isDash(w string) bool {
	return w == "—" || w == "–" || w == "-"
}

func letters(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

func isBreakAfter(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2013', '\u2014', '/':
		return true
	}
	return false
}

func (fc *face) token(runes []rune, space bool) token {
	t := token{s: string(runes), adv: make([]float64, len(runes)), space: space}
	var prev sfnt.GlyphIndex
	for i, r := range runes {
		x := fc.glyph(r)
		t.adv[i] = fc.kern(prev, x) + fc.advance(x)
		t.w += t.adv[i]
		prev = x
	}
	return t
}

// frag is a piece of a line: a token, or a piece of a token too wide for
// a line, which then ends in a hyphen.
type frag struct {
	tok      int // index of the token
	from, to int // the token's runes from..to
	w        float64
	space    bool // a space precedes the frag
	hyphen   bool // a hyphen follows the frag
}

// fragments turns tokens into frags no wider than width ems, breaking
// longer tokens between letters, and appends them to frags[:0]. broke
// reports that a token was broken.
func fragments(frags []frag, toks []token, width, hyphen float64) (_ []frag, broke bool) {
	frags = frags[:0]
	for k, t := range toks {
		if t.w <= width {
			frags = append(frags, frag{k, 0, len(t.adv), t.w, t.space, false})
			continue
		}
		broke = true
		space := t.space
		start := 0
		var w float64
		for i, a := range t.adv {
			if i > start && w+a+hyphen > width {
				frags = append(frags, frag{k, start, i, w + hyphen, space, true})
				start, w, space = i, 0, false
			}
			w += a
		}
		frags = append(frags, frag{k, start, len(t.adv), w, space, false})
	}
	return frags, broke
}

// breakLines fills lines greedily to at most width ems and returns the
// index of the first frag of every line.
func breakLines(frags []frag, width, space float64, starts []int) []int {
	starts = starts[:0]
	var w float64
	for i, f := range frags {
		if i == 0 {
			starts = append(starts, 0)
			w = f.w
			continue
		}
		add := f.w
		if f.space {
			add += space
		}
		if w+add > width {
			starts = append(starts, i)
			w = f.w
			continue
		}
		w += add
	}
	return starts
}

// balance returns the narrowest width at which the greedy breaker still
// sets frags in n lines, so that a title's lines come out about equally
// long instead of a full line over a short one.
func balance(frags []frag, width, space float64, n int) float64 {
	if n < 2 {
		return width
	}
	lo := 0.0
	for _, f := range frags {
		lo = max(lo, f.w)
	}
	hi := width
	var starts []int
	for range 24 {
		mid := (lo + hi) / 2
		if starts = breakLines(frags, mid, space, starts); len(starts) <= n {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// lineText returns the text of the line of frags.
func lineText(toks []token, frags []frag) string {
	var b strings.Builder
	for k, f := range frags {
		if k > 0 && f.space {
			b.WriteByte(' ')
		}
		t := toks[f.tok]
		if f.from == 0 && f.to == len(t.adv) {
			b.WriteString(t.s)
			continue
		}
		for _, r := range []rune(t.s)[f.from:f.to] {
			b.WriteRune(r)
		}
		if f.hyphen {
			b.WriteByte('-')
		}
	}
	return b.String()
}

// textBlock is text fitted into a box.
type textBlock struct {
	size  float64  // font size in pixels
	lines []string // the lines, top to bottom
}

// fitSpec says how a block of text may be set.
type fitSpec struct {
	width, height    float64 // the box, in pixels
	maxSize, minSize float64 // font size range, in pixels
	leading          float64 // baseline-to-baseline distance in ems
	maxLines         int     // at most this many lines; 0 means no limit
	balance          bool    // balance the lines' lengths
}

// height returns the height of n lines set at size: from the cap height
// of the first line to the baseline of the last.
func (sp *fitSpec) blockHeight(fc *face, size float64, n int) float64 {
	return size * (fc.cap + sp.leading*float64(n-1))
}

// fit sets clean text s in the largest size of the range at which it fits
// the box without breaking words; failing that, at the smallest size,
// breaking words and, if it still does not fit, cutting the text with an
// ellipsis. cut says s was already cut short.
func (fc *face) fit(s string, cut bool, sp fitSpec) textBlock {
	if s == "" {
		return textBlock{size: sp.maxSize}
	}
	toks := fc.tokenize(s)
	space := fc.measure(" ", 0)
	hyphen := fc.measure("-", 0)
	var starts []int
	var frags []frag
	size := sp.maxSize
	for {
		width := sp.width / size
		var broke bool
		frags, broke = fragments(frags, toks, width, hyphen)
		starts = breakLines(frags, width, space, starts)
		n := len(starts)
		fits := sp.blockHeight(fc, size, n) <= sp.height && (sp.maxLines == 0 || n <= sp.maxLines)
		last := size <= sp.minSize
		if (fits && !broke) || last {
			break
		}
		size = max(size*0.97, sp.minSize)
	}
	width := sp.width / size
	n := len(starts)
	// How many lines the box holds at this size.
	room := n
	for room > 1 && (sp.blockHeight(fc, size, room) > sp.height || (sp.maxLines > 0 && room > sp.maxLines)) {
		room--
	}
	if room < n {
		cut = true
		frags = frags[:starts[room]]
		starts = starts[:room]
	} else if sp.balance {
		starts = breakLines(frags, balance(frags, width, space, n), space, starts)
	}
	lines := make([]string, len(starts))
	for i, st := range starts {
		end := len(frags)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		lines[i] = lineText(toks, frags[st:end])
	}
	if cut {
		lines[len(lines)-1] = fc.ellipsize(strings.TrimSuffix(lines[len(lines)-1], "-")+" ", width, 0)
	}
	return textBlock{size: size, lines: lines}
}

// fitLine sets clean text s on one line of at most width pixels, at the
// largest size in [minSize, maxSize], with tracking in ems; text too wide
// even at minSize is cut with an ellipsis.
func (fc *face) fitLine(s string, cut bool, width, maxSize, minSize, tracking float64) textBlock {
	if s == "" {
		return textBlock{size: maxSize}
	}
	w := fc.measure(s, tracking)
	size := max(min(maxSize, width/w), minSize)
	if w*size > width || cut {
		s = fc.ellipsize(s, width/size, tracking)
	}
	return textBlock{size: size, lines: []string{s}}
}
