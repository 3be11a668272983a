package linebreak

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/offprint/offprint/internal/hyph"
)

// gapStats are the inter-word gaps of justified lines, in em.
type gapStats struct {
	gaps             []float64
	lines, justified int
	hyphens          int
	maxOver          float64 // the most a line exceeds its measure by
}

func (g *gapStats) percentile(p float64) float64 {
	if len(g.gaps) == 0 {
		return 0
	}
	s := append([]float64(nil), g.gaps...)
	sort.Float64s(s)
	i := int(math.Ceil(p*float64(len(s)))) - 1
	return s[max(i, 0)]
}

func (g *gapStats) max() float64 { return g.percentile(1) }

// afterSentence reports whether a gap after word follows a sentence end:
// the word ends with . ! ? or …, maybe followed by closing quotes and
// brackets. The PDF's quality check leaves these gaps out too.
func afterSentence(word string) bool {
	word = strings.TrimRight(word, "\"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(word)
	return strings.ContainsRune(".!?…", r)
}

// measureGaps adds the gaps of lines set at width with font size em.
func (g *gapStats) add(t *testing.T, lines []Line, opt Options, em float64) {
	t.Helper()
	for i, ln := range lines {
		g.lines++
		avail := opt.Width - opt.Hang
		if i == 0 {
			avail = opt.Width - opt.Indent
		}
		if n := len(ln.Segments); n > 0 {
			s := ln.Segments[n-1]
			left := opt.Hang
			if i == 0 {
				left = opt.Indent
			}
			if over := s.X + s.Width - (left + avail); over > g.maxOver {
				g.maxOver = over
			}
		}
		if ln.Hyphen {
			g.hyphens++
		}
		if ln.Last || ln.End == BreakHard {
			continue
		}
		g.justified++
		for j := 1; j < len(ln.Segments); j++ {
			prev, s := ln.Segments[j-1], ln.Segments[j]
			if s.Space == "" || afterSentence(prev.Text) {
				continue
			}
			g.gaps = append(g.gaps, (s.X-prev.X-prev.Width)/em)
		}
	}
}

// hyphenator returns the hyphenation function for a language.
func hyphenator(t testing.TB, lang string) func(string) []int {
	h, ok := hyph.ForLanguage(lang)
	if !ok {
		t.Fatalf("no hyphenation patterns for %s", lang)
	}
	return h.Points
}

// TestQuality sets the corpus articles' paragraphs with PT Serif's metrics
// and real hyphenation on an A4 text block and on an e-reader's, and checks
// the spread of the inter-word spaces of justified lines against the
// targets the PDF must meet (excluding spaces after sentence ends), and that
// no line is wider than the measure.
func TestQuality(t *testing.T) {
	type target struct{ p95, max float64 }
	cases := []struct {
		name   string
		size   float64
		widths []float64
		target target
	}{
		{"A4 10.5pt", 10.5, []float64{400, 412, 425, 437, 450}, target{0.40, 0.60}},
		{"A4 11pt", 11, []float64{400, 412, 425, 437, 450}, target{0.40, 0.60}},
		{"6in 9.5pt", 9.5, []float64{220, 227, 235}, target{0.50, 0.75}},
	}
	articles := []struct{ file, lang string }{
		{"csto-summit-bishkek.txt", "en"},
		{"night-library.txt", "ru"},
	}
	for _, c := range cases {
		for _, indent := range []float64{0, 1} {
			t.Run(fmt.Sprintf("%s indent %gem", c.name, indent), func(t *testing.T) {
				m := newFontMeasurer(t, c.size)
				var all gapStats
				for _, width := range c.widths {
					var g gapStats
					for _, a := range articles {
						opt := Options{Width: width, Indent: indent * c.size, Hyphenate: hyphenator(t, a.lang)}
						for _, p := range corpusParagraphs(t, a.file) {
							lines := Lay([]Run{{Text: p}}, m, opt)
							if got := Text(lines); got != p {
								t.Fatalf("text changed:\n got %q\nwant %q", got, p)
							}
							g.add(t, lines, opt, c.size)
						}
					}
					t.Logf("width %3gpt: %d gaps, %d/%d justified lines, %d hyphens: p50 %.3f p95 %.3f max %.3f em",
						width, len(g.gaps), g.justified, g.lines, g.hyphens, g.percentile(0.5), g.percentile(0.95), g.max())
					if g.maxOver > 1e-9 {
						t.Errorf("width %g: a line is %.6fpt too wide", width, g.maxOver)
					}
					all.gaps = append(all.gaps, g.gaps...)
					if p := g.percentile(0.95); p > c.target.p95 {
						t.Errorf("width %g: 95th percentile gap %.3f em > %.2f", width, p, c.target.p95)
					}
					if mx := g.max(); mx > c.target.max {
						t.Errorf("width %g: largest gap %.3f em > %.2f", width, mx, c.target.max)
					}
				}
				t.Logf("all widths: p95 %.3f max %.3f em", all.percentile(0.95), all.max())
			})
		}
	}
}

// TestHyphenLines: no more than Options.HyphenLines lines in a row end
// with a hyphen. The final pass may exceed the limit rather than set a line
// looser than SloppyTolerance, so strict limits are checked on A4, the
// default one on a narrow measure where hyphens are frequent.
func TestHyphenLines(t *testing.T) {
	longest := func(size float64, widths []float64, limit int) (most int) {
		m := newFontMeasurer(t, size)
		for _, a := range []struct{ file, lang string }{{"csto-summit-bishkek.txt", "en"}, {"night-library.txt", "ru"}} {
			for _, w := range widths {
				opt := Options{Width: w, Hyphenate: hyphenator(t, a.lang), HyphenLines: limit}
				for _, p := range corpusParagraphs(t, a.file) {
					n := 0
					for _, ln := range Lay([]Run{{Text: p}}, m, opt) {
						if ln.End == BreakHyphen || ln.End == BreakAfter && strings.HasSuffix(ln.Segments[len(ln.Segments)-1].Text, "-") {
							n++
							most = max(most, n)
						} else {
							n = 0
						}
					}
				}
			}
		}
		return most
	}
	var narrow, a4 []float64
	for w := 200.0; w <= 250; w += 2 {
		narrow = append(narrow, w)
	}
	for w := 380.0; w <= 460; w += 4 {
		a4 = append(a4, w)
	}
	if n := longest(9.5, narrow, -1); n <= 3 {
		t.Errorf("without a limit at most %d hyphenated lines in a row: the test proves nothing", n)
	}
	if n := longest(9.5, narrow, 0); n > 3 {
		t.Errorf("default limit: %d hyphenated lines in a row on a narrow measure", n)
	}
	if n := longest(10.5, a4, -1); n <= 1 {
		t.Errorf("without a limit at most %d hyphenated lines in a row on A4: the test proves nothing", n)
	}
	if n := longest(10.5, a4, 1); n > 1 {
		t.Errorf("HyphenLines 1: %d hyphenated lines in a row on A4", n)
	}
}
