package linebreak

import (
	"strings"
	"testing"
)

// BenchmarkLaySample sets every paragraph of the sample article on an A4
// text block with real metrics and hyphenation.
func BenchmarkLaySample(b *testing.B) {
	m := newFontMeasurer(b, 10.5)
	paras := corpusParagraphs(b, "csto-summit-bishkek.txt")
	runs := make([][]Run, len(paras))
	words := 0
	for i, p := range paras {
		runs[i] = []Run{{Text: p}}
		words += len(strings.Fields(p))
	}
	opt := Options{Width: 425, Indent: 10.5, Hyphenate: hyphenator(b, "en")}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, r := range runs {
			Lay(r, m, opt)
		}
	}
	b.ReportMetric(float64(words), "words/op")
}

// BenchmarkLayLong sets one paragraph of 40,000 words.
func BenchmarkLayLong(b *testing.B) {
	m := newFontMeasurer(b, 10.5)
	runs := []Run{{Text: longParagraph(40000)}}
	opt := Options{Width: 425, Hyphenate: hyphenator(b, "en")}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Lay(runs, m, opt)
	}
}

// BenchmarkLayLongWord sets a word of 20,000 letters, which is broken
// between letters.
func BenchmarkLayLongWord(b *testing.B) {
	m := newFontMeasurer(b, 10.5)
	runs := []Run{{Text: "A word: " + strings.Repeat("x", 20000) + " ends."}}
	opt := Options{Width: 425}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Lay(runs, m, opt)
	}
}
