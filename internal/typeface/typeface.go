// Package typeface chooses the type family offprint sets a document in:
// PT Serif, PT Sans and PT Mono (ParaType), which cover Latin and Cyrillic,
// or Noto Serif, Noto Sans and Noto Sans Mono (Google), which also cover
// Greek (monotonic and polytonic) and Vietnamese. The PDF, the cover and
// the EPUB's embedded fonts all ask it, so that a document is one design
// in all three.
//
// The rule is a count of words: a document is set in Noto when at least
// one word in NotoShare (1 in 50) of its text, metadata included, has a
// letter PT Serif lacks and Noto Serif has — a Greek or Vietnamese article,
// a Maltese one (ċ, ġ), a Sámi one (ŋ, ŧ) — and in PT otherwise, so that
// English and Russian are set exactly as they always were. A word is a run
// of letters and combining marks, after NFC normalisation (decomposed
// Vietnamese counts as it will be drawn). Words, not letters, because one
// letter from another face in a word is what a reader sees: a Maltese
// article has few ġ but many words with one. A few such words in a PT
// document (one Greek word in an English article) are drawn from the
// matching Noto face by the renderers' per-character fallback.
package typeface

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/assets"
)

// Family is a type family in its three designs: serif, sans and mono.
type Family int

// The families. PT is the zero value: the default.
const (
	PT Family = iota
	Noto
)

// Role is one face of a family: a design in a weight and slant.
type Role int

// The roles. Mono has one face.
const (
	SerifRegular Role = iota
	SerifItalic
	SerifBold
	SerifBoldItalic
	SansRegular
	SansItalic
	SansBold
	SansBoldItalic
	Mono
	// NumRoles is the number of roles.
	NumRoles
)

var files = [...][NumRoles]string{
	PT: {
		assets.SerifRegular, assets.SerifItalic, assets.SerifBold, assets.SerifBoldItalic,
		assets.SansRegular, assets.SansItalic, assets.SansBold, assets.SansBoldItalic,
		assets.MonoRegular,
	},
	Noto: {
		assets.NotoSerifRegular, assets.NotoSerifItalic, assets.NotoSerifBold, assets.NotoSerifBoldItalic,
		assets.NotoSansRegular, assets.NotoSansItalic, assets.NotoSansBold, assets.NotoSansBoldItalic,
		assets.NotoMonoRegular,
	},
}

// File returns the name of the embedded font file (for assets.Font) of
// role r in family f.
func (f Family) File(r Role) string { return files[f][r] }

// Other returns the other family: the one a character f lacks is drawn
// from first.
func (f Family) Other() Family {
	if f == Noto {
		return PT
	}
	return Noto
}

// Serif returns the name of the family's serif ("PT Serif").
func (f Family) Serif() string { return [...]string{PT: "PT Serif", Noto: "Noto Serif"}[f] }

// Sans returns the name of the family's sans ("PT Sans").
func (f Family) Sans() string { return [...]string{PT: "PT Sans", Noto: "Noto Sans"}[f] }

// Mono returns the name of the family's monospaced design ("PT Mono").
func (f Family) Mono() string { return [...]string{PT: "PT Mono", Noto: "Noto Sans Mono"}[f] }

// Foundry returns who made the family: "ParaType" or "Google".
func (f Family) Foundry() string { return [...]string{PT: "ParaType", Noto: "Google"}[f] }

// License returns the name of the embedded file (for assets.Font) of the
// family's licence.
func (f Family) License() string {
	return [...]string{PT: assets.FontLicense, Noto: assets.NotoFontLicense}[f]
}

// String returns the family's short name, "PT" or "Noto".
func (f Family) String() string { return [...]string{PT: "PT", Noto: "Noto"}[f] }

// NotoShare is the share of words needing Noto (see Needs) from which a
// document is set in Noto: 1 in 50.
const NotoShare = 1.0 / 50

// Tally counts the words of a text and those of them that need Noto.
type Tally struct {
	// Words is the number of words: runs of letters and combining marks.
	Words int
	// Needing is the number of words with a character that needs Noto.
	Needing int
}

// Add counts the words of s. Words do not run on from one call to the
// next: each call is a separate piece of text (a paragraph, a title).
func (t *Tally) Add(s string) {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	need := coverage()
	inWord, needing := false, false
	for _, r := range s {
		var letter bool
		if r < 0x80 {
			letter = r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		} else {
			letter = unicode.IsLetter(r) || unicode.Is(unicode.M, r)
		}
		if !letter {
			inWord = false
			continue
		}
		if !inWord {
			inWord, needing = true, false
			t.Words++
		}
		if !needing && r >= 0x80 && need.has(r) {
			needing = true
			t.Needing++
		}
	}
}

// Family returns the family a text of this tally is set in: Noto when at
// least NotoShare of its words need it, else PT.
func (t Tally) Family() Family {
	if t.Needing > 0 && float64(t.Needing) >= NotoShare*float64(t.Words) {
		return Noto
	}
	return PT
}

// Needs reports whether r is a character PT Serif lacks and Noto Serif
// has: a Greek letter, a Vietnamese vowel, a combining mark. A space (Zs)
// never does.
func Needs(r rune) bool { return coverage().has(r) }

// ForCollection tallies the text a document of c draws — the metadata of
// the collection (unless it is a single article's) and of each article,
// the body, the notes — and returns
// the family to set it in and the tally.
func ForCollection(c *article.Collection) (Family, Tally) {
	var t Tally
	if c == nil {
		return PT, t
	}
	if !c.IsSingle() { // else c.Meta is the article's
		t.addMeta(&c.Meta)
	}
	for _, a := range c.Articles {
		if a == nil {
			continue
		}
		t.addMeta(&a.Meta)
		t.addBlocks(a.Blocks)
		for _, n := range a.Notes {
			t.addBlocks(n.Blocks)
		}
	}
	return t.Family(), t
}

// ForMeta tallies the text of m a title page or a cover shows.
func ForMeta(m *article.Meta) Tally {
	var t Tally
	if m != nil {
		t.addMeta(m)
	}
	return t
}

func (t *Tally) addMeta(m *article.Meta) {
	for _, s := range []string{m.Title, m.Subtitle, m.Section, m.SiteName, m.Description, m.Rights} {
		t.Add(s)
	}
	for _, s := range m.Authors {
		t.Add(s)
	}
}

func (t *Tally) addBlocks(blocks []article.Block) {
	article.WalkBlocks(blocks, func(b article.Block) bool {
		switch x := b.(type) {
		case *article.Heading:
			t.addInlines(x.Inlines)
		case *article.Paragraph:
			t.addInlines(x.Inlines)
		case *article.Quote:
			t.addInlines(x.Attribution)
		case *article.CodeBlock:
			t.Add(x.Text)
		case *article.Image:
			t.addInlines(x.Caption)
		case *article.Table:
			for _, c := range x.Header {
				t.addInlines(c.Inlines)
			}
			for _, row := range x.Rows {
				for _, c := range row {
					t.addInlines(c.Inlines)
				}
			}
			t.addInlines(x.Caption)
		}
		return true
	})
}

func (t *Tally) addInlines(ins []article.Inline) {
	for _, in := range ins {
		switch x := in.(type) {
		case *article.Text:
			t.Add(x.Text)
		case *article.Code:
			t.Add(x.Text)
		case *article.Emphasis:
			t.addInlines(x.Inlines)
		case *article.Strong:
			t.addInlines(x.Inlines)
		case *article.Strike:
			t.addInlines(x.Inlines)
		case *article.Link:
			t.addInlines(x.Inlines)
		}
	}
}

// runeBits is a set of runes of the Basic Multilingual Plane.
type runeBits [0x10000 / 64]uint64

func (b *runeBits) has(r rune) bool { return r >= 0 && r < 0x10000 && b[r>>6]&(1<<(r&63)) != 0 }

var (
	needOnce sync.Once
	needBits *runeBits
)

// coverage returns the characters Noto Serif has and PT Serif lacks,
// read once per process from the fonts' character maps. A font that
// cannot be read (a broken build, which the tests catch) counts as
// covering nothing.
func coverage() *runeBits {
	needOnce.Do(func() {
		pt, _ := fileCoverage(PT.File(SerifRegular))
		noto, _ := fileCoverage(Noto.File(SerifRegular))
		needBits = new(runeBits)
		for i := range needBits {
			needBits[i] = noto[i] &^ pt[i]
		}
		// Spaces draw nothing: one PT lacks (U+202F) is set as a word
		// space of the text's face, not taken from Noto.
		for _, rg := range unicode.Zs.R16 {
			for c := rg.Lo; c <= rg.Hi; c += rg.Stride {
				needBits[c>>6] &^= 1 << (c & 63)
			}
		}
	})
	return needBits
}

// fileCoverage returns the characters an embedded font has a glyph for.
// It reads the table directory and the character map alone.
func fileCoverage(name string) (*runeBits, error) {
	bits := new(runeBits)
	ra, size, err := assets.FontReader(name)
	if err != nil {
		return bits, err
	}
	data, err := cmapOnly(ra, size)
	if err == nil {
		err = cmapCoverage(data, bits)
	}
	if err != nil {
		return bits, fmt.Errorf("typeface: %s: %w", name, err)
	}
	return bits, nil
}

// cmapOnly reads a TrueType file's table directory and cmap table and
// returns them as a font file of these alone, the cmap moved to just after
// the directory, which cmapCoverage reads as it reads the whole file.
func cmapOnly(ra io.ReaderAt, size int64) ([]byte, error) {
	head := make([]byte, 12)
	if _, err := ra.ReadAt(head, 0); err != nil {
		return nil, errors.New("not a font file")
	}
	n := int64(binary.BigEndian.Uint16(head[4:]))
	dir := make([]byte, 12+16*n)
	if _, err := ra.ReadAt(dir, 0); err != nil {
		return nil, errors.New("short table directory")
	}
	for i := range n {
		rec := dir[12+16*i:]
		if string(rec[:4]) != "cmap" {
			continue
		}
		off, length := int64(binary.BigEndian.Uint32(rec[8:])), int64(binary.BigEndian.Uint32(rec[12:]))
		if off+length > size {
			return nil, errors.New("cmap outside the file")
		}
		data := make([]byte, int64(len(dir))+length)
		binary.BigEndian.PutUint32(rec[8:], uint32(len(dir)))
		copy(data, dir)
		if _, err := ra.ReadAt(data[len(dir):], off); err != nil {
			return nil, err
		}
		return data, nil
	}
	return nil, errors.New("no cmap table")
}

// cmapCoverage sets in bits the characters of a TrueType font's Unicode
// BMP character map (format 4) that map to a glyph.
func cmapCoverage(data []byte, bits *runeBits) error {
	if len(data) < 12 {
		return errors.New("not a font file")
	}
	var cmap []byte
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return errors.New("short table directory")
		}
		if string(data[rec:rec+4]) == "cmap" {
			off, size := int(binary.BigEndian.Uint32(data[rec+8:])), int(binary.BigEndian.Uint32(data[rec+12:]))
			if off < 0 || size < 4 || off+size > len(data) {
				return errors.New("cmap outside the file")
			}
			cmap = data[off : off+size]
		}
	}
	if cmap == nil {
		return errors.New("no cmap table")
	}
	var sub []byte
	for k := range int(binary.BigEndian.Uint16(cmap[2:])) {
		enc := 4 + 8*k
		if enc+8 > len(cmap) {
			break
		}
		platform, encoding := binary.BigEndian.Uint16(cmap[enc:]), binary.BigEndian.Uint16(cmap[enc+2:])
		off := int(binary.BigEndian.Uint32(cmap[enc+4:]))
		if (platform == 0 || platform == 3 && encoding == 1) && off+14 <= len(cmap) && binary.BigEndian.Uint16(cmap[off:]) == 4 {
			sub = cmap[off:]
			break
		}
	}
	if sub == nil {
		return errors.New("no Unicode character map of format 4")
	}
	u16 := func(i int) int { return int(binary.BigEndian.Uint16(sub[i:])) }
	segs := u16(6) / 2
	ends, starts := 14, 16+2*segs
	deltas, offsets := starts+2*segs, starts+4*segs
	if len(sub) < offsets+2*segs {
		return errors.New("short character map")
	}
	for s := range segs {
		end, start, delta, ro := u16(ends+2*s), u16(starts+2*s), u16(deltas+2*s), u16(offsets+2*s)
		for c := start; c <= end && c < 0xFFFF; c++ {
			gid := (c + delta) & 0xFFFF
			if ro != 0 {
				pos := offsets + 2*s + ro + 2*(c-start)
				if pos+2 > len(sub) {
					continue
				}
				if gid = u16(pos); gid != 0 {
					gid = (gid + delta) & 0xFFFF
				}
			}
			if gid != 0 {
				bits[c>>6] |= 1 << (c & 63)
			}
		}
	}
	return nil
}
