package pdf

import (
	"github.com/rivo/uniseg"

	"github.com/offprint/offprint/internal/linebreak"
)

// A justified line of Chinese or Japanese has no word spaces to stretch:
// the line breaker leaves its slack at the end. justifyCJK spreads it
// evenly over the places between characters where one of the two is wide
// (cjkBreaks), splitting the line's segments into characters there, so
// that the line reaches the right margin as in a printed book.

// justifyCJK spreads the slack of the justified lines (all but the last
// and those ended by a hard break) of a paragraph set with opt.
func (l *layout) justifyCJK(lines []linebreak.Line, opt linebreak.Options) {
	if opt.Align != linebreak.Justify {
		return
	}
	for i := range lines {
		ln := &lines[i]
		if ln.Last || ln.End == linebreak.BreakHard || len(ln.Segments) == 0 {
			continue
		}
		last := ln.Segments[len(ln.Segments)-1]
		slack := opt.Width - (last.X + last.Width)
		if slack <= 0.01 {
			continue
		}
		ln.Segments = l.spreadWide(ln.Segments, slack)
	}
}

// spreadWide splits segments holding wide characters into graphemes and
// spreads slack over the gaps next to a wide character; segments without
// one are returned as they are (nil change when there is no such gap).
func (l *layout) spreadWide(segs []linebreak.Segment, slack float64) []linebreak.Segment {
	type piece struct {
		seg  linebreak.Segment
		wide bool // starts or ends with a wide character
	}
	var ps []piece
	gaps := 0
	prevWide, first := false, true
	for _, s := range segs {
		hasWide := false
		for _, r := range s.Text {
			if wide(r) {
				hasWide = true
				break
			}
		}
		if !hasWide {
			if !first && prevWide && s.Space == "" {
				gaps++
			}
			ps = append(ps, piece{seg: s})
			prevWide, first = false, false
			continue
		}
		x := s.X
		g := uniseg.NewGraphemes(s.Text)
		k := 0
		for g.Next() {
			t := g.Str()
			r := g.Runes()[0]
			w := l.Width(s.Style, t)
			np := linebreak.Segment{Text: t, Style: s.Style, X: x, Width: w}
			if k == 0 {
				np.Space = s.Space
			}
			isWide := wide(r)
			if !first && (isWide || prevWide) && np.Space == "" {
				gaps++
			}
			ps = append(ps, piece{seg: np, wide: isWide})
			x += w
			prevWide, first = isWide, false
			k++
		}
	}
	if gaps == 0 {
		return segs
	}
	step := slack / float64(gaps)
	out := make([]linebreak.Segment, 0, len(ps))
	shift := 0.0
	prevWide, first = false, true
	for _, p := range ps {
		w := p.wide
		if !w {
			for _, r := range p.seg.Text {
				w = wide(r) // a short piece: its own first character
				break
			}
		}
		if !first && (w || prevWide) && p.seg.Space == "" {
			shift += step
		}
		p.seg.X += shift
		out = append(out, p.seg)
		prevWide = false
		for _, r := range p.seg.Text {
			prevWide = wide(r) // its last character
		}
		first = false
	}
	return out
}
