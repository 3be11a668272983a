package cover

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

// maxRunes bounds the text laid out in one block. A cover at the smallest
// title size holds far fewer characters, so the bound only spares work on
// pathological input (a 20,000-letter word); text cut here ends in "…".
const maxRunes = 1000

const ellipsis = "…"

// face measures text in one font, in ems (fractions of the font size), so
// that a measurement serves every size. It is not safe for concurrent use.
type face struct {
	f    *sfnt.Font
	buf  *sfnt.Buffer
	ppem fixed.Int26_6 // units per em as a pixel size: advances come out in font units
	upem float64
	// cap is the cap height in ems.
	cap float64
}

func newFace(f *sfnt.Font, buf *sfnt.Buffer) *face {
	upem := f.UnitsPerEm()
	fc := &face{f: f, buf: buf, ppem: fixed.Int26_6(upem) << 6, upem: float64(upem)}
	fc.cap = 0.7
	if m, err := f.Metrics(buf, fc.ppem, font.HintingNone); err == nil && m.CapHeight > 0 {
		fc.cap = float64(m.CapHeight) / 64 / fc.upem
	}
	return fc
}

// glyph returns r's glyph index, 0 when the font lacks it.
func (fc *face) glyph(r rune) sfnt.GlyphIndex {
	x, err := fc.f.GlyphIndex(fc.buf, r)
	if err != nil {
		return 0
	}
	return x
}

// advance returns the advance of glyph x in ems.
func (fc *face) advance(x sfnt.GlyphIndex) float64 {
	a, err := fc.f.GlyphAdvance(fc.buf, x, fc.ppem, font.HintingNone)
	if err != nil {
		return 0
	}
	return float64(a) / 64 / fc.upem
}

// kern returns the kerning between glyphs x0 and x1 in ems.
func (fc *face) kern(x0, x1 sfnt.GlyphIndex) float64 {
	if x0 == 0 || x1 == 0 {
		return 0
	}
	k, err := fc.f.Kern(fc.buf, x0, x1, fc.ppem, font.HintingNone)
	if err != nil {
		return 0
	}
	return float64(k) / 64 / fc.upem
}

// measure returns the width of s in ems, with tracking (in ems) after
// every character but the last.
func (fc *face) measure(s string, tracking float64) float64 {
	var w float64
	var prev sfnt.GlyphIndex
	n := 0
	for _, r := range s {
		x := fc.glyph(r)
		w += fc.kern(prev, x) + fc.advance(x)
		prev = x
		n++
	}
	if n > 1 {
		w += tracking * float64(n-1)
	}
	return w
}

// clean prepares metadata text for the cover: it normalises to NFC, turns
// every run of white space into one space, trims, drops control and format
// characters and every character the face has no glyph for (emoji, CJK),
// and cuts the text at maxRunes runes. cut reports that it was cut.
func (fc *face) clean(s string) (out string, cut bool) {
	// Normalise no more than can be kept: maxRunes runes, each with a few
	// combining marks.
	if limit := 16 * maxRunes; len(s) > limit {
		for limit > 0 && !utf8.RuneStart(s[limit]) {
			limit--
		}
		s, cut = s[:limit], true
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(min(len(s), 4*maxRunes))
	space := false
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			continue
		case fc.glyph(r) == 0:
			continue
		}
		if n == maxRunes {
			return b.String(), true
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			n++
		}
		space = false
		b.WriteRune(r)
		n++
	}
	return b.String(), cut && n > 0
}

// ellipsize cuts s so that s+"…" is at most width ems wide, dropping
// trailing spaces and punctuation before the ellipsis.
func (fc *face) ellipsize(s string, width, tracking float64) string {
	runes := []rune(s)
	ell := fc.measure(ellipsis, 0)
	var w float64
	var prev sfnt.GlyphIndex
	keep := 0
	for i, r := range runes {
		x := fc.glyph(r)
		w += fc.kern(prev, x) + fc.advance(x)
		prev = x
		if w+tracking+ell > width {
			break
		}
		keep = i + 1
		w += tracking
	}
	runes = runes[:keep]
	for len(runes) > 0 && (unicode.IsSpace(runes[len(runes)-1]) || unicode.IsPunct(runes[len(runes)-1])) {
		runes = runes[:len(runes)-1]
	}
	return string(runes) + ellipsis
}
