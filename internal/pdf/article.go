package pdf

import (
	"strings"

	"github.com/offprint/offprint/article"
)

// article sets one article of c, the i-th: in a document of one article
// (c.IsSingle), its title page, its body from the next page, its notes,
// and its attribution on a page of its own; in a collection, its opening
// title block, its body, its notes and its attribution, from a new page.
func (l *layout) article(c *article.Collection, i int, opt *Options, bundle *bundleState) {
	a := c.Articles[i]
	st := &articleState{notes: map[string]*noteInfo{}}
	st.hyphShared = hyphenator(a.Meta.Language)
	st.hyph = memoize(st.hyphShared)
	st.ragged = !justifies(a.Meta.Language)
	for i, n := range a.Notes {
		st.notes[n.ID] = &noteInfo{num: i + 1, anchor: l.newAnchor()}
	}
	l.art = st
	l.rtl = articleRTL(a)
	l.pageFurn = page{title: a.Meta.Title, authors: strings.Join(a.Meta.Authors, ", "), lang: a.Meta.Language, rtl: l.rtl}

	l.flow = flowState{}
	first := len(l.pages)
	if bundle == nil {
		l.titlePage(&a.Meta)
		l.flow = flowState{}
	} else {
		st.headingAnchors = bundle.headings[i]
		l.opening(&a.Meta, bundle.articles[i])
	}
	fr := l.bodyFrame()
	l.blocks(a.Blocks, fr)
	l.notes(a, fr)
	if bundle != nil {
		// the attribution closes the article's text, out of the outline
		l.quiet = true
		l.attribution(&a.Meta, nil)
		l.quiet = false
		l.paginate()
		l.pages[first].opening = true
		return
	}
	l.paginate()

	l.flow = flowState{}
	l.attribution(&a.Meta, opt)
	l.paginate()
}

// notes sets the footnotes as endnotes under a heading: each numbered, the
// number linking back to the first reference, the reference linking here.
func (l *layout) notes(a *article.Article, body frame) {
	if len(a.Notes) == 0 {
		return
	}
	wd := wordsFor(a.Meta.Language)
	l.space(body.leading)
	l.heading(&article.Heading{Level: 2, Inlines: article.Plain(wd.notes)}, body)
	fr := body.scaled(0.9)
	fr.paraSpace = true
	widest := 0.0
	lsp := fr.sp
	for _, n := range a.Notes {
		widest = max(widest, l.Width(l.style(lsp.textStyle()), itoa(l.art.notes[n.ID].num)+"."))
	}
	gap := 0.5 * fr.sp.size
	area := widest + gap
	inner := fr
	inner.x += area
	inner.w -= area
	for i, n := range a.Notes {
		info := l.art.notes[n.ID]
		if i > 0 {
			l.space(0.3 * fr.leading)
		}
		lsp := fr.sp
		if info.refAnchor != 0 {
			lsp.color, lsp.dest = colorLink, info.refAnchor
		}
		runs := l.plainRuns(itoa(info.num)+".", lsp, true)
		x0 := inner.x - gap - l.runsWidth(runs)
		l.flow.label = append(l.flow.label, item{kind: kAnchor, y: -2 * fr.sp.size, dest: int32(info.anchor)})
		l.flow.label = append(l.flow.label, l.segmentItems(l.placeRuns(runs), x0, 0)...)
		l.blocks(n.Blocks, inner)
		if len(l.flow.label) > 0 {
			// a note without text: its number alone
			l.addRow(row{h: fr.leading, baseline: baselineIn(fr.sp.size, fr.leading)})
		}
	}
}
