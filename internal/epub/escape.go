package epub

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// allowedRune reports whether r may appear in the XHTML offprint writes.
// XML 1.0 forbids the C0 controls other than tab, line feed and carriage
// return, the surrogates and U+FFFE/U+FFFF; HTML also treats DEL, the C1
// controls and the noncharacters as errors, so they are dropped too.
func allowedRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r >= 0x7F && r <= 0x9F:
		return false
	case r >= 0xD800 && r <= 0xDFFF:
		return false
	case r >= 0xFDD0 && r <= 0xFDEF:
		return false
	case r&0xFFFE == 0xFFFE: // U+FFFE, U+FFFF and their equivalents in every plane
		return false
	}
	return r <= utf8.MaxRune
}

// needsWork reports whether s holds a byte that escapeText must look at:
// markup characters, controls, or any non-ASCII byte (which might start a
// forbidden character).
func needsWork(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7F || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' {
			return true
		}
	}
	return false
}

// writeEscaped appends s to b as XML character data or as an attribute
// value: the five markup characters are escaped as numeric character
// references (EPUBCheck reports even XML's predefined named entities), characters XML forbids are
// dropped, invalid UTF-8 is dropped, and CR or CRLF become LF. In an
// attribute (attr true) tabs and line breaks become spaces, as XML
// attribute-value normalisation would make them anyway.
func writeEscaped(b *bytes.Buffer, s string, attr bool) {
	if !needsWork(s) {
		b.WriteString(s)
		return
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '&':
				b.WriteString("&#38;")
			case c == '<':
				b.WriteString("&#60;")
			case c == '>':
				b.WriteString("&#62;")
			case c == '"':
				b.WriteString("&#34;")
			case c == '\'':
				b.WriteString("&#39;")
			case c == '\r':
				if i < len(s) && s[i] == '\n' {
					i++
				}
				if attr {
					b.WriteByte(' ')
				} else {
					b.WriteByte('\n')
				}
			case c == '\n' || c == '\t':
				if attr {
					b.WriteByte(' ')
				} else {
					b.WriteByte(c)
				}
			case c < 0x20 || c == 0x7F:
				// dropped
			default:
				b.WriteByte(c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r != utf8.RuneError || size > 1) && allowedRune(r) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
}

// escapeString returns s escaped as XML character data.
func escapeString(s string) string {
	var b bytes.Buffer
	writeEscaped(&b, s, false)
	return b.String()
}

// cleanText returns s without the characters XML forbids and with every run
// of white space collapsed to one space, trimmed: the form of a metadata
// field or a label.
func cleanText(s string) string {
	var b strings.Builder
	space := false
	for i, r := range s {
		if isSpace(r) {
			space = true
			continue
		}
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") || !allowedRune(r) {
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isSpace reports whether r is white space that may be collapsed. The
// no-break space is kept: it is there on purpose.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// visible reports whether s holds a character that is neither white space
// nor dropped by the escaper.
func visible(s string) bool {
	for i, r := range s {
		if isSpace(r) || !allowedRune(r) || r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			continue
		}
		return true
	}
	return false
}
