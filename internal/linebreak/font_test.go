package linebreak

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/offprint/offprint/assets"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Test styles: the PT Serif faces at a size set per measurer.
const (
	styleRegular = iota
	styleItalic
	styleBold
)

// fontMeasurer measures text with the advance widths of the embedded PT
// Serif faces at size points, as a PDF writer without kerning does.
type fontMeasurer struct {
	size  float64
	faces []*faceMetrics
	calls int
}

// faceMetrics holds a font's advance widths in em, per rune.
type faceMetrics struct {
	font *sfnt.Font
	buf  sfnt.Buffer
	adv  map[rune]float64
}

var (
	facesOnce sync.Once
	faces     []*faceMetrics
	facesErr  error
)

func loadFaces(t testing.TB) []*faceMetrics {
	t.Helper()
	facesOnce.Do(func() {
		for _, name := range []string{assets.SerifRegular, assets.SerifItalic, assets.SerifBold} {
			data, err := assets.Font(name)
			if err != nil {
				facesErr = err
				return
			}
			f, err := sfnt.Parse(data)
			if err != nil {
				facesErr = err
				return
			}
			faces = append(faces, &faceMetrics{font: f, adv: make(map[rune]float64)})
		}
	})
	if facesErr != nil {
		t.Fatal(facesErr)
	}
	return faces
}

func newFontMeasurer(t testing.TB, size float64) *fontMeasurer {
	return &fontMeasurer{size: size, faces: loadFaces(t)}
}

// advance returns the advance width of r in em; a missing glyph measures as
// the .notdef glyph.
func (f *faceMetrics) advance(r rune) float64 {
	if a, ok := f.adv[r]; ok {
		return a
	}
	upm := fixed.Int26_6(f.font.UnitsPerEm())
	gi, err := f.font.GlyphIndex(&f.buf, r)
	var a float64
	if err == nil {
		adv, err := f.font.GlyphAdvance(&f.buf, gi, upm<<6, font.HintingNone)
		if err == nil {
			a = float64(adv) / float64(upm<<6)
		}
	}
	f.adv[r] = a
	return a
}

func (m *fontMeasurer) Width(style int, s string) float64 {
	m.calls++
	f := m.faces[style%len(m.faces)]
	var em float64
	for _, r := range s {
		em += f.advance(r)
	}
	return em * m.size
}

// corpusParagraphs returns the paragraphs of a scraped-text corpus file:
// one per line, after the header (title, author and section, share
// buttons).
func corpusParagraphs(t testing.TB, name string) []string {
	t.Helper()
	data, err := os.ReadFile("../../testdata/corpus/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	header := 3
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if header > 0 {
			header--
			continue
		}
		paras = append(paras, line)
	}
	if len(paras) < 5 {
		t.Fatalf("%s: only %d paragraphs", name, len(paras))
	}
	return paras
}

// corpusLines returns every non-blank line of a corpus file.
func corpusLines(t testing.TB, name string) []string {
	t.Helper()
	data, err := os.ReadFile("../../testdata/corpus/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) != "" {
			lines = append(lines, line)
		}
	}
	return lines
}
