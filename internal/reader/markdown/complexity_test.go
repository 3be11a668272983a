package markdown

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/reader/limits"
)

// TestTooComplex reads documents whose blocks or nodes hold no words, which
// escape the size and word limits: each fails with one line naming the
// limit, before goldmark builds its tree (or, for blocks only the tree
// shows, while it is converted).
func TestTooComplex(t *testing.T) {
	n := DefaultMaxBlocks + 1
	tests := []struct {
		name, doc string
		opt       Options
		what      string
	}{
		{"empty list items", "# T\n\n" + strings.Repeat("-\n", n), Options{}, "blocks"},
		{"empty ordered items", "# T\n\n" + strings.Repeat("1.\n", n), Options{}, "blocks"},
		{"rules", "# T\n\nText.\n\n" + strings.Repeat("***\n", n), Options{}, "blocks"},
		{"paragraphs", "# T\n\n" + strings.Repeat("a\n\n", n), Options{}, "blocks"},
		{"headings", "# T\n\n" + strings.Repeat("#\n", n), Options{}, "blocks"},
		{"table rows", "# T\n\n|a|b|\n|-|-|\n" + strings.Repeat("|x|y|\n", n), Options{}, "blocks"},
		{"quoted items", "# T\n\n" + strings.Repeat("> -\n", n), Options{}, "blocks"},
		{"html block paragraphs", "# T\n\n<div>\n" + strings.Repeat("<p>a\n", n) + "</div>\n", Options{}, "blocks"},
		{"empty inline html", "# T\n\nText " + strings.Repeat("<i></i>", DefaultMaxNodes/2+1) + "\n", Options{}, "nodes"},
		{"lines", "# T\n\n" + strings.Repeat("a\n", DefaultMaxNodes+1), Options{}, "nodes"},
		{"code lines after a fence", "# T\n\n- ```\n" + strings.Repeat("-\n", n), Options{}, "blocks"},
		{"set limit", "# T\n\n" + strings.Repeat("a\n\n", 11), Options{MaxBlocks: 10}, "blocks"},
		{"set node limit", "# T\n\n" + strings.Repeat("a\n", 11), Options{MaxNodes: 10}, "nodes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := Read([]byte(tt.doc), tt.opt)
			if d := time.Since(start); d > 20*time.Second { // a hang detector, not a speed test
				t.Errorf("took %v", d)
			}
			if !errors.Is(err, limits.ErrTooComplex) {
				t.Fatalf("err = %v, want ErrTooComplex", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "markdown: too many "+tt.what+": more than ") || strings.Contains(msg, "\n") {
				t.Errorf("message %q", msg)
			}
		})
	}
}

// TestComplexityMemory checks that a refused document is refused before
// goldmark spends memory on it: 200,000 empty list items (400 kB) cost
// less than 8 bytes of allocation per input byte.
func TestComplexityMemory(t *testing.T) {
	doc := []byte("# T\n\n" + strings.Repeat("-\n", 2*DefaultMaxBlocks))
	allocs := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Read(doc, Options{}); err == nil {
				b.Fatal("no error")
			}
		}
	}).AllocedBytesPerOp()
	if allocs > int64(8*len(doc)) {
		t.Errorf("%d bytes allocated for a %d-byte document", allocs, len(doc))
	}
}

// TestLimitsOptional reads a document over the default limits with the
// limits turned off (negative): it is read.
func TestLimitsOptional(t *testing.T) {
	doc := "# T\n\n" + strings.Repeat("a\n\n", 20) + strings.Repeat("x ", 20)
	if _, err := Read([]byte(doc), Options{MaxBlocks: -1, MaxNodes: -1}); err != nil {
		t.Fatal(err)
	}
	if _, err := Read([]byte(doc), Options{MaxBlocks: 5}); !errors.Is(err, limits.ErrTooComplex) {
		t.Fatalf("MaxBlocks 5: err = %v", err)
	}
}

// TestRealDocumentsFarBelowLimits reads every test document with limits a
// hundred times lower than the defaults: real articles are far below them.
func TestRealDocumentsFarBelowLimits(t *testing.T) {
	paths := []string{}
	for _, p := range goldenInputs(t) {
		paths = append(paths, p)
	}
	more, _ := filepath.Glob(filepath.Join("testdata", "cases", "*.md"))
	paths = append(paths, more...)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		opt := Options{MaxBlocks: DefaultMaxBlocks / 100, MaxNodes: DefaultMaxNodes / 100, DefaultTitle: "T"}
		if _, err := Read(data, opt); errors.Is(err, limits.ErrTooComplex) {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// TestEmptyBlocksDropped reads empty list items, empty items' lists and
// runs of rules: none survive into the model but one rule per run.
func TestEmptyBlocksDropped(t *testing.T) {
	doc := "# T\n\nText.\n\n-\n-\n- a\n-\n\n***\n***\n---\n\n1.\n2.\n\nEnd.\n\n* * *\n"
	a, err := Read([]byte(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range a.Blocks {
		switch x := b.(type) {
		case *article.List:
			got = append(got, "list of "+string(rune('0'+len(x.Items))))
		case *article.Rule:
			got = append(got, "rule")
		case *article.Paragraph:
			got = append(got, article.InlineText(x.Inlines))
		}
	}
	want := []string{"Text.", "list of 1", "rule", "End.", "rule"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("blocks %q, want %q", got, want)
	}
}
