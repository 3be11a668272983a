package charset

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// ErrInvalidUTF8 is matched (errors.Is) by every *InvalidUTF8Error.
var ErrInvalidUTF8 = errors.New("invalid UTF-8")

// InvalidUTF8Error reports input that is not valid UTF-8 and names no other
// encoding. Offset is the position of the first offending byte in the input,
// counting from zero.
type InvalidUTF8Error struct {
	Offset int64
}

// Error names the offset and suggests the --encoding option.
func (e *InvalidUTF8Error) Error() string {
	return fmt.Sprintf("charset: %s at byte %d (try --encoding iso-8859-1 or windows-1251)", ErrInvalidUTF8, e.Offset)
}

// Is reports whether target is ErrInvalidUTF8.
func (e *InvalidUTF8Error) Is(target error) bool { return target == ErrInvalidUTF8 }

// Byte order marks.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// DecodeText converts plain text (or Markdown) to UTF-8.
//
// A byte order mark decides: UTF-8 with a BOM loses the BOM, UTF-16 (little
// or big endian) with a BOM is converted, whatever encodingName says. Without
// a BOM, a non-empty encodingName names the encoding to convert from (see
// Lookup); an empty one means UTF-8, and input that is not valid UTF-8 fails
// with an *InvalidUTF8Error. UTF-8 is checked, never repaired.
func DecodeText(data []byte, encodingName string) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return checkUTF8(data[len(bomUTF8):], int64(len(bomUTF8)))
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("charset: decoding UTF-16: %w", err)
		}
		return out, nil
	}
	if encodingName == "" {
		return checkUTF8(data, 0)
	}
	enc, name, err := Lookup(encodingName)
	if err != nil {
		return nil, err
	}
	if name == "utf-8" {
		return checkUTF8(data, 0)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("charset: decoding %s: %w", name, err)
	}
	out = bytes.TrimPrefix(out, []byte("\uFEFF"))
	if !utf8.Valid(out) { // decoders replace bad input; this is a safety net
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return out, nil
}

// checkUTF8 returns data if it is valid UTF-8, otherwise an
// *InvalidUTF8Error whose offset counts base bytes before data.
func checkUTF8(data []byte, base int64) ([]byte, error) {
	if utf8.Valid(data) {
		return data, nil
	}
	i := 0
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	return nil, &InvalidUTF8Error{Offset: base + int64(i)}
}
