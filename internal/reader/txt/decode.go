package txt

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	xunicode "golang.org/x/text/encoding/unicode"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decode returns data as UTF-8 text without a byte order mark. UTF-16 with
// a byte order mark is converted; anything else must be UTF-8.
func decode(data []byte) (string, error) {
	if len(data) == 0 {
		return "", fail(ErrEmpty)
	}
	skipped := 0
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data, skipped = data[len(bomUTF8):], len(bomUTF8)
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		// The decoder reads the mark, and replaces unpaired surrogates
		// with U+FFFD, so its output is valid UTF-8.
		dec := xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder()
		u, err := dec.Bytes(data)
		if err != nil {
			return "", fail(ErrEncoding)
		}
		data = u
	}
	if binary(data) {
		return "", fail(ErrBinary)
	}
	if !utf8.Valid(data) {
		return "", &EncodingError{Offset: skipped + firstInvalid(data)}
	}
	return string(data), nil
}

// binary reports whether data looks like binary data rather than text: a
// NUL byte in a thousand, or control characters (other than white space)
// making up more than one byte in thirty. Text with the odd stray control
// character passes; they are removed later.
func binary(data []byte) bool {
	nul, ctl := 0, 0
	for _, c := range data {
		switch {
		case c == 0:
			nul++
			ctl++
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B, c == 0x7F:
			ctl++
		}
	}
	return nul*1000 > len(data) || ctl*30 > len(data)
}

// firstInvalid returns the offset of the first byte of data that does not
// begin a valid UTF-8 sequence.
func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// lines splits text into lines with normalised white space: any line end
// (LF, CRLF, CR, NEL, U+2028; U+2029 ends a paragraph) ends a line; control
// characters and stray byte order marks are removed; tabs and other white
// space fold, run by run, into one space, except that a lone no-break space
// (U+00A0, U+2007, U+202F) is kept; lines are trimmed. Blank lines are "".
func lines(text string) []string {
	var (
		out   []string
		b     strings.Builder
		space []rune // the pending run of white space
	)
	flushSpace := func() {
		if len(space) == 0 {
			return
		}
		if b.Len() > 0 { // leading white space is dropped
			if len(space) == 1 && noBreak(space[0]) {
				b.WriteRune(space[0])
			} else {
				b.WriteByte(' ')
			}
		}
		space = space[:0]
	}
	endLine := func() {
		space = space[:0] // trailing white space is dropped
		out = append(out, b.String())
		b.Reset()
	}
	for i := 0; i < len(text); {
		if c := text[i]; c > ' ' && c < 0x7F { // fast path: printable ASCII
			flushSpace()
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(text) && text[i] == '\n' {
				i++
			}
			endLine()
		case r == '\n', r == 0x85, r == '\u2028':
			endLine()
		case r == '\u2029':
			endLine()
			endLine()
		case noBreak(r), unicode.IsSpace(r):
			space = append(space, r)
		case r < 0x20, r >= 0x7F && r <= 0x9F, r == '\uFEFF':
			// Control characters and stray byte order marks: removed.
		default:
			flushSpace()
			b.WriteRune(r)
		}
	}
	endLine()
	return out
}

// noBreak reports whether r is a no-break space.
func noBreak(r rune) bool { return r == '\u00A0' || r == '\u2007' || r == '\u202F' }
