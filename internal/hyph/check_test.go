package hyph

import (
	"encoding/binary"
	"fmt"
	"testing"
)

// checkTrie checks that t is a trie as builder.trie makes it and match
// expects: a tree numbered breadth first, each node's children and values
// following the last node's, labels in the alphabet and increasing, values
// from 1 to 10 and within the pattern that ends at their node, and dense
// rows for the nodes with denseFrom children or more, holding their
// children.
func checkTrie(t *trie) error {
	if len(t.nodes)%nodeSize != 0 || len(t.nodes) < 2*nodeSize || len(t.values)%2 != 0 || len(t.dense)%t.size != 0 {
		return fmt.Errorf("%d bytes of nodes, %d of values, %d of dense rows", len(t.nodes), len(t.values), len(t.dense))
	}
	count, rows := len(t.nodes)/nodeSize, len(t.dense)/t.size
	first, vfirst, row := 0, 0, 0
	// The nodes of depth depth are those from levelStart to levelEnd: the
	// next level ends after the children of the nodes before levelEnd.
	depth, levelStart, levelEnd := 0, 0, 1
	for k := range count {
		if k == levelEnd {
			if err := checkValues(t, levelStart, k, depth); err != nil {
				return err
			}
			depth, levelStart, levelEnd = depth+1, k, first+1
			if levelEnd <= k {
				return fmt.Errorf("node %d is nobody's child", k)
			}
		}
		nd := t.node(k)
		n, vn := int(nd.n), int(nd.vn)
		switch {
		case int(nd.first) != first || int(nd.vfirst) != vfirst:
			return fmt.Errorf("node %d: children or values not after the last node's", k)
		case n > len(t.labels)-first || 2*vn > len(t.values)-vfirst:
			return fmt.Errorf("node %d: more children or values than stored", k)
		case first < k && n > 0:
			return fmt.Errorf("node %d has a child before it", k)
		}
		prev := uint8(0)
		for _, l := range t.labels[first : first+n] {
			if l <= prev || int(l) >= t.size {
				return fmt.Errorf("node %d: label %d after %d, alphabet of %d", k, l, prev, t.size-1)
			}
			prev = l
		}
		if n >= denseFrom && row < maxRows {
			row++
			if int(nd.row) != row || row > rows || !denseRow(t, nd) {
				return fmt.Errorf("node %d: not dense row %d of %d", k, row, rows)
			}
		} else if nd.row != 0 {
			return fmt.Errorf("node %d: a dense row", k)
		}
		first += n
		vfirst += 2 * vn
	}
	if first != len(t.labels) || vfirst != len(t.values) || row != rows {
		return fmt.Errorf("%d labels, %d values and %d rows, of %d, %d and %d stored",
			first, vfirst/2, row, len(t.labels), len(t.values)/2, rows)
	}
	return checkValues(t, levelStart, count, depth)
}

// denseRow reports whether the dense row of nd holds its children and
// nothing else.
func denseRow(t *trie, nd node) bool {
	r := t.dense[(int(nd.row)-1)*t.size : int(nd.row)*t.size]
	labels := t.labels[nd.first : nd.first+uint32(nd.n)]
	j := 0
	for s := range t.size {
		want := byte(0)
		if j < len(labels) && int(labels[j]) == s {
			j++
			want = byte(j)
		}
		if r[s] != want {
			return false
		}
	}
	return j == len(labels)
}

// checkValues checks the values of nodes from to end, all of depth depth:
// increasing offsets, none past the end of the pattern, values from 1 to 10
// (a non-standard pattern's 9 is made 10).
func checkValues(t *trie, from, end, depth int) error {
	for k := from; k < end; k++ {
		nd := t.node(k)
		vals := t.values[nd.vfirst : nd.vfirst+2*uint32(nd.vn)]
		for i := 1; i < len(vals); i += 2 {
			pos, v := int(vals[i-1]), vals[i]
			if pos > depth || i > 1 && pos <= int(vals[i-3]) || v < 1 || v > 10 {
				return fmt.Errorf("node %d at depth %d: value %d at %d", k, depth, v, pos)
			}
		}
	}
	return nil
}

// node decodes node id, which must exist.
func (t *trie) node(id int) node {
	r := t.nodes[id*nodeSize : id*nodeSize+nodeSize]
	return node{
		first:  uint32(u24(r)),
		vfirst: uint32(u24(r[3:])),
		row:    binary.LittleEndian.Uint16(r[6:]),
		n:      r[8],
		vn:     r[9],
	}
}

// TestTrieStructure checks the tries that parse makes, and that checkTrie
// finds what is wrong with damaged ones.
func TestTrieStructure(t *testing.T) {
	for _, s := range shippedSets {
		h, _ := shippedTrie(t, s)
		if err := checkTrie(h.trie); err != nil {
			t.Errorf("%s: %v", s.set, err)
		}
	}
	for name, data := range smallSets {
		h, err := New([]byte(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := checkTrie(h.trie); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}

	h, err := New([]byte(smallSets["Liang"]))
	if err != nil {
		t.Fatal(err)
	}
	withValues := 0
	for h.trie.node(withValues).vn == 0 {
		withValues++
	}
	vfirst := int(h.trie.node(withValues).vfirst)
	for _, tt := range []struct {
		name   string
		damage func(t *trie)
	}{
		{"root without children", func(t *trie) { t.nodes[8] = 0 }},
		{"children not after the last node's", func(t *trie) { t.nodes[nodeSize]++ }},
		{"values not after the last node's", func(t *trie) { t.nodes[withValues*nodeSize+3]++ }},
		{"too many children", func(t *trie) { t.nodes[8] = 250 }},
		{"labels out of order", func(t *trie) { t.labels[0], t.labels[1] = t.labels[1], t.labels[0] }},
		{"label 0", func(t *trie) { t.labels[0] = 0 }},
		{"label outside the alphabet", func(t *trie) { t.labels[len(t.labels)-1] = 200 }},
		{"value past the pattern", func(t *trie) { t.values[vfirst] = 100 }},
		{"value 0", func(t *trie) { t.values[vfirst+1] = 0 }},
		{"dense row", func(t *trie) { t.nodes[nodeSize+6] = 1 }},
	} {
		d := *h.trie
		d.nodes, d.labels, d.values = clone(d.nodes), clone(d.labels), clone(d.values)
		tt.damage(&d)
		if err := checkTrie(&d); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

func clone(b []byte) []byte { return append([]byte(nil), b...) }
