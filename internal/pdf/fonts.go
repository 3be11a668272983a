package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/sfnt"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/assets"
	"github.com/offprint/offprint/internal/typeface"
)

// face is one face a document draws with: a design of its type family in
// a weight and slant (the roles of typeface.Role), the same role in the
// other family, or the user's fallback font. Which file a face is depends
// on the document's family (fontSet.family): in a document set in PT,
// faceSerif is PT Serif and faceAltSerif Noto Serif; in one set in Noto,
// the other way round. The layout asks for the document's faces
// (faceSerif…faceMono) and finds a character they lack in the other
// family's (faceFor).
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
	faceAltSerif
	faceAltSerifItalic
	faceAltSerifBold
	faceAltSerifBoldItalic
	faceAltSans
	faceAltSansItalic
	faceAltSansBold
	faceAltSansBoldItalic
	faceAltMono
	faceFallback
	// The faces of other scripts (scripts.go), one regular face each.
	faceArabic
	faceHebrew
	faceDevanagari
	faceThai
	faceCJK
	numFaces
)

// numRoles is the number of faces of a family.
const numRoles = face(typeface.NumRoles)

// other returns the face of the same role in the other family; the
// fallback font has none and is returned as it is.
func (f face) other() face {
	switch {
	case f < faceAltSerif:
		return f + numRoles
	case f < faceFallback:
		return f - numRoles
	}
	return f
}

// fileFace returns the face of a document set in fam as the face of a
// document set in PT, which faceFiles and embeddedMetrics index: the two
// families' faces swap places in a document set in Noto.
func fileFace(fam typeface.Family, f face) face {
	if fam == typeface.Noto {
		return f.other()
	}
	return f
}

// faceFiles maps the embedded faces of a document set in PT to their
// asset files: PT's faces, then Noto's.
var faceFiles = func() (files [faceFallback]string) {
	for r := range typeface.NumRoles {
		files[r] = typeface.PT.File(r)
		files[face(r)+numRoles] = typeface.Noto.File(r)
	}
	return files
}()

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
	if r < 0 || r >= 0x10000 || invisible(r) || r == zwnj || r == zwj {
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

// embeddedMetrics returns the metrics of the embedded face f of a
// document set in PT (faceFiles), parsing its file once per process.
func embeddedMetrics(f face) (*fontMetrics, error) {
	if f > faceFallback {
		return scriptMetrics(f)
	}
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
// per process when first used, and the user's fallback. family is the
// type family the document is set in (typeface.ForCollection), fixed when
// the set is made: the font loader reads it from another goroutine.
type fontSet struct {
	family typeface.Family
	m      [numFaces]*fontMetrics
	err    error
	shapes *shapeCache // widths of shaped text (shaped.go)
}

// loadFonts returns the fonts of a document of c, set in the family its
// text asks for; fallback may be nil.
func loadFonts(fallback []byte, c *article.Collection) (*fontSet, error) {
	fam, _ := typeface.ForCollection(c)
	fs := &fontSet{family: fam, shapes: &shapeCache{}}
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
	m, err := embeddedMetrics(fileFace(fs.family, f))
	if err != nil {
		if fs.err == nil {
			fs.err = err
		}
		m = emptyMetrics
	}
	fs.m[f] = m
	return m
}

// faceFor returns the face that draws r in text set in face f of family
// fam: f itself; the same style in the other family (a Greek word in
// italics in a PT document is Noto Serif Italic); the regular face of
// fam, in the document's family and then the other; the serif and the
// sans, likewise; the fallback font. ok is false when none has r.
//
// A space (Unicode Zs) is looked for in the document's family alone: it
// draws nothing, and one the family lacks (PT has no narrow no-break
// space, U+202F) is set as a word space of the text's own face, as it
// always was, rather than embed another font for an empty glyph.
func (fs *fontSet) faceFor(f face, fam family, r rune) (g face, ok bool) {
	if fs.metrics(f).has(r) {
		return f, true
	}
	reg := faceOf(fam, false, false)
	chain := [...]face{f.other(), reg, reg.other(), faceSerif, faceSans, faceAltSerif, faceAltSans}
	for _, g := range chain {
		if g >= faceAltSerif && g < faceFallback && unicode.Is(unicode.Zs, r) {
			continue
		}
		if fs.metrics(g).has(r) {
			return g, true
		}
	}
	if g, ok := fs.scriptFaceFor(r); ok {
		return g, true
	}
	if fs.hasFallback() && fs.metrics(faceFallback).has(r) {
		return faceFallback, true
	}
	return 0, false
}

// typefaces returns the names of the families the document is set in and
// who made them: its serif (body text) and its sans (headings, title page,
// running header and footer), "PT Serif", "PT Sans" and "ParaType" or
// "Noto Serif", "Noto Sans" and "Google". It is what the colophon names.
// Characters the family lacks may be drawn from the other family or the
// fallback font.
func (l *layout) typefaces() (serif, sans, foundry string) {
	return l.fonts.family.Serif(), l.fonts.family.Sans(), l.fonts.family.Foundry()
}

// hasFallback reports whether the document has a fallback font.
func (fs *fontSet) hasFallback() bool { return fs.m[faceFallback] != nil }

var emptyMetrics = &fontMetrics{widths: make([]uint16, 0x10000)}
