package html

import (
	"runtime"
	"strings"
	"testing"

	"github.com/offprint/offprint/article"
)

// TestNormalizeManyPieces normalizes a run of a hundred thousand texts, as
// a page of many small inline elements gives: they merge into one text,
// and the work is linear, not a copy of the text so far per piece (which
// once kept a 5 MB page of <sup> elements busy for minutes).
func TestNormalizeManyPieces(t *testing.T) {
	const n = 100_000
	ins := make([]article.Inline, 0, n+1)
	for i := range n {
		if i%1000 == 999 {
			ins = append(ins, &article.Emphasis{Inlines: article.Plain("em ")})
		}
		ins = append(ins, &article.Text{Text: "piece  "})
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	out := normalizeInlines(ins)
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("normalizing %d pieces (%d KB of text) allocated %d MB", n, n*7>>10, alloc>>20)
	}
	for i := 1; i < len(out); i++ {
		_, a := out[i-1].(*article.Text)
		_, b := out[i].(*article.Text)
		if a && b {
			t.Fatalf("texts %d and %d are not merged", i-1, i)
		}
	}
	if len(out) != 2*(n/1000)+1 { // a text before, between and after the emphases
		t.Errorf("%d elements, want %d", len(out), 2*(n/1000)+1)
	}
	got := article.InlineText(out)
	if want := strings.TrimSpace(strings.Repeat("piece ", n)); strings.ReplaceAll(got, "em ", "") != want {
		t.Errorf("text %.80q…, want %.80q…", got, want)
	}
}
