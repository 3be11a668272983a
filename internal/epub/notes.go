package epub

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/offprint/offprint/article"
)

// noteRef writes a reference to a note: its number, linked to the note,
// named for assistive technology in the page's words ("Note 2").
func (p *textPage) noteRef(r *article.NoteRef) {
	w := &p.w
	num := p.noteNums[r.ID]
	if p.linkDepth > 0 {
		// No link inside a link: the number alone.
		w.WriteString("<sup>")
		w.WriteString(strconv.Itoa(num))
		w.WriteString("</sup>")
		return
	}
	p.refsSeen[r.ID]++
	id := refID(p.noteIDs[r.ID], p.refsSeen[r.ID])
	w.WriteString("<sup>")
	w.open("a", "id", id, "href", "#"+p.noteIDs[r.ID],
		"epub:type", "noteref", "role", "doc-noteref", "aria-label", fmt.Sprintf(p.l.noteRef, num))
	w.WriteString(strconv.Itoa(num))
	w.WriteString("</a></sup>")
}

// refID returns the identifier of the n-th reference (from 1) to the note
// with identifier noteID ("fn-x" → "fnref-x", "fnref-x.2"…). A dot never
// occurs in a note or heading identifier, so these never collide.
func refID(noteID string, n int) string {
	id := "fnref-" + strings.TrimPrefix(noteID, "fn-")
	if n > 1 {
		id += "." + strconv.Itoa(n)
	}
	return id
}

func (p *textPage) endnotes() {
	w := &p.w
	p.inNote = true
	defer func() { p.inNote = false }()
	p.stats.notes = len(p.a.Notes)
	w.open("section", "class", "endnotes", "epub:type", "endnotes", "role", "doc-endnotes", "aria-labelledby", p.notesID)
	w.WriteByte('\n')
	tag := "h" + strconv.Itoa(min(2+p.levelShift, 6))
	w.open(tag, "id", p.notesID)
	w.label(p.l, p.lang, p.l.notes)
	w.close(tag)
	w.WriteString("\n<ol>\n")
	for _, n := range p.a.Notes {
		id := p.noteIDs[n.ID]
		w.open("li", "id", id, "epub:type", "endnote")
		w.WriteByte('\n')
		blocks := n.Blocks
		var last *article.Paragraph
		if len(blocks) > 0 {
			if para, ok := blocks[len(blocks)-1].(*article.Paragraph); ok && !blankInlines(para.Inlines) {
				last = para
				blocks = blocks[:len(blocks)-1]
			}
		}
		p.blocks(blocks)
		if last != nil || p.referenced[n.ID] {
			if last != nil {
				w.open("p", "dir", p.dirFor(last.Inlines))
				p.inlines(last.Inlines)
			} else {
				w.WriteString("<p>")
			}
			if p.referenced[n.ID] {
				if last != nil {
					w.WriteByte(' ')
				}
				w.open("a", "href", "#"+refID(id, 1), "role", "doc-backlink",
					"aria-label", p.l.backToText)
				w.WriteString("↩\uFE0E</a>")
			}
			w.WriteString("</p>\n")
		}
		w.WriteString("</li>\n")
	}
	w.WriteString("</ol>\n</section>\n")
	p.toc = append(p.toc, &navEntry{label: p.l.notes, labelLang: p.l.lang, href: p.href + "#" + p.notesID, level: 2})
}
