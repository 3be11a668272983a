package l10n

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Upper returns s in capitals, as the language of tag writes capitals: ß
// becomes SS, a Turkish or Azerbaijani i becomes İ, and Greek capitals lose their accents
// and breathings (ΠΕΡΙΒΑΛΛΟΝ, not ΠΕΡΙΒΆΛΛΟΝ) but keep a written diaeresis,
// and gain one where a dropped accent kept two vowels apart (τσάι → ΤΣΑΪ).
// The Greek rule holds for Greek letters in any language.
func Upper(s, tag string) string {
	s = strings.ReplaceAll(s, "ß", "SS") // Go maps ß to itself
	switch Primary(tag) {
	case "tr", "az":
		s = strings.ToUpperSpecial(unicode.TurkishCase, s)
	}
	if !hasGreek(s) {
		return strings.ToUpper(s)
	}
	d := []rune(norm.NFD.String(s))
	out := make([]rune, 0, len(d)+4)
	accented := false // the last Greek vowel bore an accent now dropped
	var last rune     // the last base letter
	for i := 0; i < len(d); i++ {
		r := d[i]
		if unicode.Is(unicode.Mn, r) {
			if unicode.Is(unicode.Greek, last) {
				switch r {
				case '\u0301', '\u0300', '\u0342': // acute (tonos), grave, perispomeni
					accented = true
					continue
				case '\u0313', '\u0314', '\u0345': // breathings, iota subscript
					continue
				}
			}
			out = append(out, r)
			continue
		}
		prevAccented := accented && strings.ContainsRune("αεουΑΕΟΥ", last)
		accented = false
		last = r
		out = append(out, unicode.ToUpper(r))
		if prevAccented && (r == 'ι' || r == 'υ') && !(i+1 < len(d) && d[i+1] == '\u0308') {
			out = append(out, '\u0308')
		}
	}
	return norm.NFC.String(string(out))
}

// hasGreek reports whether s holds a Greek letter.
func hasGreek(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Greek, r) {
			return true
		}
	}
	return false
}
