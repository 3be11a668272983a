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
// characters (grapheme clusters) and at its no-break spaces.
func (ly *layout) explode() {
	old := ly.items
	out := make([]item, 0, len(old)+len(old)/4)
	limit := ly.limit()
	ly.units(func(from, to int, need float64) {
		if need > limit {
			out = ly.split(out, old[from:to])
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

// split appends the items of an over-wide unit with emergency breaks.
func (ly *layout) split(out []item, unit []item) []item {
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
			cs := 0 // start of the current cluster
			for i := 0; i < len(text); {
				r, size := utf8.DecodeRuneInString(text[i:])
				if (i > 0 || prevBx) && boundary(prev, r, ri) {
					if i > cs {
						out = ly.clusterBox(out, it, style, text, cs, i)
						cs = i
					}
					pen := item{kind: penalty, penalty: emergencyPenalty, level: levelEmergency, brk: BreakEmergency, run: it.run}
					if isURLSeparator(prev) || prev == '\u2010' {
						pen.penalty = emergencyPreferred
					}
					out = append(out, pen)
				}
				if isRegional(r) {
					ri++
				} else {
					ri = 0
				}
				prev = r
				i += size
			}
			if len(text) > cs {
				out = ly.clusterBox(out, it, style, text, cs, len(text))
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
