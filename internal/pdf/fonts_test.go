package pdf

import (
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// sfntWidths is the reference for ttfWidths: every code point of the BMP
// looked up through golang.org/x/image/font/sfnt, one at a time.
func sfntWidths(t *testing.T, data []byte) []uint16 {
	t.Helper()
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	upem := f.UnitsPerEm()
	ppem := fixed.Int26_6(upem) << 6
	widths := make([]uint16, 0x10000)
	var buf sfnt.Buffer
	for r := rune(1); r < 0xFFFF; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			continue
		}
		adv, err := f.GlyphAdvance(&buf, gi, ppem, font.HintingNone)
		if err != nil {
			continue
		}
		switch w := int(math.Round(1000 / float64(upem) * float64(adv) / 64)); {
		case w <= 0:
			widths[r] = zeroWidth
		case w >= zeroWidth:
			widths[r] = zeroWidth - 1
		default:
			widths[r] = uint16(w)
		}
	}
	return widths
}

// TestTTFWidths checks the character map walk against sfnt's look-ups for
// the embedded fonts and, when the system has them, a few others.
func TestTTFWidths(t *testing.T) {
	files := map[string][]byte{}
	for f := faceSerif; f < faceFallback; f++ {
		m, err := embeddedMetrics(f)
		if err != nil {
			t.Fatal(err)
		}
		if files[faceFiles[f]], err = m.file(); err != nil {
			t.Fatal(err)
		}
	}
	for _, path := range []string{
		"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
		"/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
		"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
	} {
		if data, err := os.ReadFile(path); err == nil {
			files[filepath.Base(path)] = data
		}
	}
	for name, data := range files {
		got := make([]uint16, 0x10000)
		if err := ttfWidths(data, got); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		want := sfntWidths(t, data)
		for r := range got {
			if got[r] != want[r] {
				t.Errorf("%s U+%04X: width %d, sfnt %d", name, r, got[r], want[r])
				break
			}
		}
	}
}

// TestTTFWidthsDamaged feeds the parser cut and scribbled-on fonts: it
// must return an error or widths, never panic.
func TestTTFWidthsDamaged(t *testing.T) {
	m, err := embeddedMetrics(faceSerif)
	if err != nil {
		t.Fatal(err)
	}
	file, err := m.file()
	if err != nil {
		t.Fatal(err)
	}
	cmapAt := 0
	for i := range int(binary.BigEndian.Uint16(file[4:])) {
		if rec := file[12+16*i:]; string(rec[:4]) == "cmap" {
			cmapAt = int(binary.BigEndian.Uint32(rec[8:]))
		}
	}
	widths := make([]uint16, 0x10000)
	for _, n := range []int{0, 3, 11, 12, 100, 200, cmapAt + 10, cmapAt + 40, len(file) / 2} {
		ttfWidths(file[:n], widths)
	}
	for i := range 64 {
		data := append([]byte(nil), file...)
		for k := cmapAt + i; k < cmapAt+4000 && k < len(data); k += 64 {
			data[k] = 0xFF
		}
		ttfWidths(data, widths)
	}
}
