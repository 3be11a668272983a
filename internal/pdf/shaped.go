package pdf

import (
	"strconv"
	"sync"

	"github.com/offprint/offprint/internal/shape"
)

// shapeCache holds the widths of the texts a document's shaped faces have
// measured, in thousandths of an em: the line breaker asks for every
// word's width more than once. It is shared by the layouts of one
// document (the prefetch's too).
type shapeCache struct {
	mu sync.Mutex
	w  map[shapeKey]float64
}

type shapeKey struct {
	f face
	s string
}

// shapedWidth returns the advance of s set in the shaped face f, in
// thousandths of an em.
func (fs *fontSet) shapedWidth(f face, sf *scriptFont, s string) float64 {
	s = stripInvisible(s)
	if s == "" {
		return 0
	}
	c := fs.shapes
	if c != nil {
		c.mu.Lock()
		w, ok := c.w[shapeKey{f, s}]
		c.mu.Unlock()
		if ok {
			return w
		}
	}
	if _, err := scriptMetrics(f); err != nil || sf.shaper == nil {
		return 0
	}
	var adv int64
	for _, g := range sf.shaper.Shape([]rune(s), sf.rtl, "") {
		adv += int64(g.Advance)
	}
	w := float64(adv) * 1000 / float64(sf.upem)
	if c != nil {
		c.mu.Lock()
		if c.w == nil {
			c.w = map[shapeKey]float64{}
		}
		c.w[shapeKey{f, s}] = w
		c.mu.Unlock()
	}
	return w
}

// shapedText draws text in a shaped face: its glyphs, as private-use code
// points (puaBase), each placed where the shaper put it, inside an
// ActualText span holding the text.
func (d *drawer) shapedText(it item, st *textStyle, sf *scriptFont, text string) {
	if sf.shaper == nil {
		return
	}
	glyphs := sf.shaper.Shape([]rune(text), sf.rtl, "")
	codes := make([]rune, len(glyphs))
	for i, g := range glyphs {
		if int(g.ID) < puaMax {
			codes[i] = puaBase + rune(g.ID)
		} else {
			codes[i] = puaBase
		}
	}
	d.flushText()
	if s := string(codes); d.used[st.face].addString(s) {
		// gofpdf keeps in a subset the glyphs of the characters its Text
		// drew: draw the new ones once, invisible, above the page.
		d.pdf.RawWriteStr("q 3 Tr")
		d.pdf.Text(0, -1000, s)
		d.pdf.RawWriteStr("Q")
	}
	_, h := d.pdf.GetPageSize()
	k := d.pdf.GetConversionRatio()
	b := make([]byte, 0, 64+12*len(glyphs))
	if sf.rtl {
		if d.glyphText == nil {
			d.glyphText = map[face]*glyphText{}
		}
		gt := d.glyphText[st.face]
		if gt == nil {
			gt = &glyphText{}
			d.glyphText[st.face] = gt
		}
		gt.add([]rune(text), glyphs)
	} else {
		b = append(b, "/Span <</ActualText "...)
		b = append(b, utf16Hex(text)...)
		b = append(b, ">> BDC "...)
	}
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, it.x*k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (h-(it.y-st.rise))*k, 'f', 2, 64)
	b = append(b, " Td ["...)
	b = appendGlyphs(b, glyphs, sf, st.size)
	b = append(b, "] TJ ET"...)
	if !sf.rtl {
		b = append(b, " EMC"...)
	}
	d.pdf.RawWriteStr(string(b))
}

// appendGlyphs writes the operands of TJ that draw glyphs at the shaper's
// positions: each glyph's code, preceded by the adjustment that moves the
// pen from where the font's advance left it to where the glyph goes; a
// glyph raised or lowered (a mark) is set in a TJ of its own with a text
// rise.
func appendGlyphs(b []byte, glyphs []shape.Glyph, sf *scriptFont, size float64) []byte {
	unit := 1000 / float64(sf.upem) // font units to thousandths of an em
	pen, cur := 0.0, 0.0
	for _, g := range glyphs {
		target := pen + float64(g.XOffset)*unit
		if d := target - cur; d > 0.05 || d < -0.05 {
			b = strconv.AppendFloat(b, -d, 'f', 1, 64)
			b = append(b, ' ')
			cur = target
		}
		if g.YOffset != 0 {
			b = append(b, "] TJ "...)
			b = strconv.AppendFloat(b, float64(g.YOffset)*unit*size/1000, 'f', 2, 64)
			b = append(b, " Ts ["...)
		}
		code := puaBase + int(g.ID)
		if int(g.ID) >= puaMax {
			code = puaBase
		}
		b = append(b, '<')
		b = append(b, hex4(code)...)
		b = append(b, "> "...)
		if g.YOffset != 0 {
			b = append(b, "] TJ 0 Ts ["...)
		}
		cur += float64(sf.glyphWidth(g.ID))
		pen += float64(g.Advance) * unit
	}
	return b
}

// hex4 is n as four hexadecimal digits.
func hex4(n int) []byte {
	const digits = "0123456789ABCDEF"
	return []byte{digits[n>>12&15], digits[n>>8&15], digits[n>>4&15], digits[n&15]}
}

// toUnicode returns the ToUnicode maps of the right-to-left shaped faces
// the document drew, by gofpdf's font name.
func (d *drawer) toUnicode() map[string][]byte {
	if len(d.glyphText) == 0 {
		return nil
	}
	maps := map[string][]byte{}
	for f, gt := range d.glyphText {
		maps["utf8"+fontKey(f, d.l.fonts.metrics(f).psName)] = gt.cmap()
	}
	return maps
}
