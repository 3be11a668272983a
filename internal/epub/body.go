package epub

import (
	"strconv"
	"strings"

	"github.com/offprint/offprint/article"
)

// contentStats counts what a book holds, for its accessibility metadata.
type contentStats struct {
	headings      int
	images        int // images in the book
	imagesWithAlt int // of which with a text alternative
	imagesLeftOut int // images that could not be embedded
	tables        int
	headedTables  int // tables with a header row
	notes         int
	codeBlocks    int
}

// add adds the counts of s to c.
func (c *contentStats) add(s contentStats) {
	c.headings += s.headings
	c.images += s.images
	c.imagesWithAlt += s.imagesWithAlt
	c.imagesLeftOut += s.imagesLeftOut
	c.tables += s.tables
	c.headedTables += s.headedTables
	c.notes += s.notes
	c.codeBlocks += s.codeBlocks
}

// textSetup says where and how an article's text is written.
type textSetup struct {
	l        *labels // the labels of the page's language
	lang     string  // the page's language
	bookLang string  // the book's language, for the table of contents
	href     string  // the page's path relative to the package document
	imageDir string  // the path from the page to the images
	// part is true when the article is one of several in the book: its
	// page then opens with its title block (a level-2 heading, the body's
	// headings one level lower) and closes with its attribution. When the
	// article is the book, its title block and attribution are pages of
	// their own.
	part bool
	// number is the article's number in the book, from 1; it names the
	// identifiers of the page's title, notes and attribution in a book of
	// several articles.
	number int
	ids    *idSet // the identifiers taken in the whole book
	images map[*article.Image]*imageFile
	warn   func(string)
}

// textPage renders the body and the endnotes of one article as the XHTML
// of a page. Create it with newTextPage, then call render once.
type textPage struct {
	textSetup
	a          *article.Article
	dir        string // the page's base direction, "ltr" or "rtl"
	levelShift int    // added to heading levels; 0 when the article is the book
	// tocLang is the language of the article's text in the table of
	// contents: "" when it is the book's.
	tocLang string

	titleID, notesID, attributionID string

	headingIDs map[*article.Heading]string
	anchors    map[string]string // fragment → element identifier
	noteIDs    map[string]string // Note.ID → element identifier
	noteNums   map[string]int    // Note.ID → number, from 1
	referenced map[string]bool   // Note.ID → has a reference
	refsSeen   map[string]int    // Note.ID → references rendered so far
	warned     map[string]bool   // fragments already warned about
	written    map[string]bool   // heading identifiers written

	w         xw
	toc       []*navEntry // the page's headings, nested
	stack     []*navEntry // the open branch of toc while rendering
	prevLevel int         // the last heading level written
	linkDepth int         // >0 inside a link
	inNote    bool        // rendering a note
	stats     contentStats
}

// newTextPage prepares the identifiers of an article's title, headings and
// notes, so that fragment links can be resolved before the text is
// written.
func newTextPage(a *article.Article, s textSetup) *textPage {
	p := &textPage{
		textSetup: s, a: a, dir: direction(s.lang),
		headingIDs: make(map[*article.Heading]string),
		anchors:    make(map[string]string),
		noteNums:   make(map[string]int, len(a.Notes)),
		referenced: make(map[string]bool),
		refsSeen:   make(map[string]int),
		warned:     make(map[string]bool),
		written:    make(map[string]bool),
		prevLevel:  1,
	}
	if !sameLanguage(s.lang, s.bookLang) {
		p.tocLang = s.lang
	}
	suffix := ""
	if s.part {
		p.levelShift = 1
		suffix = "-" + strconv.Itoa(s.number)
		p.titleID = p.ids.take(titleID + suffix)
	}
	if len(a.Notes) > 0 {
		p.notesID = p.ids.take(notesID + suffix)
	}
	if s.part {
		p.attributionID = p.ids.take(attributionID + suffix)
	}
	p.noteIDs = noteIDs(a.Notes, p.ids)
	for i, n := range a.Notes {
		p.noteNums[n.ID] = i + 1
		id := p.noteIDs[n.ID]
		p.anchors[id] = id
		p.anchors["fn:"+n.ID] = id
	}
	for _, h := range a.Headings() {
		text := cleanText(article.InlineText(h.Inlines))
		if _, seen := p.headingIDs[h]; seen || text == "" {
			continue
		}
		id := p.ids.take(headingID(text))
		p.headingIDs[h] = id
		for _, key := range []string{id, unicodeSlug(text), text} {
			if _, ok := p.anchors[key]; !ok && key != "" {
				p.anchors[key] = id
			}
		}
	}
	mark := func(in article.Inline) {
		if r, ok := in.(*article.NoteRef); ok {
			p.referenced[r.ID] = true
		}
	}
	walkInlines(a.Blocks, mark)
	for _, n := range a.Notes {
		walkInlines(n.Blocks, mark)
	}
	return p
}

// render writes the article's page: its title block when it is part of a
// book of several, its body, its endnotes, and its attribution when it is
// part of a book of several.
func (p *textPage) render() []byte {
	w := &p.w
	if p.part {
		w.open("section", "class", "article", "epub:type", "bodymatter chapter", "role", "doc-chapter",
			"aria-labelledby", p.titleID)
		w.WriteByte('\n')
		writeTitleBlock(w, &p.a.Meta, p.l, p.lang, 2, p.titleID)
	} else {
		w.open("section", "epub:type", "bodymatter chapter", "role", "doc-chapter",
			"aria-label", cleanText(p.a.Meta.Title))
		w.WriteByte('\n')
	}
	p.blocks(p.a.Blocks)
	w.WriteString("</section>\n")
	if len(p.a.Notes) > 0 {
		p.endnotes()
	}
	if p.part {
		writeAttribution(w, &p.a.Meta, p.l, p.lang, p.attributionID, 3, nil)
	}
	return w.Bytes()
}

func (p *textPage) blocks(blocks []article.Block) {
	for _, b := range blocks {
		p.block(b)
	}
}

func (p *textPage) block(b article.Block) {
	w := &p.w
	switch x := b.(type) {
	case *article.Heading:
		p.heading(x)
	case *article.Paragraph:
		if blankInlines(x.Inlines) {
			return
		}
		w.open("p", "dir", p.dirFor(x.Inlines))
		p.inlines(x.Inlines)
		w.WriteString("</p>\n")
	case *article.Quote:
		p.quote(x)
	case *article.List:
		p.list(x)
	case *article.CodeBlock:
		p.stats.codeBlocks++
		w.open("pre")
		w.WriteString("<code>")
		w.text(strings.TrimRight(x.Text, "\r\n"))
		w.WriteString("</code></pre>\n")
	case *article.Image:
		p.image(x)
	case *article.Table:
		p.table(x)
	case *article.Rule:
		w.WriteString("<hr/>\n")
	}
}

func (p *textPage) heading(h *article.Heading) {
	w := &p.w
	if p.inNote {
		// A heading inside a note would break the outline of the page.
		if blankInlines(h.Inlines) {
			return
		}
		w.WriteString(`<p class="note-heading"><strong>`)
		p.inlines(h.Inlines)
		w.WriteString("</strong></p>\n")
		return
	}
	id, ok := p.headingIDs[h]
	if !ok {
		p.warn("empty heading left out")
		return
	}
	if p.written[id] {
		// The same heading twice in the tree: a fresh identifier.
		id = p.ids.take(id)
	}
	p.written[id] = true
	// Levels never skip: a level-4 heading after a level-2 one becomes
	// level 3, so that the outline (and the table of contents) is whole.
	level := min(h.Level, p.prevLevel+1)
	p.prevLevel = level
	tag := "h" + strconv.Itoa(min(level+p.levelShift, 6))
	w.open(tag, "id", id, "dir", p.dirFor(h.Inlines))
	p.inlines(h.Inlines)
	w.close(tag)
	w.WriteByte('\n')
	p.stats.headings++
	p.addToC(level, cleanText(article.InlineText(h.Inlines)), p.href+"#"+id)
}

// addToC files a heading of the given level under the last heading of a
// lower level.
func (p *textPage) addToC(level int, label, href string) {
	e := &navEntry{label: label, labelLang: p.tocLang, href: href, level: level}
	for len(p.stack) > 0 && p.stack[len(p.stack)-1].level >= level {
		p.stack = p.stack[:len(p.stack)-1]
	}
	if len(p.stack) == 0 {
		p.toc = append(p.toc, e)
	} else {
		parent := p.stack[len(p.stack)-1]
		parent.children = append(parent.children, e)
	}
	p.stack = append(p.stack, e)
}

func (p *textPage) quote(q *article.Quote) {
	w := &p.w
	hasAttribution := !blankInlines(q.Attribution)
	if hasAttribution {
		w.WriteString(`<figure class="quote">` + "\n")
	}
	w.WriteString("<blockquote>\n")
	p.blocks(q.Blocks)
	w.WriteString("</blockquote>\n")
	if hasAttribution {
		w.open("figcaption", "class", "attribution", "dir", p.dirFor(q.Attribution))
		p.inlines(q.Attribution)
		w.WriteString("</figcaption>\n</figure>\n")
	}
}

func (p *textPage) list(l *article.List) {
	w := &p.w
	tag := "ul"
	if l.Ordered {
		tag = "ol"
		w.WriteString("<ol")
		if l.Start != 0 && l.Start != 1 {
			w.intAttr("start", l.Start)
		}
		w.WriteString(">\n")
	} else {
		w.WriteString("<ul>\n")
	}
	for _, it := range l.Items {
		p.listItem(it)
	}
	w.close(tag)
	w.WriteByte('\n')
}

// listItem writes an item; an item that is one paragraph, possibly
// followed by nested lists, is written tight, without <p>.
func (p *textPage) listItem(it article.ListItem) {
	w := &p.w
	blocks := it.Blocks
	var first *article.Paragraph
	if len(blocks) > 0 {
		first, _ = blocks[0].(*article.Paragraph)
	}
	tight := first != nil
	for _, b := range blocks[min(1, len(blocks)):] {
		if _, ok := b.(*article.List); !ok {
			tight = false
		}
	}
	if !tight {
		w.WriteString("<li>")
		p.blocks(blocks)
		w.WriteString("</li>\n")
		return
	}
	w.open("li", "dir", p.dirFor(first.Inlines))
	p.inlines(first.Inlines)
	if len(blocks) > 1 {
		w.WriteByte('\n')
		p.blocks(blocks[1:])
	}
	w.WriteString("</li>\n")
}

func (p *textPage) image(img *article.Image) {
	w := &p.w
	f := p.images[img]
	alt := cleanText(img.Alt)
	if f == nil {
		// The image could not be embedded: keep what text it had.
		p.stats.imagesLeftOut++
		if alt != "" {
			w.element("p", alt, "class", "image-missing")
			w.WriteByte('\n')
		}
		if !blankInlines(img.Caption) {
			w.WriteString(`<p class="caption">`)
			p.inlines(img.Caption)
			w.WriteString("</p>\n")
		}
		return
	}
	p.stats.images++
	if alt != "" {
		p.stats.imagesWithAlt++
	}
	w.WriteString("<figure>\n<img")
	w.attr("src", p.imageDir+f.name)
	w.attr("alt", alt)
	w.intAttr("width", f.width)
	w.intAttr("height", f.height)
	w.WriteString("/>\n")
	if !blankInlines(img.Caption) {
		w.open("figcaption", "dir", p.dirFor(img.Caption))
		p.inlines(img.Caption)
		w.WriteString("</figcaption>\n")
	}
	w.WriteString("</figure>\n")
}

func (p *textPage) table(t *article.Table) {
	w := &p.w
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	p.stats.tables++
	align := func(i int) string {
		if i < len(t.Align) {
			switch t.Align[i] {
			case article.AlignLeft:
				return "align-left"
			case article.AlignCenter:
				return "align-center"
			case article.AlignRight:
				return "align-right"
			}
		}
		return ""
	}
	w.WriteString("<table>\n")
	if !blankInlines(t.Caption) {
		w.WriteString("<caption>")
		p.inlines(t.Caption)
		w.WriteString("</caption>\n")
	}
	row := func(cells []article.Cell, header bool) {
		w.WriteString("<tr>")
		for i := 0; i < cols; i++ {
			var inlines []article.Inline
			if i < len(cells) {
				inlines = cells[i].Inlines
			}
			// An empty header cell heads nothing: a data cell, so that
			// screen readers are not given an empty header.
			tag, scope := "td", ""
			if header && !blankInlines(inlines) {
				tag, scope = "th", "col"
			}
			w.open(tag, "scope", scope, "class", align(i))
			p.inlines(inlines)
			w.close(tag)
		}
		w.WriteString("</tr>\n")
	}
	header := false
	for _, c := range t.Header {
		header = header || !blankInlines(c.Inlines)
	}
	if header {
		p.stats.headedTables++
		w.WriteString("<thead>\n")
		row(t.Header, true)
		w.WriteString("</thead>\n")
	}
	if len(t.Rows) > 0 {
		w.WriteString("<tbody>\n")
		for _, r := range t.Rows {
			row(r, false)
		}
		w.WriteString("</tbody>\n")
	}
	w.WriteString("</table>\n")
}
