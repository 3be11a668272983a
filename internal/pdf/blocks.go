package pdf

import (
	"strings"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/linebreak"
)

// frame is the measure and type a run of blocks is set in: the body, a
// quote, a list item, a note.
type frame struct {
	x, w    float64
	sp      span
	leading float64
	// paraSpace separates paragraphs with space instead of a first-line
	// indent (list items, notes).
	paraSpace bool
	// depth is the list nesting depth.
	depth int
}

// bodyFrame is the frame of the body text.
func (l *layout) bodyFrame() frame {
	return frame{x: l.g.left, w: l.g.width(), leading: l.g.leading,
		sp: span{fam: serif, size: l.g.size, color: colorText}}
}

// scaled returns fr with its type scaled by k.
func (fr frame) scaled(k float64) frame {
	fr.sp.size *= k
	fr.leading *= k
	return fr
}

// blockGap is the space around quotes, lists, code, images, tables.
func (fr frame) blockGap() float64 { return 0.5 * fr.leading }

// blocks sets blocks in fr. At the top level the paragraphs are broken
// into lines ahead, in parallel (startPrefetch).
func (l *layout) blocks(bs []article.Block, fr frame) {
	l.flow.afterPara = false
	var pf *prefetcher
	if !l.prefetching {
		pf = l.startPrefetch(bs, fr)
		l.prefetching = pf != nil
		defer func() {
			pf.stop()
			l.prefetching = false
		}()
	}
	align := l.bodyAlign()
	for i, b := range bs {
		if l.ctx != nil && l.ctx.Err() != nil {
			return
		}
		if p, ok := b.(*article.Paragraph); ok {
			indent := 0.0
			if l.flow.afterPara {
				if fr.paraSpace {
					l.space(0.4 * fr.leading)
				} else {
					indent = 1.25 * fr.sp.size
				}
			}
			if lines, ok := pf.take(l, i, fr, indent); ok {
				l.setParagraph(lines, fr, align)
			} else {
				l.paragraph(p.Inlines, fr, indent, align)
			}
			l.flow.afterPara = true
			continue
		}
		l.block(b, fr)
	}
}

func (l *layout) block(b article.Block, fr frame) {
	switch x := b.(type) {
	case *article.Heading:
		l.heading(x, fr)
	case *article.Quote:
		l.quote(x, fr)
	case *article.List:
		l.list(x, fr)
	case *article.CodeBlock:
		l.codeBlock(x, fr)
	case *article.Image:
		l.image(x, fr)
	case *article.Table:
		l.table(x, fr)
	case *article.Rule:
		l.rule(fr)
	}
	l.flow.afterPara = false
}

// paragraph sets inlines as a paragraph in fr.
func (l *layout) paragraph(ins []article.Inline, fr frame, indent float64, align linebreak.Align) {
	l.setParagraph(l.breakParagraph(ins, fr, indent, align), fr, align)
}

// breakParagraph breaks inlines into the lines of a paragraph in fr.
func (l *layout) breakParagraph(ins []article.Inline, fr frame, indent float64, align linebreak.Align) []linebreak.Line {
	runs := l.runs(ins, fr.sp)
	if len(runs) == 0 {
		return nil
	}
	hy := l.art.hyph
	if align != linebreak.Justify {
		hy = nil
	}
	return l.lay(runs, linebreak.Options{Width: fr.w, Indent: indent, Align: align, Hyphenate: hy})
}

// setParagraph adds a paragraph's lines to the flow.
func (l *layout) setParagraph(lines []linebreak.Line, fr frame, align linebreak.Align) {
	if lines != nil {
		l.setLines(lines, fr, align == linebreak.Justify, false)
	}
}

// setLines adds laid-out lines to the flow as rows that keep at least two
// lines of a paragraph together at either end of a page.
func (l *layout) setLines(lines []linebreak.Line, fr frame, justified, heading bool) {
	n := len(lines)
	l.paras++
	for i, ln := range lines {
		r := l.lineRow(ln, fr)
		if heading {
			r.keep = true
		} else if n >= 2 && (i == 0 || i == n-2) {
			r.keep = true
		}
		if l.recordLines {
			r.line = l.lineInfo(ln, fr, justified && !ln.Last && ln.End != linebreak.BreakHard, heading)
		}
		if heading && i == 0 {
			if !l.quiet {
				r.items = append(r.items, item{kind: kBookmark, text: l.pendingBookmark.text, level: l.pendingBookmark.level})
			}
			if l.pendingAnchor != 0 {
				r.items = append(r.items, item{kind: kAnchor, dest: int32(l.pendingAnchor)})
				l.pendingAnchor = 0
			}
		}
		l.addRow(r)
	}
}

// lineInfo describes a line for tests.
func (l *layout) lineInfo(ln linebreak.Line, fr frame, justified, heading bool) *lineInfo {
	li := &lineInfo{left: fr.x, width: fr.w, size: fr.sp.size, justified: justified, heading: heading, para: l.paras}
	for _, s := range ln.Segments {
		li.segs = append(li.segs, placedSeg{x: fr.x + s.X, w: s.Width, text: stripInvisible(s.Text), space: s.Space != ""})
	}
	return li
}

// baselineIn is where the baseline sits in a line of text of size and
// leading: the x-height centred in the line.
func baselineIn(size, leading float64) float64 { return leading/2 + 0.3*size }

// lineRow turns a laid-out line into a row of text, link and anchor items.
func (l *layout) lineRow(ln linebreak.Line, fr frame) row {
	r := row{h: fr.leading, baseline: baselineIn(fr.sp.size, fr.leading)}
	r.items = l.segmentItems(ln.Segments, fr.x, r.baseline)
	return r
}

// segmentItems places segments with their left at x0 and baseline at y,
// adding link areas (one per run of segments with the same target) and
// anchors.
func (l *layout) segmentItems(segs []linebreak.Segment, x0, y float64) []item {
	var items []item
	var link *item
	for _, s := range segs {
		st := l.styles[s.Style]
		x := x0 + s.X
		if t := stripInvisible(s.Text); t != "" {
			items = append(items, item{kind: kText, x: x, y: y, w: s.Width, text: t, style: int32(s.Style)})
		}
		if st.anchor != 0 {
			items = append(items, item{kind: kAnchor, y: y - 2*st.size, dest: int32(st.anchor)})
		}
		if st.link == "" && st.dest == 0 {
			link = nil
			continue
		}
		if link != nil && link.text == st.link && int(link.dest) == st.dest {
			link.w = x + s.Width - link.x
			continue
		}
		top := y - st.rise - st.size*0.85
		items = append(items, item{kind: kLink, x: x, y: top, w: s.Width, h: st.size * 1.15, text: st.link, dest: int32(st.dest)})
		link = &items[len(items)-1]
	}
	return items
}

// heading sets a heading in PT Sans bold, kept with the first two lines of
// its section, with an outline entry.
func (l *layout) heading(h *article.Heading, fr frame) {
	k, above := 1.0, 1.1
	switch h.Level {
	case 2:
		k, above = 1.28, 1.6
	case 3:
		k, above = 1.12, 1.3
	}
	hf := fr
	hf.sp = span{fam: sans, bold: true, size: fr.sp.size * k, color: colorHead}
	if h.Level >= 5 {
		hf.sp.bold, hf.sp.italic = false, true
	}
	hf.leading = hf.sp.size * 1.22
	runs := l.runs(h.Inlines, hf.sp)
	if len(runs) == 0 {
		return
	}
	l.space(above * fr.leading)
	lines := l.lay(runs, linebreak.Options{Width: hf.w, Align: linebreak.Left})
	level := min(h.Level-1, l.art.outline+1)
	l.art.outline = level
	l.pendingBookmark = item{text: article.InlineText(h.Inlines), level: int8(min(level, 127))}
	l.pendingAnchor = l.art.headingAnchors[h]
	l.setLines(lines, hf, false, true)
	l.space(0.45 * fr.leading)
	l.flow.keepNext = 1
}

// quote sets a block quotation indented on both sides, its attribution
// ranged right after an em dash.
func (l *layout) quote(q *article.Quote, fr frame) {
	ind := min(2*fr.sp.size, 0.08*fr.w)
	qf := fr.scaled(0.95)
	qf.x += ind
	qf.w -= 2 * ind
	l.space(fr.blockGap())
	l.blocks(q.Blocks, qf)
	if len(q.Attribution) > 0 {
		ins := q.Attribution
		text := strings.TrimSpace(article.InlineText(ins))
		if !strings.HasPrefix(text, "—") && !strings.HasPrefix(text, "–") && !strings.HasPrefix(text, "-") {
			ins = append([]article.Inline{&article.Text{Text: "— "}}, ins...)
		}
		l.space(0.2 * qf.leading)
		l.paragraph(ins, qf, 0, linebreak.Right)
	}
	l.space(fr.blockGap())
	l.flow.afterPara = false
}

// bullets are the list bullets by nesting depth.
var bullets = []string{"•", "–", "◦", "·"}

// list sets a list with hanging labels: bullets by depth, or numbers from
// Start.
func (l *layout) list(x *article.List, fr frame) {
	start := x.Start
	if x.Ordered && start == 0 {
		start = 1
	}
	labels := make([]string, len(x.Items))
	lsp := fr.sp
	lsp.bold, lsp.italic, lsp.strike, lsp.link, lsp.dest = false, false, false, "", 0
	widest := 0.0
	for i := range x.Items {
		if x.Ordered {
			labels[i] = itoa(start+i) + "."
		} else {
			b := bullets[min(fr.depth, len(bullets)-1)]
			if !l.fonts.metrics(lsp.face()).has([]rune(b)[0]) {
				b = "•"
			}
			labels[i] = b
		}
		widest = max(widest, l.Width(l.style(lsp.textStyle()), labels[i]))
	}
	gap := 0.5 * fr.sp.size
	area := max(1.4*fr.sp.size, widest+gap)
	inner := fr
	inner.x += area
	inner.w -= area
	if l.rtl { // the labels at the right
		inner.x -= area
	}
	inner.paraSpace = true
	inner.depth++
	if fr.depth == 0 {
		l.space(fr.blockGap())
	}
	for i, it := range x.Items {
		if i > 0 {
			l.space(0.2 * fr.leading)
		}
		runs := l.plainRuns(labels[i], lsp, true)
		x0 := inner.x - gap - l.runsWidth(runs)
		if l.rtl {
			x0 = inner.x + inner.w + gap
		}
		for _, s := range l.placeLine(runs, l.rtl) {
			l.flow.label = append(l.flow.label, item{kind: kText, x: x0 + s.X, w: s.Width, text: stripInvisible(s.Text), style: int32(s.Style)})
		}
		l.blocks(it.Blocks, inner)
		l.flow.label = nil
	}
	if fr.depth == 0 {
		l.space(fr.blockGap())
	}
	l.flow.afterPara = false
}

// runsWidth is the natural width of runs set on one line.
func (l *layout) runsWidth(runs []linebreak.Run) float64 {
	w := 0.0
	for _, r := range runs {
		w += l.Width(r.Style, r.Text)
	}
	return w
}

// placeRuns sets runs on one line without breaking it, spaces kept.
func (l *layout) placeRuns(runs []linebreak.Run) []linebreak.Segment {
	var segs []linebreak.Segment
	x := 0.0
	for _, r := range runs {
		if r.Text == "" {
			continue
		}
		w := l.Width(r.Style, r.Text)
		segs = append(segs, linebreak.Segment{Text: r.Text, Style: r.Style, X: x, Width: w})
		x += w
	}
	return segs
}

// rule sets a thematic break as a centred ornament.
func (l *layout) rule(fr frame) {
	sp := fr.sp
	orn := "⁂"
	if !l.fonts.metrics(sp.face()).has('⁂') {
		orn = "*\u00a0\u00a0\u00a0*\u00a0\u00a0\u00a0*"
	}
	runs := l.plainRuns(orn, sp, true)
	w := l.runsWidth(runs)
	r := row{h: 2 * fr.leading, baseline: fr.leading + 0.3*sp.size}
	r.items = l.segmentItems(l.placeRuns(runs), fr.x+(fr.w-w)/2, r.baseline)
	l.space(0.3 * fr.leading)
	l.addRow(r)
	l.space(0.3 * fr.leading)
	l.flow.afterPara = false
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
