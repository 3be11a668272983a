package pdf

import (
	"strings"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/l10n"
	"github.com/offprint/offprint/internal/linebreak"
)

// block is a stack of items laid out from y = 0 down to height h.
type block struct {
	items []item
	h     float64
}

// add appends items shifted down by dy.
func (b *block) add(items []item, dy float64) {
	for _, it := range items {
		it.y += dy
		b.items = append(b.items, it)
	}
}

// text sets runs in lines of width w at the block's bottom, each line
// leading high, and returns the lines' count.
func (b *block) text(l *layout, lines []linebreak.Line, x, size, leading float64) {
	for _, ln := range lines {
		b.add(l.segmentItems(ln.Segments, x, baselineIn(size, leading)), b.h)
		b.h += leading
	}
}

// balanced sets runs ragged in at most width w with lines of even length:
// the narrowest measure that needs no more lines than w does.
func (l *layout) balanced(runs []linebreak.Run, w float64, align linebreak.Align) []linebreak.Line {
	opt := linebreak.Options{Width: w, Align: align}
	lines := l.lay(runs, opt)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := w/2, w
	for range 12 {
		mid := (lo + hi) / 2
		opt.Width = mid
		if len(l.lay(runs, opt)) > len(lines) {
			lo = mid
		} else {
			hi = mid
		}
	}
	opt.Width = hi
	best := l.lay(runs, opt)
	if align == linebreak.Center || l.rtl {
		// centre on the full measure; a right-to-left block ranges right
		shift := (w - hi) / 2
		if align != linebreak.Center {
			shift = w - hi
		}
		for i := range best {
			for k := range best[i].Segments {
				best[i].Segments[k].X += shift
			}
		}
	}
	return best
}

// titleBlock sets an article's title block from its metadata, in width w
// scaled by k: the section as a kicker, the title, the subtitle, a short
// rule, the authors, the date, the lines of more, the description. It is
// the opening of an article in the PDF — its title page, or its first page
// in a collection — and the title page of a collection.
func (l *layout) titleBlock(m *article.Meta, x, w, k float64, bud titleBudget, more []string) block {
	var b block
	size := l.g.size
	wd := wordsFor(m.Language)
	if s := strings.TrimSpace(m.Section); s != "" {
		sp := span{fam: sans, bold: true, size: size * 0.8 * max(k, 0.8), color: colorAccent}
		sp.tracking = 0.12 * sp.size
		runs := l.plainRuns(l10n.Upper(clip(s, 80), m.Language), sp, true)
		b.text(l, l.lay(runs, linebreak.Options{Width: w, Align: linebreak.Left}), x, sp.size, sp.size*1.3)
		b.h += 0.6 * size
	}
	tsize := size * 2.4 * k
	if l.g.compact {
		tsize = size * 1.9 * k
	}
	tsp := span{fam: sans, bold: true, size: tsize, color: colorHead}
	b.text(l, l.balanced(l.plainRuns(clip(m.Title, bud.title), tsp, true), w, linebreak.Left), x, tsize, tsize*1.14)
	if s := strings.TrimSpace(m.Subtitle); s != "" && bud.subtitle > 0 {
		sp := span{fam: serif, italic: true, size: size * 1.3 * max(k, 0.8), color: colorMuted}
		b.h += 0.5 * size
		b.text(l, l.balanced(l.plainRuns(clip(s, bud.subtitle), sp, true), w, linebreak.Left), x, sp.size, sp.size*1.3)
	}
	b.h += 1.4 * size
	rx := x
	if l.rtl {
		rx = x + w - 3*size
	}
	b.items = append(b.items, item{kind: kLine, x: rx, y: b.h, w: 3 * size, lw: 0.7, color: colorAccent})
	b.h += 1.3 * size
	if len(m.Authors) > 0 {
		sp := span{fam: sans, size: size * 1.2, color: colorText}
		runs := l.plainRuns(clip(strings.Join(m.Authors, ", "), bud.authors), sp, true)
		b.text(l, l.lay(runs, linebreak.Options{Width: w, Align: linebreak.Left}), x, sp.size, sp.size*1.35)
	}
	if m.HasDate() {
		sp := span{fam: sans, size: size, color: colorMuted}
		runs := l.plainRuns(wd.date(m.Date), sp, true)
		b.text(l, l.lay(runs, linebreak.Options{Width: w, Align: linebreak.Left}), x, sp.size, sp.size*1.4)
	}
	for _, s := range more {
		sp := span{fam: sans, size: size, color: colorMuted}
		runs := l.plainRuns(s, sp, true)
		b.text(l, l.lay(runs, linebreak.Options{Width: w, Align: linebreak.Left}), x, sp.size, sp.size*1.4)
	}
	if s := strings.TrimSpace(m.Description); s != "" && bud.description > 0 {
		sp := span{fam: serif, size: size * 1.05, color: colorText}
		b.h += 2.2 * size
		dw := w
		if !l.g.compact {
			dw = w * 0.86
		}
		lines := l.lay(l.plainRuns(clip(s, bud.description), sp, false), linebreak.Options{Width: dw, Align: linebreak.Left, Hyphenate: l.art.hyph})
		b.text(l, lines, x, sp.size, sp.size*1.4)
	}
	return b
}

// sourceBlock sets the publication and the source URL (a link), for the
// foot of the title page.
func (l *layout) sourceBlock(m *article.Meta, x, w float64, bud titleBudget) block {
	var b block
	size := l.g.size
	if s := strings.TrimSpace(m.SiteName); s != "" {
		sp := span{fam: sans, bold: true, size: size * 0.9, color: colorText}
		b.text(l, l.lay(l.plainRuns(clip(s, bud.site), sp, true), linebreak.Options{Width: w, Align: linebreak.Left}), x, sp.size, sp.size*1.35)
	}
	if u := strings.TrimSpace(m.SourceURL); u != "" {
		sp := span{fam: sans, size: size * 0.82, color: colorLink, link: linkTarget(u)}
		b.text(l, l.lay(l.plainRuns(clip(u, bud.url), sp, true), linebreak.Options{Width: w, Align: linebreak.Left}), x, sp.size, sp.size*1.35)
	}
	return b
}

// titlePage sets the title page of an article or a collection: the title
// block (with the lines of more) a sixth of the way down the text block,
// the source at its foot. An outline entry for the document points at it.
func (l *layout) titlePage(m *article.Meta, more ...string) {
	x, w := l.g.left, l.g.width()
	var tb, src block
	avail := 0.0
fit:
	for _, bud := range titleBudgets {
		src = l.sourceBlock(m, x, w, bud)
		avail = l.g.height() - src.h - 2*l.g.leading
		for _, k := range []float64{1, 0.9, 0.8, 0.7, 0.6, 0.5} {
			tb = l.titleBlock(m, x, w, k, bud, more)
			if tb.h <= avail {
				break fit
			}
		}
	}
	top := l.g.top + min(0.16*l.g.height(), max(0, (avail-tb.h)/2))
	if l.g.compact {
		top = l.g.top + min(0.08*l.g.height(), max(0, (avail-tb.h)/2))
	}
	p := l.newPage(false)
	p.items = append(p.items, item{kind: kBookmark, y: l.g.top, text: m.Title, level: 0})
	for _, it := range tb.items {
		it.y += top
		p.items = append(p.items, it)
	}
	for _, it := range src.items {
		it.y += l.g.bottom - src.h
		p.items = append(p.items, it)
	}
}

// attribution sets an article's attribution: where it was published, by
// whom, its address and rights and, with opt, the conversion's colophon.
// Like the title block it is a function of the metadata alone. A document
// of one article sets it on a closing page of its own, with opt; an
// article of a collection closes with it, without.
func (l *layout) attribution(m *article.Meta, opt *Options) {
	wd := wordsFor(m.Language)
	fr := l.attributionFrame()
	l.heading(&article.Heading{Level: 2, Inlines: article.Plain(wd.about)}, fr)
	l.flow.keepNext = 0
	l.aboutArticle(m, fr, wd, true)
	if opt != nil {
		l.colophon(opt, fr, wd)
	}
}

// attributionFrame is the frame of the attribution: the body's, paragraphs
// spaced.
func (l *layout) attributionFrame() frame {
	fr := l.bodyFrame()
	fr.paraSpace = true
	return fr
}

// attributionPara sets ins as a ragged paragraph of the attribution in sp.
func (l *layout) attributionPara(fr frame, sp span, ins ...article.Inline) {
	pf := fr
	pf.sp = sp
	pf.leading = fr.leading * sp.size / fr.sp.size
	l.paragraph(ins, pf, 0, linebreak.Left)
	l.space(0.35 * fr.leading)
}

// aboutArticle sets what the attribution says of an article (of a
// collection, when by names its editors rather than its authors): its
// title (in italics, when italic is set), its authors, where and when it
// was published, its address and its rights.
func (l *layout) aboutArticle(m *article.Meta, fr frame, wd words, italic bool) {
	body := fr.sp
	title := body
	title.italic = italic
	l.attributionPara(fr, title, &article.Text{Text: m.Title})
	l.byline(m, fr, wd)
	l.aboutSource(m, fr, wd, body)
}

// byline sets "by" and the authors.
func (l *layout) byline(m *article.Meta, fr frame, wd words) {
	if len(m.Authors) > 0 {
		by := strings.Join(m.Authors, ", ")
		if wd.by != "" {
			by = wd.by + " " + by
		}
		l.attributionPara(fr, fr.sp, &article.Text{Text: by})
	}
}

// aboutSource sets the publication, date and section, the source address
// and the rights in sp.
func (l *layout) aboutSource(m *article.Meta, fr frame, wd words, sp span) {
	var pub []string
	if s := strings.TrimSpace(m.SiteName); s != "" {
		pub = append(pub, fmtWord(wd.published, s))
	}
	if m.HasDate() {
		pub = append(pub, wd.date(m.Date))
	}
	if strings.TrimSpace(m.Section) != "" {
		pub = append(pub, strings.TrimSpace(m.Section))
	}
	if len(pub) > 0 {
		l.attributionPara(fr, sp, &article.Text{Text: strings.Join(pub, ", ")})
	}
	if u := strings.TrimSpace(m.SourceURL); u != "" {
		l.attributionPara(fr, sp, &article.Text{Text: wd.source}, &article.Link{URL: u, Inlines: article.Plain(u)})
	}
	if s := strings.TrimSpace(m.Rights); s != "" {
		l.attributionPara(fr, sp, &article.Text{Text: s})
	}
}

// colophon sets how the document was made, under a short rule: "Converted
// by offprint VERSION on DATE", and the typefaces.
func (l *layout) colophon(opt *Options, fr frame, wd words) {
	l.space(1.2 * fr.leading)
	l.addRow(row{h: 0.5 * fr.leading, items: []item{{kind: kLine, x: fr.x, y: 0, w: 3 * fr.sp.size, lw: 0.5, color: colorRule}}})
	small := span{fam: sans, size: fr.sp.size * 0.85, color: colorMuted}
	prog := "offprint"
	if v := strings.TrimSpace(opt.Version); v != "" {
		prog += " " + v
	}
	l.attributionPara(fr, small, &article.Text{Text: wd.conversion(prog, opt.Date)})
	l.attributionPara(fr, small, &article.Text{Text: wd.setIn(l.typefaces())})
}

// titleBudget is how many characters of each field the title page shows;
// longer ones are cut with "…" there (they are whole in the attribution and
// the document's metadata). Zero leaves the field out.
type titleBudget struct {
	title, subtitle, authors, description, site, url int
}

// titleBudgets are tried in turn, each at shrinking type sizes, until the
// title page fits: generous first, then ever terser.
var titleBudgets = []titleBudget{
	{title: 300, subtitle: 300, authors: 300, description: 600, site: 120, url: 240},
	{title: 150, subtitle: 120, authors: 120, site: 80, url: 120},
	{title: 80, subtitle: 60, authors: 60, site: 60, url: 80},
	{title: 40, authors: 40, site: 40, url: 40},
}

// clip shortens s to at most n characters, at a word end, with "…".
func clip(s string, n int) string {
	rs := []rune(strings.TrimSpace(s))
	if len(rs) <= n {
		return string(rs)
	}
	cut := string(rs[:n])
	if i := strings.LastIndex(cut, " "); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.-–—") + "…"
}

func fmtWord(format, s string) string { return strings.Replace(format, "%s", s, 1) }
