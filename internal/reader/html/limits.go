package html

import (
	"bytes"
	"fmt"

	xhtml "golang.org/x/net/html"

	"github.com/offprint/offprint/internal/reader/limits"
)

// DefaultMaxBlocks is the most blocks (paragraphs, headings, list items,
// rules, table rows, …) the article of a page may have when
// Options.MaxBlocks is zero: limits.DefaultMaxBlocks, 100,000.
const DefaultMaxBlocks = limits.DefaultMaxBlocks

// DefaultMaxNodes is the most nodes a page may make the HTML parser build
// when Options.MaxNodes is zero: limits.DefaultMaxNodes, 1,000,000, some
// 600 MB of tree (the parser and readability take about 600 bytes a node).
const DefaultMaxNodes = limits.DefaultMaxNodes

// nodesDetail says what checkNodes counts.
const nodesDetail = "elements, text runs and the formatting elements the parser copies"

// formatting are the elements the HTML parser keeps in its list of active
// formatting elements: when one is left open across the end of a block
// ("<p><b>x</p><p>y"), the parser opens a copy of it in every block that
// follows, until its end tag.
var formatting = tagSet("a", "b", "big", "code", "em", "font", "i", "nobr", "s",
	"small", "strike", "strong", "tt", "u")

// checkNodes refuses a page that would make the parser build more than
// limit nodes, before it builds any: the tokenizer streams over the page
// and every start tag, text run and comment counts one, plus the
// formatting elements open at that point, which the parser may have to
// copy (at most three alike, as the parser keeps). That copying is what
// makes a small page huge: 400 "<p><b id=N></p>" and 20,000 "<p>x</p>"
// (170 kB) give 8 million nodes and 1.4 GB. The count errs on the side of
// more. A limit of zero or less means none.
func checkNodes(page []byte, limit int) error {
	if limit <= 0 {
		return nil
	}
	var (
		n      = limits.Counter{Limit: limit}
		open   = map[string][]string{} // the open formatting tags of each name, as written
		alike  = map[string]int{}      // how many of each written tag are open
		active int                     // the copies a block may need: min(alike, 3) summed
	)
	z := xhtml.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			return nil
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			if stack := open[string(name)]; len(stack) > 0 {
				key := stack[len(stack)-1]
				open[string(name)] = stack[:len(stack)-1]
				if alike[key]--; alike[key] < 3 {
					active--
				}
			}
			continue
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			if formatting[string(name)] {
				key := string(bytes.TrimSuffix(bytes.TrimSuffix(z.Raw(), []byte(">")), []byte("/")))
				open[string(name)] = append(open[string(name)], key)
				if alike[key]++; alike[key] <= 3 {
					active++
				}
			}
		}
		if !n.Add(1 + active) {
			return fmt.Errorf("html: %w", limits.TooManyNodes(limit, nodesDetail))
		}
	}
}
