package markdown

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/lang"
	"github.com/offprint/offprint/internal/reader/limits"
)

// markdownParser is the CommonMark parser with the GitHub extensions
// (tables, strikethrough, autolinks, task lists) and footnotes. A goldmark
// parser is safe for concurrent use.
var markdownParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote)).Parser()
})

// Read converts a Markdown document to an article. See the package
// documentation for how each construct maps onto the model. The article it
// returns passes Validate; errors start with "markdown: ".
func Read(data []byte, opt Options) (*article.Article, error) {
	src, err := normalise(data)
	if err != nil {
		return nil, err
	}
	warn := opt.Warn
	if warn == nil {
		warn = func(string) {}
	}

	a := &article.Article{}
	fm := splitFrontMatter(src)
	body := fm.body
	hadMeta := false
	switch {
	case fm.found:
		root, err := parseYAML(fm.yaml)
		if err != nil {
			return nil, err
		}
		if root != nil {
			a.Meta = newMetaReader(root, plainText, warn).meta()
			hadMeta = true
		} else if isBlankYAML(fm.yaml) {
			hadMeta = true
		} else {
			body = src // a scalar or a list between two rules: Markdown, not metadata
		}
	case fm.unclosed:
		warn(`markdown: line 1: "---" opens a metadata block that is never closed; read as Markdown`)
	}

	if limited, changed := limitNesting(body, maxContainers); changed {
		warn(fmt.Sprintf("markdown: block quotes and lists nested deeper than %d were flattened", maxContainers))
		body = limited
	}
	if n := bytes.Count(body, []byte("[^")); n > maxFootnoteMarks {
		warn(fmt.Sprintf("markdown: %d footnote marks, more than %d; footnotes are kept as plain text", n, maxFootnoteMarks))
		body = bytes.ReplaceAll(body, []byte("[^"), []byte(`\[^`))
	}
	if limited, changed := limitIndentation(body, maxContainers); changed {
		warn(fmt.Sprintf("markdown: lists indented deeper than %d levels were flattened", maxContainers))
		body = limited
	}
	if split, changed := splitParagraphs(body); changed {
		warn("markdown: paragraphs dense with emphasis, link or code markers were cut into shorter ones")
		body = split
	}
	maxBlocks := limits.Resolve(opt.MaxBlocks, DefaultMaxBlocks)
	if err := checkComplexity(body, maxBlocks, limits.Resolve(opt.MaxNodes, DefaultMaxNodes)); err != nil {
		return nil, err
	}

	// The document's own address, then its source address, resolve
	// relative links; only the former resolves relative images.
	docURL := webURL(opt.URL)
	if a.Meta.SourceURL == "" && docURL != nil {
		a.Meta.SourceURL = docURL.String()
	}
	c := &converter{opt: &opt, warn: warn, src: body, base: docURL, budget: limits.Counter{Limit: maxBlocks}}
	if c.base == nil {
		c.base = webURL(a.Meta.SourceURL)
	}
	if !opt.NoImages {
		c.images = newImageLoader(&opt, docURL)
		defer c.images.close()
	}
	doc := markdownParser().Parse(text.NewReader(body))
	a.Blocks = c.blocks(doc)
	if c.budget.Over() {
		return nil, fmt.Errorf("markdown: %w", limits.TooManyBlocks(maxBlocks))
	}
	a.Blocks = tidyBlocks(a.Blocks)
	for i := range c.notes {
		c.notes[i].Blocks = tidyBlocks(c.notes[i].Blocks)
	}
	a.Notes = c.notes
	if c.notFetched > 0 {
		warn(fmt.Sprintf("markdown: %d remote image(s) not fetched (no image loader); their alt text is kept", c.notFetched))
	}

	if !a.HasText() {
		return nil, noBody(hadMeta)
	}
	if err := settleTitle(a, opt.DefaultTitle); err != nil {
		return nil, err
	}
	shiftHeadings(a)
	if !a.HasText() { // the title was all there was
		return nil, noBody(hadMeta)
	}
	if a.Meta.Language == "" {
		a.Meta.Language = lang.Detect(a.Meta.Title + "\n" + a.BodyText())
	}
	if err := a.Validate(); err != nil {
		return nil, fmt.Errorf("markdown: %w", err)
	}
	return a, nil
}

// webURL parses an absolute http(s) address, or returns nil. Characters
// that may not appear in a URI are percent-encoded.
func webURL(s string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	// net/url keeps the raw query as written; goldmark's escaping, which
	// link destinations get, makes it a valid URI.
	u.RawQuery = string(util.URLEscape([]byte(u.RawQuery), false))
	return u
}

func noBody(hadMeta bool) error {
	if hadMeta {
		return fmt.Errorf("markdown: %w after the metadata block", article.ErrNoBody)
	}
	return fmt.Errorf("markdown: %w", article.ErrNoBody)
}

// normalise checks that data is UTF-8 and returns it without a byte order
// mark, with "\r\n" and "\r" line endings as "\n", and NUL characters
// replaced by U+FFFD (as CommonMark requires).
func normalise(data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		line := bytes.Count(data[:off], []byte("\n")) + 1
		return nil, fmt.Errorf("markdown: the input is not UTF-8 text (invalid byte at line %d); convert it to UTF-8 first", line)
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	if bytes.IndexByte(data, 0) >= 0 {
		data = bytes.ReplaceAll(data, []byte{0}, []byte("\uFFFD"))
	}
	return data, nil
}

// isBlankYAML reports whether a metadata block holds nothing but blank
// lines and comments.
func isBlankYAML(src []byte) bool {
	for _, line := range strings.Split(string(src), "\n") {
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "#") {
			return false
		}
	}
	return true
}

// plainText turns a metadata string, which may hold Markdown as in pandoc,
// into plain text: "*Reading* offline" → "Reading offline". A string that
// Markdown would read as anything but one paragraph ("1. Introduction",
// "# tag") is kept as written.
func plainText(s string) string {
	s = collapseSpace(cleanText(s))
	if s == "" || !strings.ContainsAny(s, "*_`[]<>&\\~") {
		return s
	}
	src := []byte(s)
	doc := markdownParser().Parse(text.NewReader(src))
	p := doc.FirstChild()
	if p == nil || p.NextSibling() != nil || p.Kind() != ast.KindParagraph {
		return s
	}
	c := &converter{src: src, opt: &Options{}, warn: func(string) {}, altMode: true}
	return collapseSpace(article.InlineText(tidyInlines(c.inlines(p))))
}

// settleTitle gives the article its title: the metadata's; else the first
// level-1 heading of the body, which is then removed from the body; else
// def. A body that opens with a level-1 heading repeating the metadata's
// title loses that heading (the title lives in Meta only).
func settleTitle(a *article.Article, def string) error {
	if a.Meta.Title != "" {
		if len(a.Blocks) > 0 {
			if h, ok := a.Blocks[0].(*article.Heading); ok && h.Level == 1 &&
				sameText(article.InlineText(h.Inlines), a.Meta.Title) {
				a.Blocks = a.Blocks[1:]
			}
		}
		return nil
	}
	for i, b := range a.Blocks {
		if h, ok := b.(*article.Heading); ok && h.Level == 1 {
			a.Meta.Title = collapseSpace(article.InlineText(h.Inlines))
			a.Blocks = append(a.Blocks[:i:i], a.Blocks[i+1:]...)
			return nil
		}
	}
	if def = collapseSpace(cleanText(def)); def != "" {
		a.Meta.Title = def
		return nil
	}
	return fmt.Errorf("markdown: %w: give it a \"title:\" in a YAML metadata block or start it with a \"# Title\" line", article.ErrNoTitle)
}

func sameText(a, b string) bool {
	return strings.EqualFold(collapseSpace(a), collapseSpace(b))
}

// shiftHeadings moves the body's heading levels into the model's 2–6: the
// highest level used (the smallest number) becomes 2 and the others keep
// their distance to it, so "#"/"##" sections become 2/3 and a body whose
// sections start at "##" keeps its levels. Levels past 6 become 6.
func shiftHeadings(a *article.Article) {
	top := 0
	visit := func(fn func(*article.Heading)) {
		walk := func(b article.Block) bool {
			if h, ok := b.(*article.Heading); ok {
				fn(h)
			}
			return true
		}
		article.WalkBlocks(a.Blocks, walk)
		for _, n := range a.Notes {
			article.WalkBlocks(n.Blocks, walk)
		}
	}
	visit(func(h *article.Heading) {
		if top == 0 || h.Level < top {
			top = h.Level
		}
	})
	if top == 0 {
		return
	}
	visit(func(h *article.Heading) {
		h.Level = min(max(h.Level+2-top, 2), 6)
	})
}
