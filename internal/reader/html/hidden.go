package html

import (
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/offprint/offprint/article"
)

// Text a page hides is not part of the article: what it hides from every
// reader (the hidden attribute, display:none, visibility:hidden) and what it
// shows only to screen readers, moved off the screen or clipped to a pixel
// ("sr-only", "visually-hidden", "screen-reader-text", "off-screen", and the
// clip: rect(0 0 0 0) pattern those classes stand for): "Media caption",
// "Share this article", a skip link. A book has no screen reader of its own
// to give that text to; the visible text says the same thing.
//
// MathML is the exception: pages put it in a hidden wrapper next to an
// image of the formula for screen readers and for browsers without MathML,
// and the MathML is the formula itself.

// srOnlyClasses are the class names of the common CSS frameworks and CMSs
// for text shown only to screen readers. A class ending in one of them after
// a hyphen or underscore counts too ("u-visually-hidden",
// "sharing-screen-reader-text").
var srOnlyClasses = []string{
	"sr-only", "screen-reader-only", "screen-reader-text", "screenreader-only", "screenreader",
	"visually-hidden", "visuallyhidden", "visually_hidden", "off-screen", "offscreen",
	"element-invisible", "a11y-hidden", "hidden-accessible", "show-for-sr", "assistive-text",
	"hide-text", "hidden-visually",
}

// hidden reports whether the page hides n from sighted readers (see above).
func hidden(n *xhtml.Node) bool {
	if v, ok := attrOK(n, "hidden"); ok && !strings.EqualFold(strings.TrimSpace(v), "until-found") {
		return true // hidden="until-found" is found by searching the page: it is text
	}
	if strings.EqualFold(attr(n, "aria-hidden"), "true") && n.DataAtom != atom.Img {
		return true
	}
	if hiddenStyle(attr(n, "style")) {
		return true
	}
	for _, cls := range strings.Fields(attr(n, "class")) {
		if srOnlyClass(strings.ToLower(cls)) {
			return true
		}
	}
	return false
}

// srOnlyClass reports whether a lower-cased class name is one of
// srOnlyClasses, alone or after a prefix ending in '-' or '_'.
func srOnlyClass(cls string) bool {
	for _, c := range srOnlyClasses {
		if cls == c {
			return true
		}
		if strings.HasSuffix(cls, c) {
			if sep := cls[len(cls)-len(c)-1]; sep == '-' || sep == '_' {
				return true
			}
		}
	}
	return false
}

// hiddenStyle reports whether an inline style hides its element: display
// none, visibility hidden, or the screen-reader pattern of a box clipped to
// nothing (clip: rect(0 0 0 0) or rect(1px, 1px, 1px, 1px), clip-path:
// inset(50%)) that is a pixel or less in size or taken out of the flow.
func hiddenStyle(style string) bool {
	if style == "" {
		return false
	}
	lower := strings.ToLower(style)
	s := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			return -1
		}
		return r
	}, lower)
	if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
		return true
	}
	clipped := strings.Contains(s, "clip-path:inset(50%)") || strings.Contains(s, "clip-path:inset(100%)")
	if i := strings.Index(lower, "rect("); i >= 0 && strings.Contains(s, "clip:rect(") {
		args := lower[i+len("rect("):]
		if j := strings.IndexByte(args, ')'); j >= 0 {
			clipped = clipped || tinyRect(args[:j])
		}
	}
	if !clipped {
		return false
	}
	return strings.Contains(s, "position:absolute") || strings.Contains(s, "position:fixed") ||
		strings.Contains(s, "width:1px") || strings.Contains(s, "height:1px") ||
		strings.Contains(s, "width:0") || strings.Contains(s, "height:0")
}

// tinyRect reports whether the arguments of a CSS rect(), separated by
// spaces or commas, are four lengths of zero or one pixel.
func tinyRect(args string) bool {
	vs := strings.FieldsFunc(args, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
	if len(vs) != 4 {
		return false
	}
	for _, v := range vs {
		switch v {
		case "0", "0px", "1px", "auto":
		default:
			return false
		}
	}
	return true
}

// hiddenMath returns the MathML of a hidden element (see above) as
// inlines. Only the math elements inside it are visited, not the
// wrappers, so a page of nested hidden wrappers costs one walk.
func (m *mapper) hiddenMath(n *xhtml.Node) []article.Inline {
	var out []article.Inline
	walk(n, func(c *xhtml.Node) bool {
		if c.Type == xhtml.ElementNode && c.DataAtom == atom.Math {
			out = append(out, m.inline(c)...)
			return false
		}
		return true
	})
	return out
}

// removeHidden takes hidden text (see above) out of a parsed page before
// readability sees it, while its classes and styles are still there: the
// MathML inside a hidden element is moved to where the element was, the
// rest is removed. The document's root, head and body stay, whatever they
// say. One walk finds the outermost hidden elements; each is then visited
// once more for its MathML, so the pass is linear in the page's size.
func removeHidden(doc *xhtml.Node) {
	var found []*xhtml.Node
	walk(doc, func(n *xhtml.Node) bool {
		if n.Type != xhtml.ElementNode {
			return false
		}
		switch n.DataAtom {
		case atom.Html, atom.Body:
			return true
		case atom.Head, atom.Script, atom.Style, atom.Template, atom.Math, atom.Svg:
			return false
		}
		if hidden(n) {
			found = append(found, n)
			return false
		}
		return true
	})
	for _, n := range found {
		var maths []*xhtml.Node
		walk(n, func(c *xhtml.Node) bool {
			if c.Type == xhtml.ElementNode && c.DataAtom == atom.Math {
				maths = append(maths, c)
				return false
			}
			return true
		})
		for _, mth := range maths {
			mth.Parent.RemoveChild(mth)
			n.Parent.InsertBefore(mth, n)
		}
		n.Parent.RemoveChild(n)
	}
}
