package termsafe

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"article.md", "article.md"},
		{"\x1b]0;PWNED\a\x1b[2J.md", `\x1b]0;PWNED\x07\x1b[2J.md`},
		{"photo\u202egpj.exe", `photo\u202egpj.exe`},
		{"a\nb\tc\rd", `a\x0ab\x09c\x0dd`},
		{"del\x7f", `del\x7f`},
		{"c1 \u0085 \u009b31m", `c1 \u0085 \u009b31m`},
		{"bad \xff\xfe utf-8", `bad \xff\xfe utf-8`},
		{"cut \xe2\x80", `cut \xe2\x80`},
		{"\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069", `\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069`},
		{"line\u2028para\u2029", `line\u2028para\u2029`},
		{"\ufeffbom zero\u200bwidth", `\ufeffbom zero\u200bwidth`},
		{"tag\U000e0041", `tag\U000e0041`},
		{"soft\u00adhyphen", `soft\u00adhyphen`},
		// ZWNJ and ZWJ shape words and emoji: kept between letters,
		// marks and symbols, escaped elsewhere.
		{"می\u200cخواهم", "می\u200cخواهم"},
		{"क्\u200dष", "क्\u200dष"},
		{"👩\u200d💻", "👩\u200d💻"},
		{"\u200dstart", `\u200dstart`},
		{"end\u200c", `end\u200c`},
		{"a \u200d b", `a \u200d b`},
		// Ordinary text in any script is left alone.
		{"Новости дня — «Библиотека».md", "Новости дня — «Библиотека».md"},
		{"שלום עולם", "שלום עולם"},
		{"مرحبا بالعالم", "مرحبا بالعالم"},
		{"日本語のテキスト 中文", "日本語のテキスト 中文"},
		{"Ελληνικά café naïve\u00a0x", "Ελληνικά café naïve\u00a0x"},
		{`C:\articles\a.md`, `C:\articles\a.md`},
		{"replacement \ufffd kept", "replacement \ufffd kept"},
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// bidiControls are the characters that reorder text on screen.
var bidiControls = []rune{'\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'}

// hostilePool mixes what terminals and bidi algorithms react to with
// ordinary text.
var hostilePool = []string{
	"\x1b", "\a", "\x00", "\n", "\r", "\t", "\x7f", "\u0085", "\u009b", "\u009d",
	"\u2028", "\u2029", "\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\U000e0001", "\u00ad",
	"\xff", "\xc3", "\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80",
	"a", "Я", "م", "ש", "日", "👩", "\u0301", "[", "]", "0;", " ", "\\", "x",
}

// TestStringNeverLeaksControls is a property test over random strings:
// the output is valid UTF-8 and holds no control, bidi control, other
// format character (but a ZWJ/ZWNJ between joining characters) or line
// separator.
func TestStringNeverLeaksControls(t *testing.T) {
	for _, r := range bidiControls {
		hostilePool = append(hostilePool, string(r))
	}
	rng := rand.New(rand.NewPCG(11, 13))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(hostilePool[rng.IntN(len(hostilePool))])
		}
		in := b.String()
		out := String(in)
		if !utf8.ValidString(out) {
			t.Fatalf("String(%q) = %q: invalid UTF-8", in, out)
		}
		rs := []rune(out)
		for i, r := range rs {
			bad := unicode.Is(unicode.Cc, r) || r == '\u2028' || r == '\u2029'
			for _, c := range bidiControls {
				bad = bad || r == c
			}
			if unicode.Is(unicode.Cf, r) {
				zw := r == '\u200c' || r == '\u200d'
				bad = bad || !zw || i == 0 || i == len(rs)-1 || !joins(rs[i-1]) || !joins(rs[i+1])
			}
			if bad {
				t.Fatalf("String(%q) = %q: holds %U", in, out, r)
			}
		}
	}
}

// TestStringKeepsOrdinaryText is a property test: random text of letters,
// marks, digits, punctuation, symbols and spaces from every script comes
// back unchanged, and without allocating.
func TestStringKeepsOrdinaryText(t *testing.T) {
	ordinary := []*unicode.RangeTable{unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Zs}
	rng := rand.New(rand.NewPCG(3, 5))
	randRune := func() rune {
		for {
			var r rune
			if rng.IntN(2) == 0 {
				r = rune(rng.IntN(0x3000)) // the alphabets
			} else {
				r = rune(rng.IntN(0x2ffff))
			}
			if unicode.In(r, ordinary...) {
				return r
			}
		}
	}
	for range 5000 {
		rs := make([]rune, rng.IntN(40))
		for i := range rs {
			rs[i] = randRune()
		}
		in := string(rs)
		if got := String(in); got != in {
			t.Fatalf("String(%q) = %q, want it unchanged", in, got)
		}
	}
	text := "Новости дня: 日本語, العربية, עברית, हिन्दी, Ελληνικά 👩\u200d💻 — «café»"
	if n := testing.AllocsPerRun(100, func() { _ = String(text) }); n != 0 {
		t.Errorf("String of ordinary text allocates %v times, want 0", n)
	}
}
