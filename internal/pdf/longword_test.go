package pdf

import (
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/offprint/offprint/article"
)

// TestLongWordMemory: a single word of hundreds of kilobytes, which has to
// be broken over hundreds of lines, costs memory in proportion to its
// length: a few tens of bytes per byte, as much text in words does (the
// PDF being written is most of it). It took hundreds of bytes per byte, and
// a 10 MB word exhausted memory; a line of code took 263.
func TestLongWordMemory(t *testing.T) {
	cost := func(t *testing.T, block func(n int) article.Block, n int) float64 {
		a := &article.Article{Meta: article.Meta{Title: "Long word", Language: "en"}, Blocks: []article.Block{block(n)}}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		// serial: no font loader or compressors on other goroutines, whose
		// fixed costs would depend on the size
		if err := write(io.Discard, article.Single(a), Options{}, layoutMode{serial: true}); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		return float64(after.TotalAlloc - before.TotalAlloc)
	}
	para := func(prefix, unit string) func(int) article.Block {
		return func(n int) article.Block {
			return &article.Paragraph{Inlines: article.Plain("A word: " + prefix + strings.Repeat(unit, n/len(unit)) + " ends.")}
		}
	}
	for _, tt := range []struct {
		name  string
		block func(n int) article.Block
		limit float64 // bytes allocated per byte
	}{
		// measured: 60, 26 (two bytes a letter), 160 (a box every ten
		// letters), 51; before: over 400 a byte, and code 263
		{"letters", para("", "abcdefghij"), 90},
		{"Cyrillic", para("", "абвгдежзий"), 60},
		{"URL", para("https://example.org/", "abcdefghi/"), 240},
		{"code", func(n int) article.Block { return &article.CodeBlock{Text: strings.Repeat("x", n)} }, 80},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// the cost of the second 200 kB: without the fonts and pages
			// any document has
			const n = 200_000
			per := (cost(t, tt.block, 2*n) - cost(t, tt.block, n)) / n
			t.Logf("%.1f bytes allocated per byte", per)
			if per > tt.limit {
				t.Errorf("%.0f bytes allocated per byte of a long word, want at most %.0f", per, tt.limit)
			}
		})
	}
}
