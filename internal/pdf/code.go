package pdf

import (
	"strings"
	"unicode/utf8"

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

// wrapCode breaks one line of code into lines no wider than avail. It walks
// the runes once, remembering only the current line's, and cuts the
// segments out of the runs' text, so a line of code megabytes long costs
// memory in proportion to its length, not dozens of bytes per letter.
func (l *layout) wrapCode(runs []linebreak.Run, avail float64) [][]linebreak.Segment {
	// glyph is one rune of the line being filled: where it is and how wide.
	type glyph struct {
		run, off, size int
		w              float64
		brk            bool // a break may follow it
	}
	indent := 0
leading:
	for _, r := range runs {
		for _, c := range r.Text {
			if c != ' ' {
				break leading
			}
			indent++
		}
	}
	ri, off := 0, 0 // the next rune: runs[ri].Text[off:]
	more := func() bool {
		for ri < len(runs) && off >= len(runs[ri].Text) {
			ri, off = ri+1, 0
		}
		return ri < len(runs)
	}
	var (
		out  [][]linebreak.Segment
		buf  []glyph
		cont float64 // indent of continuation lines
	)
	for first := true; first || more(); first = false {
		width := avail - cont
		buf = buf[:0]
		w := 0.0
		for more() {
			t := runs[ri].Text[off:]
			c, size := utf8.DecodeRuneInString(t)
			gw := l.Width(runs[ri].Style, t[:size])
			if len(buf) > 0 && w+gw > width {
				break
			}
			buf = append(buf, glyph{ri, off, size, gw, strings.ContainsRune(" ,;)]}>/&|", c)})
			w += gw
			off += size
		}
		n := len(buf)
		if more() {
			// prefer a break after a space or punctuation in the line's
			// last half
			for k := n; k > n/2 && k > 1; k-- {
				if buf[k-1].brk {
					n = k
					break
				}
			}
			if n > 0 {
				ri, off = buf[n-1].run, buf[n-1].off+buf[n-1].size
			}
		}
		var segs []linebreak.Segment
		x := cont
		for i := 0; i < n; {
			g := buf[i]
			j := i + 1
			for j < n && buf[j].run == g.run {
				j++
			}
			end := buf[j-1].off + buf[j-1].size
			text := runs[g.run].Text[g.off:end]
			sw := 0.0
			for _, h := range buf[i:j] {
				sw += h.w
			}
			if k := len(segs) - 1; k >= 0 && segs[k].Style == runs[g.run].Style {
				segs[k].Text += text
				segs[k].Width += sw
			} else {
				segs = append(segs, linebreak.Segment{Text: text, Style: runs[g.run].Style, X: x, Width: sw})
			}
			x += sw
			i = j
		}
		out = append(out, l.trimSegs(segs))
		if more() && cont == 0 {
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
