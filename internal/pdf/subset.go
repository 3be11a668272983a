package pdf

import (
	"hash/fnv"
	"iter"
	"math/bits"
	"strconv"
)

// subsetNames gives each embedded font the subset name PDF readers
// expect, "ABCDEF+PTSerif-Regular", in place of gofpdf's "utf8…" name. The
// tag is derived from the characters used, so equal input gives equal
// bytes. The names are the same length, so no offset moves.
func (d *drawer) subsetNames() []rename {
	var rs []rename
	for f := face(0); f < numFaces; f++ {
		if d.used[f] == nil {
			continue
		}
		ps := d.l.fonts.metrics(f).psName
		old := "/utf8" + fontKey(f, ps)
		repl := "/" + subsetTag(f, d.used[f]) + "+" + ps
		if len(old) == len(repl) {
			rs = append(rs, rename{[]byte(old), []byte(repl)})
		}
	}
	return rs
}

// subsetTag is six capital letters derived from a face and its used
// characters.
func subsetTag(f face, used *runeSet) string {
	h := fnv.New64a()
	b := strconv.AppendInt(nil, int64(f), 10)
	b = append(b, ':')
	for r := range used.all() {
		b = strconv.AppendInt(b, int64(r), 16)
		b = append(b, ',')
		if len(b) > 512 {
			h.Write(b)
			b = b[:0]
		}
	}
	h.Write(b)
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + v%26)
		v /= 26
	}
	return string(tag)
}

// runeSet is a set of runes: the characters a face draws.
type runeSet struct {
	bits []uint64
}

// addString adds the runes of str and reports whether any was new.
func (s *runeSet) addString(str string) bool {
	added := false
	for _, r := range str {
		i := int(r) >> 6
		if i >= len(s.bits) {
			s.bits = append(s.bits, make([]uint64, i+1-len(s.bits))...)
		}
		if bit := uint64(1) << (uint(r) & 63); s.bits[i]&bit == 0 {
			s.bits[i] |= bit
			added = true
		}
	}
	return added
}

// all yields the runes in increasing order.
func (s *runeSet) all() iter.Seq[rune] {
	return func(yield func(rune) bool) {
		for i, w := range s.bits {
			for w != 0 {
				b := bits.TrailingZeros64(w)
				w &^= 1 << b
				if !yield(rune(i<<6 | b)) {
					return
				}
			}
		}
	}
}
