package charset

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

const corpus = "../../testdata/corpus/"

// utf16 encodes s as UTF-16 with a byte order mark.
func utf16(s string, bigEndian bool) []byte {
	var b []byte
	put := func(u uint16) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	put(0xFEFF)
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			put(uint16(0xD800 + r>>10))
			put(uint16(0xDC00 + r&0x3FF))
			continue
		}
		put(uint16(r))
	}
	return b
}

func TestDecodeText(t *testing.T) {
	latin1, err := os.ReadFile(corpus + "bad/latin1.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		data     []byte
		encoding string
		want     string // prefix of the result
		offset   int64  // >= 0: want an *InvalidUTF8Error at this offset
	}{
		{"utf-8", []byte("Ночная библиотека\n"), "", "Ночная библиотека\n", -1},
		{"utf-8 with BOM", []byte("\xef\xbb\xbfTitle\r\n"), "", "Title\r\n", -1},
		{"BOM wins over a name", []byte("\xef\xbb\xbfНочь"), "windows-1251", "Ночь", -1},
		{"utf-16le with BOM", utf16("Café 🚋 Обь", false), "", "Café 🚋 Обь", -1},
		{"utf-16be with BOM", utf16("Café 🚋 Обь", true), "", "Café 🚋 Обь", -1},
		{"latin1 corpus file", latin1, "", "", 3},
		{"invalid after BOM counts the BOM", []byte("\xef\xbb\xbfab\xffc"), "", "", 5},
		{"truncated sequence", []byte("Обь\xd0"), "", "", 6},
		{"explicit utf-8 still checked", latin1, "UTF-8", "", 3},
		{"latin1 as iso-8859-1", latin1, "iso-8859-1", "Café society in Lisbon\n", -1},
		{"latin1 as latin1", latin1, "latin1", "Café society", -1},
		{"cp1252 curly quotes", []byte("\x93Hi\x94 \x80"), "cp1252", "“Hi” €", -1},
		{"windows-1251", []byte("\xcd\xee\xf7\xed\xe0\xff"), "windows-1251", "Ночная", -1},
		{"koi8-r", []byte("\xee\xcf\xde\xce\xc1\xd1"), "KOI8-R", "Ночная", -1},
		{"ibm866 by IANA name", []byte("\x8d\xae\xe7\xad\xa0\xef"), "IBM866", "Ночная", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeText(tt.data, tt.encoding)
			if tt.offset >= 0 {
				var ie *InvalidUTF8Error
				if !errors.As(err, &ie) || !errors.Is(err, ErrInvalidUTF8) {
					t.Fatalf("err = %v, want *InvalidUTF8Error", err)
				}
				if ie.Offset != tt.offset {
					t.Errorf("offset = %d, want %d", ie.Offset, tt.offset)
				}
				for _, s := range []string{"charset: ", "at byte ", "--encoding"} {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("message %q lacks %q", err, s)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(got), tt.want) || !utf8.Valid(got) {
				t.Errorf("got %q, want prefix %q", got, tt.want)
			}
			if bytes.HasPrefix(got, []byte("\uFEFF")) {
				t.Error("byte order mark kept")
			}
		})
	}
}

func TestInvalidUTF8Message(t *testing.T) {
	_, err := DecodeText([]byte("Caf\xe9"), "")
	want := "charset: invalid UTF-8 at byte 3 (try --encoding iso-8859-1 or windows-1251)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
}

func TestUnknownEncoding(t *testing.T) {
	for _, name := range []string{"klingon-8", " ", "utf-9"} {
		_, err := DecodeText([]byte("x"), name)
		if err == nil {
			t.Fatalf("%q: no error", name)
		}
		if name != " " && !errors.Is(err, ErrUnknownEncoding) {
			t.Errorf("%q: %v does not wrap ErrUnknownEncoding", name, err)
		}
		if !strings.Contains(err.Error(), "windows-1251") || !strings.HasPrefix(err.Error(), "charset: ") {
			t.Errorf("%q: message %q does not list valid names", name, err)
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct{ label, want string }{
		{"windows-1251", "windows-1251"},
		{"CP1251", "windows-1251"},
		{"latin1", "windows-1252"},
		{"iso-8859-1", "windows-1252"},
		{"ISO-8859-15", "iso-8859-15"},
		{"koi8-r", "koi8-r"},
		{"utf8", "utf-8"},
		{"Shift_JIS", "shift_jis"},
	}
	for _, tt := range tests {
		_, got, err := Lookup(tt.label)
		if err != nil || got != tt.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.label, got, err, tt.want)
		}
	}
}

func TestDecodeHTML(t *testing.T) {
	tram, err := os.ReadFile(corpus + "river-tram-cp1251.html")
	if err != nil {
		t.Fatal(err)
	}
	late := "<html><head><title>t</title><!--" + strings.Repeat("x", 2000) + "--><meta charset=koi8-r></head><body>\xee\xcf\xde\xd8</body></html>"
	tests := []struct {
		name        string
		data        []byte
		contentType string
		wantName    string
		want        string // a substring of the result
	}{
		{"windows-1251 page", tram, "", "windows-1251", "Речной трамвай вернётся на Обь летом"},
		{"header wins over meta", []byte("<meta charset=windows-1251><p>\xee\xcf\xde\xd8"), "text/html; charset=KOI8-R", "koi8-r", "Ночь"},
		{"BOM wins over header", []byte("\xef\xbb\xbf<p>Ночь"), "text/html; charset=windows-1251", "utf-8", "<p>Ночь"},
		{"utf-16le BOM", utf16("<p>Ночь</p>", false), "", "utf-16le", "<p>Ночь</p>"},
		{"valid UTF-8 beats a wrong meta", []byte("<meta charset=iso-8859-1><p>Ночь"), "", "utf-8", "Ночь"},
		{"meta after 1024 bytes", []byte(late), "", "koi8-r", "Ночь"},
		{"http-equiv", []byte(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>` + "\xcd\xee\xf7\xfc"), "", "windows-1251", "Ночь"},
		{"undeclared legacy bytes", []byte("<p>Caf\xe9 \x93ok\x94"), "", "windows-1252", "Café “ok”"},
		{"ascii", []byte("<p>plain"), "", "windows-1252", "<p>plain"},
		{"broken UTF-8 repaired", []byte("<meta charset=utf-8><p>Ночь\xff"), "", "utf-8", "Ночь\uFFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, name, err := DecodeHTML(tt.data, tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if name != tt.wantName {
				t.Errorf("encoding = %q, want %q", name, tt.wantName)
			}
			if !strings.Contains(string(got), tt.want) {
				t.Errorf("result lacks %q: %.200q", tt.want, got)
			}
			if !utf8.Valid(got) || bytes.HasPrefix(got, []byte("\uFEFF")) {
				t.Error("result is not clean UTF-8")
			}
		})
	}
}

func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("Caf\xe9"), "")
	f.Add(utf16("x", false), "")
	f.Add([]byte("abc"), "koi8-r")
	for _, name := range []string{"bad/latin1.txt", "river-tram-cp1251.html", "edge/crlf-bom.txt", "bad/binary.bin"} {
		data, err := os.ReadFile(corpus + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "")
	}
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		out, err := DecodeText(data, name)
		if err == nil && !utf8.Valid(out) {
			t.Fatalf("invalid UTF-8 out of %q", data)
		}
		if hout, _, err := DecodeHTML(data, name); err == nil && !utf8.Valid(hout) {
			t.Fatalf("DecodeHTML: invalid UTF-8 out of %q", data)
		}
	})
}
