package pdf

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"unicode"

	"github.com/offprint/offprint/internal/shape"
)

// A right-to-left face is drawn without ActualText: text extraction puts
// the glyphs of a line in logical order by their positions, as it does for
// any right-to-left PDF, and reads each glyph's characters from the
// font's ToUnicode map, which finish replaces: gofpdf's maps every code to
// itself, so each private-use glyph code is given the characters it was
// shaped from (a joining form its letter, a lam-alef ligature both).

// glyphText maps a shaped face's glyphs to the characters they stand for,
// the first seen winning; a glyph of a cluster of its own is preferred.
type glyphText struct {
	text map[uint16]string
	solo map[uint16]bool
}

// add records the characters of glyphs shaped from text.
func (gt *glyphText) add(text []rune, glyphs []shape.Glyph) {
	if gt.text == nil {
		gt.text, gt.solo = map[uint16]string{}, map[uint16]bool{}
	}
	starts := make([]int, 0, len(glyphs))
	count := map[int]int{}
	for _, g := range glyphs {
		if count[g.Cluster] == 0 {
			starts = append(starts, g.Cluster)
		}
		count[g.Cluster]++
	}
	slices.Sort(starts)
	end := func(c int) int {
		i, _ := slices.BinarySearch(starts, c)
		if i+1 < len(starts) {
			return starts[i+1]
		}
		return len(text)
	}
	marksDone := map[int]bool{}
	for _, g := range glyphs {
		c := g.Cluster
		if c < 0 || c >= len(text) {
			continue
		}
		cl := text[c:min(end(c), len(text))]
		var s string
		solo := count[c] == 1
		if solo {
			s = string(cl)
		} else {
			// a base and its marks: the base glyph takes the letters,
			// the first mark glyph the marks
			var letters, marks []rune
			for _, r := range cl {
				if unicode.Is(unicode.Mn, r) {
					marks = append(marks, r)
				} else {
					letters = append(letters, r)
				}
			}
			switch {
			case g.Advance != 0:
				s = string(letters)
			case !marksDone[c]:
				s = string(marks)
				marksDone[c] = true
			}
		}
		if s == "" {
			continue
		}
		if old, ok := gt.text[g.ID]; !ok || solo && !gt.solo[g.ID] && old != s {
			gt.text[g.ID] = s
			gt.solo[g.ID] = solo
		}
	}
}

// cmap returns a ToUnicode CMap: every code to itself, but the glyph
// codes of gt to their characters.
func (gt *glyphText) cmap() []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	b.WriteString("2 beginbfrange\n<0000> <DFFF> <0000>\n<F900> <FFFF> <F900>\nendbfrange\n")
	ids := make([]int, 0, len(gt.text))
	for id := range gt.text {
		ids = append(ids, int(id))
	}
	slices.Sort(ids)
	for len(ids) > 0 {
		n := min(len(ids), 100)
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for _, id := range ids[:n] {
			b.WriteByte('<')
			b.Write(hex4(puaBase + id))
			b.WriteString("> <")
			for _, u := range utf16Units(gt.text[uint16(id)]) {
				b.Write(hex4(int(u)))
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
		ids = ids[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.Bytes()
}

// utf16Units encodes s in UTF-16.
func utf16Units(s string) []uint16 {
	var u []uint16
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			u = append(u, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
		} else {
			u = append(u, uint16(r))
		}
	}
	return u
}

// toUnicodeObjects finds, in gofpdf's output, the ToUnicode object of each
// font named in maps and returns its replacement by object number.
func toUnicodeObjects(raw []byte, maps map[string][]byte) map[int][]byte {
	if len(maps) == 0 {
		return nil
	}
	repl := map[int][]byte{}
	for name, cm := range maps {
		i := bytes.Index(raw, []byte("/BaseFont /"+name+"\n/Encoding /Identity-H\n"))
		if i < 0 {
			continue
		}
		const key = "/ToUnicode "
		j := bytes.Index(raw[i:], []byte(key))
		if j < 0 || j > 200 {
			continue
		}
		rest := raw[i+j+len(key):]
		sp := bytes.IndexByte(rest, ' ')
		n, err := strconv.Atoi(string(rest[:max(sp, 0)]))
		if sp < 0 || err != nil {
			continue
		}
		var obj []byte
		obj = strconv.AppendInt(obj, int64(n), 10)
		obj = append(obj, " 0 obj\n<</Length "...)
		obj = strconv.AppendInt(obj, int64(len(cm)), 10)
		obj = append(obj, ">>\nstream\n"...)
		obj = append(obj, cm...)
		obj = append(obj, "\nendstream\nendobj\n"...)
		repl[n] = obj
	}
	return repl
}
