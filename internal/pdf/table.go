package pdf

import (
	"strings"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/linebreak"
)

// table sets a table across the measure in the manner of booktabs: a
// heavier rule above and below, a light one under the header, hairlines
// between rows; no vertical rules. Cells wrap; column widths follow their
// content. A row is never split; the header stays with the first row.
func (l *layout) table(t *article.Table, fr frame) {
	ncol := len(t.Header)
	for _, r := range t.Rows {
		ncol = max(ncol, len(r))
	}
	if ncol == 0 {
		return
	}
	body := fr.sp
	body.size *= 0.9
	head := span{fam: sans, bold: true, size: fr.sp.size * 0.84, color: colorHead}
	leading := fr.leading * 0.9
	pad := 0.45 * fr.sp.size
	vpad := 0.3 * leading

	type cell struct{ runs []linebreak.Run }
	mk := func(cs []article.Cell, sp span) []cell {
		out := make([]cell, ncol)
		for i, c := range cs {
			out[i] = cell{l.runs(c.Inlines, sp)}
		}
		return out
	}
	var grid [][]cell
	if len(t.Header) > 0 {
		grid = append(grid, mk(t.Header, head))
	}
	for _, r := range t.Rows {
		grid = append(grid, mk(r, body))
	}

	// Column widths: the longest word (min) and the whole text (max) of
	// each column, then the measure shared out between them.
	minW := make([]float64, ncol)
	maxW := make([]float64, ncol)
	for _, r := range grid {
		for i, c := range r {
			maxW[i] = max(maxW[i], l.runsWidth(c.runs)+2*pad)
			minW[i] = max(minW[i], l.longestWord(c.runs)+2*pad)
		}
	}
	widths := shareWidths(minW, maxW, fr.w)

	if capRuns := l.runs(t.Caption, span{fam: serif, italic: true, size: fr.sp.size * 0.9, color: colorText}); len(capRuns) > 0 {
		l.space(fr.blockGap())
		for _, ln := range l.lay(capRuns, linebreak.Options{Width: fr.w, Align: linebreak.Left}) {
			r := l.lineRow(ln, fr.scaled(0.9))
			r.keep = true
			l.addRow(r)
		}
		l.space(0.2 * fr.leading)
	} else {
		l.space(fr.blockGap())
	}
	thick, thin := 0.8, 0.4
	for ri, r := range grid {
		isHead := len(t.Header) > 0 && ri == 0
		var cols [][]linebreak.Line
		nlines := 1
		for i, c := range r {
			align := linebreak.Left
			if i < len(t.Align) {
				switch t.Align[i] {
				case article.AlignCenter:
					align = linebreak.Center
				case article.AlignRight:
					align = linebreak.Right
				}
			}
			var lines []linebreak.Line
			if len(c.runs) > 0 {
				lines = l.lay(c.runs, linebreak.Options{Width: widths[i] - 2*pad, Align: align})
			}
			cols = append(cols, lines)
			nlines = max(nlines, len(lines))
		}
		row := row{h: float64(nlines)*leading + 2*vpad, baseline: vpad + baselineIn(body.size, leading)}
		x := fr.x
		for i, lines := range cols {
			for k, ln := range lines {
				row.items = append(row.items, l.segmentItems(ln.Segments, x+pad, vpad+float64(k)*leading+baselineIn(body.size, leading))...)
			}
			x += widths[i]
		}
		rule := func(y, lw float64, c rgb) {
			row.items = append(row.items, item{kind: kLine, x: fr.x, y: y, w: fr.w, lw: lw, color: c})
		}
		switch {
		case ri == 0:
			rule(0, thick, colorText)
		case !(len(t.Header) > 0 && ri == 1):
			rule(0, 0.25, colorRule)
		}
		if isHead {
			rule(row.h, thin, colorText)
			row.keep = true
		}
		if ri == len(grid)-1 {
			rule(row.h, thick, colorText)
		}
		l.addRow(row)
	}
	l.space(fr.blockGap())
	l.flow.afterPara = false
}

// longestWord is the width of the widest space-separated word of runs.
func (l *layout) longestWord(runs []linebreak.Run) float64 {
	best, cur := 0.0, 0.0
	for _, r := range runs {
		words := strings.Split(r.Text, " ")
		for i, w := range words {
			if i > 0 {
				cur = 0
			}
			cur += l.Width(r.Style, w)
			best = max(best, cur)
		}
	}
	return best
}

// shareWidths divides total among columns: each its natural width if all
// fit; else each at least its longest word and the rest in proportion to
// what it lacks; else in proportion to the longest words. The widths always
// add up to total.
func shareWidths(minW, maxW []float64, total float64) []float64 {
	n := len(minW)
	out := make([]float64, n)
	sumMin, sumMax := 0.0, 0.0
	for i := range minW {
		// a long word may be broken: cap a column's minimum
		minW[i] = min(minW[i], total/2)
		maxW[i] = max(maxW[i], minW[i])
		sumMin += minW[i]
		sumMax += maxW[i]
	}
	switch {
	case sumMax <= total:
		for i := range out {
			out[i] = maxW[i] + (total-sumMax)*maxW[i]/sumMax
		}
	case sumMin <= total:
		for i := range out {
			out[i] = minW[i] + (total-sumMin)*(maxW[i]-minW[i])/(sumMax-sumMin)
		}
	default:
		for i := range out {
			out[i] = total * minW[i] / sumMin
		}
	}
	return out
}
