package cover

import (
	"image/color"
	"math"
	"testing"
)

// TestPaletteContrast checks every pair of colours that carries text, in
// colour (WCAG 2 contrast ratio: 7 for the title, 4.5 for the rest) and in
// grey as an e-ink reader shows it (Rec. 601 luma, which image/color's
// Gray model and most e-readers use: levels at least 40% apart).
func TestPaletteContrast(t *testing.T) {
	for _, s := range palette {
		for _, p := range []struct {
			what     string
			fg, bg   color.RGBA
			minRatio float64
		}{
			{"title", s.ink, s.bg, 7},
			{"accent", s.accent, s.bg, 4.5},
			{"site", s.band, s.accent, 4.5},
		} {
			if r := contrast(p.fg, p.bg); r < p.minRatio {
				t.Errorf("%s: %s contrast %.2f, want ≥ %.1f", s.name, p.what, r, p.minRatio)
			}
			if d := math.Abs(luma(p.fg) - luma(p.bg)); d < 0.4 {
				t.Errorf("%s: %s grey levels %.2f apart, want ≥ 0.40", s.name, p.what, d)
			}
		}
	}
}

func TestPaletteDistinct(t *testing.T) {
	seen := map[color.RGBA]string{}
	for _, s := range palette {
		if other, ok := seen[s.bg]; ok {
			t.Errorf("schemes %s and %s share a background", s.name, other)
		}
		seen[s.bg] = s.name
	}
	if paletteSize > 256 {
		t.Errorf("palette of %d colours does not fit a PNG palette", paletteSize)
	}
}

func linear(c uint8) float64 {
	v := float64(c) / 255
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

func luminance(c color.RGBA) float64 {
	return 0.2126*linear(c.R) + 0.7152*linear(c.G) + 0.0722*linear(c.B)
}

func contrast(a, b color.RGBA) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func luma(c color.RGBA) float64 {
	return float64(color.GrayModel.Convert(c).(color.Gray).Y) / 255
}
