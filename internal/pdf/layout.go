package pdf

import (
	"context"

	"github.com/offprint/offprint/article"
)

// itemKind says what an item draws.
type itemKind uint8

const (
	kText     itemKind = iota // text: x, y (baseline), w, text, style
	kLine                     // a line from (x, y) to (x+w, y+h), lw wide
	kRect                     // a filled rectangle x, y, w, h
	kImage                    // an image x, y, w, h
	kLink                     // a link area x, y, w, h to the URL in text, or to dest
	kAnchor                   // a link destination at y
	kBookmark                 // an outline entry at y
)

// item is one thing placed on a page. In a row, y is relative to the row's
// top; on a page it is absolute. A long article has tens of thousands, so
// the fields are packed: text holds a link's URL, the small numbers are
// small types.
type item struct {
	x, y, w, h float64
	text       string
	image      *imageData
	lw         float64
	style      int32
	dest       int32 // kLink: anchor to go to; kAnchor: the anchor defined
	kind       itemKind
	color      rgb
	level      int8 // kBookmark: outline level, 0 = an article
}

// row is an unbreakable strip of the flow: a line of text, an image with
// its caption, a table row.
type row struct {
	h float64
	// before is space above the row, dropped at the top of a page.
	before float64
	// keep forbids a page break between this row and the next.
	keep bool
	// baseline is the y of the row's first baseline, where a list label
	// goes.
	baseline float64
	items    []item
	// line describes a text line of a paragraph, for tests; nil otherwise.
	line *lineInfo
}

// page is one laid-out page.
type page struct {
	items []item
	// furniture: the page gets a running header and footer; title is the
	// header text, authors the footer's.
	furniture bool
	title     string
	authors   string
	lang      string
	rtl       bool // the page's article runs from right to left
	// opening: an article of a collection opens on the page, under its
	// own title block; the page has a footer but no running header.
	opening bool
}

// lineInfo records one laid-out text line for tests and diagnostics.
type lineInfo struct {
	page      int
	left      float64 // x of the measure's left edge
	width     float64 // width of the measure
	size      float64 // body size of the paragraph
	justified bool    // a justified line that is not the last of its paragraph
	heading   bool    // a line of a heading
	para      int     // the paragraph's number in the document
	segs      []placedSeg
}

// placedSeg is a text segment of a lineInfo in page coordinates.
type placedSeg struct {
	x, w  float64
	text  string
	space bool // a word space precedes it
}

// noteInfo numbers a footnote and names its link anchors.
type noteInfo struct {
	num       int
	anchor    int // the note in the Notes section
	refAnchor int // its first reference in the text
}

// articleState is what the layout knows of the article being set.
type articleState struct {
	notes map[string]*noteInfo
	// hyph hyphenates words for this layout's goroutine; hyphShared is
	// the same function, safe for concurrent use.
	hyph, hyphShared func(string) []int
	// ragged sets the body ragged right: its language is not hyphenated
	// (bodyAlign).
	ragged bool
	// outline is the outline level of the last heading, for nesting.
	outline int
	// headingAnchors are the link destinations of the article's headings
	// in a collection, which its contents page links to; nil otherwise.
	headingAnchors map[*article.Heading]int
}

// layout sets articles into pages. It is the first of Write's two phases;
// the second draws the pages with gofpdf.
type layout struct {
	ctx      context.Context // stops the layout once done (Options.Context)
	g        geometry
	fonts    *fontSet
	styles   []textStyle
	styleIdx map[textStyle]int
	pages    []*page
	anchors  int
	images   []*imageData
	// loader adds the faces to the gofpdf document as they are first used;
	// preloaded tells that draw could use its document.
	loader    *fontLoader
	preloaded bool
	// prefetching is set while a prefetch breaks paragraphs ahead;
	// prefetched counts the paragraphs it set.
	prefetching bool
	prefetched  int
	// serial does everything on the calling goroutine (tests).
	serial bool
	// lines records the text lines when recordLines is set (tests).
	lines       []lineInfo
	recordLines bool
	paras       int
	// pendingBookmark is the outline entry of the heading being set, and
	// pendingAnchor its link destination (0: none).
	pendingBookmark item
	pendingAnchor   int
	// quiet sets headings without outline entries (the parts of a
	// collection's attribution pages that its outline leaves out).
	quiet bool
	warn  []string

	missingSet   map[rune]bool
	missingRunes []rune

	// The flow being built: rows and the state that spaces and keeps them.
	rows     []row
	flowH    float64 // the height of rows, as placePages measures it
	flow     flowState
	art      *articleState
	pageFurn page
	// rtl: the text being set runs from right to left (bidi.go).
	rtl bool
}

// flowState spaces blocks in the flow being built.
type flowState struct {
	// pendingBefore is space to put above the next row.
	pendingBefore float64
	// keepNext marks the next row as kept with the one after it (the first
	// line of a section stays with its heading and the second line).
	keepNext int
	// label is a list item's label, placed on the next row.
	label []item
	// afterPara: the previous block in this container was a paragraph.
	afterPara bool
}

func newLayout(g geometry, fonts *fontSet) *layout {
	return &layout{g: g, fonts: fonts, styleIdx: map[textStyle]int{}, missingSet: map[rune]bool{}}
}

// newAnchor returns a new link destination identifier.
func (l *layout) newAnchor() int {
	l.anchors++
	return l.anchors
}

// newPage starts a page.
func (l *layout) newPage(furniture bool) *page {
	p := &page{furniture: furniture}
	if furniture {
		p.title, p.authors, p.lang = l.pageFurn.title, l.pageFurn.authors, l.pageFurn.lang
		p.rtl = l.pageFurn.rtl
	}
	l.pages = append(l.pages, p)
	return p
}

// addRow appends a row to the flow, applying pending space, keeps and
// labels.
func (l *layout) addRow(r row) {
	r.before += l.flow.pendingBefore
	l.flow.pendingBefore = 0
	if l.flow.keepNext > 0 {
		r.keep = true
		l.flow.keepNext--
	}
	if len(l.flow.label) > 0 {
		for _, it := range l.flow.label {
			it.y += r.baseline
			r.items = append(r.items, it)
		}
		l.flow.label = nil
	}
	l.rows = append(l.rows, r)
	if len(l.rows) > 1 {
		l.flowH += r.before
	}
	l.flowH += r.h
	if l.flowH > l.g.height()+0.01 {
		l.placePages(false)
	}
}

// space asks for at least s points above the next row.
func (l *layout) space(s float64) {
	l.flow.pendingBefore = max(l.flow.pendingBefore, s)
}

// paginate places the rest of the flow on new pages.
func (l *layout) paginate() { l.placePages(true) }

// placePages places the flow's rows on new pages, breaking only where keeps
// allow: a page runs short rather than strand a heading, an orphan or a
// widow. A group of kept rows taller than a page is broken where it must.
// Unless all is set it places only the pages whose end is decided, those
// followed by a row that does not fit, and keeps the rest for later: the
// flow holds no more than a page or two of rows at a time.
func (l *layout) placePages(all bool) {
	rows := l.rows
	avail := l.g.height()
	i := 0
	for i < len(rows) {
		start := i
		y := 0.0
		j := i
		for ; j < len(rows); j++ {
			before := rows[j].before
			if j == start {
				before = 0
			}
			if j > start && y+before+rows[j].h > avail+0.01 {
				break
			}
			y += before + rows[j].h
		}
		if j == len(rows) && !all {
			break
		}
		if j < len(rows) {
			k := j
			for k > start && rows[k-1].keep {
				k--
			}
			if k > start {
				j = k
			}
		}
		l.placePage(rows[start:j])
		i = j
	}
	n := copy(l.rows, rows[i:])
	clear(l.rows[n:])
	l.rows = l.rows[:n]
	l.flowH = 0
	for k := range l.rows {
		if k > 0 {
			l.flowH += l.rows[k].before
		}
		l.flowH += l.rows[k].h
	}
}

// placePage sets rows on a new page.
func (l *layout) placePage(rows []row) {
	n := 0
	for k := range rows {
		n += len(rows[k].items)
	}
	p := l.newPage(true)
	p.items = make([]item, 0, n+furnitureItems)
	pageNo := len(l.pages)
	y := l.g.top
	for k := range rows {
		if k > 0 {
			y += rows[k].before
		}
		for _, it := range rows[k].items {
			it.y += y
			p.items = append(p.items, it)
		}
		if li := rows[k].line; li != nil {
			rec := *li
			rec.page = pageNo
			l.lines = append(l.lines, rec)
		}
		y += rows[k].h
	}
}

// furnitureItems is room for the running header and footer, added to
// every page once the page count is known.
const furnitureItems = 8
