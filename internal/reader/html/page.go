package html

import (
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/offprint/offprint/internal/lazyre"
)

// page holds what the whole document says about itself, gathered before
// readability takes the document apart.
type page struct {
	// props maps a lower-cased meta property, name or itemprop (or
	// http-equiv) to its values in document order.
	props map[string][]string
	// itemprops maps a lower-cased itemprop of a non-meta element to its
	// content, datetime or text, in document order.
	itemprops map[string][]string
	title     string   // <title>, white space folded
	lang      string   // <html lang> or xml:lang
	canonical string   // <link rel=canonical href>
	base      string   // <base href>
	h1        []string // texts of h1 elements
	jsonld    []string // bodies of application/ld+json scripts
	// bylines are the texts of the first elements that mark themselves as
	// a byline (rel=author, a class or id naming a byline or an author),
	// in document order, their parts set apart by spaces.
	bylines []string
}

// maxBylines is how many byline elements scanPage reads.
const maxBylines = 16

// bylineMark matches the class names and ids of byline elements, as
// readability has them.
var bylineMark = lazyre.New(`(?i)byline|author|dateline|writtenby|p-author`)

// prop returns the first value of the first of keys that has one.
func (p *page) prop(keys ...string) string {
	for _, k := range keys {
		for _, v := range p.props[k] {
			if v = strings.TrimSpace(v); v != "" {
				return v
			}
		}
	}
	return ""
}

// propAll returns all values of the first of keys that has any.
func (p *page) propAll(keys ...string) []string {
	for _, k := range keys {
		var vs []string
		for _, v := range p.props[k] {
			if v = strings.TrimSpace(v); v != "" {
				vs = append(vs, v)
			}
		}
		if len(vs) > 0 {
			return vs
		}
	}
	return nil
}

// itemprop returns the first value of a schema.org microdata property.
func (p *page) itemprop(key string) string {
	for _, v := range p.itemprops[strings.ToLower(key)] {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// scanPage walks the document without recursion and collects its
// metadata; then it removes the page's hidden text (see removeHidden),
// which readability would otherwise take for the article's once it has
// stripped the classes and styles that hide it, and notes which figures
// hold media (see markMedia), which readability removes.
func scanPage(doc *xhtml.Node) *page {
	p := &page{props: map[string][]string{}, itemprops: map[string][]string{}}
	add := func(m map[string][]string, key, val string) {
		if key = strings.ToLower(strings.TrimSpace(key)); key != "" {
			m[key] = append(m[key], val)
		}
	}
	bylineTries := 0
	for n := doc; n != nil; n = next(n, false) {
		if n.Type != xhtml.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Html:
			if p.lang == "" {
				p.lang = attr(n, "lang")
			}
			if p.lang == "" {
				p.lang = attr(n, "xml:lang")
			}
		case atom.Title:
			if p.title == "" && !inSVG(n) {
				p.title = fold(textContent(n))
			}
		case atom.Base:
			if p.base == "" {
				p.base = attr(n, "href")
			}
		case atom.Link:
			for _, rel := range strings.Fields(strings.ToLower(attr(n, "rel"))) {
				if rel == "canonical" && p.canonical == "" {
					p.canonical = attr(n, "href")
				}
			}
		case atom.Meta:
			content, ok := attrOK(n, "content")
			if !ok {
				break
			}
			for _, k := range []string{"property", "name", "itemprop"} {
				// property="og:title article:author" may list several.
				for _, key := range strings.Fields(attr(n, k)) {
					add(p.props, key, content)
				}
			}
			if he := attr(n, "http-equiv"); he != "" {
				add(p.props, "http-equiv:"+he, content)
			}
		case atom.H1:
			if t := fold(textContent(n)); t != "" {
				p.h1 = append(p.h1, t)
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				p.jsonld = append(p.jsonld, textContent(n))
			}
		}
		if bylineTries < maxBylines && isBylineElement(n) {
			// Each try reads a subtree: a bounded number of them keeps the
			// scan linear however the page nests such elements.
			bylineTries++
			if t := spacedText(n, 200); t != "" {
				p.bylines = append(p.bylines, t)
			}
		}
		if n.DataAtom != atom.Meta {
			if ip := attr(n, "itemprop"); ip != "" {
				for _, key := range strings.Fields(ip) {
					add(p.itemprops, key, itempropValue(n, key))
				}
			}
		}
	}
	removeHidden(doc)
	markMedia(doc)
	return p
}

// isBylineElement reports whether an element of the body marks itself as
// the article's byline: a link with rel=author, or an element whose class
// or id names a byline or an author. Links, headings and blocks of a page's
// chrome (a list of authors, the site's header) mark themselves the same
// way; the texts are judged later (see visibleByline).
func isBylineElement(n *xhtml.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Head, atom.Body, atom.Meta, atom.Link, atom.Script, atom.Style, atom.Img, atom.Template:
		return false
	}
	for _, rel := range strings.Fields(attr(n, "rel")) {
		if strings.EqualFold(rel, "author") {
			return true
		}
	}
	return bylineMark().MatchString(attr(n, "class")) || bylineMark().MatchString(attr(n, "id"))
}

// spacedText returns the text of n with its elements set apart by spaces
// ("<a>Lucas Nolan</a><span>22 Dec</span>" is "Lucas Nolan 22 Dec"),
// folded, or "" when it is longer than limit bytes: a byline is short.
func spacedText(n *xhtml.Node, limit int) string {
	var b strings.Builder
	walk(n, func(c *xhtml.Node) bool {
		if b.Len() > limit {
			return false
		}
		switch c.Type {
		case xhtml.TextNode:
			b.WriteString(c.Data)
		case xhtml.ElementNode:
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript:
				return false
			}
			b.WriteByte(' ')
		}
		return true
	})
	if b.Len() > limit {
		return ""
	}
	return clean(b.String())
}

// itempropValue returns the value of a microdata property on an element
// other than <meta>: its content or datetime attribute, or for a headline
// or an author its text (an author's itemprop=name when it has one).
func itempropValue(n *xhtml.Node, key string) string {
	if v := attr(n, "content"); v != "" {
		return v
	}
	if v := attr(n, "datetime"); v != "" {
		return v
	}
	switch key {
	case "headline":
		return fold(textContent(n))
	case "author", "creator":
		var name *xhtml.Node
		walk(n, func(c *xhtml.Node) bool {
			if name == nil && c.Type == xhtml.ElementNode && strings.EqualFold(attr(c, "itemprop"), "name") {
				name = c
			}
			return name == nil
		})
		if name != nil {
			return itempropValue(name, "headline")
		}
		return fold(textContent(n))
	}
	return ""
}

// next returns the node after n in document order; with skipChildren it
// does not descend into n.
func next(n *xhtml.Node, skipChildren bool) *xhtml.Node {
	if !skipChildren && n.FirstChild != nil {
		return n.FirstChild
	}
	for ; n != nil; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

// inSVG reports whether n is inside an <svg> (whose <title> is not the
// page's).
func inSVG(n *xhtml.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Svg || p.Namespace == "svg" {
			return true
		}
	}
	return n.Namespace == "svg"
}

func attr(n *xhtml.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

// textContent returns the text of n and its descendants, without recursion.
func textContent(n *xhtml.Node) string {
	if n.Type == xhtml.TextNode {
		return n.Data
	}
	var b strings.Builder
	walk(n, func(c *xhtml.Node) bool {
		if c.Type == xhtml.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return b.String()
}

// walk calls fn for each descendant of root in document order, without
// recursion; it does not descend into a node for which fn returns false.
func walk(root *xhtml.Node, fn func(*xhtml.Node) bool) {
	n := root.FirstChild
	for n != nil {
		if fn(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
		}
		if n == root {
			return
		}
		n = n.NextSibling
	}
}

// fold collapses runs of white space into single spaces and trims the ends.
func fold(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
