// Package shape turns text into positioned glyphs with a font's OpenType
// tables, through github.com/go-text/typesetting (a port of HarfBuzz):
// Arabic joining forms and lam-alef ligatures, Devanagari conjuncts, reph
// and pre-base vowel signs, Thai and Hebrew marks, kerning. offprint's PDF
// renderer shapes the runs of the scripts that need it and draws the
// glyphs it gets.
//
//	f, err := shape.Parse(ttf)
//	glyphs := f.Shape([]rune("سلام"), true, "fa") // visual order, left to right
//	for _, g := range glyphs {
//		draw(g.ID, x+g.XOffset, y+g.YOffset)
//		x += g.Advance
//	}
//
// A Font is safe for concurrent use.
package shape

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
)

// Font is a parsed TrueType or OpenType font to shape with.
type Font struct {
	face *font.Face
	upem int
	pool sync.Pool // of *shaping.HarfbuzzShaper, which are not safe for concurrent use
}

// Glyph is one shaped glyph. Advances and offsets are in font units
// (Font.Upem per em).
type Glyph struct {
	// ID is the glyph's index in the font.
	ID uint16
	// Advance moves the pen to the next glyph.
	Advance int32
	// XOffset and YOffset move this glyph from the pen (y up).
	XOffset, YOffset int32
	// Cluster is the index in the shaped text of the first rune of the
	// cluster the glyph belongs to.
	Cluster int
}

// Parse parses a font file.
func Parse(data []byte) (*Font, error) {
	face, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("shape: %w", err)
	}
	f := &Font{face: face, upem: int(face.Upem())}
	if f.upem == 0 {
		return nil, fmt.Errorf("shape: units per em is zero")
	}
	return f, nil
}

// Upem returns the font's units per em.
func (f *Font) Upem() int { return f.upem }

// Shape shapes text and returns its glyphs in visual order, left to
// right. rtl sets right-to-left text (Arabic, Hebrew): its letters are
// laid out from right to left, and runs of digits and left-to-right
// letters inside it keep their order. lang is a BCP 47 language tag or
// "" (some fonts have language-specific forms, such as Persian and Urdu
// digits).
func (f *Font) Shape(text []rune, rtl bool, lang string) []Glyph {
	if len(text) == 0 {
		return nil
	}
	sh, _ := f.pool.Get().(*shaping.HarfbuzzShaper)
	if sh == nil {
		sh = &shaping.HarfbuzzShaper{}
	}
	defer f.pool.Put(sh)
	if !rtl {
		return f.run(sh, text, 0, len(text), false, lang, nil)
	}
	// Split into right-to-left runs and left-to-right ones (digits,
	// Latin letters and what joins them), shaped each in its direction,
	// laid out from the last to the first.
	var runs [][2]int
	for i := 0; i < len(text); {
		j := i + 1
		ltr := isLTR(text[i])
		for j < len(text) && (isLTR(text[j]) == ltr || ltr && j+1 < len(text) && joinsLTR(text[j]) && isLTR(text[j+1])) {
			if joinsLTR(text[j]) && !isLTR(text[j]) {
				j++ // a separator between digits: "3.14", "1,000"
				continue
			}
			j++
		}
		runs = append(runs, [2]int{i, j})
		i = j
	}
	var out []Glyph
	for k := len(runs) - 1; k >= 0; k-- {
		r := runs[k]
		out = f.run(sh, text, r[0], r[1], !isLTR(text[r[0]]), lang, out)
	}
	return out
}

// isLTR reports whether r is set left to right inside right-to-left text:
// a digit or a left-to-right letter.
func isLTR(r rune) bool {
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.L, bidi.EN, bidi.AN:
		return true
	}
	return false
}

// joinsLTR reports whether r may continue a left-to-right run between two
// of its characters: a number separator.
func joinsLTR(r rune) bool {
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.CS, bidi.ES, bidi.ET:
		return true
	}
	return false
}

// run shapes text[start:end] in one direction and appends its glyphs.
func (f *Font) run(sh *shaping.HarfbuzzShaper, text []rune, start, end int, rtl bool, lang string, out []Glyph) []Glyph {
	dir := di.DirectionLTR
	if rtl {
		dir = di.DirectionRTL
	}
	script := language.Common
	for _, r := range text[start:end] {
		if s := language.LookupScript(r); s != language.Common && s != language.Inherited {
			script = s
			break
		}
	}
	in := shaping.Input{
		Text: text, RunStart: start, RunEnd: end,
		Direction: dir, Face: f.face,
		Size:   fixed.I(f.upem),
		Script: script,
	}
	if lang != "" {
		in.Language = language.NewLanguage(lang)
	}
	o := sh.ShapeNoExtents(in)
	for _, g := range o.Glyphs {
		out = append(out, Glyph{
			ID:      uint16(g.GlyphID),
			Advance: int32(g.Advance.Round()),
			XOffset: int32(g.XOffset.Round()),
			YOffset: int32(g.YOffset.Round()),
			Cluster: g.ClusterIndex,
		})
	}
	return out
}
