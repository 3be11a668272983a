package pdf

import (
	"fmt"
	"strings"

	"github.com/offprint/offprint/internal/linebreak"
)

// fitRuns sets s on one line in sp, shortened with "…" to at most w.
func (l *layout) fitRuns(s string, sp span, w float64) []linebreak.Run {
	s = strings.Join(strings.Fields(s), " ")
	runs := l.plainRuns(s, sp, true)
	if l.runsWidth(runs) <= w {
		return runs
	}
	rs := []rune(s)
	lo, hi := 0, len(rs) // lo fits, hi does not
	var best []linebreak.Run
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		cand := l.plainRuns(strings.TrimRight(string(rs[:mid]), " ,;:.-–—")+"…", sp, true)
		if l.runsWidth(cand) <= w {
			lo, best = mid, cand
		} else {
			hi = mid
		}
	}
	if best == nil {
		return l.plainRuns("…", sp, true)
	}
	return best
}

// furnish adds the running header (the article's title, centred) and the
// footer (the authors at the left, "page N of M" at the right) to every
// page that has furniture; the page an article of a collection opens on
// has its title block instead of the header. The page count is known: layout is finished.
func (l *layout) furnish() {
	total := len(l.pages)
	sp := span{fam: sans, size: l.g.furniture, color: colorMuted}
	w := l.g.width()
	for i, p := range l.pages {
		if !p.furniture {
			continue
		}
		if l.g.header && p.title != "" && !p.opening {
			runs := l.fitRuns(p.title, sp, w*0.8)
			tw := l.runsWidth(runs)
			p.items = append(p.items, l.segmentItems(l.placeLine(runs, p.rtl), l.g.left+(w-tw)/2, l.g.headerY)...)
		}
		num := l.plainRuns(fmt.Sprintf(wordsFor(p.lang).page, i+1, total), sp, true)
		nw := l.runsWidth(num)
		numX, authX := l.g.right-nw, l.g.left // mirrored on a right-to-left page
		if p.rtl {
			numX = l.g.left
		}
		p.items = append(p.items, l.segmentItems(l.placeLine(num, p.rtl), numX, l.g.footerY)...)
		if p.authors != "" {
			runs := l.fitRuns(p.authors, sp, w-nw-2*sp.size)
			if p.rtl {
				authX = l.g.right - l.runsWidth(runs)
			}
			p.items = append(p.items, l.segmentItems(l.placeLine(runs, p.rtl), authX, l.g.footerY)...)
		}
	}
}
