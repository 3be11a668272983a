package typo

import (
	"testing"
	"unicode/utf8"
)

// FuzzString checks, for any input and language, that refining keeps every
// word, gives valid UTF-8 for valid input, and is idempotent.
func FuzzString(f *testing.F) {
	for _, s := range []string{
		`"Hello," she said - 'don't' -- 1990-1995...`,
		`"Он сказал "привет"" - и ушёл в 12 000 домов`,
		`Il a dit " bonjour " ; puis : quoi ?`,
		`„Schon“ "da" 'x' rock 'n' roll '90s`,
		`see https://example.com/a--b and me@x.org "q"`,
		"- Привет\n- Пока",
		`« a » “b” ‘c’ ‚d‘ ’e`,
		`5 km, 30 °C, 12 %; Quoi?! 10:30 "x 'y' z"`,
		`”Hej” ja 'n ’s »a« „b” ›c‹`,
	} {
		for _, lang := range []string{"en", "ru", "fr", "de", "", "fi", "da", "hu", "pl", "nl", "sr"} {
			f.Add(s, lang)
		}
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		if !utf8.ValidString(s) {
			return
		}
		once := String(s, lang)
		if !utf8.ValidString(once) {
			t.Fatalf("invalid UTF-8 from %q", s)
		}
		if words(once) != words(s) {
			t.Fatalf("words changed: %q -> %q", s, once)
		}
		if twice := String(once, lang); twice != once {
			t.Fatalf("not idempotent (%s):\n   in %q\n once %q\ntwice %q", lang, s, once, twice)
		}
	})
}
