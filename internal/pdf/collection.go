package pdf

import (
	"strings"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/linebreak"
)

// document sets a collection: every document is one, a single article
// being the collection article.Single makes of it. A single article
// (c.IsSingle) is its title page, text and attribution page. A collection
// of several articles opens with its own title page and a contents page,
// sets each article from a new page under its own title block, closing
// with its own attribution, and ends with the collection's attribution
// and the list of its articles.
func (l *layout) document(c *article.Collection, opt *Options) {
	if c.IsSingle() {
		l.article(c, 0, opt, nil)
		return
	}
	b := l.newBundle(c)
	l.collectionPage(c)
	contents := len(l.pages)
	l.contents(c, b)
	b.contents = [2]int{contents, len(l.pages)}
	for i := range c.Articles {
		l.article(c, i, opt, b)
	}
	l.collectionAttribution(c, b, opt)
	l.numberContents(b)
}

// bundleState is what the layout of a collection of several articles
// knows across its articles: the link destinations of their openings and
// headings, and the pages of its contents.
type bundleState struct {
	lang     string
	articles []int
	headings []map[*article.Heading]int
	// tocs are the headings of each article, nested as the outline nests
	// them, for the contents page.
	tocs [][]tocEntry
	// contents are the indexes of the contents pages in layout.pages,
	// from and to (exclusive).
	contents [2]int
}

// tocEntry is a heading of an article on the contents page.
type tocEntry struct {
	text   string
	level  int // outline level: 1 for the article's top headings
	anchor int
}

// newBundle names the link destinations of the articles and their
// headings, and nests the headings as heading nests them in the outline.
func (l *layout) newBundle(c *article.Collection) *bundleState {
	b := &bundleState{lang: collectionLanguage(c)}
	for _, a := range c.Articles {
		b.articles = append(b.articles, l.newAnchor())
		anchors := map[*article.Heading]int{}
		var toc []tocEntry
		outline := 0
		for _, h := range a.Headings() {
			text := strings.Join(strings.Fields(stripInvisible(article.InlineText(h.Inlines))), " ")
			if text == "" {
				continue
			}
			if _, seen := anchors[h]; seen {
				continue
			}
			level := min(h.Level-1, outline+1)
			outline = level
			anchors[h] = l.newAnchor()
			toc = append(toc, tocEntry{text: text, level: level, anchor: anchors[h]})
		}
		b.headings = append(b.headings, anchors)
		b.tocs = append(b.tocs, toc)
	}
	return b
}

// collectionLanguage is the language of a collection's own pages: its
// own, or its first article's.
func collectionLanguage(c *article.Collection) string {
	if s := strings.TrimSpace(c.Meta.Language); s != "" {
		return s
	}
	return strings.TrimSpace(c.Articles[0].Meta.Language)
}

// collectionState sets the layout up for the collection's own pages: its
// language, its title and editors in the running header and footer, its
// headings at the outline's top level.
func (l *layout) collectionState(c *article.Collection, b *bundleState) {
	st := &articleState{notes: map[string]*noteInfo{}, outline: -1}
	st.hyphShared = hyphenator(b.lang)
	st.hyph = memoize(st.hyphShared)
	st.ragged = !justifies(b.lang)
	l.art = st
	l.rtl = isRTL(&article.Meta{Language: b.lang, Direction: c.Meta.Direction})
	l.pageFurn = page{title: c.Meta.Title, authors: strings.Join(c.Meta.Authors, ", "), lang: b.lang, rtl: l.rtl}
	l.flow = flowState{}
}

// collectionPage sets the collection's title page: its title block, which
// names its editors (its Meta.Authors) and says how many articles it
// holds.
func (l *layout) collectionPage(c *article.Collection) {
	lang := collectionLanguage(c)
	l.art = &articleState{hyph: memoize(hyphenator(lang))}
	l.rtl = isRTL(&article.Meta{Language: lang, Direction: c.Meta.Direction})
	l.titlePage(&c.Meta, wordsFor(lang).articleCount(len(c.Articles)))
}

// contents sets the contents page: for each article its title, its
// authors and its headings, each linked to its page and followed by the
// page number, which numberContents fills in once the pages are known.
func (l *layout) contents(c *article.Collection, b *bundleState) {
	l.collectionState(c, b)
	wd := wordsFor(b.lang)
	fr := l.bodyFrame()
	l.heading(&article.Heading{Level: 2, Inlines: article.Plain(wd.contents)}, fr)
	l.flow.keepNext = 0
	numSp := span{fam: sans, size: fr.sp.size, color: colorText}
	reserve := l.runsWidth(l.plainRuns("0000", numSp, true)) + fr.sp.size
	for i, a := range c.Articles {
		l.space(0.9 * fr.leading)
		tsp := span{fam: sans, bold: true, size: fr.sp.size * 1.05, color: colorHead, dest: b.articles[i]}
		tf := fr
		tf.sp, tf.leading = tsp, tsp.size*1.25
		more := len(b.tocs[i]) > 0
		l.contentsEntry(a.Meta.Title, tf, reserve, numSp, b.articles[i], more || len(a.Meta.Authors) > 0)
		if len(a.Meta.Authors) > 0 {
			asp := span{fam: serif, italic: true, size: fr.sp.size * 0.95, color: colorMuted}
			af := fr
			af.sp, af.leading = asp, fr.leading*0.95
			lines := l.lay(l.plainRuns(strings.Join(a.Meta.Authors, ", "), asp, true), linebreak.Options{Width: fr.w - reserve, Align: linebreak.Left})
			for k, ln := range lines {
				r := l.lineRow(ln, af)
				r.keep = more || k < len(lines)-1
				l.addRow(r)
			}
		}
		if more {
			l.space(0.2 * fr.leading)
		}
		for _, e := range b.tocs[i] {
			ind := float64(min(e.level, 4)) * 1.2 * fr.sp.size
			hsp := span{fam: serif, size: fr.sp.size * 0.95, color: colorText, dest: e.anchor}
			hf := fr
			hf.x += ind
			hf.w -= ind
			hf.sp, hf.leading = hsp, fr.leading*0.95
			nsp := numSp
			nsp.size, nsp.color = hsp.size, colorMuted
			l.contentsEntry(e.text, hf, reserve, nsp, e.anchor, false)
		}
	}
	l.paginate()
}

// contentsEntry sets one entry of the contents ragged in fr, short of the
// reserve at the right where its page number goes: a placeholder that
// numberContents fills in, on the entry's last line. Its rows are kept
// with the next when keep is set.
func (l *layout) contentsEntry(text string, fr frame, reserve float64, num span, dest int, keep bool) {
	lines := l.lay(l.plainRuns(text, fr.sp, true), linebreak.Options{Width: fr.w - reserve, Align: linebreak.Left})
	for k, ln := range lines {
		r := l.lineRow(ln, fr)
		r.keep = keep || k < len(lines)-1
		if k == len(lines)-1 {
			r.items = append(r.items, item{kind: kText, x: l.g.right, y: r.baseline, text: "",
				style: int32(l.style(num.textStyle())), dest: int32(dest)})
		}
		l.addRow(r)
	}
}

// numberContents fills in the page numbers of the contents, right-aligned
// (the layout is finished: every anchor is on its page), each linked to
// its page; an entry whose heading was never set (it had
// no text to set) loses its number.
func (l *layout) numberContents(b *bundleState) {
	pageOf := make([]int, l.anchors+1)
	for i, p := range l.pages {
		for _, it := range p.items {
			if it.kind == kAnchor && pageOf[it.dest] == 0 {
				pageOf[it.dest] = i + 1
			}
		}
	}
	for _, p := range l.pages[b.contents[0]:b.contents[1]] {
		items := p.items[:0:0]
		for _, it := range p.items {
			if it.kind != kText || it.text != "" || it.dest == 0 {
				items = append(items, it)
				continue
			}
			n := pageOf[it.dest]
			if n == 0 {
				continue
			}
			st := l.styles[it.style]
			it.text = itoa(n)
			it.w = l.Width(int(it.style), it.text)
			it.x = l.g.right - it.w
			dest := it.dest
			it.dest = 0
			items = append(items, it,
				item{kind: kLink, x: it.x, y: it.y - st.size*0.85, w: it.w, h: st.size * 1.15, dest: dest})
		}
		p.items = items
	}
}

// opening sets the title block an article of a collection opens with, at
// the top of a new page and smaller than a title page's, with the outline
// entry of the article and the destination of the links to it.
func (l *layout) opening(m *article.Meta, anchor int) {
	x, w := l.g.left, l.g.width()
	limit := 0.55 * l.g.height()
	var tb, src block
fit:
	for _, bud := range titleBudgets[1:] {
		src = l.sourceBlock(m, x, w, bud)
		for _, k := range []float64{0.7, 0.6, 0.5} {
			tb = l.titleBlock(m, x, w, k, bud, nil)
			if tb.h+src.h <= limit {
				break fit
			}
		}
	}
	r := row{keep: true}
	r.items = append(r.items, item{kind: kBookmark, text: m.Title, level: 0}, item{kind: kAnchor, dest: int32(anchor)})
	b := block{items: r.items}
	b.add(tb.items, 0)
	b.h = tb.h
	if src.h > 0 {
		b.h += 0.6 * l.g.size
		b.add(src.items, b.h)
		b.h += src.h
	}
	r.items, r.h = b.items, b.h
	l.addRow(r)
	l.space(2.4 * l.g.leading)
}

// collectionAttribution sets the collection's closing pages: what it is
// and who compiled it, the list of its articles (each linked to its
// opening, with its authors, publication, date and address), and how the
// document was made.
func (l *layout) collectionAttribution(c *article.Collection, b *bundleState, opt *Options) {
	l.collectionState(c, b)
	wd := wordsFor(b.lang)
	fr := l.attributionFrame()
	m := &c.Meta
	l.heading(&article.Heading{Level: 2, Inlines: article.Plain(wd.aboutCollection)}, fr)
	l.flow.keepNext = 0
	title := fr.sp
	title.italic = true
	l.attributionPara(fr, title, &article.Text{Text: m.Title})
	if len(m.Authors) > 0 {
		label := wd.editor
		if len(m.Authors) > 1 {
			label = wd.editors
		}
		l.attributionPara(fr, fr.sp, &article.Text{Text: label + ": " + strings.Join(m.Authors, ", ")})
	}
	l.aboutSource(m, fr, wd, fr.sp)

	l.quiet = true
	l.heading(&article.Heading{Level: 3, Inlines: article.Plain(wd.articles)}, fr)
	l.quiet = false
	l.flow.keepNext = 0
	small := fr.scaled(0.92)
	small.paraSpace = true
	widest := 0.0
	lsp := small.sp
	for i := range c.Articles {
		widest = max(widest, l.Width(l.style(lsp.textStyle()), itoa(i+1)+"."))
	}
	gap := 0.5 * small.sp.size
	inner := small
	inner.x += widest + gap
	inner.w -= widest + gap
	for i, a := range c.Articles {
		am := &a.Meta
		awd := wordsFor(am.Language)
		if i > 0 {
			l.space(0.5 * fr.leading)
		}
		runs := l.plainRuns(itoa(i+1)+".", lsp, true)
		l.flow.label = append(l.flow.label, l.segmentItems(l.placeRuns(runs), inner.x-gap-l.runsWidth(runs), 0)...)
		tsp := inner.sp
		tsp.italic, tsp.color, tsp.dest = true, colorLink, b.articles[i]
		runs = append(l.plainRuns(am.Title, tsp, true), l.runs(sourceInlines(am, awd), inner.sp)...)
		l.setParagraph(l.lay(runs, linebreak.Options{Width: inner.w, Align: linebreak.Left}), inner, linebreak.Left)
	}
	l.colophon(opt, fr, wd)
	l.paginate()
}

// sourceInlines is the rest of an article's entry in the list of a
// collection's articles, after its title: its authors, publication and
// date, then its address, each on a line of its own.
func sourceInlines(m *article.Meta, wd words) []article.Inline {
	var ins []article.Inline
	var by []string
	if len(m.Authors) > 0 {
		by = append(by, strings.Join(m.Authors, ", "))
	}
	if s := strings.TrimSpace(m.SiteName); s != "" {
		by = append(by, s)
	}
	if m.HasDate() {
		by = append(by, wd.date(m.Date))
	}
	if len(by) > 0 {
		ins = append(ins, &article.LineBreak{}, &article.Text{Text: strings.Join(by, ", ")})
	}
	if u := strings.TrimSpace(m.SourceURL); u != "" {
		ins = append(ins, &article.LineBreak{}, &article.Link{URL: u, Inlines: article.Plain(u)})
	}
	return ins
}
