package markdown

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"time"

	"github.com/offprint/offprint/article"
)

// dump renders an article as indented text, one node a line, for golden
// files: every field of the model shows, image data as its size and hash.
func dump(a *article.Article) string {
	var b strings.Builder
	m := a.Meta
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s: %q\n", name, v)
		}
	}
	field("title", m.Title)
	field("subtitle", m.Subtitle)
	for _, au := range m.Authors {
		field("author", au)
	}
	field("section", m.Section)
	if m.HasDate() {
		field("date", m.Date.Format(time.RFC3339))
	}
	field("language", m.Language)
	field("source", m.SourceURL)
	field("site", m.SiteName)
	field("rights", m.Rights)
	field("description", m.Description)
	for _, k := range m.Keywords {
		field("keyword", k)
	}
	b.WriteString("body:\n")
	dumpBlocks(&b, a.Blocks, "  ")
	for _, n := range a.Notes {
		fmt.Fprintf(&b, "note %q:\n", n.ID)
		dumpBlocks(&b, n.Blocks, "  ")
	}
	return b.String()
}

func dumpBlocks(b *strings.Builder, blocks []article.Block, ind string) {
	for _, bl := range blocks {
		switch x := bl.(type) {
		case *article.Heading:
			fmt.Fprintf(b, "%sheading %d: %s\n", ind, x.Level, dumpInlines(x.Inlines))
		case *article.Paragraph:
			fmt.Fprintf(b, "%sparagraph: %s\n", ind, dumpInlines(x.Inlines))
		case *article.Quote:
			fmt.Fprintf(b, "%squote:\n", ind)
			dumpBlocks(b, x.Blocks, ind+"  ")
			if x.Attribution != nil {
				fmt.Fprintf(b, "%s  attribution: %s\n", ind, dumpInlines(x.Attribution))
			}
		case *article.List:
			kind := "bullet list"
			if x.Ordered {
				kind = "ordered list"
				if x.Start != 0 {
					kind += fmt.Sprintf(" from %d", x.Start)
				}
			}
			fmt.Fprintf(b, "%s%s:\n", ind, kind)
			for _, it := range x.Items {
				fmt.Fprintf(b, "%s  item:\n", ind)
				dumpBlocks(b, it.Blocks, ind+"    ")
			}
		case *article.CodeBlock:
			fmt.Fprintf(b, "%scode %q: %q\n", ind, x.Language, x.Text)
		case *article.Image:
			fmt.Fprintf(b, "%simage %s %dx%d %d bytes sha256:%x source=%q alt=%q caption: %s\n", ind,
				x.MediaType, x.Width, x.Height, len(x.Data), sha256.Sum256(x.Data), x.Source, x.Alt, dumpInlines(x.Caption))
		case *article.Table:
			fmt.Fprintf(b, "%stable align=%v caption: %s\n", ind, x.Align, dumpInlines(x.Caption))
			row := func(name string, cells []article.Cell) {
				parts := make([]string, len(cells))
				for i, c := range cells {
					parts[i] = dumpInlines(c.Inlines)
				}
				fmt.Fprintf(b, "%s  %s: %s\n", ind, name, strings.Join(parts, " | "))
			}
			if x.Header != nil {
				row("header", x.Header)
			}
			for _, r := range x.Rows {
				row("row", r)
			}
		case *article.Rule:
			fmt.Fprintf(b, "%srule\n", ind)
		default:
			fmt.Fprintf(b, "%s%T\n", ind, bl)
		}
	}
}

func dumpInlines(ins []article.Inline) string {
	parts := make([]string, 0, len(ins))
	for _, in := range ins {
		switch x := in.(type) {
		case *article.Text:
			parts = append(parts, fmt.Sprintf("%q", x.Text))
		case *article.Emphasis:
			parts = append(parts, "em("+dumpInlines(x.Inlines)+")")
		case *article.Strong:
			parts = append(parts, "strong("+dumpInlines(x.Inlines)+")")
		case *article.Strike:
			parts = append(parts, "strike("+dumpInlines(x.Inlines)+")")
		case *article.Code:
			parts = append(parts, fmt.Sprintf("code(%q)", x.Text))
		case *article.Link:
			t := ""
			if x.Title != "" {
				t = fmt.Sprintf(" title=%q", x.Title)
			}
			parts = append(parts, fmt.Sprintf("link(%q%s: %s)", x.URL, t, dumpInlines(x.Inlines)))
		case *article.LineBreak:
			parts = append(parts, "br")
		case *article.NoteRef:
			parts = append(parts, fmt.Sprintf("note(%q)", x.ID))
		default:
			parts = append(parts, fmt.Sprintf("%T", in))
		}
	}
	return strings.Join(parts, " ")
}
