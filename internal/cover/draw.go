package cover

import (
	"image"
	"image/color"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// A cover is drawn straight into an image.Paletted: its few flat colours
// plus, for every pair of a text colour over a ground colour, the levels
// of anti-aliasing between them. One byte a pixel makes drawing and PNG
// encoding several times faster than RGBA, and the PNG smaller.

// levels is the number of coverage steps between a ground and an ink:
// 64 steps are indistinguishable from 256 at any viewing size.
const levels = 63

// The solid colours' palette indexes.
const (
	iBg uint8 = iota
	iInk
	iAccent
	iBand
	nSolid
)

// A pair is an ink drawn over a ground; its anti-aliasing levels 1..levels-1
// are palette indexes base..base+levels-2.
type pair struct {
	ground, ink uint8
	base        uint8
}

// The pairs a cover draws.
var (
	inkOnBg     = pair{iBg, iInk, nSolid}
	accentOnBg  = pair{iBg, iAccent, nSolid + (levels - 1)}
	bandOnBand  = pair{iAccent, iBand, nSolid + 2*(levels-1)}
	paletteSize = int(nSolid) + 3*(levels-1)
)

// newPalette returns the palette of scheme s.
func newPalette(s scheme) color.Palette {
	p := make(color.Palette, paletteSize)
	solid := [nSolid]color.RGBA{s.bg, s.ink, s.accent, s.band}
	for i, c := range solid {
		p[i] = c
	}
	for _, pr := range []pair{inkOnBg, accentOnBg, bandOnBand} {
		g, k := solid[pr.ground], solid[pr.ink]
		for l := 1; l < levels; l++ {
			p[int(pr.base)+l-1] = color.RGBA{
				blend(g.R, k.R, l), blend(g.G, k.G, l), blend(g.B, k.B, l), 0xff}
		}
	}
	return p
}

// blend returns the channel value at level l of levels from g to k.
func blend(g, k uint8, l int) uint8 {
	return uint8((int(g)*(levels-l) + int(k)*l + levels/2) / levels)
}

// fill paints r with palette index c.
func fill(dst *image.Paletted, r image.Rectangle, c uint8) {
	r = r.Intersect(dst.Rect)
	if r.Empty() {
		return
	}
	i0 := dst.PixOffset(r.Min.X, r.Min.Y)
	row := dst.Pix[i0 : i0+r.Dx()]
	for i := range row {
		row[i] = c
	}
	for y := r.Min.Y + 1; y < r.Max.Y; y++ {
		i := dst.PixOffset(r.Min.X, y)
		copy(dst.Pix[i:i+len(row)], row)
	}
}

// level returns the coverage level of palette index c in pair p; a pixel
// of another colour counts as bare ground.
func (p pair) level(c uint8) int {
	switch {
	case c == p.ink:
		return levels
	case c >= p.base && int(c) < int(p.base)+levels-1:
		return int(c-p.base) + 1
	}
	return 0
}

// index returns the palette index of coverage level l in pair p.
func (p pair) index(l int) uint8 {
	switch l {
	case 0:
		return p.ground
	case levels:
		return p.ink
	}
	return p.base + uint8(l-1)
}

// pairLUT maps the palette indexes of a pair to coverage levels and back,
// so that compositing a glyph costs two table look-ups a pixel.
type pairLUT struct {
	level [256]uint8
	index [levels + 1]uint8
}

func (p pair) lut() *pairLUT {
	t := new(pairLUT)
	for c := range t.level {
		t.level[c] = uint8(p.level(uint8(c)))
	}
	for l := range t.index {
		t.index[l] = p.index(l)
	}
	return t
}

// drawMask composites the glyph coverage mask (at mp) over dst's rectangle
// r in the pair of lut t: the "over" operator on coverage, quantised to
// levels.
func drawMask(dst *image.Paletted, r image.Rectangle, mask *image.Alpha, mp image.Point, t *pairLUT) {
	clipped := r.Intersect(dst.Rect)
	if clipped.Empty() {
		return
	}
	mp = mp.Add(clipped.Min.Sub(r.Min))
	ink := t.index[levels]
	for y := 0; y < clipped.Dy(); y++ {
		d := dst.Pix[dst.PixOffset(clipped.Min.X, clipped.Min.Y+y):][:clipped.Dx()]
		m := mask.Pix[mask.PixOffset(mp.X, mp.Y+y):][:clipped.Dx()]
		for x, a := range m {
			switch {
			case a == 0:
				continue
			case a == 0xff:
				d[x] = ink
				continue
			}
			old := int(t.level[d[x]])
			d[x] = t.index[old+(int(a)*(levels-old)+127)/255]
		}
	}
}

// rasterizers are the glyph rasterisers of one cover, by face and size:
// the lines of a title share one, and with it its buffers.
type rasterizers map[rasterKey]font.Face

type rasterKey struct {
	fc   *face
	size float64
}

// get returns the rasteriser of fc at size pixels.
func (rs rasterizers) get(fc *face, size float64) font.Face {
	k := rasterKey{fc, size}
	if gf, ok := rs[k]; ok {
		return gf
	}
	gf, err := opentype.NewFace(fc.f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		gf = nil
	}
	rs[k] = gf
	return gf
}

// drawLine draws one line of text with its baseline's left end at (x, y),
// in face fc at size pixels (rasterised by gf), with tracking ems after
// every character.
func drawLine(dst *image.Paletted, gf font.Face, fc *face, size, x, y float64, s string, tracking float64, p pair) {
	if gf == nil {
		return
	}
	t := p.lut()
	ppem := fixed.Int26_6(size*64 + 0.5)
	dot := fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)}
	track := fixed.Int26_6(tracking * size * 64)
	var prev sfnt.GlyphIndex
	for _, r := range s {
		g := fc.glyph(r)
		if prev != 0 && g != 0 {
			if k, err := fc.f.Kern(fc.buf, prev, g, ppem, font.HintingNone); err == nil {
				dot.X += k
			}
		}
		dr, mask, mp, adv, ok := gf.Glyph(dot, r)
		if a, isAlpha := mask.(*image.Alpha); ok && isAlpha {
			drawMask(dst, dr, a, mp, t)
		}
		dot.X += adv + track
		prev = g
	}
}
