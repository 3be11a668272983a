package linebreak

import "math"

// set turns the chosen breaks into lines of positioned segments.
func (ly *layout) set(breaks []int32) []Line {
	p := &ly.p
	lines := make([]Line, 0, len(breaks))
	segs := make([]Segment, 0, len(ly.items)/2+1)
	start := ly.skip(0)
	for li, b := range breaks {
		first := li == 0
		it := &ly.items[b]
		var pw float64
		if it.kind == penalty {
			pw = it.width
		}
		avail := ly.avail(first)
		w := ly.cw[b] - ly.cw[start] + pw
		st := ly.cs[b] - ly.cs[start]
		sh := ly.ck[b] - ly.ck[start]

		ln := Line{End: BreakSpace}
		if it.kind == penalty {
			ln.End = it.brk
		}
		ln.Last = ln.End == BreakEnd
		ln.Hyphen = ln.End == BreakHyphen
		switch {
		case it.kind == glue:
			ln.Space = ly.spaceText(it)
		case ln.End == BreakSpace && int(b)+1 < len(ly.items):
			ln.Space = ly.spaceText(&ly.items[b+1]) // an emergency break before a no-break space
		}

		// The adjustment ratio: justified lines stretch or shrink to the
		// measure, others only shrink, and only when they must.
		justified := p.align == Justify && ln.End != BreakEnd && ln.End != BreakHard
		r := 0.0
		switch slack := avail - w; {
		case slack < 0 && sh > 0:
			r = math.Max(slack/sh, -1)
		case slack > 0 && justified && st > 0:
			r = slack / st
		}
		ln.Ratio = r

		// Segments: boxes of one word and one style merge into one.
		x := ly.indent(first)
		n0 := len(segs)
		space := ""
		word := false // the last item was a box or a penalty inside a word
		var src struct {
			run        int32 // the run the last segment's text is a slice of,
			start, end int32 // at these offsets; -1: its text was concatenated
		}
		for i := start; i < b; i++ {
			in := &ly.items[i]
			switch in.kind {
			case box:
				style := ly.style(in.run)
				if last := len(segs) - 1; word && last >= n0 && segs[last].Style == style {
					s := &segs[last]
					if src.run == in.run && src.end == in.start {
						src.end = in.end
						s.Text = ly.text(in.run, src.start, src.end)
					} else {
						src.run = -1
						s.Text += ly.text(in.run, in.start, in.end)
					}
					s.Width += in.width
				} else {
					src.run, src.start, src.end = in.run, in.start, in.end
					segs = append(segs, Segment{Text: ly.text(in.run, in.start, in.end), Style: style, X: x, Width: in.width, Space: space})
				}
				space = ""
				x += in.width
				word = true
			case glue:
				g := in.width
				if r > 0 {
					g += r * in.stretch
				} else if r < 0 {
					g += r * in.shrink
				}
				x += g
				space = ly.spaceText(in)
				word = false
			}
		}
		if ln.Hyphen && len(segs) > n0 {
			s := &segs[len(segs)-1]
			s.Text += "-"
			s.Width += pw
			x += pw
		}
		ln.Segments = segs[n0:len(segs):len(segs)]
		if len(ln.Segments) > 0 {
			ln.Width = x - ln.Segments[0].X
		} else {
			ln.Segments = nil
		}

		// Centred and right-aligned lines move right.
		var shift float64
		switch p.align {
		case Center:
			shift = (avail - ln.Width) / 2
		case Right:
			shift = avail - ln.Width
		}
		if shift > 0 {
			for i := range ln.Segments {
				ln.Segments[i].X += shift
			}
		}
		lines = append(lines, ln)
		start = ly.skip(int(b) + 1)
	}
	return lines
}

// spaceText returns the whitespace a glue item stands for.
func (ly *layout) spaceText(g *item) string {
	if g.kind != glue || g.space == tokSpace {
		return " "
	}
	return ly.text(g.run, g.start, g.end)
}
