package pdf

import (
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
)

// Chinese and Japanese have no spaces between words: a line may break
// between any two characters, as UAX #14 allows (uniseg), with the
// kinsoku rules of Japanese typesetting: no line starts with closing
// punctuation (。、」）！？), a small kana or the prolonged sound mark, no
// line ends with opening punctuation (「（). cjkBreaks marks these places
// with zero-width spaces, which the line breaker breaks at without a
// hyphen; Latin words and numbers inside stay whole, and Korean, written
// with spaces, breaks at its spaces alone.

// wide reports whether r is a character of Chinese or Japanese text that
// lines may break around: an ideograph, a kana, CJK punctuation or a
// full-width form.
func wide(r rune) bool {
	switch {
	case r >= 0x3000 && r <= 0x30FF, r >= 0xFF00 && r <= 0xFFEF, r >= 0x31F0 && r <= 0x31FF:
		return true
	case r < 0x2E80:
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// noBreakBefore lists the characters no line may start with (besides what
// UAX #14 forbids): small kana and the prolonged sound mark.
const noBreakBefore = "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿーゝゞヽヾ々〻"

// cjkBreaks returns s with a zero-width space at every place between two
// characters, one of them wide, where a line may break. Text without wide
// characters is returned as it is.
func cjkBreaks(s string) string {
	hasWide := false
	for _, r := range s {
		if wide(r) {
			hasWide = true
			break
		}
	}
	if !hasWide {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	state := -1
	rest := s
	var prev rune
	for len(rest) > 0 {
		var seg string
		seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
		if b.Len() > 0 && prev != 0 {
			next := []rune(seg)[0]
			if (wide(prev) || wide(next)) && !unicode.IsSpace(prev) && !unicode.IsSpace(next) &&
				!strings.ContainsRune(noBreakBefore, next) && next != zeroWidthSpace && prev != zeroWidthSpace {
				b.WriteRune(zeroWidthSpace)
			}
		}
		b.WriteString(seg)
		for _, r := range seg {
			prev = r
		}
	}
	return b.String()
}
