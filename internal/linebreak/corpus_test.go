package linebreak

import (
	"testing"
)

// TestEdgeCorpus sets every line of the edge-case corpus (a word of 20,000
// letters, a long URL, a paragraph of 40,000 words, control characters,
// emoji, CJK and RTL text, CRLF, tabs and no-break spaces) as a paragraph
// with PT Serif's metrics, on an A4 and an e-reader measure, justified and
// centred, and checks the invariants: the text kept, no line too wide.
func TestEdgeCorpus(t *testing.T) {
	files := []string{"edge/longword.txt", "edge/injection.txt", "edge/crlf-bom.txt", "csto-summit-bishkek.txt", "night-library.txt"}
	for _, f := range files {
		for _, c := range []struct {
			size, width float64
			align       Align
		}{{10.5, 425, Justify}, {9.5, 227, Justify}, {16, 425, Center}} {
			m := newFontMeasurer(t, c.size)
			opt := Options{Width: c.width, Indent: c.size, Align: c.align}
			if c.align == Justify {
				opt.Hyphenate = hyphenator(t, "en")
			}
			emergency := 0
			for _, line := range corpusLines(t, f) {
				runs := []Run{{Text: line}}
				if len(line) > 100000 && c.align != Justify {
					continue // the long paragraph once is enough
				}
				lines := Lay(runs, m, opt)
				checkLines(t, runs, m, opt, lines)
				for _, ln := range lines {
					if ln.End == BreakEmergency {
						emergency++
					}
				}
				if t.Failed() {
					t.Fatalf("%s at %g: %.100q", f, c.width, line)
				}
			}
			if f == "edge/longword.txt" && float64(emergency) < 0.9*20000*0.519*c.size/c.width {
				t.Errorf("%s at %g: only %d emergency breaks", f, c.width, emergency)
			}
		}
	}
}
