package pdf

import (
	"strings"
	"sync"
	"unicode"

	"github.com/offprint/offprint/assets"
	"github.com/offprint/offprint/internal/hyph"
)

// Thai is written without spaces between words (a space ends a phrase or
// a sentence), and UAX #14 leaves its breaks to a dictionary. thaiBreaks
// marks the places between syllables where a line may break with
// zero-width spaces, found by Debian's Thai hyphenation patterns
// (assets.ThaiBreakPatterns), and keeps every grapheme cluster whole: no
// break before a vowel sign, a tone mark or other combining mark, nor
// after a leading vowel (เ แ โ ใ ไ), which is written before the
// consonant it follows in speech.

var thaiHyph = sync.OnceValue(func() *hyph.Hyphenator {
	h, err := hyph.New(assets.ThaiBreakPatterns)
	if err != nil {
		return nil // a broken build: the tests catch it
	}
	return h
})

// isThai reports whether r is in the Thai block.
func isThai(r rune) bool { return r >= 0x0E00 && r <= 0x0E7F }

// thaiBreaks returns s with a zero-width space at the syllable breaks of
// its Thai runs; text without Thai is returned as it is.
func thaiBreaks(s string) string {
	if !strings.ContainsFunc(s, isThai) {
		return s
	}
	h := thaiHyph()
	if h == nil {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	for len(s) > 0 {
		i := strings.IndexFunc(s, isThai)
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := strings.IndexFunc(s, func(r rune) bool { return !isThai(r) })
		if j < 0 {
			j = len(s)
		}
		run := s[:j]
		last := 0
		for _, p := range h.Points(run) {
			if p <= last || p >= len(run) || !thaiBreakOK(run, p) {
				continue
			}
			b.WriteString(run[last:p])
			b.WriteRune(zeroWidthSpace)
			last = p
		}
		b.WriteString(run[last:])
		s = s[j:]
	}
	return b.String()
}

// thaiBreakOK reports whether a line may break at byte p of a Thai run:
// not inside a cluster.
func thaiBreakOK(run string, p int) bool {
	var before, after rune
	for _, r := range run[p:] {
		after = r
		break
	}
	for _, r := range run[:p] {
		before = r
	}
	if unicode.Is(unicode.M, after) || after == 'ๆ' || after == 'ฯ' {
		return false
	}
	return !(before >= 0x0E40 && before <= 0x0E44)
}
