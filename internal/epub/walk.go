package epub

import "github.com/offprint/offprint/article"

// walkInlines calls fn for every inline of blocks, depth first, in reading
// order, descending into nested inlines and into every block that holds
// inlines.
func walkInlines(blocks []article.Block, fn func(article.Inline)) {
	for _, b := range blocks {
		switch x := b.(type) {
		case *article.Heading:
			walkInlineList(x.Inlines, fn)
		case *article.Paragraph:
			walkInlineList(x.Inlines, fn)
		case *article.Quote:
			walkInlines(x.Blocks, fn)
			walkInlineList(x.Attribution, fn)
		case *article.List:
			for _, it := range x.Items {
				walkInlines(it.Blocks, fn)
			}
		case *article.Image:
			walkInlineList(x.Caption, fn)
		case *article.Table:
			walkInlineList(x.Caption, fn)
			for _, c := range x.Header {
				walkInlineList(c.Inlines, fn)
			}
			for _, r := range x.Rows {
				for _, c := range r {
					walkInlineList(c.Inlines, fn)
				}
			}
		}
	}
}

func walkInlineList(inlines []article.Inline, fn func(article.Inline)) {
	for _, in := range inlines {
		fn(in)
		switch x := in.(type) {
		case *article.Emphasis:
			walkInlineList(x.Inlines, fn)
		case *article.Strong:
			walkInlineList(x.Inlines, fn)
		case *article.Strike:
			walkInlineList(x.Inlines, fn)
		case *article.Link:
			walkInlineList(x.Inlines, fn)
		}
	}
}
