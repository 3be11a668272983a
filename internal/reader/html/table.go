package html

import (
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/offprint/offprint/article"
)

// maxColspan bounds how many columns one cell may claim.
const maxColspan = 50

// table maps a table. A table used for layout (role=presentation, a single
// row or column without header cells, cells holding block structure) is
// transparent: its cells' content becomes blocks in reading order.
func (m *mapper) table(n *xhtml.Node, b *builder) {
	var rows []*xhtml.Node
	var head []*xhtml.Node // rows inside thead
	var caption *xhtml.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != xhtml.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Caption:
			if caption == nil {
				caption = c
			}
		case atom.Tr:
			rows = append(rows, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == xhtml.ElementNode && r.DataAtom == atom.Tr {
					rows = append(rows, r)
					if c.DataAtom == atom.Thead {
						head = append(head, r)
					}
				}
			}
		}
	}
	if layoutTable(n, rows) {
		if caption != nil {
			m.node(caption, b)
		}
		for _, r := range rows {
			for _, cell := range cells(r) {
				b.flush()
				m.children(cell, b)
				b.flush()
			}
		}
		return
	}

	t := &article.Table{}
	width := 0
	for i, r := range rows {
		var row []article.Cell
		var aligns []article.Align
		allTH := true
		for _, cell := range cells(r) {
			if cell.DataAtom != atom.Th {
				allTH = false
			}
			ins := normalizeInlines(m.inlines(cell))
			row = append(row, article.Cell{Inlines: ins})
			aligns = append(aligns, cellAlign(cell))
			span, _ := strconv.Atoi(strings.TrimSpace(attr(cell, "colspan")))
			for k := 1; k < span && k < maxColspan; k++ {
				row = append(row, article.Cell{})
				aligns = append(aligns, cellAlign(cell))
			}
		}
		if len(row) == 0 {
			continue
		}
		isHead := t.Header == nil && len(t.Rows) == 0 && (contains(head, r) || (i == 0 && allTH))
		if isHead {
			t.Header = row
			t.Align = aligns
		} else {
			t.Rows = append(t.Rows, row)
		}
		if !m.budget.Add(1) {
			break
		}
		width = max(width, len(row))
	}
	if t.Header != nil {
		for len(t.Header) < width {
			t.Header = append(t.Header, article.Cell{})
		}
	} else if len(t.Rows) > 0 {
		t.Align = rowAligns(rows)
	}
	if caption != nil {
		t.Caption = normalizeInlines(m.inlines(caption))
	}
	if !tableHasText(t) {
		return
	}
	for len(t.Align) > 0 && t.Align[len(t.Align)-1] == article.AlignDefault {
		t.Align = t.Align[:len(t.Align)-1]
	}
	b.add(t)
}

// cells returns the td and th children of a row.
func cells(r *xhtml.Node) []*xhtml.Node {
	var cs []*xhtml.Node
	for c := r.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
			cs = append(cs, c)
		}
	}
	return cs
}

// layoutTable reports whether a table arranges the page rather than
// tabulating data: it says so (role=presentation), its cells hold block
// structure (a table, a heading, a quotation, preformatted text, a figure),
// or it is a single row or column without header cells, or its cells are
// pictures rather than text (a gallery, a photo beside its story). Pictures
// in a table of data (ticks and crosses, flags, icons beside the text of
// their cells) do not make it a layout: they stand in the table as their
// alt text.
func layoutTable(n *xhtml.Node, rows []*xhtml.Node) bool {
	if role := strings.ToLower(attr(n, "role")); role == "presentation" || role == "none" {
		return true
	}
	hasTH, cols := false, 0
	pictures, texts := 0, 0 // cells holding a picture and no text; cells with text
	for _, r := range rows {
		cs := cells(r)
		cols = max(cols, len(cs))
		for _, c := range cs {
			if c.DataAtom == atom.Th {
				hasTH = true
			}
			structured, picture := false, false
			walk(c, func(d *xhtml.Node) bool {
				if d.Type == xhtml.ElementNode {
					switch d.DataAtom {
					case atom.Table, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
						atom.Blockquote, atom.Pre, atom.Figure:
						structured = true
					case atom.Img, atom.Picture:
						picture = picture || !inlineImage(d)
						return false
					}
				}
				return !structured
			})
			if structured {
				return true
			}
			switch {
			case strings.TrimSpace(textContent(c)) != "":
				texts++
			case picture:
				pictures++
			}
		}
	}
	if pictures > 0 && pictures >= texts {
		return true
	}
	if hasTH {
		return false
	}
	return len(rows) <= 1 || cols <= 1
}

// cellAlign reads a cell's alignment from its align attribute or style.
func cellAlign(c *xhtml.Node) article.Align {
	a := strings.ToLower(strings.TrimSpace(attr(c, "align")))
	if a == "" {
		style := strings.ToLower(strings.ReplaceAll(attr(c, "style"), " ", ""))
		if i := strings.Index(style, "text-align:"); i >= 0 {
			a = style[i+len("text-align:"):]
			if j := strings.IndexAny(a, ";!"); j >= 0 {
				a = a[:j]
			}
		}
	}
	switch a {
	case "left", "start":
		return article.AlignLeft
	case "center":
		return article.AlignCenter
	case "right", "end":
		return article.AlignRight
	}
	return article.AlignDefault
}

// rowAligns takes column alignments from the first row.
func rowAligns(rows []*xhtml.Node) []article.Align {
	if len(rows) == 0 {
		return nil
	}
	var as []article.Align
	for _, c := range cells(rows[0]) {
		as = append(as, cellAlign(c))
	}
	return as
}

func contains(rows []*xhtml.Node, r *xhtml.Node) bool {
	for _, x := range rows {
		if x == r {
			return true
		}
	}
	return false
}

func tableHasText(t *article.Table) bool {
	for _, c := range t.Header {
		if hasText(c.Inlines) {
			return true
		}
	}
	for _, r := range t.Rows {
		for _, c := range r {
			if hasText(c.Inlines) {
				return true
			}
		}
	}
	return false
}
