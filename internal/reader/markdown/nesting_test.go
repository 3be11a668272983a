package markdown

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
)

func TestLimitNesting(t *testing.T) {
	tests := []struct{ in, want string }{
		{"> > x\n- - y\n", "> > x\n- - y\n"},
		{"> > > > x\n", "> > > x\n"},
		{">>>>x", ">>>x"},
		{"- - - - item", "- - - item"},
		{"1. 2) 3. 4. x\nnext", "1. 2) 3. x\nnext"},
		{"  >  - > * z\n> > > > w", "  >  - > z\n> > > w"},
		{"-- -x\n*** ***", "-- -x\n*** ***"},
		{"1234567890. x", "1234567890. x"},
	}
	for _, tt := range tests {
		got, changed := limitNesting([]byte(tt.in), 3)
		if string(got) != tt.want || changed != (tt.in != tt.want) {
			t.Errorf("limitNesting(%q) = %q, %v; want %q", tt.in, got, changed, tt.want)
		}
	}
}

// TestDeepNesting reads lines of a hundred thousand container markers,
// which goldmark alone takes minutes over: the text is kept, the nesting
// cut to maxContainers, with a warning.
func TestDeepNesting(t *testing.T) {
	for _, prefix := range []string{"> ", "- ", "1. ", "> * ", ">"} {
		doc := "# Deep\n\nBefore.\n\n" + strings.Repeat(prefix, 100_000) + "innermost words\n\nAfter.\n"
		var warnings []string
		start := time.Now()
		a, err := Read([]byte(doc), Options{Warn: func(s string) { warnings = append(warnings, s) }})
		if err != nil {
			t.Fatalf("%q: %v", prefix, err)
		}
		if d := time.Since(start); d > 10*time.Second { // a hang detector, not a speed test
			t.Errorf("%q: took %v", prefix, d)
		}
		if text := a.BodyText(); !strings.Contains(text, "innermost words") || !strings.Contains(text, "After.") {
			t.Errorf("%q: text lost: %q", prefix, text)
		}
		depth := 0
		for bs := a.Blocks; ; {
			var inner []article.Block
			for _, b := range bs {
				switch x := b.(type) {
				case *article.Quote:
					inner = x.Blocks
				case *article.List:
					inner = x.Items[0].Blocks
				}
			}
			if inner == nil {
				break
			}
			depth++
			bs = inner
		}
		if depth < maxContainers/2 || depth > maxContainers {
			t.Errorf("%q: nested %d deep, want about %d", prefix, depth, maxContainers)
		}
		if len(warnings) != 1 || !strings.Contains(warnings[0], "flattened") {
			t.Errorf("%q: warnings %q", prefix, warnings)
		}
	}
}

// TestManyFootnotes reads more footnotes than goldmark handles in good
// time: they stay in the text as written, with a warning. Fewer are notes.
func TestManyFootnotes(t *testing.T) {
	for _, n := range []int{maxFootnoteMarks / 2, 50_000} {
		var refs, defs strings.Builder
		for i := range n {
			fmt.Fprintf(&refs, "Claim %d.[^n%d] ", i, i)
			fmt.Fprintf(&defs, "[^n%d]: Source %d.\n", i, i)
		}
		var warnings []string
		a, err := Read([]byte("# T\n\n"+refs.String()+"\n\n"+defs.String()), Options{Warn: func(s string) { warnings = append(warnings, s) }})
		if err != nil {
			t.Fatal(err)
		}
		text := a.BodyText()
		if n <= maxFootnoteMarks/2 {
			if len(a.Notes) != n || strings.Contains(text, "[^") {
				t.Errorf("%d notes: %d read, text %.100q", n, len(a.Notes), text)
			}
			continue
		}
		if len(a.Notes) != 0 || !strings.Contains(text, fmt.Sprintf("[^n%d]: Source %d.", n-1, n-1)) {
			t.Errorf("%d notes: %d read, text ends %q", n, len(a.Notes), text[max(0, len(text)-100):])
		}
		if !slices.ContainsFunc(warnings, func(w string) bool { return strings.Contains(w, "footnote") }) {
			t.Errorf("%d notes: warnings %q", n, warnings)
		}
	}
}

// TestSourceURLIsURI reads a source address holding characters a URI may
// not: it comes out percent-encoded (raw, an EPUB fails epubcheck).
func TestSourceURLIsURI(t *testing.T) {
	a, err := Read([]byte("---\ntitle: T\nsource: 'https://example.com/a b?q={y}&z=\"|^'\n---\n\nBody.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.Meta.SourceURL, "https://example.com/a%20b?q=%7By%7D&z=%22%7C%5E"; got != want {
		t.Errorf("source URL %q, want %q", got, want)
	}
}

func TestLimitIndentation(t *testing.T) {
	tests := []struct{ in, want string }{
		{"- a\n  - b\n    - c\n", "- a\n  - b\n    - c\n"},
		{"- a\n  - b\n    - c\n      - d\n        - e\n", "- a\n  - b\n    - c\n    - d\n    - e\n"},
		{"- a\n  - b\n    - c\n      - d\n        text of d\n\n        more d\n- f\n", "- a\n  - b\n    - c\n    - d\n      text of d\n\n      more d\n- f\n"},
		{"1. a\n   1. b\n      1. c\n         1. d\n", "1. a\n   1. b\n      1. c\n      1. d\n"},
		{"> - a\n>   - b\n>     - c\n>       - d\n", "> - a\n>   - b\n>     - c\n>     - d\n"},
		{"- a\n  - b - c - d\n", "- a\n  - b - c - d\n"},
		{"- a\n  - - b\n    - - c\n", "- a\n  - - b\n    - c\n"},
		{"- a\nlazy\n  - b\nlazy\n    - c\n      - d\n", "- a\nlazy\n  - b\nlazy\n    - c\n    - d\n"},
		{"- a\n\nnot in a list\n  - b\n    - c\n      - d\n", "- a\n\nnot in a list\n  - b\n    - c\n      - d\n"},
	}
	for _, tt := range tests {
		got, changed := limitIndentation([]byte(tt.in), 3)
		if string(got) != tt.want || changed != (tt.in != tt.want) {
			t.Errorf("limitIndentation(%q) =\n%q, %v; want\n%q", tt.in, got, changed, tt.want)
		}
	}
}

// TestDeepIndentation reads lists nested 3,000 levels deep by indentation,
// which goldmark alone takes over a minute and 700 MB over: they are cut
// to maxContainers levels, every item's text kept, with a warning.
func TestDeepIndentation(t *testing.T) {
	const levels = 3000
	for _, marker := range []string{"- ", "1. ", "> - "} {
		var doc strings.Builder
		doc.WriteString("# Deep\n\n")
		for i := range levels {
			if strings.HasPrefix(marker, ">") {
				doc.WriteString("> " + strings.Repeat("  ", i) + "- item\n")
			} else {
				doc.WriteString(strings.Repeat(strings.Repeat(" ", len(marker)), i) + marker + "item\n")
			}
		}
		doc.WriteString("\nAfter.\n")
		var warnings []string
		start := time.Now()
		a, err := Read([]byte(doc.String()), Options{Warn: func(s string) { warnings = append(warnings, s) }})
		if err != nil {
			t.Fatalf("%q: %v", marker, err)
		}
		if d := time.Since(start); d > 20*time.Second { // a hang detector, not a speed test
			t.Errorf("%q: took %v", marker, d)
		}
		if text := a.BodyText(); strings.Count(text, "item") != levels || !strings.Contains(text, "After.") {
			t.Errorf("%q: %d items of %d kept", marker, strings.Count(text, "item"), levels)
		}
		depth := 0
		var walk func(bs []article.Block, d int)
		walk = func(bs []article.Block, d int) {
			depth = max(depth, d)
			for _, b := range bs {
				switch x := b.(type) {
				case *article.Quote:
					walk(x.Blocks, d)
				case *article.List:
					for _, it := range x.Items {
						walk(it.Blocks, d+1)
					}
				}
			}
		}
		walk(a.Blocks, 0)
		if depth > maxContainers || depth < maxContainers/2 {
			t.Errorf("%q: lists nested %d deep, want at most %d", marker, depth, maxContainers)
		}
		if !slices.ContainsFunc(warnings, func(w string) bool { return strings.Contains(w, "flattened") }) {
			t.Errorf("%q: warnings %q", marker, warnings)
		}
	}
}
