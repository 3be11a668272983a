package html

import (
	"fmt"
	"strings"
	"time"

	"github.com/offprint/offprint/article"
)

// dump renders an article as indented text for golden files and for
// reading in test failures: one line per block, inline markup as brackets.
func dump(a *article.Article) string {
	var b strings.Builder
	m := a.Meta
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s: %s\n", k, v)
		}
	}
	field("title", m.Title)
	field("subtitle", m.Subtitle)
	field("authors", strings.Join(m.Authors, " | "))
	field("section", m.Section)
	if m.HasDate() {
		field("date", m.Date.Format(time.RFC3339))
	}
	field("language", m.Language)
	field("source", m.SourceURL)
	field("site", m.SiteName)
	field("rights", m.Rights)
	field("description", m.Description)
	field("keywords", strings.Join(m.Keywords, " | "))
	b.WriteString("---\n")
	dumpBlocks(&b, a.Blocks, "")
	return b.String()
}

func dumpBlocks(b *strings.Builder, blocks []article.Block, indent string) {
	for _, bl := range blocks {
		switch x := bl.(type) {
		case *article.Heading:
			fmt.Fprintf(b, "%sH%d %s\n", indent, x.Level, dumpInlines(x.Inlines))
		case *article.Paragraph:
			fmt.Fprintf(b, "%sP %s\n", indent, dumpInlines(x.Inlines))
		case *article.Quote:
			fmt.Fprintf(b, "%sQUOTE\n", indent)
			dumpBlocks(b, x.Blocks, indent+"  ")
			if len(x.Attribution) > 0 {
				fmt.Fprintf(b, "%s  ATTRIBUTION %s\n", indent, dumpInlines(x.Attribution))
			}
		case *article.List:
			fmt.Fprintf(b, "%sLIST ordered=%v start=%d\n", indent, x.Ordered, x.Start)
			for _, it := range x.Items {
				fmt.Fprintf(b, "%s  ITEM\n", indent)
				dumpBlocks(b, it.Blocks, indent+"    ")
			}
		case *article.CodeBlock:
			fmt.Fprintf(b, "%sCODE %q %q\n", indent, x.Language, x.Text)
		case *article.Image:
			fmt.Fprintf(b, "%sIMAGE %s %dx%d %d bytes alt=%q source=%q\n", indent, x.MediaType, x.Width, x.Height, len(x.Data), x.Alt, x.Source)
			if len(x.Caption) > 0 {
				fmt.Fprintf(b, "%s  CAPTION %s\n", indent, dumpInlines(x.Caption))
			}
		case *article.Table:
			fmt.Fprintf(b, "%sTABLE align=%v\n", indent, x.Align)
			row := func(kind string, cells []article.Cell) {
				parts := make([]string, len(cells))
				for i, c := range cells {
					parts[i] = dumpInlines(c.Inlines)
				}
				fmt.Fprintf(b, "%s  %s %s\n", indent, kind, strings.Join(parts, " ‖ "))
			}
			if x.Header != nil {
				row("HEAD", x.Header)
			}
			for _, r := range x.Rows {
				row("ROW", r)
			}
			if len(x.Caption) > 0 {
				fmt.Fprintf(b, "%s  CAPTION %s\n", indent, dumpInlines(x.Caption))
			}
		case *article.Rule:
			fmt.Fprintf(b, "%sRULE\n", indent)
		default:
			fmt.Fprintf(b, "%s%T\n", indent, bl)
		}
	}
}

func dumpInlines(ins []article.Inline) string {
	var b strings.Builder
	for _, in := range ins {
		switch x := in.(type) {
		case *article.Text:
			b.WriteString(x.Text)
		case *article.Emphasis:
			fmt.Fprintf(&b, "[em %s]", dumpInlines(x.Inlines))
		case *article.Strong:
			fmt.Fprintf(&b, "[strong %s]", dumpInlines(x.Inlines))
		case *article.Strike:
			fmt.Fprintf(&b, "[del %s]", dumpInlines(x.Inlines))
		case *article.Code:
			fmt.Fprintf(&b, "[code %s]", x.Text)
		case *article.Link:
			fmt.Fprintf(&b, "[link %s %s]", x.URL, dumpInlines(x.Inlines))
		case *article.LineBreak:
			b.WriteString("[br]")
		case *article.NoteRef:
			fmt.Fprintf(&b, "[note %s]", x.ID)
		}
	}
	return b.String()
}
