package pdf

import (
	"strings"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/linebreak"
)

// codeBlock sets preformatted text in PT Mono on a light ground, its line
// breaks and indentation kept; a line too long for the measure wraps, at a
// space or punctuation where one is near, its continuation indented.
func (l *layout) codeBlock(c *article.CodeBlock, fr frame) {
	sp := span{fam: mono, size: fr.sp.size * 0.85, color: colorText}
	leading := sp.size * 1.32
	pad := 0.6 * fr.sp.size
	vpad := 0.45 * leading
	avail := fr.w - 2*pad
	text := strings.TrimRight(strings.ReplaceAll(c.Text, "\r\n", "\n"), "\n ")
	text = strings.TrimLeft(text, "\n")
	var lines [][]linebreak.Segment
	for _, src := range strings.Split(text, "\n") {
		src = expandTabs(strings.TrimRight(src, " \t\r"), 4)
		lines = append(lines, l.wrapCode(l.plainRuns(src, sp, true), avail)...)
	}
	l.space(fr.blockGap())
	n := len(lines)
	for i, segs := range lines {
		r := row{h: leading, baseline: baselineIn(sp.size, leading)}
		if i == 0 {
			r.h += vpad
			r.baseline += vpad
		}
		if i == n-1 {
			r.h += vpad
		}
		r.items = append(r.items, item{kind: kRect, x: fr.x, w: fr.w, h: r.h, color: colorCodeBG})
		r.items = append(r.items, l.segmentItems(segs, fr.x+pad, r.baseline)...)
		if n >= 2 && (i == 0 || i == n-2) {
			r.keep = true
		}
		l.addRow(r)
	}
	l.space(fr.blockGap())
	l.flow.afterPara = false
}

// wrapCode breaks one line of code into lines no wider than avail.
func (l *layout) wrapCode(runs []linebreak.Run, avail float64) [][]linebreak.Segment {
	type glyph struct {
		s     string
		style int
		w     float64
	}
	var gs []glyph
	indent := 0
	leading := true
	for _, r := range runs {
		for _, c := range r.Text {
			if leading && c == ' ' {
				indent++
			} else {
				leading = false
			}
			s := string(c)
			gs = append(gs, glyph{s, r.Style, l.Width(r.Style, s)})
		}
	}
	var out [][]linebreak.Segment
	cont := 0.0 // indent of continuation lines
	for len(gs) > 0 || out == nil {
		width := avail - cont
		w := 0.0
		n := 0
		for n < len(gs) && (w+gs[n].w <= width || n == 0) {
			w += gs[n].w
			n++
		}
		if n < len(gs) {
			// prefer a break after a space or punctuation in the line's
			// last half
			for k := n; k > n/2 && k > 1; k-- {
				if strings.ContainsAny(gs[k-1].s, " ,;)]}>/&|") {
					n = k
					break
				}
			}
		}
		var segs []linebreak.Segment
		x := cont
		for _, g := range gs[:n] {
			if len(segs) > 0 && segs[len(segs)-1].Style == g.style {
				segs[len(segs)-1].Text += g.s
				segs[len(segs)-1].Width += g.w
			} else {
				segs = append(segs, linebreak.Segment{Text: g.s, Style: g.style, X: x, Width: g.w})
			}
			x += g.w
		}
		out = append(out, l.trimSegs(segs))
		gs = gs[n:]
		if len(gs) > 0 && cont == 0 {
			cw := 0.0
			if len(runs) > 0 {
				cw = l.Width(runs[0].Style, " ")
			}
			cont = min(float64(indent+2)*cw, avail/3)
		}
	}
	return out
}

// trimSegs drops trailing spaces and empty segments.
func (l *layout) trimSegs(segs []linebreak.Segment) []linebreak.Segment {
	for len(segs) > 0 {
		last := &segs[len(segs)-1]
		t := strings.TrimRight(last.Text, " ")
		if t == last.Text {
			break
		}
		if t == "" {
			segs = segs[:len(segs)-1]
			continue
		}
		last.Text = t
		last.Width = l.Width(last.Style, t)
		break
	}
	return segs
}

// expandTabs replaces tabs with spaces to the next multiple of width.
func expandTabs(s string, width int) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := width - col%width
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}
