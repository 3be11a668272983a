package termsafe

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// String returns s with every character that could control a terminal or
// disguise the text replaced by a visible escape (see the package
// documentation). It returns s itself when nothing needs escaping.
func String(s string) string {
	i := firstUnsafe(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafeRune(r, prev, s[i+size:]):
			writeEscape(&b, r)
		default:
			b.WriteString(s[i : i+size])
		}
		prev = r
		i += size
	}
	return b.String()
}

// firstUnsafe returns the index of the first byte of s that String would
// escape, or -1.
func firstUnsafe(s string) int {
	prev := rune(-1)
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f { // printable ASCII: the common case
			prev = rune(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || unsafeRune(r, prev, s[i+size:]) {
			return i
		}
		prev = r
		i += size
	}
	return -1
}

// unsafeRune reports whether r, a correctly encoded rune following prev
// and followed by rest, is to be escaped.
func unsafeRune(r, prev rune, rest string) bool {
	switch {
	case r < 0x20 || r == 0x7f: // C0 controls, DEL
		return true
	case r < 0x80:
		return false
	case r <= 0x9f: // C1 controls
		return true
	case r == '\u2028' || r == '\u2029': // line and paragraph separators
		return true
	case r == '\u200c' || r == '\u200d': // ZWNJ, ZWJ: kept inside words
		next, _ := utf8.DecodeRuneInString(rest)
		return !joins(prev) || !joins(next)
	}
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Cc, r)
}

// joins reports whether r is something a ZWJ or ZWNJ may stand beside:
// a letter, a combining mark or a symbol (emoji).
func joins(r rune) bool {
	return r >= 0 && r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsMark(r) || unicode.Is(unicode.So, r))
}

// writeEscape writes the visible escape of r.
func writeEscape(b *strings.Builder, r rune) {
	switch {
	case r < 0x80:
		fmt.Fprintf(b, `\x%02x`, r)
	case r <= 0xffff:
		fmt.Fprintf(b, `\u%04x`, r)
	default:
		fmt.Fprintf(b, `\U%08x`, r)
	}
}
