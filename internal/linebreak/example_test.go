package linebreak_test

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/offprint/offprint/internal/linebreak"
)

func ExampleLay() {
	// A monospaced measurer: every character is 6 points wide, bold ones 7.
	m := linebreak.MeasurerFunc(func(style int, s string) float64 {
		return float64(utf8.RuneCountInString(s) * (6 + style))
	})
	runs := []linebreak.Run{
		{Text: "Knuth and Plass's algorithm chooses the breaks of a "},
		{Text: "whole", Style: 1},
		{Text: " paragraph at once, so that its word spaces stay even."},
	}
	for _, ln := range linebreak.Lay(runs, m, linebreak.Options{Width: 240}) {
		var b strings.Builder
		for _, s := range ln.Segments {
			fmt.Fprintf(&b, "%s@%.0f ", s.Text, s.X)
		}
		fmt.Printf("%-6v %5.2f  %s\n", ln.End, ln.Ratio, strings.TrimSpace(b.String()))
	}
	// Output:
	// space   0.40  Knuth@0 and@37 Plass's@62 algorithm@112 chooses@173 the@222
	// space   0.05  breaks@0 of@42 a@60 whole@72 paragraph@114 at@174 once,@192 so@228
	// end     0.00  that@0 its@30 word@54 spaces@84 stay@126 even.@156
}
