package hyph

import (
	"errors"
	"slices"
)

// The patterns are kept in a trie over symbols: each letter that occurs in
// a pattern is numbered from 1, and 0 stands for every other rune (which no
// pattern can match). A node's children are a contiguous, sorted run of
// labels and targets; nodes with many children also get a dense row
// indexed by symbol, so a step costs a short scan or one load.

// denseFrom is the number of children from which a node gets a dense row.
const denseFrom = 6

// trie is the packed pattern trie.
type trie struct {
	alphabet          // maps runes to symbols
	nodes    []node   // nodes[0] is the root
	labels   []uint8  // edge symbols, grouped per node, sorted
	targets  []uint32 // edge targets, parallel to labels
	dense    []uint32 // rows of width alphabet.size, child per symbol, 0 for none
	values   []value  // non-zero pattern values, grouped per node
}

// node is one trie node: its edges labels[first:first+n], its dense row
// (row-1, or none when 0) and, when a pattern ends here, its values
// values[vfirst:vfirst+vn].
type node struct {
	first, vfirst, row uint32
	n, vn              uint16
}

// value is a pattern's value v before the letter at offset pos (in runes)
// from the start of the match.
type value struct {
	pos, v uint8
}

// child returns the child of node n along symbol s, or 0.
func (t *trie) child(n uint32, s uint8) uint32 {
	nd := &t.nodes[n]
	if nd.row != 0 {
		return t.dense[(nd.row-1)*uint32(t.size)+uint32(s)]
	}
	labels := t.labels[nd.first : nd.first+uint32(nd.n)]
	for i, l := range labels {
		if l >= s {
			if l == s {
				return t.targets[nd.first+uint32(i)]
			}
			break
		}
	}
	return 0
}

// match applies every pattern that occurs in word (the symbols of a dotted,
// lowercased word) to pts, which has len(word)+1 entries, one per position
// between symbols, keeping the maximum value at each position.
func (t *trie) match(word []uint8, pts []uint8) {
	for s := range word {
		n := uint32(0)
		for p := s; p < len(word) && word[p] != 0; p++ {
			if n = t.child(n, word[p]); n == 0 {
				break
			}
			nd := &t.nodes[n]
			if nd.vn > 0 {
				for _, v := range t.values[nd.vfirst : nd.vfirst+uint32(nd.vn)] {
					if i := s + int(v.pos); v.v > pts[i] {
						pts[i] = v.v
					}
				}
			}
		}
	}
}

// alphabet numbers the runes of the patterns.
type alphabet struct {
	size  int        // symbols in use, counting 0
	ascii [128]uint8 // symbols of ASCII runes
	// Other runes: a table for the range [lo, lo+len(table)) when the
	// range is small, and a map for the rest.
	lo    rune
	table []uint8
	other map[rune]uint8
}

// symbol returns the symbol of rune r, or 0 if no pattern holds r.
func (a *alphabet) symbol(r rune) uint8 {
	if r < 128 {
		return a.ascii[r]
	}
	if i := r - a.lo; i >= 0 && int(i) < len(a.table) {
		return a.table[i]
	}
	return a.other[r]
}

// maxTable is the widest rune range given a lookup table.
const maxTable = 1 << 12

// newAlphabet builds the lookup for runes, where runes[i] has symbol i+1.
func newAlphabet(runes []rune) alphabet {
	a := alphabet{size: len(runes) + 1}
	var wide []rune
	for _, r := range runes {
		if r >= 128 {
			wide = append(wide, r)
		}
	}
	slices.Sort(wide)
	if len(wide) > 0 {
		// Cover the largest window of at most maxTable runes; map the rest.
		best, bestLen := 0, 0
		for i, j := 0, 0; i < len(wide); i++ {
			for j < len(wide) && wide[j]-wide[i] < maxTable {
				j++
			}
			if j-i > bestLen {
				best, bestLen = i, j-i
			}
		}
		a.lo = wide[best]
		a.table = make([]uint8, wide[best+bestLen-1]-a.lo+1)
	}
	for i, r := range runes {
		s := uint8(i + 1)
		switch {
		case r < 128:
			a.ascii[r] = s
		case r-a.lo >= 0 && int(r-a.lo) < len(a.table):
			a.table[r-a.lo] = s
		default:
			if a.other == nil {
				a.other = make(map[rune]uint8)
			}
			a.other[r] = s
		}
	}
	return a
}

// builder is a trie under construction: nodes linked to their first child
// and next sibling, so adding a pattern allocates nothing but room in its
// slices.
type builder struct {
	nodes   []bnode
	values  []value // the values of every pattern, one after another
	runes   []rune  // runes[i] has symbol i+1
	symbols map[rune]uint8
}

// bnode is a node of a builder. The values of the pattern ending here, if
// any, are builder.values[vfirst:vlast].
type bnode struct {
	child, next   int32 // -1 for none
	label         uint8
	vfirst, vlast int32
}

// errAlphabet is returned for pattern sets with too many letters.
var errAlphabet = errors.New("hyph: patterns use more than 255 letters")

// insert adds the pattern with the given letters and values; a pattern with
// the same letters is merged, keeping the larger value at each position.
func (b *builder) insert(key []rune, vals []value) error {
	if len(b.nodes) == 0 {
		b.nodes = append(b.nodes, bnode{child: -1, next: -1})
		b.symbols = make(map[rune]uint8)
	}
	n := int32(0)
	for _, r := range key {
		c, ok := b.symbols[r]
		if !ok {
			if len(b.runes) == 255 {
				return errAlphabet
			}
			b.runes = append(b.runes, r)
			c = uint8(len(b.runes))
			b.symbols[r] = c
		}
		k := b.nodes[n].child
		for k >= 0 && b.nodes[k].label != c {
			k = b.nodes[k].next
		}
		if k < 0 {
			k = int32(len(b.nodes))
			b.nodes = append(b.nodes, bnode{child: -1, next: b.nodes[n].child, label: c})
			b.nodes[n].child = k
		}
		n = k
	}
	nd := &b.nodes[n]
	if nd.vlast > nd.vfirst {
		vals = mergeValues(b.values[nd.vfirst:nd.vlast], vals)
	}
	nd.vfirst = int32(len(b.values))
	b.values = append(b.values, vals...)
	nd.vlast = int32(len(b.values))
	return nil
}

// trie packs the patterns inserted so far, or returns nil if there are none.
func (b *builder) trie() *trie {
	if len(b.nodes) < 2 {
		return nil
	}
	t := &trie{
		alphabet: newAlphabet(b.runes),
		nodes:    make([]node, 1, len(b.nodes)),
		labels:   make([]uint8, 0, len(b.nodes)),
		targets:  make([]uint32, 0, len(b.nodes)),
		values:   make([]value, 0, len(b.values)),
	}
	t.pack(b, 0, 0, nil)
	return t
}

// pack stores builder node bn as node id, its children contiguous and in
// symbol order, and then packs the children, depth first. kids is scratch.
func (t *trie) pack(b *builder, bn int32, id uint32, kids []int32) {
	src := b.nodes[bn]
	nd := node{first: uint32(len(t.labels))}
	if src.vlast > src.vfirst {
		nd.vfirst, nd.vn = uint32(len(t.values)), uint16(src.vlast-src.vfirst)
		t.values = append(t.values, b.values[src.vfirst:src.vlast]...)
	}
	start := len(kids)
	for k := src.child; k >= 0; k = b.nodes[k].next {
		kids = append(kids, k)
	}
	mine := kids[start:]
	slices.SortFunc(mine, func(x, y int32) int { return int(b.nodes[x].label) - int(b.nodes[y].label) })
	firstChild := uint32(len(t.nodes))
	for i, k := range mine {
		t.labels = append(t.labels, b.nodes[k].label)
		t.targets = append(t.targets, firstChild+uint32(i))
		t.nodes = append(t.nodes, node{})
	}
	nd.n = uint16(len(mine))
	if len(mine) >= denseFrom {
		row := len(t.dense)
		t.dense = append(t.dense, make([]uint32, t.size)...)
		for i, k := range mine {
			t.dense[row+int(b.nodes[k].label)] = firstChild + uint32(i)
		}
		nd.row = uint32(row/t.size) + 1
	}
	t.nodes[id] = nd
	for i, k := range mine {
		t.pack(b, k, firstChild+uint32(i), kids)
	}
}
