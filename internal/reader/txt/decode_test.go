package txt

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, bigEndian bool) []byte {
	var b []byte
	if bigEndian {
		b = append(b, 0xFE, 0xFF)
	} else {
		b = append(b, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
		err  error
	}{
		{"utf-8", []byte("Заголовок"), "Заголовок", nil},
		{"utf-8 bom", []byte("\xef\xbb\xbfTitle"), "Title", nil},
		{"utf-16le bom", utf16Bytes("Заголовок 📚", false), "Заголовок 📚", nil},
		{"utf-16be bom", utf16Bytes("Title 📚", true), "Title 📚", nil},
		{"empty", nil, "", ErrEmpty},
		{"latin-1", []byte("Caf\xe9"), "", ErrEncoding},
		{"cp1251", []byte("\xcd\xee\xe2\xee\xf1\xf2\xe8"), "", ErrEncoding},
		{"utf-16 without bom", []byte("T\x00i\x00t\x00l\x00e\x00"), "", ErrBinary},
		{"nul bytes", []byte("PNG\x00\x00\x00\x0dIHDR"), "", ErrBinary},
		{"control soup", []byte("\x01\x02\x03\x04\x05\x06\x07\x08"), "", ErrBinary},
		{"a stray control character", []byte("Title\n\nText with one \x01 in it, otherwise fine and long enough."), "Title\n\nText with one \x01 in it, otherwise fine and long enough.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode(tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEncodingErrorOffset(t *testing.T) {
	tests := []struct {
		in     string
		offset int
	}{
		{"\xff", 0},
		{"abc\xe9", 3},
		{"\xef\xbb\xbfabc\xe9", 6}, // counted in the input, BOM included
		{"Жж\xd0", 4},              // a truncated sequence
		{"ab\xed\xa0\x80", 2},      // an encoded surrogate
	}
	for _, tt := range tests {
		_, err := decode([]byte(tt.in))
		var ee *EncodingError
		if !errors.As(err, &ee) || ee.Offset != tt.offset {
			t.Errorf("decode(%q) = %v, want offset %d", tt.in, err, tt.offset)
		}
	}
}

func TestLines(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"lf", "a\nb", []string{"a", "b"}},
		{"crlf", "a\r\nb\r\n", []string{"a", "b", ""}},
		{"cr", "a\rb", []string{"a", "b"}},
		{"separators", "a\u2028b\u2029c", []string{"a", "b", "", "c"}},
		{"trim", "  a b  \t", []string{"a b"}},
		{"tabs fold", "a\t\tb", []string{"a b"}},
		{"spaces fold", "a    b", []string{"a b"}},
		{"lone nbsp kept", "100\u00a0km and 5\u202f%", []string{"100\u00a0km and 5\u202f%"}},
		{"nbsp run folds", "a\u00a0 b \u00a0c\u00a0\u00a0d", []string{"a b c d"}},
		{"nbsp line is blank", "\u00a0\u00a0\n\u00a0", []string{"", ""}},
		{"ideographic and thin spaces", "a\u3000b\u2009c", []string{"a b c"}},
		{"controls removed", "a\x01b\x7fc\u0085d\u009be", []string{"abc", "de"}},
		{"vertical tab and form feed are space", "a\vb\fc", []string{"a b c"}},
		{"stray bom", "a\ufeffb", []string{"ab"}},
		{"zero width joiner kept", "👩\u200d💻", []string{"👩\u200d💻"}},
		{"soft hyphen kept", "hy\u00adphen", []string{"hy\u00adphen"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lines(tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("lines(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
