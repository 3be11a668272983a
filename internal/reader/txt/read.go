package txt

import (
	"strings"
	"unicode/utf8"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/lang"
	"github.com/offprint/offprint/internal/reader/limits"
)

// Options configures ReadOptions. The zero value is the default.
type Options struct {
	// Language is the BCP 47 tag of the article's language. Empty means
	// detect it from the title and the body.
	Language string

	// MaxBlocks is the most blocks (paragraphs, headings, list items,
	// quotations) the article may have, counted from its lines before any
	// is made. Zero means DefaultMaxBlocks, negative no limit. Text over
	// it fails with an error wrapping limits.ErrTooComplex.
	MaxBlocks int

	// MaxLines is the most lines, blank ones included, the input may have,
	// counted before it is split. Zero means DefaultMaxLines, negative no
	// limit.
	MaxLines int
}

// maxBylineLines is how many lines after the title may make the byline.
const maxBylineLines = 4

// Read parses scraped article text into an article with the default
// options. See the package comment for the format.
func Read(data []byte) (*article.Article, error) {
	return ReadOptions(data, Options{})
}

// ReadOptions parses scraped article text into an article. The article
// passes (*article.Article).Validate. Errors wrap ErrEmpty, ErrBinary,
// ErrEncoding, ErrNoBody, ErrBoilerplate or limits.ErrTooComplex.
func ReadOptions(data []byte, opt Options) (*article.Article, error) {
	text, err := decode(data)
	if err != nil {
		return nil, err
	}
	if err := checkLines(text, limits.Resolve(opt.MaxLines, DefaultMaxLines)); err != nil {
		return nil, err
	}
	ls := lines(text)
	if err := checkBlocks(ls, limits.Resolve(opt.MaxBlocks, DefaultMaxBlocks)); err != nil {
		return nil, err
	}
	if nextNonBlank(ls, -1) < 0 {
		return nil, fail(ErrEmpty)
	}
	dropBoilerplate(ls)
	first := nextNonBlank(ls, -1)
	if first < 0 {
		return nil, fail(ErrBoilerplate)
	}

	a := &article.Article{}
	body := ls[first+1:]
	if utf8.RuneCountInString(ls[first]) > maxTitleRunes {
		// No title: the first line is text.
		a.Meta.Title = makeTitle(ls[first])
		body = ls[first:]
	} else {
		a.Meta.Title, a.Meta.SiteName = splitTitle(ls[first])
		body = readHeader(&a.Meta, body)
	}

	a.Blocks = bodyBlocks(body, 0)
	if len(a.Blocks) == 0 {
		return nil, fail(ErrNoBody)
	}
	a.Meta.Language = opt.Language
	if a.Meta.Language == "" {
		a.Meta.Language = lang.Detect(a.Meta.Title + "\n" + a.Meta.Subtitle + "\n" + a.BodyText())
	}
	return a, nil
}

// readHeader reads the byline (and a standfirst before it) from the lines
// after the title into m, and returns the lines of the body.
func readHeader(m *article.Meta, ls []string) []string {
	var (
		b     byline
		found bool
		next  = 0 // the first line of the body
		seen  = 0 // non-blank lines looked at
		sub   = -1
	)
	for i := nextNonBlank(ls, -1); i >= 0 && seen < maxBylineLines; i = nextNonBlank(ls, i) {
		seen++
		l, ok := parseByline(ls[i])
		if !ok {
			// One line of standfirst may stand between title and byline.
			if !found && sub < 0 && utf8.RuneCountInString(ls[i]) <= maxTitleRunes {
				if j := nextNonBlank(ls, i); j >= 0 {
					if l2, ok := parseByline(ls[j]); ok && strongByline(ls[j], l2) {
						sub = i
						continue
					}
				}
			}
			break
		}
		found = true
		b.authors = append(b.authors, l.authors...)
		if b.section == "" {
			b.section = l.section
		}
		if !b.dated || b.date.IsZero() {
			b.date, b.dated = l.date, l.dated || b.dated
		}
		next = i + 1
	}
	if !found {
		return ls
	}
	if sub >= 0 {
		m.Subtitle = ls[sub]
	}
	m.Authors = dedupe(b.authors)
	m.Section = b.section
	m.Date = b.date
	return ls[next:]
}

// strongByline reports whether a byline leaves no doubt: it says "By" or
// "Автор", or gives a date. Only such a byline makes the line before it a
// standfirst.
func strongByline(line string, b byline) bool {
	if b.dated {
		return true
	}
	lower := strings.ToLower(line)
	for _, p := range bylinePrefixes {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	return false
}

func dedupe(ss []string) []string {
	var out []string
	for _, s := range ss {
		dup := false
		for _, o := range out {
			if o == s {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}
