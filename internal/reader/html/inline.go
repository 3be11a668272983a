package html

import (
	"net/url"
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"

	"github.com/offprint/offprint/article"
)

// inlines maps the children of n as inline content.
func (m *mapper) inlines(n *xhtml.Node) []article.Inline {
	var out []article.Inline
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, m.inline(c)...)
	}
	return out
}

// inline maps one node as inline content. Block elements met here (a div
// inside a span, a paragraph inside a heading) give their text, set off by
// spaces.
func (m *mapper) inline(n *xhtml.Node) []article.Inline {
	switch n.Type {
	case xhtml.TextNode:
		return []article.Inline{&article.Text{Text: n.Data}}
	case xhtml.ElementNode:
	default:
		return nil
	}
	if skipped[n.Data] {
		return nil
	}
	if hidden(n) {
		return m.hiddenMath(n)
	}
	if m.depth >= maxDepth {
		return []article.Inline{&article.Text{Text: " " + textContent(n) + " "}}
	}
	m.depth++
	defer func() { m.depth-- }()

	switch n.Data {
	case "em", "i", "cite", "dfn", "var":
		return wrap(m.inlines(n), func(c []article.Inline) article.Inline { return &article.Emphasis{Inlines: c} })
	case "strong", "b":
		return wrap(m.inlines(n), func(c []article.Inline) article.Inline { return &article.Strong{Inlines: c} })
	case "del", "s", "strike":
		return wrap(m.inlines(n), func(c []article.Inline) article.Inline { return &article.Strike{Inlines: c} })
	case "code", "kbd", "samp", "tt":
		if t := collapse(textContent(n)); t != "" {
			return []article.Inline{&article.Code{Text: t}}
		}
		return nil
	case "a":
		return m.link(n)
	case "br":
		return []article.Inline{&article.LineBreak{}}
	case "q":
		c := m.inlines(n)
		if len(c) == 0 {
			return nil
		}
		return append(append([]article.Inline{&article.Text{Text: "“"}}, c...), &article.Text{Text: "”"})
	case "img":
		if alt := collapse(attr(n, "alt")); strings.TrimSpace(alt) != "" {
			return []article.Inline{&article.Text{Text: alt}}
		}
		return nil
	case "math":
		if alt := attr(n, "alttext"); alt != "" {
			return []article.Inline{&article.Text{Text: alt}}
		}
		return []article.Inline{&article.Text{Text: mathText(n)}}
	case "wbr":
		return nil
	}
	c := m.inlines(n)
	if phrasing[n.Data] {
		return c
	}
	// A block element in inline context: keep it apart from its neighbours.
	return append(append([]article.Inline{&article.Text{Text: " "}}, c...), &article.Text{Text: " "})
}

// wrap puts inlines into an element, or returns nil when there are none.
func wrap(c []article.Inline, mk func([]article.Inline) article.Inline) []article.Inline {
	if len(c) == 0 {
		return nil
	}
	return []article.Inline{mk(c)}
}

// link maps an anchor. Links that lead nowhere a reader can follow (script,
// fragments of the original page, unresolvable relative addresses) keep
// only their text.
func (m *mapper) link(n *xhtml.Node) []article.Inline {
	c := m.inlines(n)
	if len(c) == 0 {
		return nil
	}
	href := m.linkURL(attr(n, "href"))
	if href == "" {
		return c
	}
	return []article.Inline{&article.Link{URL: href, Title: clean(attr(n, "title")), Inlines: c}}
}

// linkURL returns the absolute form of href, or "" for a link that should
// not be kept.
func (m *mapper) linkURL(href string) string {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if m.base != nil {
		u = m.base.ResolveReference(u)
	}
	u.RawQuery = escapeQuery(u.RawQuery)
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "ftp":
		if u.Host == "" {
			return ""
		}
	case "mailto", "tel":
		if u.Opaque == "" {
			return ""
		}
	default:
		return ""
	}
	s := u.String()
	if strings.ContainsAny(s, " \n\t") || strings.IndexFunc(s, isControl) >= 0 {
		return ""
	}
	return s
}

// inlineImage reports whether an image is an icon or emoji set in the text
// rather than a picture of its own: small by its stated size, or marked as
// an emoji.
func inlineImage(n *xhtml.Node) bool {
	if strings.Contains(strings.ToLower(attr(n, "class")), "emoji") {
		return true
	}
	w, errW := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(attr(n, "width")), "px"))
	h, errH := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(attr(n, "height")), "px"))
	return errW == nil && errH == nil && w > 0 && h > 0 && w <= 32 && h <= 32
}

// mathText returns the text of a MathML formula as it reads: its
// presentation, without the annotations (a TeX source, a content-MathML
// tree) that only repeat it, unless there is nothing else.
func mathText(n *xhtml.Node) string {
	var b strings.Builder
	walk(n, func(c *xhtml.Node) bool {
		switch {
		case c.Type == xhtml.TextNode:
			b.WriteString(c.Data)
		case c.Type == xhtml.ElementNode && (c.Data == "annotation" || c.Data == "annotation-xml"):
			return false
		}
		return true
	})
	if strings.TrimSpace(b.String()) == "" {
		return textContent(n)
	}
	return b.String()
}
