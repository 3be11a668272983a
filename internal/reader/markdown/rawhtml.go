package markdown

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"

	"github.com/offprint/offprint/article"
)

// Raw HTML is never passed on as markup. Its text is kept, its tags are
// dropped, with these exceptions: <br> is a line break, <img> an image
// (like a Markdown image), h1–h6 in an HTML block headings, <pre> a code
// block, and the elements below are dropped with everything inside them.
var droppedElements = map[string]bool{
	"script": true, "style": true, "template": true, "noscript": true,
	"iframe": true, "object": true, "embed": true, "svg": true, "math": true,
	"select": true, "canvas": true, "audio": true, "video": true, "head": true,
	"title": true, "button": true, "textarea": true,
}

// htmlBreaks are the elements that start or end a paragraph in an HTML
// block.
var htmlBreaks = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true,
	"body": true, "caption": true, "center": true, "dd": true, "details": true,
	"dialog": true, "dir": true, "div": true, "dl": true, "dt": true,
	"fieldset": true, "figcaption": true, "figure": true, "footer": true,
	"form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "header": true, "hr": true, "html": true, "legend": true,
	"li": true, "main": true, "menu": true, "nav": true, "ol": true, "p": true,
	"pre": true, "section": true, "summary": true, "table": true, "tbody": true,
	"td": true, "tfoot": true, "th": true, "thead": true, "tr": true, "ul": true,
}

// rawHTML is the source text of an inline raw HTML node.
func (c *converter) rawHTML(n *ast.RawHTML) string {
	var b strings.Builder
	for i := range n.Segments.Len() {
		seg := n.Segments.At(i)
		b.Write(seg.Value(c.src))
	}
	return b.String()
}

// isEndTag reports whether raw is the end tag of element name.
func isEndTag(raw, name string) bool {
	z := html.NewTokenizer(strings.NewReader(raw))
	if z.Next() != html.EndTagToken {
		return false
	}
	tag, _ := z.TagName()
	return string(tag) == name
}

// rawInline handles one inline raw HTML tag (goldmark gives each tag of a
// paragraph as its own node; the text between tags is Markdown text).
func (c *converter) rawInline(b *inlineList, raw string, skip *string) {
	z := html.NewTokenizer(strings.NewReader(raw))
	tt := z.Next()
	if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
		return // end tags, comments, processing instructions, CDATA
	}
	name, _ := z.TagName()
	switch tag := string(name); {
	case tag == "br":
		b.add(&article.LineBreak{})
	case tag == "img":
		a := attrs(z)
		c.inlineImage(b, strings.TrimSpace(a["src"]), collapseSpace(a["title"]), article.Plain(collapseSpace(cleanText(a["alt"]))))
	case droppedElements[tag] && tt == html.StartTagToken:
		*skip = tag
	}
}

// attrs returns the attributes of the tag just read (first occurrence wins).
func attrs(z *html.Tokenizer) map[string]string {
	a := make(map[string]string)
	for {
		k, v, more := z.TagAttr()
		if _, dup := a[string(k)]; !dup {
			a[string(k)] = string(v)
		}
		if !more {
			return a
		}
	}
}

// htmlBlocks converts a raw HTML block to paragraphs of its text (and
// headings, code blocks and images where the markup says so).
func (c *converter) htmlBlocks(raw string) []article.Block {
	var (
		out     []article.Block
		cur     inlineList
		heading int    // level of the h1–h6 being read, 0 outside one
		pre     int    // depth of <pre> elements
		code    string // text of the <pre> being read
		skip    string // the dropped element being skipped
		depth   int    // its nesting depth
	)
	flush := func() {
		ins := cur.inlines()
		cur = inlineList{}
		if strings.TrimSpace(article.InlineText(ins)) == "" {
			return
		}
		if heading > 0 {
			out = append(out, &article.Heading{Level: heading, Inlines: ins})
		} else {
			out = append(out, &article.Paragraph{Inlines: ins})
		}
	}
	z := html.NewTokenizer(strings.NewReader(raw))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			flush()
			if pre > 0 {
				out = append(out, codeBlock("", code)...)
			}
			return out
		}
		name, _ := z.TagName()
		tag := string(name)
		if skip != "" {
			switch {
			case tt == html.StartTagToken && tag == skip:
				depth++
			case tt == html.EndTagToken && tag == skip:
				if depth--; depth == 0 {
					skip = ""
				}
			}
			continue
		}
		switch tt {
		case html.TextToken:
			if pre > 0 {
				t := string(z.Text())
				if code == "" {
					// A newline right after <pre> is not content (HTML).
					t = strings.TrimPrefix(t, "\n")
				}
				code += t
			} else {
				cur.text(spaceRuns(cleanText(string(z.Text()))))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			switch {
			case droppedElements[tag]:
				if tt == html.StartTagToken {
					skip, depth = tag, 1
				}
			case tag == "br":
				if pre > 0 {
					code += "\n"
				} else {
					cur.add(&article.LineBreak{})
				}
			case tag == "img":
				a := attrs(z)
				alt := collapseSpace(cleanText(a["alt"]))
				flush()
				if img := c.image(strings.TrimSpace(a["src"]), alt); img != nil {
					img.Caption = article.Plain(collapseSpace(cleanText(a["title"])))
					if len(img.Caption) == 0 {
						img.Caption = article.Plain(alt)
					}
					out = append(out, img)
				} else if alt != "" {
					out = append(out, &article.Paragraph{Inlines: article.Plain(alt)})
				}
			case tag == "pre":
				flush()
				pre++
			case htmlBreaks[tag]:
				flush()
				if len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' {
					heading, _ = strconv.Atoi(tag[1:])
				}
			}
		case html.EndTagToken:
			switch {
			case tag == "pre" && pre > 0:
				if pre--; pre == 0 {
					out = append(out, codeBlock("", code)...)
					code = ""
				}
			case htmlBreaks[tag]:
				flush()
				if len(tag) == 2 && tag[0] == 'h' {
					heading = 0
				}
			}
		}
	}
}

// spaceRuns turns every run of ASCII white space in s into one space, as
// HTML renders it; tidy later trims paragraphs and merges spaces that meet.
func spaceRuns(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if isASCIISpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
