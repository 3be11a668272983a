package hyph

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Parsing and packing a shipped pattern file takes milliseconds, so the
// packed trie of each one is precomputed by go generate (tries_test.go)
// and embedded (language.go). An encoded trie is, integers little-endian:
//
//	magic       "offprint hyphenation trie 3\n"
//	note        free text: the source of the patterns and their licence; a NUL byte
//	flags       u8: bit 0 set when "ё" is matched as "е" (Hyphenator.foldYo)
//	left, right u8 each: the minimums
//	alphabet    u8 count, then count × u32: the runes of symbols 1, 2, …
//	sizes       u32 each: nodes, values, dense rows
//	nodes       nodeSize bytes per node (trie.nodes)
//	labels      u8 per node but the root (trie.labels)
//	values      u8 pos, u8 v per value (trie.values)
//	dense       count+1 bytes per dense row (trie.dense)
//	exceptions  uvarint count, uvarint total bytes of the words, uvarint total breaks;
//	            the words, lowercased, sorted and concatenated; then per word
//	            uvarint bytes, uvarint breaks and a uvarint per break
//	checksum    u32: CRC-32 (IEEE) of everything before it
//
// Decoding checks the checksum, the header, the alphabet, the exceptions
// and that the sizes add up, and shares the trie with the data. The trie
// itself is not checked: match stays in range whatever it holds (and
// check_test.go checks that builder.trie makes what match expects).

// trieMagic starts an encoded trie: the format and its version.
const trieMagic = "offprint hyphenation trie 3\n"

// flagFoldYo is the flag for Hyphenator.foldYo.
const flagFoldYo = 1

// errTrie is wrapped by every error about encoded trie data.
var errTrie = errors.New("hyph: bad trie data")

// corrupt returns an error about encoded trie data.
func corrupt(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errTrie, fmt.Sprintf(format, args...))
}

// marshal encodes h, a Hyphenator as parse returns it, with note (no NUL)
// as the text after the magic line.
func marshal(h *Hyphenator, note string) ([]byte, error) {
	t := h.trie
	switch {
	case t == nil:
		return nil, errors.New("hyph: no patterns to encode")
	case strings.IndexByte(note, 0) >= 0:
		return nil, errors.New("hyph: trie note holds a NUL byte")
	case h.left < 1 || h.left > 255 || h.right < 1 || h.right > 255:
		return nil, fmt.Errorf("hyph: minimums %d, %d do not fit a trie", h.left, h.right)
	}
	b := make([]byte, 0, len(trieMagic)+len(note)+4*t.size+len(t.nodes)+len(t.labels)+len(t.values)+len(t.dense)+64)
	b = append(b, trieMagic...)
	b = append(b, note...)
	b = append(b, 0)
	var flags byte
	if h.foldYo {
		flags |= flagFoldYo
	}
	b = append(b, flags, byte(h.left), byte(h.right))
	runes := t.runes()
	b = append(b, byte(len(runes)))
	for _, r := range runes {
		b = binary.LittleEndian.AppendUint32(b, uint32(r))
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(t.nodes)/nodeSize))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(t.values)/2))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(t.dense)/t.size))
	b = append(b, t.nodes...)
	b = append(b, t.labels...)
	b = append(b, t.values...)
	b = append(b, t.dense...)

	words := make([]string, 0, len(h.exceptions))
	size, breaks := 0, 0
	for w, pos := range h.exceptions {
		words = append(words, w)
		size += len(w)
		breaks += len(pos)
	}
	slices.Sort(words)
	b = binary.AppendUvarint(b, uint64(len(words)))
	b = binary.AppendUvarint(b, uint64(size))
	b = binary.AppendUvarint(b, uint64(breaks))
	for _, w := range words {
		b = append(b, w...)
	}
	for _, w := range words {
		pos := h.exceptions[w]
		b = binary.AppendUvarint(b, uint64(len(w)))
		b = binary.AppendUvarint(b, uint64(len(pos)))
		for _, p := range pos {
			b = binary.AppendUvarint(b, uint64(p))
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b)), nil
}

// unmarshal decodes a trie encoded by marshal. The Hyphenator shares
// memory with data, which must not change. Data that is damaged, truncated
// or not in the format gives an error wrapping errTrie.
func unmarshal(data []byte) (*Hyphenator, error) {
	if len(data) < len(trieMagic)+4 || string(data[:len(trieMagic)]) != trieMagic {
		return nil, corrupt("not an offprint hyphenation trie, or another version")
	}
	body := data[:len(data)-4]
	if crc32.ChecksumIEEE(body) != binary.LittleEndian.Uint32(data[len(body):]) {
		return nil, corrupt("checksum mismatch")
	}
	return decodeTrie(body[len(trieMagic):])
}

// decodeTrie decodes an encoded trie from after the magic line to before the
// checksum.
func decodeTrie(data []byte) (*Hyphenator, error) {
	end := slices.Index(data, 0)
	if end < 0 {
		return nil, corrupt("no end to the note")
	}
	d := decoder{b: data[end+1:]}
	flags, left, right := d.u8(), d.u8(), d.u8()
	symbols := uint64(d.u8())
	runes := d.take(4 * symbols)
	nodes, values, rows := uint64(d.u32()), uint64(d.u32()), uint64(d.u32())
	if d.err == nil && nodes < 2 {
		return nil, corrupt("%d nodes", nodes)
	}
	t := &trie{
		nodes:  d.take(nodeSize * nodes),
		labels: d.take(nodes - 1),
		values: d.take(2 * values),
		dense:  d.take((symbols + 1) * rows),
	}
	if d.err != nil {
		return nil, d.err
	}
	if flags&^flagFoldYo != 0 {
		return nil, corrupt("unknown flags %#x", flags)
	}
	if left == 0 || right == 0 {
		return nil, corrupt("minimums %d, %d", left, right)
	}
	if err := t.decodeAlphabet(runes); err != nil {
		return nil, err
	}
	exceptions, err := d.exceptions()
	if err != nil {
		return nil, err
	}
	if len(d.b) > 0 {
		return nil, corrupt("%d bytes after the exceptions", len(d.b))
	}
	return &Hyphenator{
		trie:       t,
		exceptions: exceptions,
		left:       int(left),
		right:      int(right),
		foldYo:     flags&flagFoldYo != 0,
	}, nil
}

// runes returns the rune of each symbol from 1 on.
func (a *alphabet) runes() []rune {
	runes := make([]rune, a.size-1)
	for r, s := range a.ascii {
		if s != 0 {
			runes[s-1] = rune(r)
		}
	}
	for i, s := range a.table {
		if s != 0 {
			runes[s-1] = a.lo + rune(i)
		}
	}
	for r, s := range a.other {
		runes[s-1] = r
	}
	return runes
}

// decodeAlphabet sets t's alphabet from the runes of its symbols, u32 each.
func (t *trie) decodeAlphabet(raw []byte) error {
	runes := make([]rune, len(raw)/4)
	for i := range runes {
		r := rune(binary.LittleEndian.Uint32(raw[4*i:]))
		if !utf8.ValidRune(r) {
			return corrupt("symbol %d is not a rune (%#x)", i+1, uint32(r))
		}
		if slices.Contains(runes[:i], r) {
			return corrupt("%q has two symbols", r)
		}
		runes[i] = r
	}
	t.alphabet = newAlphabet(runes)
	return nil
}

// exceptions decodes the exceptions at the start of d.b; nil if there are
// none.
func (d *decoder) exceptions() (map[string][]int, error) {
	count, size, breaks := d.uvarint(), d.uvarint(), d.uvarint()
	words := string(d.take(size))
	switch {
	case d.err != nil:
		return nil, d.err
	case count > size || breaks > uint64(len(d.b)):
		// Each word takes a byte at least, and so does each break.
		return nil, corrupt("%d exceptions with %d bytes and %d breaks", count, size, breaks)
	case count == 0:
		if size != 0 || breaks != 0 {
			return nil, corrupt("no exceptions with %d bytes and %d breaks", size, breaks)
		}
		return nil, nil
	}
	all := make([]int, breaks)
	m := make(map[string][]int, count)
	prev := ""
	for i := range count {
		n, nb := d.uvarint(), d.uvarint()
		if d.err != nil {
			return nil, d.err
		}
		if n == 0 || n > uint64(len(words)) || nb > uint64(len(all)) {
			return nil, corrupt("exception %d: %d bytes, %d breaks", i, n, nb)
		}
		w := words[:n]
		words = words[n:]
		if i > 0 && w <= prev {
			return nil, corrupt("exception %q after %q", w, prev)
		}
		pos := all[:nb:nb]
		all = all[nb:]
		last := uint64(0)
		for j := range pos {
			p := d.uvarint()
			if d.err != nil {
				return nil, d.err
			}
			if p <= last || p > math.MaxInt32 {
				return nil, corrupt("exception %q: break after %d letters", w, p)
			}
			pos[j], last = int(p), p
		}
		m[w] = pos
		prev = w
	}
	if len(words) > 0 || len(all) > 0 {
		return nil, corrupt("%d bytes of words and %d breaks left over", len(words), len(all))
	}
	return m, nil
}

// decoder reads encoded trie data. After a read fails, err is set and
// every later read returns zero values.
type decoder struct {
	b   []byte
	err error
}

// errShort is the error for truncated data.
var errShort = corrupt("truncated")

// take returns the next n bytes, nil if n is 0.
func (d *decoder) take(n uint64) []byte {
	if d.err != nil || n == 0 {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.err = errShort
		return nil
	}
	p := d.b[:n:n]
	d.b = d.b[n:]
	return p
}

// u8 reads a byte.
func (d *decoder) u8() uint8 {
	if p := d.take(1); len(p) == 1 {
		return p[0]
	}
	return 0
}

// u32 reads a little-endian uint32.
func (d *decoder) u32() uint32 {
	if p := d.take(4); len(p) == 4 {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}

// uvarint reads a uvarint.
func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	switch {
	case n == 0:
		d.err = errShort
	case n < 0:
		d.err = corrupt("varint overflows 64 bits")
	default:
		d.b = d.b[n:]
	}
	return v
}
