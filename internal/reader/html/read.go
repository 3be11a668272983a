package html

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/charset"
	"github.com/offprint/offprint/internal/reader/limits"
)

// ErrBinary is returned (wrapped) for input that is not text at all.
var ErrBinary = errors.New("input is binary data, not a web page")

// ErrNoContent is returned (wrapped) for a page in which no article text
// was found.
var ErrNoContent = errors.New("no article content found")

// Read converts a web page to an article. It decodes the page's character
// set, extracts the main content with readability, maps it onto the model
// and gathers the metadata; see the package comment. The result passes
// article.Validate. A page without article text fails with ErrNoContent.
func Read(data []byte, opt Options) (*article.Article, error) {
	text, _, err := charset.DecodeHTML(data, opt.ContentType)
	if err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	if looksBinary(text) {
		return nil, fmt.Errorf("html: %w", ErrBinary)
	}
	var pageURL *url.URL
	if opt.URL != "" {
		u, err := url.Parse(strings.TrimSpace(opt.URL))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("html: page URL %q is not an absolute http(s) URL", opt.URL)
		}
		u.RawQuery = escapeQuery(u.RawQuery)
		pageURL = u
	}

	if err := checkNodes(text, limits.Resolve(opt.MaxNodes, DefaultMaxNodes)); err != nil {
		return nil, err
	}
	doc, err := parse(text, &opt)
	if err != nil {
		return nil, err
	}
	pg := scanPage(doc)
	ld := parseJSONLD(pg.jsonld)

	// Readability gets no URL: relative references stay relative, so that
	// images of a saved page can be found in BaseDir; links are resolved
	// by the mapper.
	parser := readability.NewParser()
	parser.Logger = slog.New(slog.DiscardHandler) // its default still formats every record
	rd, err := parser.ParseAndMutate(doc, nil)
	if err != nil {
		return nil, fmt.Errorf("html: extracting the article: %w", err)
	}

	a := &article.Article{Meta: buildMeta(pg, ld, &rd, pageURL)}
	if rd.Node == nil {
		return nil, fmt.Errorf("html: %w", ErrNoContent)
	}

	maxBlocks := limits.Resolve(opt.MaxBlocks, DefaultMaxBlocks)
	m := &mapper{base: linkBase(pageURL, pg, a.Meta.SourceURL), budget: limits.Counter{Limit: maxBlocks}}
	m.images = &images{opt: &opt, base: m.base}
	blocks := m.blocks(rd.Node)
	if m.budget.Over() {
		return nil, fmt.Errorf("html: %w", limits.TooManyBlocks(maxBlocks))
	}
	m.images.load()
	blocks = m.images.settle(blocks, a.Meta.Title)
	blocks = filterBoilerplate(blocks, &a.Meta)
	blocks = dropTitleHeading(blocks, a.Meta.Title)
	normalizeHeadings(blocks)
	a.Blocks = blocks

	if !a.HasText() {
		return nil, fmt.Errorf("html: %w", ErrNoContent)
	}
	if a.Meta.Title == "" {
		a.Meta.Title = fallbackTitle(a, opt.DefaultTitle)
	}
	if a.Meta.Language == "" {
		a.Meta.Language = detectLanguage(a.Meta.Title + "\n" + a.BodyText())
	}
	if err := a.Validate(); err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	return a, nil
}

// looksBinary reports whether decoded input is binary data: more than 2%
// of its first 8 KB are control characters (NULs included). A stray
// control character in a page is not enough.
func looksBinary(text []byte) bool {
	head := text[:min(len(text), 8<<10)]
	controls := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			controls++
		}
	}
	return controls >= 4 && controls*50 > len(head)
}

// linkBase is the address relative links resolve against: the page's URL
// when known, then its <base href>, then its canonical address.
func linkBase(pageURL *url.URL, pg *page, sourceURL string) *url.URL {
	base := pageURL
	if base == nil && sourceURL != "" {
		base, _ = url.Parse(sourceURL)
	}
	if pg.base != "" {
		if u, err := url.Parse(strings.TrimSpace(pg.base)); err == nil {
			if base != nil {
				u = base.ResolveReference(u)
			}
			if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
				return u
			}
		}
	}
	return base
}

// dropTitleHeading removes headings before the first paragraph that repeat
// the title, or the part of it after a colon or dash (Medium sets the
// title's second half as a heading).
func dropTitleHeading(blocks []article.Block, title string) []article.Block {
	t := matchKey(title)
	if t == "" {
		return blocks
	}
	for i, b := range blocks {
		h, ok := b.(*article.Heading)
		if !ok {
			if _, isImg := b.(*article.Image); isImg {
				continue
			}
			return blocks
		}
		k := matchKey(article.InlineText(h.Inlines))
		if k == t || (utf8.RuneCountInString(k) >= 8 && (strings.HasSuffix(t, " "+k) || strings.HasPrefix(t, k+" "))) {
			return append(blocks[:i:i], blocks[i+1:]...)
		}
	}
	return blocks
}

// matchKey folds a string for comparison: lower case, letters and digits
// separated by single spaces.
func matchKey(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= '0' && r <= '9' || r == '_' || r > 127 && isLetterOrDigit(r) || r >= 'a' && r <= 'z')
	})
	return strings.Join(f, " ")
}

// normalizeHeadings renumbers heading levels so that the highest heading
// of the body is level 2 (level 1 is the title) and no level is skipped
// (h2, h4 become 2, 3), keeping their relative ranks; levels past 6 stay 6.
func normalizeHeadings(blocks []article.Block) {
	var used [7]bool
	article.WalkBlocks(blocks, func(b article.Block) bool {
		if h, ok := b.(*article.Heading); ok {
			used[min(max(h.Level, 1), 6)] = true
		}
		return true
	})
	var rank [7]int
	next := 2
	for l := 1; l <= 6; l++ {
		if used[l] {
			rank[l] = min(next, 6)
			next++
		}
	}
	article.WalkBlocks(blocks, func(b article.Block) bool {
		if h, ok := b.(*article.Heading); ok {
			h.Level = rank[min(max(h.Level, 1), 6)]
		}
		return true
	})
}

// fallbackTitle names an article whose page states no title: the caller's
// default, or the first words of the text.
func fallbackTitle(a *article.Article, def string) string {
	if def = clean(def); def != "" {
		return def
	}
	words := strings.Fields(a.BodyText())
	if len(words) > 8 {
		return strings.Join(words[:8], " ") + "…"
	}
	return strings.Join(words, " ")
}
