package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/offprint/offprint/assets"
	"github.com/offprint/offprint/internal/shape"
)

// The scripts PT and Noto Serif lack have faces of their own, chosen per
// character by the fallback chain (fontSet.faceFor): Noto Naskh Arabic,
// Noto Serif Hebrew, Noto Serif Devanagari and Noto Serif Thai, and Droid
// Sans Fallback for Chinese, Japanese and Korean. The first four are
// shaped (package shape): a run's glyphs depend on their neighbours
// (Arabic joining, Devanagari conjuncts, marks), so they are drawn by
// glyph, not by character.
//
// gofpdf draws characters through a font's character map. So each shaped
// face is embedded with a character map that also maps private-use code
// points to its glyphs, U+E000 + glyph index (puaBase), and the drawer
// writes the shaped glyphs as those code points, positioned as the shaper
// placed them, inside an ActualText span that holds the original text in
// logical order, which is what copying and text extraction return.

// puaBase is the code point of glyph 0 of a shaped face: its glyphs are
// mapped to the private-use area U+E000…U+F8FF.
const puaBase = 0xE000

// puaMax is the number of private-use code points, and so the most glyphs
// of a shaped face that can be drawn.
const puaMax = 0xF900 - puaBase

// scriptFont is a face of another script, read once per process.
type scriptFont struct {
	file   string
	shaped bool // shaped by glyph (else drawn by character, like PT)
	rtl    bool // its letters run from right to left
	once   sync.Once
	m      *fontMetrics
	shaper *shape.Font
	upem   int
	// gw is the width of each glyph as gofpdf writes it (thousandths of
	// an em), by glyph index: what a private-use code point advances.
	gw  []uint16
	err error
}

var scriptFonts = [...]*scriptFont{
	faceArabic - faceArabic:     {file: assets.ArabicRegular, shaped: true, rtl: true},
	faceHebrew - faceArabic:     {file: assets.HebrewRegular, shaped: true, rtl: true},
	faceDevanagari - faceArabic: {file: assets.DevanagariRegular, shaped: true},
	faceThai - faceArabic:       {file: assets.ThaiRegular, shaped: true},
	faceCJK - faceArabic:        {file: assets.CJKRegular},
}

// scriptFontOf returns the script face f, or nil for a face of the
// document's families.
func scriptFontOf(f face) *scriptFont {
	if f < faceArabic || f >= numFaces {
		return nil
	}
	return scriptFonts[f-faceArabic]
}

// shapedFont returns the script face f if it is shaped, else nil.
func shapedFont(f face) *scriptFont {
	if sf := scriptFontOf(f); sf != nil && sf.shaped {
		return sf
	}
	return nil
}

// scriptMetrics returns the metrics of the script face f, reading its
// file once per process.
func scriptMetrics(f face) (*fontMetrics, error) {
	sf := scriptFontOf(f)
	if sf == nil {
		return nil, fmt.Errorf("pdf: no face %d", f)
	}
	sf.once.Do(sf.load)
	return sf.m, sf.err
}

func (sf *scriptFont) load() {
	data, err := assets.ScriptFont(sf.file)
	if err != nil {
		sf.err = fmt.Errorf("pdf: %w", err)
		return
	}
	if sf.shaped {
		if sf.shaper, err = shape.Parse(data); err == nil {
			data, err = withGlyphCodes(data)
		}
		if err != nil {
			sf.err = fmt.Errorf("pdf: font %s: %w", sf.file, err)
			return
		}
		sf.upem = sf.shaper.Upem()
	}
	m, err := parseMetrics(data)
	if err != nil {
		sf.err = fmt.Errorf("pdf: font %s: %w", sf.file, err)
		return
	}
	if sf.shaped {
		// The private-use code points are the drawer's alone: text in
		// the private-use area is not drawn from this face.
		sf.gw = make([]uint16, puaMax)
		copy(sf.gw, m.widths[puaBase:puaBase+puaMax])
		clear(m.widths[puaBase : puaBase+puaMax])
	}
	sf.m = m
}

// glyphWidth is the advance gofpdf gives glyph g, in thousandths of an em.
func (sf *scriptFont) glyphWidth(g uint16) int {
	if int(g) >= len(sf.gw) || sf.gw[g] == zeroWidth {
		return 0
	}
	return int(sf.gw[g])
}

// scriptFaceFor returns the script face that has r, if any.
func (fs *fontSet) scriptFaceFor(r rune) (face, bool) {
	if f := scriptFaceOf(r); f != 0 && fs.metrics(f).has(r) {
		return f, true
	}
	if fs.metrics(faceCJK).has(r) {
		return faceCJK, true
	}
	return 0, false
}

// scriptFaceOf returns the face of the script r belongs to, or 0 when
// r's script has no face of its own (Chinese, Japanese and Korean, which
// the CJK face is asked for last, after the others).
func scriptFaceOf(r rune) face {
	switch {
	case r >= 0x0600 && r <= 0x06FF, r >= 0x0750 && r <= 0x077F, r >= 0x0870 && r <= 0x08FF,
		r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		return faceArabic
	case r >= 0x0590 && r <= 0x05FF, r >= 0xFB1D && r <= 0xFB4F:
		return faceHebrew
	case r >= 0x0900 && r <= 0x097F, r >= 0xA8E0 && r <= 0xA8FF, r >= 0x1CD0 && r <= 0x1CFF:
		return faceDevanagari
	case r >= 0x0E00 && r <= 0x0E7F:
		return faceThai
	}
	return 0
}

// withGlyphCodes returns a copy of a TrueType font whose character map
// (one Windows Unicode BMP subtable of format 4, which gofpdf reads) maps
// the characters the font maps and U+E000 + i to glyph i, for every glyph
// up to puaMax. The new cmap table is put at the end of the file.
func withGlyphCodes(data []byte) ([]byte, error) {
	tables, err := ttfTables(data)
	if err != nil {
		return nil, err
	}
	maxp, cmap := tables["maxp"], tables["cmap"]
	if len(maxp) < 6 {
		return nil, errors.New("short maxp table")
	}
	numGlyphs := min(int(binary.BigEndian.Uint16(maxp[4:])), puaMax)
	sub, err := cmapFormat4(cmap)
	if err != nil {
		return nil, err
	}
	pairs := cmapPairs(sub)
	kept := pairs[:0]
	for _, p := range pairs {
		if p[0] < puaBase || p[0] >= puaBase+puaMax {
			kept = append(kept, p)
		}
	}
	for g := 1; g < numGlyphs; g++ {
		kept = append(kept, [2]int{puaBase + g, g})
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i][0] < kept[j][0] })
	newCmap, err := buildCmap4(kept)
	if err != nil {
		return nil, err
	}
	// Copy the file, append the new table, point the directory at it.
	out := make([]byte, len(data), len(data)+len(newCmap)+4)
	copy(out, data)
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	off := len(out)
	out = append(out, newCmap...)
	n := int(binary.BigEndian.Uint16(out[4:]))
	for i := range n {
		rec := out[12+16*i:]
		if string(rec[:4]) == "cmap" {
			binary.BigEndian.PutUint32(rec[8:], uint32(off))
			binary.BigEndian.PutUint32(rec[12:], uint32(len(newCmap)))
		}
	}
	return out, nil
}

// cmapPairs returns the (character, glyph) pairs of a format 4 subtable.
func cmapPairs(sub []byte) [][2]int {
	u16 := func(off int) int { return int(binary.BigEndian.Uint16(sub[off:])) }
	segs := u16(6) / 2
	ends, starts := 14, 16+2*segs
	deltas, offsets := starts+2*segs, starts+4*segs
	if len(sub) < offsets+2*segs {
		return nil
	}
	var pairs [][2]int
	for n := range segs {
		end, start, delta, ro := u16(ends+2*n), u16(starts+2*n), u16(deltas+2*n), u16(offsets+2*n)
		for c := start; c <= end && c < 0xFFFF; c++ {
			gid := (c + delta) & 0xFFFF
			if ro != 0 {
				pos := offsets + 2*n + ro + 2*(c-start)
				if pos+2 > len(sub) {
					continue
				}
				if gid = u16(pos); gid != 0 {
					gid = (gid + delta) & 0xFFFF
				}
			}
			if gid != 0 {
				pairs = append(pairs, [2]int{c, gid})
			}
		}
	}
	return pairs
}

// buildCmap4 builds a cmap table of one (3, 1) format 4 subtable from
// (character, glyph) pairs sorted by character: one segment per run of
// consecutive characters with consecutive glyphs.
func buildCmap4(pairs [][2]int) ([]byte, error) {
	type seg struct{ start, end, delta int }
	var segs []seg
	for _, p := range pairs {
		if n := len(segs); n > 0 && segs[n-1].end+1 == p[0] && (p[0]+segs[n-1].delta)&0xFFFF == p[1] {
			segs[n-1].end = p[0]
			continue
		}
		segs = append(segs, seg{p[0], p[0], (p[1] - p[0]) & 0xFFFF})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	length := 16 + 8*n
	if length > 0xFFFF {
		return nil, errors.New("character map too large")
	}
	b := make([]byte, 12+length)
	be := binary.BigEndian
	be.PutUint16(b[2:], 1) // one encoding record
	be.PutUint16(b[4:], 3)
	be.PutUint16(b[6:], 1)
	be.PutUint32(b[8:], 12)
	s := b[12:]
	be.PutUint16(s[0:], 4)
	be.PutUint16(s[2:], uint16(length))
	be.PutUint16(s[6:], uint16(2*n))
	sr, es := 1, 0
	for sr*2 <= n {
		sr *= 2
		es++
	}
	be.PutUint16(s[8:], uint16(2*sr))
	be.PutUint16(s[10:], uint16(es))
	be.PutUint16(s[12:], uint16(2*n-2*sr))
	for i, g := range segs {
		be.PutUint16(s[14+2*i:], uint16(g.end))
		be.PutUint16(s[16+2*n+2*i:], uint16(g.start))
		be.PutUint16(s[16+4*n+2*i:], uint16(g.delta))
		// idRangeOffset stays 0
	}
	return b, nil
}

// The joiners control shaping: a zero-width non-joiner keeps two Arabic
// letters from joining (Persian "می‌خواهم"), a zero-width joiner makes
// them join or picks a Devanagari half form. They travel with the text
// into the shaped runs; other faces neither measure nor draw them.
const (
	zwnj = '\u200c'
	zwj  = '\u200d'
)

// stripJoiners removes the joiners from text drawn by an unshaped face.
func stripJoiners(s string) string {
	if !strings.ContainsRune(s, zwnj) && !strings.ContainsRune(s, zwj) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == zwnj || r == zwj {
			return -1
		}
		return r
	}, s)
}
