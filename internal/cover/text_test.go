package cover

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/offprint/offprint/internal/typeface"
)

func testFonts(t testing.TB) *fonts {
	f, err := newFonts(typeface.PT)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestClean(t *testing.T) {
	fc := testFonts(t).title
	for _, tc := range []struct{ in, want string }{
		{"  Plain   title ", "Plain title"},
		{"Tabs\tand\r\nnewlines\u00a0and NBSP", "Tabs and newlines and NBSP"},
		{"Emoji 👋 between", "Emoji between"},
		{"東京 Tokyo", "Tokyo"},
		{"zero\u200bwidth\u00adsoft", "zerowidthsoft"},
		{"bell\u0007 \ufeffBOM", "bell BOM"},
		{"Cafe\u0301", "Café"}, // NFC: e + combining acute
		{"«Ёлки» — №5", "«Ёлки» — №5"},
		{"\xff\xfe broken", "broken"},
		{"👋🏽", ""},
	} {
		got, cut := fc.clean(tc.in)
		if got != tc.want || cut {
			t.Errorf("clean(%q) = %q, %v; want %q, false", tc.in, got, cut, tc.want)
		}
	}
	got, cut := fc.clean(strings.Repeat("ab ", 2000))
	if !cut || utf8.RuneCountInString(got) != maxRunes {
		t.Errorf("clean of 6000 runes: %d runes, cut %v", utf8.RuneCountInString(got), cut)
	}
}

func TestBindShort(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"В Новосибирске открылась библиотека", "В Новосибирске|открылась|библиотека"},
		{"Summit in Bishkek", "Summit|in Bishkek"},
		{"и в городе", "и в городе"},
		{"Hello — world", "Hello —|world"},
		{"— dash first", "—|dash|first"},
		{"what is it", "what|is it"},
		{"2026 year", "2026|year"},
	} {
		if got := strings.Join(bindShort(strings.Split(tc.in, " ")), "|"); got != tc.want {
			t.Errorf("bindShort(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestFit checks that fitted text never leaves its box, whatever the text.
func TestFit(t *testing.T) {
	f := testFonts(t)
	texts := []string{
		"Night",
		"Outcomes of the CSTO Summit in Bishkek Through the Lens of the Looming Great War",
		"Euro-Atlantic security and the Trans-Siberian/Baikal-Amur railway question",
		strings.Repeat("Donaudampfschifffahrtsgesellschaftskapitän ", 3),
		strings.Repeat("ы", 20000),
		strings.Repeat("word ", 400),
		"a b c d e f g h i j k l m n o p q r s t u v w x y z",
	}
	specs := []fitSpec{
		{width: 1312, height: 1500, maxSize: 320, minSize: 72, leading: 1.08, balance: true},
		{width: 1312, height: 300, maxSize: 100, minSize: 52, leading: 1.2, maxLines: 3, balance: true},
		{width: 200, height: 100, maxSize: 40, minSize: 20, leading: 1.1},
		{width: 50, height: 10, maxSize: 30, minSize: 20, leading: 1.1}, // not even one line fits
	}
	for _, s := range texts {
		clean, cut := f.title.clean(s)
		for _, sp := range specs {
			b := f.title.fit(clean, cut, sp)
			if b.size < sp.minSize || b.size > sp.maxSize {
				t.Errorf("%.20q in %v: size %.1f out of range", s, sp, b.size)
			}
			if len(b.lines) == 0 {
				t.Fatalf("%.20q in %v: no lines", s, sp)
			}
			if n := len(b.lines); n > 1 && sp.blockHeight(f.title, b.size, n) > sp.height {
				t.Errorf("%.20q in %v: %d lines overflow the box", s, sp, n)
			}
			if sp.maxLines > 0 && len(b.lines) > sp.maxLines {
				t.Errorf("%.20q in %v: %d lines, at most %d allowed", s, sp, len(b.lines), sp.maxLines)
			}
			var runes int
			for _, l := range b.lines {
				runes += utf8.RuneCountInString(l)
				// One character wider than the box is allowed only when no
				// character fits at all.
				if w := f.title.measure(l, 0) * b.size; w > sp.width+0.01 && utf8.RuneCountInString(l) > 2 {
					t.Errorf("%.20q in %v: line %q is %.1f px wide", s, sp, l, w)
				}
			}
			if runes == 0 {
				t.Errorf("%.20q in %v: empty lines", s, sp)
			}
		}
	}
}

func TestFitLine(t *testing.T) {
	fc := testFonts(t).label
	for _, s := range []string{"POLITICS", strings.Repeat("ОБЩЕСТВО ", 40), strings.Repeat("Y", 1000)} {
		b := fc.fitLine(s, false, 1312, 68, 40, 0.16)
		if len(b.lines) != 1 {
			t.Fatalf("%.20q: %d lines", s, len(b.lines))
		}
		if w := fc.measure(b.lines[0], 0.16) * b.size; w > 1312 {
			t.Errorf("%.20q: %.1f px wide", s, w)
		}
		if b.lines[0] != s && !strings.HasSuffix(b.lines[0], ellipsis) {
			t.Errorf("%.20q cut without an ellipsis: %q", s, b.lines[0])
		}
	}
}
