package linebreak

import (
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestLongWordCost: a word far wider than a line is broken into full lines
// with memory that grows with its lines, not with its letters, and is not
// handed to the hyphenator: Lay allocates about what its lines take, a
// few tens of bytes per byte of it (it took 530 to 830, and the hyphenator
// was handed every letter).
func TestLongWordCost(t *testing.T) {
	m := &unitMeasurer{}
	letters := 0
	hyph := func(w string) []int {
		letters += utf8.RuneCountInString(w)
		return everyOther(w)
	}
	tests := []struct {
		name string
		word string
	}{
		{"letters", strings.Repeat("abcdefghij", 5_000)},
		{"Cyrillic", strings.Repeat("абвгдежзий", 5_000)},
		{"URL", "https://example.org/" + strings.Repeat("abcdefghij", 5_000)},
		{"letters and digits", strings.Repeat("abcdefghi1", 5_000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runs := []Run{{Text: "A word: " + tt.word + " ends here."}}
			opt := Options{Width: 300, Hyphenate: hyph}
			letters = 0
			var lines []Line
			n := allocated(func() { lines = Lay(runs, m, opt) })
			checkLines(t, runs, m, opt, lines)
			if letters > 1000 {
				t.Errorf("%d letters hyphenated", letters)
			}
			if per := float64(n) / float64(len(tt.word)); per > 32 {
				t.Errorf("%d bytes allocated for a word of %d bytes: %.1f per byte, want at most 32", n, len(tt.word), per)
			}
			full := 0
			for _, ln := range lines {
				if ln.End == BreakEmergency || ln.End == BreakAfter {
					if ln.Width+5*1.2 > opt.Width {
						full++
					}
				}
			}
			if want := utf8.RuneCountInString(tt.word) * 5 / 300; full < want-3 {
				t.Errorf("%d full lines, want about %d", full, want)
			}
		})
	}
}

// TestLongWordAcrossRuns: a long word whose style changes keeps its text
// and its lines full.
func TestLongWordAcrossRuns(t *testing.T) {
	m := &unitMeasurer{}
	var runs []Run
	runs = append(runs, Run{Text: "Start "})
	for i := range 200 {
		runs = append(runs, Run{Text: strings.Repeat("x", 97), Style: i % 2})
	}
	runs = append(runs, Run{Text: " end."})
	for _, opt := range []Options{{Width: 300}, {Width: 300, Indent: 40}, {Width: 300, Align: Left}} {
		lines := Lay(runs, m, opt)
		checkLines(t, runs, m, opt, lines)
	}
}
