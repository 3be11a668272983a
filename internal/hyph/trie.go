package hyph

import (
	"encoding/binary"
	"errors"
	"slices"
)

// The patterns are kept in a trie over symbols: each letter that occurs in
// a pattern is numbered from 1, and 0 stands for every other rune (which no
// pattern can match). The nodes are numbered breadth first, so a node's
// children are consecutive nodes whose labels are a contiguous, sorted run
// of labels: labels[id-1] is the label of the edge into node id. Nodes with
// many children also get a dense row indexed by symbol, so a step costs a
// short scan or one load.
//
// The trie is kept encoded, as the precomputed tries of the shipped
// patterns hold it (encoding.go), so that a trie decoded from embedded data
// is that data: a load checks the checksum and reads the header, and
// writes next to no memory. (Each page of memory that a process writes
// first costs it a page fault: writing out a trie would cost several times
// what the rest of a load does.) So match stays in range whatever the data
// holds: a damaged trie finds wrong points, never panics.

// denseFrom is the number of children from which a node gets a dense row.
const denseFrom = 6

// maxRows bounds the dense rows of a trie, so that a row number fits in
// 16 bits; nodes past it are searched by their labels.
const maxRows = 1<<16 - 1

// trie is the packed pattern trie.
type trie struct {
	alphabet        // maps runes to symbols
	nodes    []byte // nodeSize bytes a node (see node), the root first
	labels   []byte // labels[id-1] is the label of the edge into node id
	values   []byte // the non-zero pattern values, grouped per node: pos, v (see value)
	// rows of alphabet.size bytes: along each symbol, the number of the
	// child among the node's children, from 1, or 0 for none
	dense []byte
}

// nodeSize is the size of an encoded node: u24 first, u24 vfirst, u16 row,
// u8 n, u8 vn, little-endian.
const nodeSize = 10

// maxOffset bounds the number of nodes and of bytes of values, so that
// offsets fit in 24 bits: 16 million nodes is some 50 times what the
// largest pattern file shipped (Hungarian's) needs.
const maxOffset = 1<<24 - 1

// node is one trie node: its children are nodes first+1 … first+n, with
// labels labels[first:first+n]; row is its dense row plus one (0 for none);
// the values of the pattern ending here, if any, are the vn pairs from byte
// vfirst of values. A node has at most 255 children (one per symbol) and a
// pattern at most maxPattern+1 values, so n and vn fit in a byte.
type node struct {
	first, vfirst uint32
	row           uint16
	n, vn         uint8
}

// appendNode appends the encoding of nd to b.
func appendNode(b []byte, nd node) []byte {
	b = append(b, byte(nd.first), byte(nd.first>>8), byte(nd.first>>16))
	b = append(b, byte(nd.vfirst), byte(nd.vfirst>>8), byte(nd.vfirst>>16))
	b = binary.LittleEndian.AppendUint16(b, nd.row)
	return append(b, nd.n, nd.vn)
}

// u24 reads a little-endian 24-bit number.
func u24(b []byte) uint64 { return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 }

// value is a pattern's value v before the letter at offset pos (in runes)
// from the start of the match.
type value struct {
	pos, v uint8
}

// match applies every pattern that occurs in word (the symbols of a dotted,
// lowercased word) to pts, which has len(word)+1 entries, one per position
// between symbols, keeping the maximum value at each position. Offsets
// that the trie's data puts out of range end the walk or are skipped.
func (t *trie) match(word []uint8, pts []uint8) {
	nodes, labels, values, dense := t.nodes, t.labels, t.values, t.dense
	width := uint64(t.size) // of a dense row
	for s := range word {
		r := nodes[:nodeSize] // the node reached; the trie has a root
		for p := s; p < len(word) && word[p] != 0; p++ {
			// Step to the child along word[p], if any.
			sym, c := word[p], uint64(0)
			first := u24(r)
			if row := uint64(binary.LittleEndian.Uint16(r[6:])); row != 0 {
				if i := (row-1)*width + uint64(sym); i < uint64(len(dense)) && dense[i] != 0 {
					c = first + uint64(dense[i])
				}
			} else if n := uint64(r[8]); first+n <= uint64(len(labels)) {
				for i, l := range labels[first : first+n] {
					if l >= sym {
						if l == sym {
							c = first + uint64(i) + 1
						}
						break
					}
				}
			}
			off := c * nodeSize
			if c == 0 || off+nodeSize > uint64(len(nodes)) {
				break
			}
			r = nodes[off : off+nodeSize]
			if vn := uint64(r[9]); vn > 0 {
				first := u24(r[3:])
				if first+2*vn > uint64(len(values)) {
					continue
				}
				vals := values[first : first+2*vn]
				for j := 1; j < len(vals); j += 2 {
					if i, v := s+int(vals[j-1]), vals[j]; i < len(pts) && v > pts[i] {
						pts[i] = v
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

// maxTable is the widest rune range given a lookup table: wide enough for
// all of Greek, from U+0370 to the polytonic letters up to U+1FFF, at
// 8 kB a table at most.
const maxTable = 1 << 13

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

// errTooMany is returned for pattern sets too large to pack.
var errTooMany = errors.New("hyph: too many patterns")

// insert adds the pattern with the given letters and values; a pattern with
// the same letters is merged, keeping the larger value at each position.
func (b *builder) insert(key []rune, vals []value) error {
	if len(b.nodes) == 0 {
		b.nodes = append(b.nodes, bnode{child: -1, next: -1})
		b.symbols = make(map[rune]uint8)
	}
	if len(b.nodes)+len(key) > maxOffset || 2*(len(b.values)+len(vals)) > maxOffset {
		return errTooMany
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
	t := &trie{alphabet: newAlphabet(b.runes)}
	nodes := make([]byte, 0, nodeSize*len(b.nodes))
	labels := make([]byte, 0, len(b.nodes)-1)
	var values, dense []byte // nil when empty, as decoded
	if len(b.values) > 0 {
		values = make([]byte, 0, 2*len(b.values))
	}
	// order[id] is the builder node packed as node id: breadth first, each
	// node's children in symbol order.
	order := make([]int32, 1, len(b.nodes))
	row := make([]byte, t.size)
	rows := 0
	for id := 0; id < len(order); id++ {
		src := b.nodes[order[id]]
		nd := node{first: uint32(len(labels)), vfirst: uint32(len(values))}
		for _, v := range b.values[src.vfirst:src.vlast] {
			values = append(values, v.pos, v.v)
		}
		nd.vn = uint8(src.vlast - src.vfirst)
		start := len(order)
		for k := src.child; k >= 0; k = b.nodes[k].next {
			order = append(order, k)
		}
		kids := order[start:]
		slices.SortFunc(kids, func(x, y int32) int { return int(b.nodes[x].label) - int(b.nodes[y].label) })
		for _, k := range kids {
			labels = append(labels, b.nodes[k].label)
		}
		nd.n = uint8(len(kids))
		if nd.n >= denseFrom && rows < maxRows {
			clear(row)
			for i, k := range kids {
				row[b.nodes[k].label] = byte(i + 1)
			}
			dense = append(dense, row...)
			rows++
			nd.row = uint16(rows)
		}
		nodes = appendNode(nodes, nd)
	}
	t.nodes, t.labels, t.values, t.dense = nodes, labels, values, dense
	return t
}
