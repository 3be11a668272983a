package typo

import (
	"os"
	"runtime"
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
	{name: "mailto", lang: "en", unit: "(mailto:a."},
	{name: "at-dot", lang: "en", unit: "-a@a."},
	{name: "urls", lang: "en", unit: "see http://a.b/c, "},
	{name: "emails", lang: "en", unit: "(a@b.c) "},
	// Quotes: an ever deeper stack of open quotations.
	{name: "open-double", lang: "en", unit: `"a `},
	{name: "open-single", lang: "en", unit: `'a `},
	{name: "open-mixed", lang: "en", unit: `"a 'b `},
	{name: "close-double", lang: "en", unit: `a" `},
	{name: "close-single", lang: "en", unit: `a' `},
	{name: "open-curly-de", lang: "de", unit: "„a ‚b \"c "},
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
	{name: "digits", lang: "ru", unit: "1", then: "1 111 "},
	{name: "digit-groups", lang: "ru", unit: "1 000 "},
	{name: "digit-rows", lang: "ru", unit: "1 "},
	{name: "digit-run-groups", lang: "ru", unit: "1 111 1111111111"},
	// Units after numbers, French spaces put in, marks that open and
	// close alike, single quotes nested in double ones.
	{name: "units", lang: "en", unit: "1 km "},
	{name: "unit-letters", lang: "en", unit: "1 kmkmkmkm"},
	{name: "unit-digits", lang: "ru", unit: "1 2"},
	{name: "french-insert", lang: "fr", unit: "a?"},
	{name: "french-colons", lang: "fr", unit: "a: "},
	{name: "same-marks-fi", lang: "fi", unit: "”a "},
	{name: "apostrophes-fi", lang: "fi", unit: "a’ 'b "},
	{name: "reversed-da", lang: "da", unit: `»a "b `},
	{name: "nested-singles-ru", lang: "ru", unit: `"a 'b `},
	{name: "elisions-nl", lang: "nl", unit: " 's"},
	// Ellipses and no-break spaces.
	{name: "dots", lang: "en", unit: "."},
	{name: "ellipses", lang: "en", unit: "a..."},
	{name: "short-words", lang: "ru", unit: "в "},
	{name: "numero", lang: "ru", unit: "№ 1 "},
	{name: "spaces", lang: "ru", unit: " "},
	// Many inlines in one piece of prose.
	{name: "inlines", lang: "en", unit: `"a-`, inlines: true},
}

// refineHostile refines about size bytes of shape h and returns the
// refiner, whose stream tells how much work it took.
func refineHostile(h hostileShape, size int) *refiner {
	r := newRefiner(h.lang)
	n := size/len(h.unit) + 1
	switch {
	case h.then != "":
		r.string(h.first + strings.Repeat(h.unit, n/2) + strings.Repeat(h.then, size/2/len(h.then)))
	case !h.inlines:
		r.string(strings.Repeat(h.unit, n))
	default:
		ins := make([]article.Inline, 0, 2*n)
		for range n {
			ins = append(ins, &article.Text{Text: h.unit}, &article.Code{Text: "x"})
		}
		r.inlines(ins, false)
	}
	return r
}

// TestHostileWork checks that no rule looks at a rune more than a few
// times, whatever the input: the steps of every loop over the runes,
// counted by the stream, stay under a small constant per input rune, for
// a small input and a four times larger one alike.
func TestHostileWork(t *testing.T) {
	const perRune = 12
	for _, h := range hostileShapes {
		t.Run(h.name, func(t *testing.T) {
			for _, size := range []int{16 << 10, 64 << 10} {
				s := &refineHostile(h, size).s
				if len(s.in) == 0 {
					t.Fatalf("%d kB: nothing refined", size>>10)
				}
				if per := float64(s.work) / float64(len(s.in)); per > perRune {
					t.Errorf("%s (%q), %d kB: %d steps for %d runes, %.1f a rune (at most %d)",
						h.name, h.unit, size>>10, s.work, len(s.in), per, perRune)
				}
			}
		})
	}
}

// TestHostileLinear checks by the clock what TestHostileWork checks by
// counting, so that a loop the stream does not count cannot hide. Each
// shape is timed against plain prose of the same size, at 8 kB and at
// sixteen times that: a quadratic rule makes the shape sixteen times
// slower against the prose at the larger size; a linear one keeps the
// proportion, give or take what caches and a busy machine do (a limit of
// six). The sizes and the prose are timed in turn and the fastest run of
// each compared, so that the load of the machine falls on all alike. It
// runs only with OFFPRINT_TIMED_TESTS set: on a machine shared with other
// work the clock fails it by chance.
func TestHostileLinear(t *testing.T) {
	if testing.Short() || os.Getenv("OFFPRINT_TIMED_TESTS") == "" {
		t.Skip("against the clock, which a loaded machine upsets: set OFFPRINT_TIMED_TESTS=1; TestHostileWork counts the work, BenchmarkRefineHostile times it")
	}
	const small, factor, limit = 8 << 10, 16, 6
	prose := hostileShape{name: "prose", lang: "en", unit: "The reader said, quite rightly, that it was late. "}
	timed := func(h hostileShape, size int) time.Duration {
		runtime.GC()
		start := time.Now()
		refineHostile(h, size)
		return max(time.Since(start), time.Microsecond)
	}
	for _, h := range hostileShapes {
		t.Run(h.name, func(t *testing.T) {
			var best [4]time.Duration // shape small, prose small, shape large, prose large
			for i := range best {
				best[i] = 1<<63 - 1
			}
			for run := 0; run < 3; run++ {
				best[0] = min(best[0], timed(h, small))
				best[1] = min(best[1], timed(prose, small))
				d := timed(h, factor*small)
				best[2] = min(best[2], d)
				best[3] = min(best[3], timed(prose, factor*small))
				if d > time.Second {
					break // slow enough to measure without noise
				}
			}
			before := float64(best[0]) / float64(best[1])
			after := float64(best[2]) / float64(best[3])
			if after > limit*before {
				t.Errorf("%s (%q) takes %.1f times as long as prose at %d kB, %.1f times at %d kB",
					h.name, h.unit, before, small>>10, after, factor*small>>10)
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
