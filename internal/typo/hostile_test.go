package typo

import (
	"strings"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
)

// hostileShape is a pathological input for one rule: unit repeated up to
// a size, refined in lang. Inputs built of many inlines go through
// Inlines instead of String.
type hostileShape struct {
	name, lang, unit string
	first, then      string // when then is set: first, unit for half the input, then then
	inlines          bool   // one Text inline per unit, a code span between them
}

// hostileShapes are inputs that made some rule of an earlier version look
// ahead to the end of the text, or back to its start, for every rune.
var hostileShapes = []hostileShape{
	// Addresses: a scheme or local part that never ends, a domain after
	// each of many "@".
	{name: "letter-hyphen", lang: "en", unit: "a-"},
	{name: "hyphen-letter-at", lang: "en", unit: "-a@"},
	{name: "letter-dot", lang: "en", unit: "a."},
	{name: "letter-plus", lang: "en", unit: "-a+"},
	{name: "scheme-colon", lang: "en", unit: "-a:/"},
	{name: "www", lang: "en", unit: "-www."},
	{name: "mailto", lang: "en", unit: "(mailto:"},
	{name: "at-dot", lang: "en", unit: "-a@a."},
	{name: "urls", lang: "en", unit: "see http://a.b/c, "},
	{name: "emails", lang: "en", unit: "(a@b.c) "},
	// Quotes: an ever deeper stack of open quotations.
	{name: "open-double", lang: "en", unit: `"a `},
	{name: "open-single", lang: "en", unit: `'a `},
	{name: "open-mixed", lang: "en", unit: `"a 'b `},
	{name: "close-double", lang: "en", unit: `a" `},
	{name: "close-single", lang: "en", unit: `a' `},
	{name: "open-curly-de", lang: "de", unit: "„a ‚b "},
	{name: "open-guillemets-ru", lang: "ru", unit: "«a "},
	{name: "open-double-ru", lang: "ru", unit: `"a `},
	{name: "singles-in-double", lang: "en", unit: `"a 'b 'c " `},
	{name: "reopened-over-singles", lang: "en", first: `"a `, unit: `'b `, then: `"c" `},
	{name: "close-double-over-singles", lang: "en", unit: `'b `, then: `a" `},
	{name: "close-single-over-doubles", lang: "en", unit: `"b `, then: "a’ "},
	{name: "close-guillemet-over-singles", lang: "ru", unit: `'b `, then: "a» "},
	{name: "empty-quotes", lang: "en", unit: `"" `},
	{name: "elision", lang: "en", unit: " 'abcdefghij"},
	{name: "elision-n", lang: "en", unit: " 'n' "},
	{name: "apostrophes", lang: "en", unit: "'''"},
	{name: "french-open", lang: "fr", unit: "«   "},
	{name: "french-close", lang: "fr", unit: "   »"},
	{name: "french-spaces", lang: "fr", unit: " "},
	{name: "french-punct", lang: "fr", unit: "a ; b : c ! "},
	// Dashes and numbers.
	{name: "hyphens", lang: "en", unit: "-"},
	{name: "spaced-hyphens", lang: "ru", unit: " -"},
	{name: "double-hyphens", lang: "en", unit: "a--"},
	{name: "digit-hyphen", lang: "en", unit: "1-"},
	{name: "ranges", lang: "en", unit: "1990-1995 "},
	{name: "dialogue", lang: "ru", unit: "- а\n"},
	{name: "em-dashes", lang: "ru", unit: " — "},
	{name: "digits", lang: "ru", unit: "1"},
	{name: "digit-groups", lang: "ru", unit: "1 000 "},
	{name: "digit-rows", lang: "ru", unit: "1 "},
	{name: "digit-run-groups", lang: "ru", unit: "1 111 1111111111"},
	// Ellipses and no-break spaces.
	{name: "dots", lang: "en", unit: "."},
	{name: "ellipses", lang: "en", unit: "a..."},
	{name: "short-words", lang: "ru", unit: "в "},
	{name: "numero", lang: "ru", unit: "№ 1 "},
	{name: "spaces", lang: "ru", unit: " "},
	// Many inlines in one piece of prose.
	{name: "inlines", lang: "en", unit: `"a-`, inlines: true},
}

// refineHostile refines about size bytes of shape h.
func refineHostile(h hostileShape, size int) {
	n := size/len(h.unit) + 1
	if h.then != "" {
		String(h.first+strings.Repeat(h.unit, n/2)+strings.Repeat(h.then, size/2/len(h.then)), h.lang)
		return
	}
	if !h.inlines {
		String(strings.Repeat(h.unit, n), h.lang)
		return
	}
	ins := make([]article.Inline, 0, 2*n)
	for range n {
		ins = append(ins, &article.Text{Text: h.unit}, &article.Code{Text: "x"})
	}
	Inlines(ins, h.lang)
}

// TestHostileLinear checks that the work done for every hostile shape
// grows linearly with the input: four times the input may take at most
// ten times as long (a quadratic rule takes sixteen times). The fastest
// of several runs is compared, so that a busy machine does not make the
// test fail.
func TestHostileLinear(t *testing.T) {
	const small = 8 << 10
	fastest := func(h hostileShape, size int) time.Duration {
		best := time.Duration(1<<63 - 1)
		for run := 0; run < 7; run++ {
			start := time.Now()
			refineHostile(h, size)
			d := time.Since(start)
			best = min(best, d)
			if d > 100*time.Millisecond && run >= 2 {
				break // slow enough to measure without noise
			}
		}
		return best
	}
	for _, h := range hostileShapes {
		t.Run(h.name, func(t *testing.T) {
			a, b := fastest(h, small), fastest(h, 4*small)
			// Below this the clock and the cache dominate.
			a = max(a, 50*time.Microsecond)
			if ratio := float64(b) / float64(a); ratio > 10 {
				t.Errorf("%s (%s): %v for %d kB, %v for %d kB: %.1f times as long for 4 times the input",
					h.name, h.unit, a, small>>10, b, 4*small>>10, ratio)
			}
		})
	}
}

// BenchmarkRefineHostile refines 1 MB of each hostile shape.
func BenchmarkRefineHostile(b *testing.B) {
	const size = 1 << 20
	for _, h := range hostileShapes {
		b.Run(h.name, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				refineHostile(h, size)
			}
		})
	}
}
