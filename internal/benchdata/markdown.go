package benchdata

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/assets"
	"github.com/offprint/offprint/internal/reader"
)

// LongRepeat is how many times the long article repeats the sample's body:
// about 160 A4 pages.
const LongRepeat = 100

// Sample returns the embedded sample as read, before typographic refinement
// (the benchmarks compare tools on the same plain source).
func Sample() (*article.Article, error) {
	a, err := reader.Read(assets.SampleName, assets.Sample, reader.Options{})
	if err != nil {
		return nil, fmt.Errorf("benchdata: %w", err)
	}
	return a, nil
}

// Long returns the sample with its body repeated n times.
func Long(n int) (*article.Article, error) {
	a, err := Sample()
	if err != nil {
		return nil, err
	}
	body := a.Blocks
	a.Blocks = make([]article.Block, 0, n*len(body))
	for range n {
		a.Blocks = append(a.Blocks, body...)
	}
	return a, nil
}

// Markdown returns the sample, its body repeated n times (1 for the sample
// itself), as Markdown.
func Markdown(n int) ([]byte, error) {
	a, err := Long(n)
	if err != nil {
		return nil, err
	}
	return Encode(a), nil
}

// Encode writes an article as Markdown with a YAML metadata block: title,
// authors, date, language and source, then the body. Blocks other than
// headings, paragraphs and quotations become paragraphs of their text: the
// benchmark articles are prose.
func Encode(a *article.Article) []byte {
	var b bytes.Buffer
	m := &a.Meta
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", yamlString(m.Title))
	if len(m.Authors) > 0 {
		b.WriteString("author:\n")
		for _, au := range m.Authors {
			fmt.Fprintf(&b, "  - %s\n", yamlString(au))
		}
	}
	if m.HasDate() {
		fmt.Fprintf(&b, "date: %s\n", m.Date.Format("2006-01-02"))
	}
	if m.Language != "" {
		fmt.Fprintf(&b, "lang: %s\n", m.Language)
	}
	if m.SourceURL != "" {
		fmt.Fprintf(&b, "source: %s\n", yamlString(m.SourceURL))
	}
	b.WriteString("---\n")
	for _, bl := range a.Blocks {
		b.WriteByte('\n')
		writeBlock(&b, bl, "")
	}
	return b.Bytes()
}

func writeBlock(b *bytes.Buffer, bl article.Block, prefix string) {
	switch bl := bl.(type) {
	case *article.Heading:
		fmt.Fprintf(b, "%s%s %s\n", prefix, strings.Repeat("#", bl.Level), escape(article.InlineText(bl.Inlines)))
	case *article.Quote:
		for i, c := range bl.Blocks {
			if i > 0 {
				b.WriteString(prefix + ">\n")
			}
			writeBlock(b, c, prefix+"> ")
		}
	default:
		if t := article.BlockText(bl); t != "" {
			fmt.Fprintf(b, "%s%s\n", prefix, escape(t))
		}
	}
}

// escape keeps text from reading as Markdown markup.
func escape(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '*', '_', '`', '[', ']', '<', '>', '#', '|':
			b.WriteByte('\\')
		case '\n':
			r = ' '
		case '-', '+', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// yamlString quotes s as a YAML double-quoted scalar.
func yamlString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", " ")
	return `"` + r.Replace(s) + `"`
}
