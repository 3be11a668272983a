package txt

import (
	"fmt"
	"strings"

	"github.com/offprint/offprint/internal/reader/limits"
)

// DefaultMaxBlocks is the most blocks (paragraphs, headings, list items,
// quotations) an article may have when Options.MaxBlocks is zero:
// limits.DefaultMaxBlocks, 100,000.
const DefaultMaxBlocks = limits.DefaultMaxBlocks

// DefaultMaxLines is the most lines, blank ones included, an input may
// have when Options.MaxLines is zero: limits.DefaultMaxNodes, 1,000,000.
const DefaultMaxLines = limits.DefaultMaxNodes

// checkLines refuses text of more than limit lines before it is split
// into lines (each costs a string): it counts the line ends lines splits
// at. A limit of zero or less means none.
func checkLines(text string, limit int) error {
	if limit <= 0 {
		return nil
	}
	n := strings.Count(text, "\n") + strings.Count(text, "\r") - strings.Count(text, "\r\n") +
		strings.Count(text, "\u0085") + strings.Count(text, "\u2028") + 2*strings.Count(text, "\u2029")
	if n > limit {
		return fmt.Errorf("txt: %w", limits.TooManyNodes(limit, "lines"))
	}
	return nil
}

// checkBlocks refuses a body whose lines ("" for blank) would make more
// than limit blocks, before any is made. It counts what splitPieces can
// make at most: a group of lines between blank lines that reads as one
// hard-wrapped paragraph makes one piece and one more for each list item
// or quotation line in it; any other group, a piece for each line.
func checkBlocks(ls []string, limit int) error {
	if limit <= 0 {
		return nil
	}
	c := limits.Counter{Limit: limit}
	for i := 0; i < len(ls); {
		if ls[i] == "" {
			i++
			continue
		}
		j := i
		for j < len(ls) && ls[j] != "" {
			j++
		}
		group := ls[i:j]
		n := len(group)
		if looksWrapped(group) {
			n = 1
			for _, l := range group {
				if marker, _, _ := listMarker(l); marker != "" || strings.HasPrefix(l, ">") {
					n++
				}
			}
		}
		if !c.Add(n) {
			return fmt.Errorf("txt: %w", limits.TooManyBlocks(limit))
		}
		i = j
	}
	return nil
}
