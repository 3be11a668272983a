package html

import (
	"net/url"
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/reader/limits"
)

// maxDepth bounds the mapper's recursion. Deeper content is kept as plain
// text (see mapper.deep).
const maxDepth = 200

// mapper turns the content DOM readability returns into article blocks.
type mapper struct {
	base   *url.URL // links resolve against it; nil: relative links are dropped
	images *images
	depth  int
	// budget counts the blocks made (list items and table rows included)
	// against Options.MaxBlocks; mapping stops when it is over.
	budget limits.Counter
}

// builder accumulates the blocks of one container, and the inline run
// (text directly inside a div, or a paragraph being built) not yet made into
// a paragraph.
type builder struct {
	out    []article.Block
	inl    []article.Inline
	budget *limits.Counter // counts the blocks made; nil counts nothing
}

// builder returns a builder that counts its blocks in m's budget.
func (m *mapper) builder() builder { return builder{budget: &m.budget} }

func (b *builder) flush() {
	if len(b.inl) == 0 {
		return
	}
	if ins := normalizeInlines(b.inl); hasText(ins) {
		b.out = append(b.out, &article.Paragraph{Inlines: ins})
		b.count()
	}
	b.inl = nil
}

// add adds a block (nil adds none); a rule right after a rule is dropped.
func (b *builder) add(bl article.Block) {
	b.flush()
	if bl == nil {
		return
	}
	if _, ok := bl.(*article.Rule); ok && len(b.out) > 0 {
		if _, prev := b.out[len(b.out)-1].(*article.Rule); prev {
			return
		}
	}
	b.out = append(b.out, bl)
	b.count()
}

func (b *builder) count() {
	if b.budget != nil {
		b.budget.Add(1)
	}
}

// blocks returns the blocks made of n's children.
func (m *mapper) blocks(n *xhtml.Node) []article.Block {
	b := m.builder()
	m.children(n, &b)
	b.flush()
	return b.out
}

func (m *mapper) children(n *xhtml.Node, b *builder) {
	for c := n.FirstChild; c != nil && !m.budget.Over(); c = c.NextSibling {
		m.node(c, b)
	}
}

// Elements by role. Everything not named here is treated like a div.
var (
	// skipped are never content.
	skipped = tagSet("script", "style", "template", "noscript", "svg", "canvas",
		"iframe", "frame", "frameset", "object", "embed", "applet", "video", "audio",
		"source", "track", "map", "area", "form", "input", "button", "select",
		"option", "optgroup", "textarea", "datalist", "output", "progress", "meter",
		"nav", "dialog", "head", "title", "meta", "link", "base", "param", "rp")
	// phrasing elements are mapped as inlines unless they hold blocks.
	phrasing = tagSet("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del",
		"dfn", "em", "font", "i", "ins", "kbd", "mark", "q", "s", "samp", "small",
		"span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "label",
		"big", "nobr", "ruby", "rt", "rb", "wbr", "br", "math")
)

func tagSet(tags ...string) map[string]bool {
	m := make(map[string]bool, len(tags))
	for _, t := range tags {
		m[t] = true
	}
	return m
}

// node maps one node in block context.
func (m *mapper) node(n *xhtml.Node, b *builder) {
	switch n.Type {
	case xhtml.TextNode:
		b.inl = append(b.inl, &article.Text{Text: n.Data})
		return
	case xhtml.ElementNode:
	default:
		return
	}
	tag := n.Data
	if skipped[tag] {
		return
	}
	if hidden(n) {
		b.inl = append(b.inl, m.hiddenMath(n)...)
		return
	}
	if m.depth >= maxDepth {
		b.inl = append(b.inl, &article.Text{Text: " " + textContent(n) + " "})
		return
	}
	m.depth++
	defer func() { m.depth-- }()

	switch tag {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		if ins := normalizeInlines(m.inlines(n)); hasText(ins) {
			b.add(&article.Heading{Level: int(tag[1] - '0'), Inlines: ins})
		} else {
			m.children(n, b) // a heading that only holds an image
		}
	case "p", "address":
		b.flush()
		m.children(n, b)
		b.flush()
	case "blockquote":
		b.add(m.quote(n))
	case "ul", "ol", "menu", "dir":
		b.add(m.list(n))
	case "dl":
		b.flush()
		m.definitions(n, b)
	case "pre", "listing", "xmp", "plaintext":
		b.add(m.code(n))
	case "figure":
		b.flush()
		m.figure(n, b)
	case "img", "picture":
		if inlineImage(n) {
			b.inl = append(b.inl, m.inline(n)...)
			return
		}
		b.add(m.image(n))
	case "table":
		b.flush()
		m.table(n, b)
	case "hr":
		b.add(&article.Rule{})
	case "br":
		b.inl = append(b.inl, &article.LineBreak{})
	case "details":
		b.flush()
		m.children(n, b)
		b.flush()
	case "summary", "dt", "figcaption", "caption", "legend":
		if ins := normalizeInlines(m.inlines(n)); hasText(ins) {
			b.add(&article.Paragraph{Inlines: []article.Inline{&article.Strong{Inlines: ins}}})
		}
	default:
		if phrasing[tag] && !m.holdsBlocks(n) {
			b.inl = append(b.inl, m.inline(n)...)
			return
		}
		// div, section, article, main, header, footer, aside, center, li
		// out of a list, a link around a card, …: transparent.
		b.flush()
		m.children(n, b)
		b.flush()
	}
}

// holdsBlocks reports whether a phrasing element contains block content
// (or an image, which becomes a block of its own).
func (m *mapper) holdsBlocks(n *xhtml.Node) bool {
	found := false
	walk(n, func(c *xhtml.Node) bool {
		if found || c.Type != xhtml.ElementNode {
			return false
		}
		if skipped[c.Data] || c.Data == "math" || hidden(c) {
			return false // a formula is phrasing; hidden content adds nothing but formulas
		}
		if c.Data == "img" || c.Data == "picture" {
			found = !inlineImage(c)
			return false
		}
		if !phrasing[c.Data] {
			found = true
		}
		return !found
	})
	return found
}

// quote maps a blockquote; a <footer> or <cite> directly inside it is the
// attribution.
func (m *mapper) quote(n *xhtml.Node) article.Block {
	b := m.builder()
	var attribution []article.Inline
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && (c.DataAtom == atom.Footer || c.DataAtom == atom.Cite) && attribution == nil {
			if ins := normalizeInlines(m.inlines(c)); hasText(ins) {
				attribution = ins
				continue
			}
		}
		m.node(c, &b)
	}
	b.flush()
	if len(b.out) == 0 {
		if attribution != nil {
			return &article.Paragraph{Inlines: attribution}
		}
		return nil
	}
	return &article.Quote{Blocks: b.out, Attribution: dashed(attribution)}
}

// dashed starts an attribution with an em dash, as the model's examples do,
// unless it already starts with a dash.
func dashed(ins []article.Inline) []article.Inline {
	if len(ins) == 0 {
		return nil
	}
	t := article.InlineText(ins)
	for _, d := range []string{"—", "–", "―", "-", "~"} {
		if strings.HasPrefix(t, d) {
			return ins
		}
	}
	return append([]article.Inline{&article.Text{Text: "— "}}, ins...)
}

// list maps ul/ol. Items are the li children; stray content between them
// becomes an item of its own.
func (m *mapper) list(n *xhtml.Node) article.Block {
	l := &article.List{Ordered: n.Data == "ol"}
	if l.Ordered {
		// The model counts from one; start="0" or below cannot be said.
		if s, err := strconv.Atoi(strings.TrimSpace(attr(n, "start"))); err == nil && s > 1 && s < 1e9 {
			l.Start = s
		}
	}
	stray := m.builder()
	flushStray := func() {
		stray.flush()
		if len(stray.out) > 0 {
			l.Items = append(l.Items, article.ListItem{Blocks: stray.out})
		}
		stray = m.builder()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && c.DataAtom == atom.Li {
			flushStray()
			if bs := m.blocks(c); len(bs) > 0 {
				l.Items = append(l.Items, article.ListItem{Blocks: bs})
				m.budget.Add(1)
			}
			continue
		}
		m.node(c, &stray)
	}
	flushStray()
	if len(l.Items) == 0 {
		return nil
	}
	return l
}

// definitions maps a dl: terms as bold paragraphs, definitions as blocks.
func (m *mapper) definitions(n *xhtml.Node, b *builder) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && c.DataAtom == atom.Div {
			m.definitions(c, b) // <div><dt><dd></div> groups
			continue
		}
		m.node(c, b)
	}
	b.flush()
}

// code maps preformatted text, keeping its line breaks.
func (m *mapper) code(n *xhtml.Node) article.Block {
	var sb strings.Builder
	walk(n, func(c *xhtml.Node) bool {
		switch {
		case c.Type == xhtml.TextNode:
			sb.WriteString(c.Data)
		case c.Type == xhtml.ElementNode && c.DataAtom == atom.Br:
			sb.WriteByte('\n')
		case c.Type == xhtml.ElementNode && skipped[c.Data]:
			return false
		}
		return true
	})
	text := strings.ReplaceAll(sb.String(), "\r\n", "\n")
	text = strings.ReplaceAll(stripControls(text), "\r", "\n")
	text = strings.TrimPrefix(text, "\n")
	text = strings.TrimRight(text, " \t\n")
	if strings.TrimSpace(text) == "" {
		return nil
	}
	return &article.CodeBlock{Language: codeLanguage(n), Text: text}
}

// codeLanguage reads a language hint from the classes of a pre or of the
// code element inside it ("language-go", "lang-go", "highlight-go").
func codeLanguage(n *xhtml.Node) string {
	nodes := []*xhtml.Node{n}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && c.DataAtom == atom.Code {
			nodes = append(nodes, c)
		}
	}
	for _, x := range nodes {
		if l := attr(x, "data-lang"); l != "" && validLangHint(l) {
			return strings.ToLower(l)
		}
		for _, cls := range strings.Fields(attr(x, "class")) {
			for _, p := range []string{"language-", "lang-", "highlight-source-", "highlight-"} {
				if l, ok := strings.CutPrefix(strings.ToLower(cls), p); ok && validLangHint(l) {
					return l
				}
			}
		}
	}
	return ""
}

func validLangHint(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '#' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// figure maps a figure: its images (or other content), with the figcaption
// as the caption of the last image, or as a paragraph when there is none.
func (m *mapper) figure(n *xhtml.Node, b *builder) {
	var caption []article.Inline
	inner := m.builder()
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && c.DataAtom == atom.Figcaption {
			if ins := normalizeInlines(m.inlines(c)); hasText(ins) {
				if caption != nil {
					caption = append(caption, &article.Text{Text: " "})
				}
				caption = append(caption, ins...)
			}
			continue
		}
		m.node(c, &inner)
	}
	inner.flush()
	if _, media := attrOK(n, mediaMark); len(inner.out) == 0 && caption != nil && (media || holdsElements(n)) {
		// The figure held something besides its caption, and nothing of
		// it is left: media the book does not carry (a video, an audio
		// player, an embedded page) or that readability removed. The
		// caption describes what is not there; it stays only as a link
		// to the media, when the media's address is known.
		if u := m.mediaURL(n); u != "" {
			b.add(&article.Paragraph{Inlines: []article.Inline{&article.Link{URL: u, Inlines: caption}}})
		}
		return
	}
	var last *article.Image
	for _, bl := range inner.out {
		if img, ok := bl.(*article.Image); ok {
			last = img
		}
	}
	b.out = append(b.out, inner.out...)
	switch {
	case caption == nil:
	case last != nil:
		last.Caption = caption
	default:
		b.out = append(b.out, &article.Paragraph{Inlines: caption})
	}
}

// mediaURL returns the address of the first video, audio or embedded
// content in n (outside its caption) that a reader can follow, or "": the
// one markMedia noted, or one still there.
func (m *mapper) mediaURL(n *xhtml.Node) string {
	if v, ok := attrOK(n, mediaMark); ok {
		return m.linkURL(v)
	}
	u := ""
	walk(n, func(c *xhtml.Node) bool {
		if u != "" || c.Type != xhtml.ElementNode || c.DataAtom == atom.Figcaption {
			return false
		}
		switch c.DataAtom {
		case atom.Video, atom.Audio, atom.Iframe, atom.Embed, atom.Source:
			u = m.linkURL(attr(c, "src"))
		case atom.Object:
			u = m.linkURL(attr(c, "data"))
		}
		return u == ""
	})
	return u
}

// holdsElements reports whether n has an element child other than its
// figcaption.
func holdsElements(n *xhtml.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && c.DataAtom != atom.Figcaption {
			return true
		}
	}
	return false
}

// mediaMark is the attribute markMedia sets on a figure that holds media.
const mediaMark = "data-offprint-media"

// markMedia notes on each figure of the page that holds a video, an audio
// player or embedded content the address of the first, before readability
// removes the media and leaves the figure with its caption alone (see
// mapper.figure). An address that several figures share is a generic
// player's, not any one medium's: those figures are marked without one.
// Each media element climbs to its figure through ancestors no other has
// climbed through, so the pass is linear.
func markMedia(doc *xhtml.Node) {
	climbed := map[*xhtml.Node]bool{}
	var figures []*xhtml.Node
	uses := map[string]int{}
	walk(doc, func(n *xhtml.Node) bool {
		if n.Type != xhtml.ElementNode {
			return n.Type == xhtml.DocumentNode
		}
		src := ""
		switch n.DataAtom {
		case atom.Video, atom.Audio, atom.Iframe, atom.Embed:
			src = attr(n, "src")
			if src == "" {
				for c := n.FirstChild; c != nil && src == ""; c = c.NextSibling {
					if c.Type == xhtml.ElementNode && c.DataAtom == atom.Source {
						src = attr(c, "src")
					}
				}
			}
		case atom.Object:
			src = attr(n, "data")
		case atom.Head, atom.Script, atom.Style, atom.Template:
			return false
		default:
			return true
		}
		for a := n.Parent; a != nil && !climbed[a]; a = a.Parent {
			climbed[a] = true
			if a.DataAtom == atom.Figure {
				src = strings.TrimSpace(src)
				a.Attr = append(a.Attr, xhtml.Attribute{Key: mediaMark, Val: src})
				figures = append(figures, a)
				uses[src]++
				break
			}
		}
		return false
	})
	for _, f := range figures {
		if a := &f.Attr[len(f.Attr)-1]; uses[a.Val] > 1 {
			a.Val = ""
		}
	}
}
