package cover

import (
	"hash/fnv"
	"image/color"
)

// scheme is a cover's colour scheme. Every pair that carries text is
// high-contrast both in colour and in grey (see palette_test.go), so the
// cover reads on e-ink too.
type scheme struct {
	name   string
	bg     color.RGBA // the cover
	ink    color.RGBA // the title, on bg
	accent color.RGBA // kicker, rules and authors on bg; the site band
	band   color.RGBA // the site name, on accent
}

func rgb(v uint32) color.RGBA {
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

// palette is the fixed list of schemes; its order is part of the output,
// so append new schemes at the end.
var palette = []scheme{
	{"navy", rgb(0x15233B), rgb(0xF8F2E4), rgb(0xF2B33D), rgb(0x15233B)},
	{"paper", rgb(0xF2EBDD), rgb(0x1A1A1A), rgb(0xA8261B), rgb(0xF2EBDD)},
	{"forest", rgb(0x173A2E), rgb(0xF5F1E2), rgb(0xBFD97E), rgb(0x173A2E)},
	{"mustard", rgb(0xE8B84A), rgb(0x191919), rgb(0x191919), rgb(0xE8B84A)},
	{"oxblood", rgb(0x5A181E), rgb(0xFBF3E5), rgb(0xF4B493), rgb(0x5A181E)},
	{"teal", rgb(0x0D4753), rgb(0xFFFFFF), rgb(0xFFD36B), rgb(0x0D4753)},
	{"charcoal", rgb(0x1F1F1F), rgb(0xF5F5F0), rgb(0xFF8162), rgb(0x1F1F1F)},
	{"plum", rgb(0x3A1D3E), rgb(0xF9F0E7), rgb(0xF3A9BB), rgb(0x3A1D3E)},
}

// pick returns the scheme for a cover: the one opt.Scheme names, or one
// derived from the title's hash.
func pick(title string, n int) scheme {
	if n > 0 {
		return palette[(n-1)%len(palette)]
	}
	h := fnv.New32a()
	h.Write([]byte(title))
	return palette[h.Sum32()%uint32(len(palette))]
}
