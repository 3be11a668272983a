package txt

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/offprint/offprint/internal/reader/limits"
)

// TestTooComplex reads texts of many short blocks or lines, which escape
// the size limit and reach the word limit only after a gigabyte: each
// fails with one line naming the limit, before the blocks are made.
func TestTooComplex(t *testing.T) {
	n := DefaultMaxBlocks + 1
	wrapped := strings.Repeat("the quick brown fox jumps over the lazy dog and then\n", 3)
	tests := []struct {
		name, doc string
		opt       Options
		what      string
	}{
		{"paragraphs", "Title\n\n" + strings.Repeat("a\n\n", n), Options{}, "blocks"},
		{"lines of one group", "Title\n\n" + strings.Repeat("a\n", n), Options{}, "blocks"},
		{"rules", "Title\n\nText.\n\n" + strings.Repeat("***\n", n), Options{}, "blocks"},
		{"list items in wrapped text", "Title\n\n" + wrapped + strings.Repeat("- a\n", n), Options{}, "blocks"},
		{"blank lines", "Title\n\nText.\n" + strings.Repeat("\n", DefaultMaxLines), Options{}, "nodes"},
		{"line separators", "Title\n\nText.\n" + strings.Repeat("a\u2028", DefaultMaxLines), Options{}, "nodes"},
		{"set limit", "Title\n\n" + strings.Repeat("a\n\n", 11), Options{MaxBlocks: 10}, "blocks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadOptions([]byte(tt.doc), tt.opt)
			if !errors.Is(err, limits.ErrTooComplex) {
				t.Fatalf("err = %v, want ErrTooComplex", err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "txt: too many "+tt.what+": more than ") || strings.Contains(msg, "\n") {
				t.Errorf("message %q", msg)
			}
		})
	}
}

// TestTooComplexMemory checks that text of many paragraphs is refused
// before the blocks are made: at most 100 bytes allocated per input byte,
// for its lines (reading it all takes some 390).
func TestTooComplexMemory(t *testing.T) {
	data := []byte("Title\n\n" + strings.Repeat("a\n\n", 2*DefaultMaxBlocks))
	allocs := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Read(data); err == nil {
				b.Fatal("no error")
			}
		}
	}).AllocedBytesPerOp()
	if allocs > int64(100*len(data)) {
		t.Errorf("%d bytes allocated for %d bytes of text", allocs, len(data))
	}
}

// TestUnderLimits reads a hard-wrapped text of more lines than the block
// limit (its paragraphs are fewer) and corpus texts with limits a hundred
// times lower than the defaults: they are read.
func TestUnderLimits(t *testing.T) {
	para := strings.Repeat("the quick brown fox jumps over the lazy dog and then\n", 10) + "\n"
	if _, err := ReadOptions([]byte("Title\n\n"+strings.Repeat(para, 20)), Options{MaxBlocks: 30}); err != nil {
		t.Errorf("200 wrapped lines, 20 paragraphs, limit 30: %v", err)
	}
	if _, err := ReadOptions([]byte("Title\n\n"+strings.Repeat("a\n\n", 20)), Options{MaxBlocks: -1, MaxLines: -1}); err != nil {
		t.Errorf("no limits: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(corpus, "*.txt"))
	more, _ := filepath.Glob(filepath.Join(corpus, "edge", "*.txt"))
	for _, name := range append(files, more...) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ReadOptions(data, Options{MaxBlocks: DefaultMaxBlocks / 100, MaxLines: DefaultMaxLines / 100}); errors.Is(err, limits.ErrTooComplex) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
