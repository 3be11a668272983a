package pdf

import (
	"runtime"
	"sync/atomic"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/linebreak"
)

// Setting a paragraph with the Knuth–Plass algorithm is most of the time
// of laying out a long article, and a paragraph's lines depend only on its
// text, its frame and its first-line indent. So while the layout walks the
// body in order, other goroutines break the next body paragraphs into
// lines ahead of it (a prefetch), each with a layout of its own; the walk
// takes their lines when it reaches them, or sets a paragraph itself when
// it gets there first. The lines are the same either way.

// prefetchWindow is how many paragraphs the prefetch may run ahead of the
// layout, which bounds the memory it holds.
const prefetchWindow = 8

// prefetchMin is the fewest paragraphs worth a prefetch.
const prefetchMin = 4

// layJob is one paragraph to break into lines.
type layJob struct {
	para   *article.Paragraph
	fr     frame
	indent float64
	claim  atomic.Bool   // set by whoever sets the paragraph
	done   chan struct{} // closed when a prefetch goroutine has set it
	// the result: lines whose styles index local.styles
	lines []linebreak.Line
	local *layout
}

// prefetcher breaks the paragraphs of one list of blocks ahead of the
// layout.
type prefetcher struct {
	jobs    []*layJob // by block index; nil for other blocks
	order   []*layJob
	next    atomic.Int64
	permits chan struct{}
	quit    chan struct{}
	rtl     bool // the layout's base direction (layout.rtl)
}

// startPrefetch starts breaking the paragraphs of bs, set in fr, on other
// goroutines. It returns nil when there are too few paragraphs or no spare
// processor.
func (l *layout) startPrefetch(bs []article.Block, fr frame) *prefetcher {
	workers := min(runtime.GOMAXPROCS(0)-1, 3)
	if workers < 1 || l.art == nil {
		return nil
	}
	pf := &prefetcher{jobs: make([]*layJob, len(bs)), rtl: l.rtl}
	for i, b := range bs {
		p, ok := b.(*article.Paragraph)
		if !ok || article.HasNoteRef(p.Inlines) {
			continue // a note reference numbers the note: set in order
		}
		j := &layJob{para: p, fr: fr, indent: paraIndent(bs, i, fr), done: make(chan struct{})}
		pf.jobs[i] = j
		pf.order = append(pf.order, j)
	}
	if len(pf.order) < prefetchMin {
		return nil
	}
	pf.permits = make(chan struct{}, prefetchWindow+len(pf.order))
	for range prefetchWindow {
		pf.permits <- struct{}{}
	}
	pf.quit = make(chan struct{})
	// What a prefetch goroutine may read: its own copy of the fonts (they
	// are filled in as faces are first used), the page geometry, the
	// hyphenator (safe for concurrent use), the body's alignment.
	g, fonts, hyph, align := l.g, *l.fonts, l.art.hyphShared, l.bodyAlign()
	fonts.err = nil
	for range workers {
		go pf.work(g, fonts, hyph, align)
	}
	return pf
}

// work sets paragraphs in order, with align, until there are none left.
func (pf *prefetcher) work(g geometry, fonts fontSet, hyph func(string) []int, align linebreak.Align) {
	hyph = memoize(hyph)
	for {
		select {
		case <-pf.quit:
			return
		case <-pf.permits:
		}
		k := pf.next.Add(1) - 1
		if k >= int64(len(pf.order)) {
			return
		}
		j := pf.order[k]
		if !j.claim.CompareAndSwap(false, true) {
			continue
		}
		fs := fonts
		local := newLayout(g, &fs)
		local.art = &articleState{hyph: hyph}
		local.rtl = pf.rtl
		j.lines = local.breakParagraph(j.para.Inlines, j.fr, j.indent, align)
		j.local = local
		close(j.done)
	}
}

// take returns the lines of the paragraph at block index i, set in fr
// with indent, if a prefetch goroutine has set or is setting it; their
// styles are the layout's. It returns ok == false when the layout must
// set the paragraph itself.
func (pf *prefetcher) take(l *layout, i int, fr frame, indent float64) (lines []linebreak.Line, ok bool) {
	if pf == nil || i >= len(pf.jobs) || pf.jobs[i] == nil {
		return nil, false
	}
	j := pf.jobs[i]
	pf.permits <- struct{}{}
	if j.claim.CompareAndSwap(false, true) {
		return nil, false // not started: set it here
	}
	<-j.done
	if j.fr != fr || j.indent != indent {
		return nil, false // cannot happen: the prefetch foresaw another frame
	}
	local := j.local
	for k := range j.lines {
		segs := j.lines[k].Segments
		for s := range segs {
			segs[s].Style = l.style(local.styles[segs[s].Style])
		}
	}
	for _, r := range local.missingRunes {
		l.missing(r)
	}
	if local.fonts.err != nil && l.fonts.err == nil {
		l.fonts.err = local.fonts.err
	}
	l.prefetched++
	return j.lines, true
}

// stop ends the prefetch goroutines.
func (pf *prefetcher) stop() {
	if pf != nil {
		close(pf.quit)
	}
}

// paraIndent is the first-line indent of the paragraph at bs[i] in fr: a
// paragraph that follows another is indented, unless fr separates
// paragraphs with space.
func paraIndent(bs []article.Block, i int, fr frame) float64 {
	if i == 0 || fr.paraSpace {
		return 0
	}
	if _, ok := bs[i-1].(*article.Paragraph); !ok {
		return 0
	}
	return 1.25 * fr.sp.size
}
