package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/offprint/offprint/assets"
	"golang.org/x/image/font/sfnt"
)

// face is one font file: a family in one style.
type face int

// The faces. faceFallback is the user's fallback font, if any.
const (
	faceSerif face = iota
	faceSerifItalic
	faceSerifBold
	faceSerifBoldItalic
	faceSans
	faceSansItalic
	faceSansBold
	faceSansBoldItalic
	faceMono
	faceFallback
	numFaces
)

// faceFiles maps the embedded faces to their asset files.
var faceFiles = [...]string{
	faceSerif:           assets.SerifRegular,
	faceSerifItalic:     assets.SerifItalic,
	faceSerifBold:       assets.SerifBold,
	faceSerifBoldItalic: assets.SerifBoldItalic,
	faceSans:            assets.SansRegular,
	faceSansItalic:      assets.SansItalic,
	faceSansBold:        assets.SansBold,
	faceSansBoldItalic:  assets.SansBoldItalic,
	faceMono:            assets.MonoRegular,
}

// fontMetrics is what the layout needs of a font file: which characters it
// has and how wide they are. Widths are in thousandths of an em, rounded
// exactly as gofpdf rounds them, so what we measure is what it writes in the
// PDF's /W array.
type fontMetrics struct {
	// data is the font file of a fallback font; an embedded face's file
	// is asset, read again from package assets when a document embeds it
	// (a private copy: gofpdf writes into it), not kept.
	data  []byte
	asset string
	// psName is the PostScript name ("PTSerif-Regular").
	psName string
	// widths[r] for r in the BMP: 0 when the font has no glyph for r,
	// zeroWidth for a glyph without advance, else the width.
	widths []uint16
}

// zeroWidth marks a mapped glyph whose advance is zero (a combining mark).
const zeroWidth = math.MaxUint16

// file returns a copy of the font file, for a document to embed: gofpdf
// writes into the bytes it is given (it pads table data in place when it
// subsets).
func (m *fontMetrics) file() ([]byte, error) {
	if m.asset != "" {
		return assets.Font(m.asset) // a new copy every time
	}
	return bytes.Clone(m.data), nil
}

// has reports whether the font has a glyph for r. gofpdf reads only the BMP.
func (m *fontMetrics) has(r rune) bool {
	return r >= 0 && r < 0x10000 && m.widths[r] != 0
}

// width returns the advance of r in thousandths of an em.
func (m *fontMetrics) width(r rune) int {
	if r < 0 || r >= 0x10000 || invisible(r) {
		return 0
	}
	switch w := m.widths[r]; w {
	case 0:
		return 500 // never drawn: text is sanitised first
	case zeroWidth:
		return 0
	default:
		return int(w)
	}
}

// stringWidth returns the advance of s in thousandths of an em.
func (m *fontMetrics) stringWidth(s string) int {
	w := 0
	for _, r := range s {
		w += m.width(r)
	}
	return w
}

var embedded struct {
	once [faceFallback]sync.Once
	m    [faceFallback]*fontMetrics
	err  [faceFallback]error
}

// embeddedMetrics returns the metrics of an embedded face, parsing its file
// once per process.
func embeddedMetrics(f face) (*fontMetrics, error) {
	embedded.once[f].Do(func() {
		data, err := assets.Font(faceFiles[f])
		if err != nil {
			embedded.err[f] = fmt.Errorf("pdf: %w", err)
			return
		}
		embedded.m[f], embedded.err[f] = parseMetrics(data)
		if embedded.err[f] != nil {
			embedded.err[f] = fmt.Errorf("pdf: font %s: %w", faceFiles[f], embedded.err[f])
			return
		}
		embedded.m[f].data, embedded.m[f].asset = nil, faceFiles[f]
	})
	return embedded.m[f], embedded.err[f]
}

// parseMetrics reads a TrueType font's character coverage and advance
// widths. It refuses what gofpdf cannot embed: OpenType CFF outlines and
// collections.
func parseMetrics(data []byte) (*fontMetrics, error) {
	if len(data) < 4 {
		return nil, errors.New("not a font file")
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return nil, errors.New("OpenType fonts with CFF outlines are not supported; use a TrueType (.ttf) font")
	case "ttcf":
		return nil, errors.New("font collections (.ttc) are not supported; use a single TrueType (.ttf) font")
	default:
		return nil, errors.New("not a TrueType font")
	}
	// sfnt validates the file and reads its name; the widths come from
	// the tables gofpdf reads, walked once (ttfWidths).
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	m := &fontMetrics{data: data, widths: make([]uint16, 0x10000)}
	if err := ttfWidths(data, m.widths); err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	if name, err := f.Name(&buf, sfnt.NameIDPostScript); err == nil {
		m.psName = psName(name)
	}
	return m, nil
}

// psName keeps the characters a PDF name may hold without escapes.
func psName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		}
	}
	if b.Len() > 60 {
		return b.String()[:60]
	}
	return b.String()
}

// fontSet is the faces one document uses: the embedded ones, parsed once
// per process when first used, and the user's fallback.
type fontSet struct {
	m   [numFaces]*fontMetrics
	err error
}

// loadFonts returns a document's fonts; fallback may be nil.
func loadFonts(fallback []byte) (*fontSet, error) {
	fs := &fontSet{}
	if len(fallback) > 0 {
		m, err := parseMetrics(fallback)
		if err != nil {
			return nil, fmt.Errorf("pdf: fallback font: %w", err)
		}
		if m.psName == "" {
			m.psName = "Fallback"
		}
		fs.m[faceFallback] = m
	}
	return fs, nil
}

// metrics returns the metrics of face f. An embedded font that fails to
// parse (a broken build) is recorded in fs.err and treated as empty, so
// that layout can go on and Write reports the error.
func (fs *fontSet) metrics(f face) *fontMetrics {
	if m := fs.m[f]; m != nil {
		return m
	}
	if f == faceFallback {
		return emptyMetrics
	}
	m, err := embeddedMetrics(f)
	if err != nil {
		if fs.err == nil {
			fs.err = err
		}
		m = emptyMetrics
	}
	fs.m[f] = m
	return m
}

// hasFallback reports whether the document has a fallback font.
func (fs *fontSet) hasFallback() bool { return fs.m[faceFallback] != nil }

var emptyMetrics = &fontMetrics{widths: make([]uint16, 0x10000)}
