package epub

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/bidi"

	"github.com/offprint/offprint/article"
)

func (p *textPage) inlines(inlines []article.Inline) {
	w := &p.w
	for _, in := range inlines {
		switch x := in.(type) {
		case *article.Text:
			w.text(x.Text)
		case *article.Emphasis:
			w.WriteString("<em>")
			p.inlines(x.Inlines)
			w.WriteString("</em>")
		case *article.Strong:
			w.WriteString("<strong>")
			p.inlines(x.Inlines)
			w.WriteString("</strong>")
		case *article.Strike:
			w.WriteString("<del>")
			p.inlines(x.Inlines)
			w.WriteString("</del>")
		case *article.Code:
			w.element("code", x.Text)
		case *article.Link:
			p.link(x)
		case *article.LineBreak:
			w.WriteString("<br/>")
		case *article.NoteRef:
			p.noteRef(x)
		}
	}
}

// link writes a hyperlink. Links that cannot work in an EPUB (a fragment
// naming nothing in the article, a relative address, a script, an address
// longer than article.MaxLinkURL) and links nested in links keep their text
// only.
func (p *textPage) link(l *article.Link) {
	w := &p.w
	href, ok := p.resolveLink(l.URL)
	if !ok || p.linkDepth > 0 {
		p.inlines(l.Inlines)
		return
	}
	p.linkDepth++
	defer func() { p.linkDepth-- }()
	class := ""
	if blankInlines(l.Inlines) || addressText(article.InlineText(l.Inlines)) {
		class = "url" // never hyphenated: a hyphen in an address misleads
	}
	w.open("a", "href", href, "title", cleanText(l.Title), "class", class)
	if blankInlines(l.Inlines) {
		w.text(l.URL)
	} else {
		p.inlines(l.Inlines)
	}
	w.WriteString("</a>")
}

// addressText reports whether a link's text is a web or e-mail address
// (https://example.org/a, www.example.org, example.org/path, a@b.org)
// rather than words: one word with a scheme, "www.", a slash after a
// dotted name, or an "@" before one.
func addressText(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsFunc(s, unicode.IsSpace) {
		return false
	}
	lower := strings.ToLower(s)
	if strings.Contains(lower, "://") || strings.HasPrefix(lower, "www.") || strings.HasPrefix(lower, "mailto:") {
		return true
	}
	host, _, slash := strings.Cut(s, "/")
	if _, domain, at := strings.Cut(host, "@"); at {
		host = domain
	}
	dot := strings.LastIndexByte(host, '.')
	if !slash && !strings.Contains(s, "@") || dot <= 0 || len(host)-dot-1 < 2 {
		return false
	}
	for _, r := range host[dot+1:] { // a top-level domain: letters
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// linkSchemes are the URL schemes a link in the book may use.
var linkSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "ftp": true, "tel": true}

// resolveLink returns the href for a link address, or false when the link
// must be dropped.
func (p *textPage) resolveLink(addr string) (string, bool) {
	addr = strings.TrimSpace(addr)
	if len(addr) > article.MaxLinkURL {
		if !p.warned[addr] {
			p.warned[addr] = true
			p.warn(fmt.Sprintf("link address of %d bytes (%.40q…) is longer than %d; its text is kept without the link",
				len(addr), addr, article.MaxLinkURL))
		}
		return "", false
	}
	if frag, ok := strings.CutPrefix(addr, "#"); ok {
		if f, err := url.PathUnescape(frag); err == nil {
			frag = f
		}
		if id, ok := p.anchors[frag]; ok {
			return "#" + id, true
		}
		if id, ok := p.anchors[unicodeSlug(frag)]; ok {
			return "#" + id, true
		}
		if !p.warned[addr] {
			p.warned[addr] = true
			p.warn(fmt.Sprintf("link to %q names nothing in the article; its text is kept without the link", addr))
		}
		return "", false
	}
	u, err := url.Parse(addr)
	if err != nil || !linkSchemes[strings.ToLower(u.Scheme)] ||
		(u.Scheme == "http" || u.Scheme == "https") && u.Host == "" {
		if !p.warned[addr] {
			p.warned[addr] = true
			p.warn(fmt.Sprintf("link to %q cannot work in an e-book; its text is kept without the link", addr))
		}
		return "", false
	}
	return u.String(), true
}

// dirFor returns the dir attribute value for a block whose text starts in
// a direction other than the page's ("rtl" for a Hebrew paragraph in an
// English article), or "" when the page's direction is right.
func (p *textPage) dirFor(inlines []article.Inline) string {
	d := firstStrongDirection(inlines)
	if d == "" || d == p.dir {
		return ""
	}
	return d
}

// firstStrongDirection returns the direction of the first strongly
// directional letter of inlines, or "".
func firstStrongDirection(inlines []article.Inline) string {
	dir := ""
	var scan func([]article.Inline) bool
	scan = func(ins []article.Inline) bool {
		for _, in := range ins {
			var s string
			switch x := in.(type) {
			case *article.Text:
				s = x.Text
			case *article.Code:
				s = x.Text
			case *article.Emphasis:
				if scan(x.Inlines) {
					return true
				}
			case *article.Strong:
				if scan(x.Inlines) {
					return true
				}
			case *article.Strike:
				if scan(x.Inlines) {
					return true
				}
			case *article.Link:
				if scan(x.Inlines) {
					return true
				}
			}
			for _, r := range s {
				if r < 'A' {
					continue
				}
				props, _ := bidi.LookupRune(r)
				switch props.Class() {
				case bidi.L:
					dir = "ltr"
					return true
				case bidi.R, bidi.AL:
					dir = "rtl"
					return true
				}
			}
		}
		return false
	}
	scan(inlines)
	return dir
}

// blankInlines reports whether inlines would show nothing: no text but
// white space, no code, no note reference.
func blankInlines(inlines []article.Inline) bool {
	blank := true
	walkInlineList(inlines, func(in article.Inline) {
		switch x := in.(type) {
		case *article.Text:
			if visible(x.Text) {
				blank = false
			}
		case *article.Code:
			if visible(x.Text) {
				blank = false
			}
		case *article.NoteRef:
			blank = false
		}
	})
	return blank
}
