package markdown

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/reader/limits"
)

// converter maps goldmark's syntax tree onto the article model.
type converter struct {
	src  []byte
	opt  *Options
	warn func(string)
	// images loads images; nil means images become their alt text.
	images *imageLoader
	// base resolves relative links (the article's source address); nil
	// means relative links are dropped and their text kept.
	base *url.URL
	// altMode makes inline images their alt text instead of hoisting them
	// (headings, table cells).
	altMode bool
	// hoisted collects the images of the paragraph being converted; they
	// are placed after it.
	hoisted []article.Block
	// notes collects the footnotes, in order of first reference.
	notes []article.Note
	// notFetched counts the remote images skipped for want of a loader.
	notFetched int
	// budget counts the blocks made (list items and table rows included)
	// against Options.MaxBlocks; conversion stops when it is over.
	budget limits.Counter
}

// blocks converts the block children of n.
func (c *converter) blocks(n ast.Node) []article.Block {
	var out []article.Block
	for ch := n.FirstChild(); ch != nil && !c.budget.Over(); ch = ch.NextSibling() {
		bs := c.block(ch)
		c.budget.Add(len(bs))
		out = append(out, bs...)
	}
	return out
}

// block converts one block node; it may give none (an empty raw HTML
// block) or several (a paragraph and the images hoisted out of it).
func (c *converter) block(n ast.Node) []article.Block {
	switch x := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return c.paragraph(x)
	case *ast.Heading:
		saved := c.altMode
		c.altMode = true
		ins := c.inlines(x)
		c.altMode = saved
		return []article.Block{&article.Heading{Level: x.Level, Inlines: ins}}
	case *ast.ThematicBreak:
		return []article.Block{&article.Rule{}}
	case *ast.CodeBlock:
		return codeBlock("", c.lines(x.Lines()))
	case *ast.FencedCodeBlock:
		lang := ""
		if x.Info != nil {
			lang = codeLanguage(string(x.Info.Value(c.src)))
		}
		return codeBlock(lang, c.lines(x.Lines()))
	case *ast.Blockquote:
		q := &article.Quote{Blocks: c.blocks(x)}
		splitAttribution(q)
		return []article.Block{q}
	case *ast.List:
		l := &article.List{Ordered: x.IsOrdered()}
		if l.Ordered && x.Start > 1 {
			// The model counts from one (Start 0); "0." cannot be said.
			l.Start = x.Start
		}
		for it := x.FirstChild(); it != nil && c.budget.Add(1); it = it.NextSibling() {
			l.Items = append(l.Items, article.ListItem{Blocks: c.blocks(it)})
		}
		if len(l.Items) == 0 {
			return nil
		}
		return []article.Block{l}
	case *ast.HTMLBlock:
		raw := c.lines(x.Lines())
		if x.HasClosure() {
			raw += string(x.ClosureLine.Value(c.src))
		}
		return c.htmlBlocks(raw)
	case *east.Table:
		return []article.Block{c.table(x)}
	case *east.FootnoteList:
		for fn := x.FirstChild(); fn != nil; fn = fn.NextSibling() {
			if f, ok := fn.(*east.Footnote); ok && f.Index > 0 {
				c.notes = append(c.notes, article.Note{ID: noteID(f.Index), Blocks: c.blocks(f)})
			}
		}
		return nil
	case *ast.LinkReferenceDefinition:
		return nil
	}
	// A block from an extension this reader does not know: keep what it holds.
	if n.Type() == ast.TypeBlock {
		return c.blocks(n)
	}
	return nil
}

// noteID is the identifier of goldmark's footnote number i: its number, as
// footnotes are numbered in order of first reference.
func noteID(i int) string { return strconv.Itoa(i) }

// lines concatenates the source lines of a block.
func (c *converter) lines(segs *text.Segments) string {
	var b strings.Builder
	for i := range segs.Len() {
		seg := segs.At(i)
		b.Write(seg.Value(c.src))
	}
	return b.String()
}

func codeBlock(lang, code string) []article.Block {
	code = strings.TrimRight(cleanCode(code), "\n")
	if strings.TrimSpace(code) == "" {
		return nil
	}
	return []article.Block{&article.CodeBlock{Language: lang, Text: code}}
}

// codeLanguage reads the language from a fence's info string: its first
// word ("go" in "go linenums"), or the first class of a pandoc attribute
// block ("python" in "{.python .numberLines}").
func codeLanguage(info string) string {
	info = strings.TrimSpace(info)
	if strings.HasPrefix(info, "{") {
		for _, f := range strings.Fields(strings.Trim(info, "{}")) {
			if strings.HasPrefix(f, ".") && len(f) > 1 {
				return cleanText(f[1:])
			}
		}
		return ""
	}
	if f := strings.Fields(info); len(f) > 0 {
		return cleanText(strings.TrimPrefix(f[0], "."))
	}
	return ""
}

// paragraph converts a paragraph. A paragraph of nothing but images (each
// perhaps wrapped in a link) becomes image blocks — figures, captioned by
// their title or else their alt text. In running text an image is hoisted:
// it is taken out of the text and placed after the paragraph.
func (c *converter) paragraph(n ast.Node) []article.Block {
	if imgs := soleImages(n, c.src); imgs != nil && !c.altMode && c.images != nil {
		var out []article.Block
		for _, im := range imgs {
			out = append(out, c.figure(im)...)
		}
		return out
	}
	saved := c.hoisted
	c.hoisted = nil
	var out []article.Block
	if ins := c.inlines(n); len(ins) > 0 {
		out = append(out, &article.Paragraph{Inlines: ins})
	}
	out = append(out, c.hoisted...)
	c.hoisted = saved
	return out
}

// soleImages returns the images of a paragraph that holds images and
// nothing else but white space, or nil.
func soleImages(n ast.Node, src []byte) []*ast.Image {
	var imgs []*ast.Image
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch x := ch.(type) {
		case *ast.Image:
			imgs = append(imgs, x)
		case *ast.Link:
			im := soleImages(x, src)
			if len(im) != 1 {
				return nil
			}
			imgs = append(imgs, im[0])
		case *ast.Text:
			if strings.TrimSpace(string(x.Value(src))) != "" {
				return nil
			}
		default:
			return nil
		}
	}
	return imgs
}

// figure converts an image that stands alone in its paragraph. When the
// image cannot be embedded its alt text is kept as a paragraph.
func (c *converter) figure(n *ast.Image) []article.Block {
	saved := c.altMode
	c.altMode = true
	alt := c.inlines(n)
	c.altMode = saved
	img := c.image(markdownRef(n.Destination), altText(alt))
	if img == nil {
		if len(alt) == 0 {
			return nil
		}
		return []article.Block{&article.Paragraph{Inlines: alt}}
	}
	if title := c.attrText(n.Title); title != "" {
		img.Caption = article.Plain(title)
	} else {
		img.Caption = alt
	}
	return []article.Block{img}
}

// table converts a GFM table. Rows are cut to the header's width.
func (c *converter) table(n *east.Table) *article.Table {
	t := &article.Table{}
	for _, a := range n.Alignments {
		t.Align = append(t.Align, alignment(a))
	}
	saved := c.altMode
	c.altMode = true
	defer func() { c.altMode = saved }()
	row := func(r ast.Node) []article.Cell {
		var cells []article.Cell
		for cell := r.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, article.Cell{Inlines: c.inlines(cell)})
		}
		return cells
	}
	for r := n.FirstChild(); r != nil && c.budget.Add(1); r = r.NextSibling() {
		switch r.(type) {
		case *east.TableHeader:
			t.Header = row(r)
		case *east.TableRow:
			cells := row(r)
			if len(t.Header) > 0 && len(cells) > len(t.Header) {
				cells = cells[:len(t.Header)]
			}
			t.Rows = append(t.Rows, cells)
		}
	}
	return t
}

func alignment(a east.Alignment) article.Align {
	switch a {
	case east.AlignLeft:
		return article.AlignLeft
	case east.AlignCenter:
		return article.AlignCenter
	case east.AlignRight:
		return article.AlignRight
	}
	return article.AlignDefault
}

// attributionMarkers open the last line of a block quote that names its
// source: an em dash, a horizontal bar, an en dash, or two or more hyphens.
var attributionMarkers = []string{"—", "―", "–", "--"}

// splitAttribution moves a closing "— Source" line of a quote into its
// Attribution: the last line of the last paragraph (after a soft or hard
// line break), or the whole last paragraph when the quote has other blocks.
// The attribution keeps a leading "— " (the marker normalised to an em
// dash), as the model's documentation shows it.
func splitAttribution(q *article.Quote) {
	if len(q.Blocks) == 0 {
		return
	}
	p, ok := q.Blocks[len(q.Blocks)-1].(*article.Paragraph)
	if !ok {
		return
	}
	// Find where the last line starts: index i of the inline, offset off
	// inside it when it is a Text holding the soft-break marker.
	i, off := -1, 0
	for j := len(p.Inlines) - 1; j >= 0 && i < 0; j-- {
		switch x := p.Inlines[j].(type) {
		case *article.LineBreak:
			i, off = j+1, 0
		case *article.Text:
			if k := strings.LastIndexByte(x.Text, '\n'); k >= 0 {
				i, off = j, k+1
			}
		}
	}
	whole := i < 0
	if whole {
		if len(q.Blocks) < 2 {
			return
		}
		i, off = 0, 0
	}
	if i >= len(p.Inlines) {
		return
	}
	first, ok := p.Inlines[i].(*article.Text)
	if !ok {
		return
	}
	rest, ok := cutAttributionMarker(first.Text[off:])
	if !ok {
		return
	}
	attr := append([]article.Inline{&article.Text{Text: "— " + rest}}, p.Inlines[i+1:]...)
	if strings.TrimSpace(article.InlineText(attr)) == "—" {
		return
	}
	head := append([]article.Inline(nil), p.Inlines[:i]...)
	if before := strings.TrimSuffix(first.Text[:off], "\n"); before != "" {
		head = append(head, &article.Text{Text: before})
	}
	if len(head) > 0 && !whole {
		if _, ok := head[len(head)-1].(*article.LineBreak); ok {
			head = head[:len(head)-1]
		}
	}
	q.Attribution = attr
	if whole || len(head) == 0 {
		q.Blocks = q.Blocks[:len(q.Blocks)-1]
	} else {
		p.Inlines = head
	}
}

// cutAttributionMarker returns s without its leading attribution marker and
// the spaces around it, and whether s had one.
func cutAttributionMarker(s string) (string, bool) {
	s = strings.TrimLeft(s, " \t")
	for _, m := range attributionMarkers {
		if strings.HasPrefix(s, m) {
			rest := strings.TrimLeft(s[len(m):], "-—―– \t\u00a0")
			return rest, true
		}
	}
	return "", false
}
