package markdown

import (
	"bytes"
	"fmt"

	"github.com/offprint/offprint/internal/reader/limits"
)

// inlineMarks are the bytes that may start an inline node of their own in
// goldmark (emphasis, code spans, links and images, raw HTML, entities,
// escapes, strikethrough, table cells).
const inlineMarks = "*_`[<&\\~|"

// nodesDetail says what checkComplexity counts as nodes.
const nodesDetail = "lines and inline markup: * _ ` [ < & \\ ~ |"

// checkComplexity refuses a document that would make goldmark build more
// than maxBlocks blocks or maxNodes nodes, before it builds any: one pass
// over the lines counts those that would start a block (a paragraph after
// a blank line, every list marker, headings, rules, fences, table rows)
// and the lines and inline marks. It errs on the side of counting more:
// a fenced code block ends, for the count, at the first line indented
// less than its fence. Limits of zero or less mean none.
func checkComplexity(src []byte, maxBlocks, maxNodes int) error {
	blocks := limits.Counter{Limit: maxBlocks}
	nodes := limits.Counter{Limit: maxNodes}
	var (
		fence       []byte // the fence of the code block open, or nil
		fenceQuote  int    // the quote markers before it
		fenceIndent int    // its column
		startNext   = true // whether the next non-blank line starts a block
		prevQuote   int
	)
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := src[start:end]
		start = end + 1
		q, qd := quoteMarkers(line)
		ind, ws := indentation(line[q:])
		rest := line[q+ws:]
		if fence != nil {
			if len(rest) == 0 || qd >= fenceQuote && ind >= fenceIndent {
				if !nodes.Add(1) {
					return fmt.Errorf("markdown: %w", limits.TooManyNodes(maxNodes, nodesDetail))
				}
				if f := fenceOf(rest); f != nil && f[0] == fence[0] && len(f) >= len(fence) {
					fence, startNext = nil, true
				}
				continue
			}
			fence = nil // the container that held it has ended
		}
		if len(rest) == 0 {
			startNext = true
			continue
		}
		n, b := 1, 0
		for i := range rest {
			if bytes.IndexByte([]byte(inlineMarks), rest[i]) >= 0 {
				n++
			}
		}
		if startNext || qd != prevQuote {
			b++
		}
		startNext = false
		for {
			me := listMarkerEnd(rest)
			if me == 0 {
				break
			}
			b++
			_, sp := indentation(rest[me:])
			rest = rest[me+sp:]
			startNext = len(rest) == 0
			if len(rest) > 0 {
				b++ // the item's paragraph
			}
		}
		switch {
		case len(rest) == 0:
		case fenceOf(rest) != nil:
			fence, fenceQuote, fenceIndent = fenceOf(rest), qd, ind
			b++
		case rest[0] == '#', isRule(rest):
			b++
			startNext = true
		case bytes.IndexByte(rest, '|') >= 0:
			b++ // a table row
		}
		prevQuote = qd
		if !blocks.Add(b) {
			return fmt.Errorf("markdown: %w", limits.TooManyBlocks(maxBlocks))
		}
		if !nodes.Add(n) {
			return fmt.Errorf("markdown: %w", limits.TooManyNodes(maxNodes, nodesDetail))
		}
	}
	return nil
}

// quoteMarkers returns the length of the block quote markers that open a
// line and how many there are.
func quoteMarkers(line []byte) (n, depth int) {
	for {
		m := quotePrefix(line[n:])
		if m == 0 {
			return n, depth
		}
		// quotePrefix takes them all; count the ">".
		depth += bytes.Count(line[n:n+m], []byte(">"))
		n += m
	}
}

// isRule reports whether s (a line without its indentation) is a thematic
// break: three or more "*", "-" or "_", alone but for spaces and tabs.
func isRule(s []byte) bool {
	c := s[0]
	if c != '*' && c != '-' && c != '_' {
		return false
	}
	n := 0
	for _, x := range s {
		switch x {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}
