package linebreak

import (
	"strings"
	"unicode/utf8"
)

// layout holds the state of one Lay call.
type layout struct {
	runs []Run
	p    params
	w    widths

	toks  []token
	items []item
	// cw, cs and ck are prefix sums over items of width, stretch and
	// shrink: cw[i] is the width of items[:i] (boxes and glue).
	cw, cs, ck []float64

	hyph        map[string][]int // Hyphenate's answers by word
	hyphenating bool             // build asks for hyphenation points

	// the breaking algorithm's node arena and active list, reused by passes
	nodes  []node
	active []int32
	// the last pass's result: its demerits, whether its last line is short
	demerits float64
	short    bool
	// statistics for tests: the longest active list, the most nodes
	maxActive, maxNodes int

	// explode's input, its long boxes, and where their chunks start
	// (realign): by run and start of the box, the offset in the box
	unexploded []item
	long       []longBox
	align      map[[2]int32]int32

	// scratch space reused across words
	ops    []op
	pieces []wordPiece
	buf    []byte
}

func newLayout(runs []Run, m Measurer, opt Options) *layout {
	runs = validRuns(runs)
	return &layout{
		runs: runs,
		p:    resolve(opt),
		w:    widths{m: m},
	}
}

// style returns the style of run i.
func (ly *layout) style(run int32) int { return ly.runs[run].Style }

// text returns the text of a token or item range.
func (ly *layout) text(run, start, end int32) string { return ly.runs[run].Text[start:end] }

// avail returns the available width of a line: the first (first == true)
// or any other.
func (ly *layout) avail(first bool) float64 {
	// An indent wider than the measure leaves no room, not negative room:
	// every character is then wider than the line and gets one of its own.
	if first {
		return max(ly.p.width-ly.p.indent, 0)
	}
	return max(ly.p.width-ly.p.hang, 0)
}

// indent returns the left indent of the first line or of the others.
func (ly *layout) indent(first bool) float64 {
	if first {
		return ly.p.indent
	}
	return ly.p.hang
}

// sums computes the prefix sums of ly.items.
func (ly *layout) sums() {
	n := len(ly.items)
	ly.cw = grow(ly.cw, n+1)
	ly.cs = grow(ly.cs, n+1)
	ly.ck = grow(ly.ck, n+1)
	var w, s, k float64
	for i := range ly.items {
		ly.cw[i], ly.cs[i], ly.ck[i] = w, s, k
		it := &ly.items[i]
		if it.kind != penalty {
			w += it.width
			s += it.stretch
			k += it.shrink
		}
	}
	ly.cw[n], ly.cs[n], ly.ck[n] = w, s, k
}

func grow(s []float64, n int) []float64 {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]float64, n)
}

// validRuns returns runs with invalid UTF-8 in their text replaced by
// U+FFFD (one per run of bad bytes), copying them only when there is any.
// Set as they are, two bad bytes on either side of a soft hyphen would
// join into a character once the hyphen is dropped, and the segment
// would not measure what its pieces did.
func validRuns(runs []Run) []Run {
	for i := range runs {
		if utf8.ValidString(runs[i].Text) {
			continue
		}
		out := append([]Run(nil), runs...)
		for j := i; j < len(out); j++ {
			out[j].Text = strings.ToValidUTF8(out[j].Text, "\uFFFD")
		}
		return out
	}
	return runs
}
