package hyph

import (
	"testing"
	"unicode/utf8"
)

// FuzzPoints checks that Points never panics and returns increasing offsets
// at rune boundaries strictly inside the word, and that Hyphenate only adds
// separators.
func FuzzPoints(f *testing.F) {
	for _, s := range []string{"hyphenation", "Новосибирске", "don't", "naïveté", "ﬁnancial", "a-b-c", "İstanbul", "\xff\xfe"} {
		f.Add(s)
	}
	en, _ := ForLanguage("en")
	ru, _ := ForLanguage("ru")
	f.Fuzz(func(t *testing.T, word string) {
		for _, h := range []*Hyphenator{en, ru, en.WithMinimums(1, 1)} {
			pts := h.Points(word)
			last := 0
			for _, p := range pts {
				if p <= last || p >= len(word) || !utf8.RuneStart(word[p]) {
					t.Fatalf("Points(%q) = %v: bad offset %d", word, pts, p)
				}
				last = p
			}
			if got := h.Hyphenate(word, ""); got != word {
				t.Fatalf("Hyphenate(%q, \"\") = %q", word, got)
			}
		}
	})
}
