package linebreak

import (
	"math"
	"unicode/utf8"
)

// Penalties of emergency breaks: between two characters of an over-wide
// word, after a URL separator or hyphen in one, at a no-break space.
const (
	emergencyPenalty   = 100
	emergencyPreferred = 0
)

// units calls f for every unit of the paragraph: the items [from, to)
// between two legal breaks of the hyphenating pass, with the width the unit
// needs at least (its boxes, its glue fully shrunk, the hyphen of the break
// at its end). to is the index of that break.
func (ly *layout) units(f func(from, to int, need float64)) {
	from, need := 0, 0.0
	for i := range ly.items {
		it := &ly.items[i]
		if ly.legal(i, levelHyphen) {
			if it.kind == penalty {
				need += it.width
			}
			f(from, i, need)
			from, need = i+1, 0
			continue
		}
		if it.kind != penalty {
			need += it.width - it.shrink
		}
	}
}

// limit is the width beyond which a unit must be broken in an emergency.
func (ly *layout) limit() float64 {
	a := math.Min(ly.avail(true), ly.avail(false))
	return a + epsilon(a)
}

// overwide reports whether some unit is wider than a line.
func (ly *layout) overwide() bool {
	limit, over := ly.limit(), false
	ly.units(func(_, _ int, need float64) {
		if need > limit {
			over = true
		}
	})
	return over
}

// explode gives every over-wide unit emergency breaks: between its
// characters (grapheme clusters) and at its no-break spaces. A box many
// lines wide gets them between every character only where its lines may
// start or end anywhere, near its ends; in between it is cut into chunks
// that each fill a line (see grid), so that its items grow with its lines,
// not with its letters.
func (ly *layout) explode() {
	if ly.unexploded == nil {
		ly.unexploded = ly.items
	}
	old := ly.unexploded
	ly.items = old // for units
	ly.long = ly.long[:0]
	out := make([]item, 0, len(old)+len(old)/4)
	limit := ly.limit()
	ly.units(func(from, to int, need float64) {
		if need > limit {
			out = ly.split(out, old[from:to], limit)
		} else {
			out = append(out, old[from:to]...)
		}
		if to < len(old) {
			out = append(out, old[to])
		}
	})
	ly.items = out
	ly.sums()
}

// gridLines is how many lines wide a box must be to be cut into chunks.
const gridLines = 4

// longBox is a box that explode cut into chunks: the bytes [start, end) of
// a run, whose chunks start at offset grid of the run.
type longBox struct {
	run, start, end int32
	grid            int32
}

// grid decides where a long box may break: anywhere within the width of
// its first line (its head; up to from once realign knows where the box
// first breaks) and of its last line, and in between only where the next
// character would no longer fit on the line since the last break.
type grid struct {
	limit, total float64 // the width of a line but the first, the box's
	headW        float64 // the width of the head: the widest line
	from         int     // the end of the head, when known; 0: a line's width
	acc, chunk   float64 // widths of the text before the cluster, since the last break
	start        int     // the last break in the head: where the chunks start
	inHead       bool
}

// breakBefore reports whether the box may break before the cluster
// text[cs:ce] of width w (given that a break is allowed there at all, can),
// and moves past it.
func (g *grid) breakBefore(cs int, w float64, can bool) bool {
	head := g.acc < g.headW
	if g.from > 0 {
		head = cs <= g.from
	}
	brk := head || g.acc >= g.total-g.limit || g.chunk > 0 && g.chunk+w > g.limit
	brk = brk && can
	if brk {
		g.chunk = 0
		if head {
			g.start = cs
		}
	}
	g.chunk += w
	g.acc += w
	return brk
}

// split appends the items of an over-wide unit with emergency breaks.
func (ly *layout) split(out []item, unit []item, limit float64) []item {
	var (
		prev   rune // the last character of the box before, if prevBx
		prevBx bool
		ri     int // regional indicators in a row up to prev
	)
	for _, it := range unit {
		switch it.kind {
		case box:
			text := ly.text(it.run, it.start, it.end)
			style := ly.style(it.run)
			var g *grid
			if it.width > gridLines*limit {
				rest := ly.avail(false)
				g = &grid{limit: rest + epsilon(rest), headW: max(limit, rest), total: it.width,
					from: int(ly.align[[2]int32{it.run, it.start}])}
			}
			pending := 0     // the start of the text not yet in a box
			cs := 0          // the start of the current cluster
			csBreak := false // a break is allowed before it
			var csPrev rune  // the character before it
			for i := 0; ; {
				end := i == len(text)
				var r rune
				size := 0
				if !end {
					r, size = utf8.DecodeRuneInString(text[i:])
				}
				if end || (i > 0 || prevBx) && boundary(prev, r, ri) {
					if i > cs { // the cluster text[cs:i] is complete
						brk := csBreak
						if g != nil {
							brk = g.breakBefore(cs, ly.w.of(style, text[cs:i]), csBreak)
						}
						if brk {
							if cs > pending {
								out = ly.clusterBox(out, it, style, text, pending, cs)
								pending = cs
							}
							pen := item{kind: penalty, penalty: emergencyPenalty, level: levelEmergency, brk: BreakEmergency, run: it.run}
							if isURLSeparator(csPrev) || csPrev == '\u2010' {
								pen.penalty = emergencyPreferred
							}
							out = append(out, pen)
						}
					}
					cs, csBreak, csPrev = i, true, prev
				}
				if end {
					break
				}
				if isRegional(r) {
					ri++
				} else {
					ri = 0
				}
				prev = r
				i += size
			}
			if len(text) > pending {
				out = ly.clusterBox(out, it, style, text, pending, len(text))
			}
			if g != nil {
				ly.long = append(ly.long, longBox{run: it.run, start: it.start, end: it.end, grid: it.start + int32(g.start)})
			}
			prevBx = true
		case glue:
			out = append(out, item{kind: penalty, penalty: emergencyPenalty, level: levelEmergency, brk: BreakSpace, run: it.run}, it)
			prevBx, ri = false, 0
		default:
			out = append(out, it)
			prevBx, ri = false, 0
		}
	}
	return out
}

// realign moves the chunks of every long box to start where the chosen
// breaks first break it, when that is in its head before the chunks start:
// the line after that break is then full too. It reports whether any
// moved, and explode must be run again.
func (ly *layout) realign(breaks []int32) bool {
	moved := false
	k := 0
	for _, lb := range ly.long {
		for k < len(breaks) {
			b := breaks[k]
			if b == 0 || ly.items[b-1].kind != box {
				k++
				continue
			}
			bx := &ly.items[b-1]
			if bx.run < lb.run || bx.run == lb.run && bx.end <= lb.start {
				k++ // before this box
				continue
			}
			if bx.run == lb.run && bx.end > lb.start && bx.end < lb.end && bx.end < lb.grid {
				if ly.align == nil {
					ly.align = map[[2]int32]int32{}
				}
				ly.align[[2]int32{lb.run, lb.start}] = bx.end - lb.start
				moved = true
			}
			break
		}
	}
	return moved
}

// clusterBox appends the box for text[from:to], part of box it.
func (ly *layout) clusterBox(out []item, it item, style int, text string, from, to int) []item {
	return append(out, item{kind: box, run: it.run, start: it.start + int32(from), end: it.start + int32(to),
		width: ly.w.of(style, text[from:to])})
}

// boundary reports whether a line may break between the characters prev
// and next in an emergency: not inside a grapheme cluster (a letter and its
// combining marks, an emoji sequence, a flag). ri counts the regional
// indicators in a row ending with prev.
func boundary(prev, next rune, ri int) bool {
	switch {
	case prev == '\r' && next == '\n':
		return false
	case isMark(next), next == zwj, prev == zwj:
		return false
	case next >= 0xfe00 && next <= 0xfe0f, next >= 0xe0100 && next <= 0xe01ef: // variation selectors
		return false
	case next >= 0x1f3fb && next <= 0x1f3ff: // emoji skin tones
		return false
	case next >= 0xe0020 && next <= 0xe007f: // tags
		return false
	case isRegional(prev) && isRegional(next) && ri%2 == 1:
		return false
	}
	return true
}

const zwj = '\u200d'

func isRegional(r rune) bool { return r >= 0x1f1e6 && r <= 0x1f1ff }
