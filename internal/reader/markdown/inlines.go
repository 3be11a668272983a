package markdown

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	stdhtml "html"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/offprint/offprint/article"
)

// softBreak marks a soft line break inside a Text while the article is
// being built; tidy turns it into a space (or nothing between CJK
// characters). Quote attributions are found by it first.
const softBreak = "\n"

// inlineList builds a list of inlines, merging adjacent texts (in a
// builder: a paragraph may hold thousands of text nodes).
type inlineList struct {
	list    []article.Inline
	pending strings.Builder
}

func (b *inlineList) text(s string) {
	b.pending.WriteString(s)
}

func (b *inlineList) add(ins ...article.Inline) {
	for _, in := range ins {
		if t, ok := in.(*article.Text); ok {
			b.text(t.Text)
			continue
		}
		b.flush()
		b.list = append(b.list, in)
	}
}

func (b *inlineList) flush() {
	if b.pending.Len() > 0 {
		b.list = append(b.list, &article.Text{Text: b.pending.String()})
		b.pending.Reset()
	}
}

// inlines returns the list built.
func (b *inlineList) inlines() []article.Inline {
	b.flush()
	return b.list
}

// inlines converts the inline children of n.
func (c *converter) inlines(n ast.Node) []article.Inline {
	var b inlineList
	skip := "" // the raw-text HTML element (script, style…) being skipped
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if skip != "" {
			if raw, ok := ch.(*ast.RawHTML); ok && isEndTag(c.rawHTML(raw), skip) {
				skip = ""
			}
			continue
		}
		c.inline(&b, ch, &skip)
	}
	return b.inlines()
}

func (c *converter) inline(b *inlineList, n ast.Node, skip *string) {
	switch x := n.(type) {
	case *ast.Text:
		if x.IsRaw() {
			b.text(cleanText(string(x.Value(c.src))))
		} else {
			b.text(textValue(x.Value(c.src)))
		}
		switch {
		case x.HardLineBreak():
			b.add(&article.LineBreak{})
		case x.SoftLineBreak():
			b.text(softBreak)
		}
	case *ast.String:
		if x.IsCode() || x.IsRaw() {
			b.text(cleanText(string(x.Value)))
		} else {
			b.text(textValue(x.Value))
		}
	case *ast.CodeSpan:
		var s strings.Builder
		for t := x.FirstChild(); t != nil; t = t.NextSibling() {
			if t, ok := t.(*ast.Text); ok {
				v := string(t.Value(c.src))
				s.WriteString(strings.ReplaceAll(v, "\n", " "))
				if t.SoftLineBreak() {
					s.WriteByte(' ')
				}
			}
		}
		if code := cleanText(s.String()); code != "" {
			b.add(&article.Code{Text: code})
		}
	case *ast.Emphasis:
		ins := c.inlines(x)
		switch {
		case len(ins) == 0:
		case x.Level >= 2:
			b.add(&article.Strong{Inlines: ins})
		default:
			b.add(&article.Emphasis{Inlines: ins})
		}
	case *east.Strikethrough:
		if ins := c.inlines(x); len(ins) > 0 {
			b.add(&article.Strike{Inlines: ins})
		}
	case *ast.Link:
		c.link(b, x.Destination, c.attrText(x.Title), c.inlines(x), hasImage(x))
	case *ast.AutoLink:
		u := string(x.URL(c.src))
		if x.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
			u = "mailto:" + u
		}
		c.link(b, []byte(u), "", article.Plain(cleanText(string(x.Label(c.src)))), false)
	case *ast.Image:
		c.inlineImage(b, markdownRef(x.Destination), c.attrText(x.Title), c.altInlines(x))
	case *ast.RawHTML:
		c.rawInline(b, c.rawHTML(x), skip)
	case *east.FootnoteLink:
		b.add(&article.NoteRef{ID: noteID(x.Index)})
	case *east.FootnoteBacklink:
	case *east.TaskCheckBox:
		if x.IsChecked {
			b.text("☑ ")
		} else {
			b.text("☐ ")
		}
	default:
		// An inline from an extension this reader does not know: keep its text.
		b.add(c.inlines(n)...)
	}
}

// altInlines converts an image's alt text (images inside it become text).
func (c *converter) altInlines(n ast.Node) []article.Inline {
	saved := c.altMode
	c.altMode = true
	defer func() { c.altMode = saved }()
	return c.inlines(n)
}

func hasImage(n ast.Node) bool {
	found := false
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*ast.Image); ok && entering {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// link adds a link to b. A link whose address cannot be kept (a relative
// address with no source address to resolve it against, or a scheme such
// as javascript:) leaves its text; a link without text shows its address,
// unless its text was an image, which has been hoisted.
func (c *converter) link(b *inlineList, dest []byte, title string, ins []article.Inline, hadImage bool) {
	u, ok := c.linkURL(dest)
	if strings.TrimSpace(article.InlineText(ins)) == "" && !article.HasNoteRef(ins) {
		if hadImage || !ok {
			return
		}
		ins = article.Plain(u)
		if strings.HasPrefix(u, "mailto:") {
			ins = article.Plain(strings.TrimPrefix(u, "mailto:"))
		}
	}
	if !ok {
		b.add(ins...)
		return
	}
	b.add(&article.Link{URL: u, Title: title, Inlines: ins})
}

// safeSchemes are the link schemes kept; links with any other scheme
// (javascript:, data:, file:, vbscript:…) keep their text only.
var safeSchemes = map[string]bool{
	"http": true, "https": true, "mailto": true, "ftp": true, "ftps": true,
	"tel": true, "sms": true, "xmpp": true, "irc": true, "ircs": true,
	"news": true, "nntp": true, "gopher": true, "geo": true, "doi": true,
}

// linkURL resolves a link destination (backslash escapes and entities
// resolved, unsafe characters percent-encoded) to an absolute address or a
// fragment, and reports whether it can be kept.
func (c *converter) linkURL(dest []byte) (string, bool) {
	raw := strings.TrimSpace(cleanText(string(resolveRefs(dest))))
	if raw == "" {
		return "", false
	}
	esc := string(util.URLEscape([]byte(raw), false))
	if strings.HasPrefix(esc, "#") {
		return esc, len(esc) > 1
	}
	u, err := url.Parse(esc)
	if err != nil {
		return "", false
	}
	if u.Scheme == "" {
		if c.base == nil {
			return "", false
		}
		return c.base.ResolveReference(u).String(), true
	}
	if !safeSchemes[strings.ToLower(u.Scheme)] {
		return "", false
	}
	return esc, true
}

// resolveRefs resolves backslash escapes and character references in a
// link destination or title, as goldmark's HTML renderer does.
func resolveRefs(v []byte) []byte {
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	return util.ResolveEntityNames(v)
}

// attrText is the plain text of a link or image title.
func (c *converter) attrText(v []byte) string {
	if len(v) == 0 {
		return ""
	}
	return collapseSpace(textValue(v))
}

// textValue is the text of a Markdown text segment: backslash escapes and
// character references resolved exactly as goldmark's HTML writer resolves
// them (its output is unescaped back to text), control characters dropped.
func textValue(v []byte) string {
	if bytes.IndexAny(v, "\\&\x00") < 0 {
		return cleanText(string(v))
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	gmhtml.DefaultWriter.Write(w, v)
	_ = w.Flush()
	return cleanText(stdhtml.UnescapeString(buf.String()))
}

// cleanText drops the control characters that have no place in running
// text (everything below U+0020 but tab and line feed, DEL, and the C1
// controls) and turns tabs into spaces.
func cleanText(s string) string {
	if !hasControl(s, true) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case r == '\n':
			return r
		case isControl(r):
			return -1
		}
		return r
	}, s)
}

// cleanCode is cleanText for preformatted text: tabs are kept.
func cleanCode(s string) string {
	if !hasControl(s, false) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r != '\t' && r != '\n' && isControl(r) {
			return -1
		}
		return r
	}, s)
}

func isControl(r rune) bool {
	return r < 0x20 || r >= 0x7f && r <= 0x9f
}

func hasControl(s string, tabs bool) bool {
	for _, r := range s {
		if isControl(r) && r != '\n' && (r != '\t' || tabs) {
			return true
		}
	}
	return false
}

// collapseSpace trims s and turns every run of ASCII white space into one
// space. No-break spaces are kept: they are meant.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, isASCIISpace), " ")
}

func isASCIISpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
}

// altText is the plain text of an image's alt inlines.
func altText(ins []article.Inline) string {
	return collapseSpace(article.InlineText(ins))
}

// markdownRef is an image reference as written in Markdown, escapes and
// character references resolved.
func markdownRef(dest []byte) string {
	return strings.TrimSpace(cleanText(string(resolveRefs(dest))))
}

// inlineImage handles an image inside running text. Its alt text stays in
// the sentence, which then still reads ("press the ⚙ gear button"), and
// the image, when it can be embedded, is hoisted out of the paragraph and
// placed after it, captioned by its title if it has one.
func (c *converter) inlineImage(b *inlineList, ref, title string, alt []article.Inline) {
	b.add(alt...)
	if c.altMode || c.images == nil {
		return
	}
	if img := c.image(ref, altText(alt)); img != nil {
		img.Caption = article.Plain(title)
		c.hoisted = append(c.hoisted, img)
	}
}

// image loads the image at ref for embedding, or returns nil after a
// warning (none when images are switched off).
func (c *converter) image(ref, alt string) *article.Image {
	if c.images == nil || c.opt.NoImages {
		return nil
	}
	img, err := c.images.load(ref)
	if errors.Is(err, errNotFetched) {
		c.notFetched++
		return nil
	}
	if overBudget(err) {
		return nil // counted in the loader's one warning
	}
	if err != nil {
		c.warn(fmt.Sprintf("markdown: image %q: %v; its alt text is kept", shortRef(ref), err))
		return nil
	}
	img.Alt = alt
	return img
}
