package main

import (
	"io"
	"testing"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/pdf"
)

// TestRangesMatchTheRenderer: the ranges the flags check are the PDF
// renderer's own (internal/pdf exports none), so a value the flags accept
// never fails later in the renderer, and one they refuse would fail there.
func TestRangesMatchTheRenderer(t *testing.T) {
	a := &article.Article{Meta: article.Meta{Title: "T", Language: "en"},
		Blocks: []article.Block{&article.Paragraph{Inlines: article.Plain("Body.")}}}
	for _, tt := range []struct {
		size float64
		ok   bool
	}{{minFontSize, true}, {maxFontSize, true}, {minFontSize - 0.01, false}, {maxFontSize + 0.01, false}} {
		err := pdf.Write(io.Discard, a, pdf.Options{FontSize: tt.size})
		if (err == nil) != tt.ok || (checkFontSize(tt.size) == nil) != tt.ok {
			t.Errorf("font size %g: renderer says %v, flag check %v, want ok=%v", tt.size, err, checkFontSize(tt.size), tt.ok)
		}
	}
	for _, tt := range []struct {
		side float64
		ok   bool
	}{{minPaperSide, true}, {maxPaperSide, true}, {minPaperSide - 0.1, false}, {maxPaperSide + 0.1, false}} {
		p := pdf.Paper{Width: tt.side, Height: 200}
		err := pdf.Write(io.Discard, a, pdf.Options{Paper: p})
		if (err == nil) != tt.ok || paperSideOK(tt.side) != tt.ok {
			t.Errorf("paper side %g: renderer says %v, flag check %v, want ok=%v", tt.side, err, paperSideOK(tt.side), tt.ok)
		}
	}
}
