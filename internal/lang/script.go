package lang

import "unicode"

// script is a writing system as far as Detect cares.
type script int

const (
	scriptNone script = iota
	scriptLatin
	scriptCyrillic
	scriptGreek
	scriptArmenian
	scriptGeorgian
	scriptHebrew
	scriptArabic
	scriptDevanagari
	scriptBengali
	scriptThai
	scriptHan
	scriptKana
	scriptHangul
	scriptOther
	numScripts
)

// scriptOf returns the script of a letter.
func scriptOf(r rune) script {
	switch {
	case r < 0x80:
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return scriptLatin
		}
		return scriptNone
	case r >= 0x0400 && r <= 0x04FF && unicode.IsLetter(r): // the Cyrillic block, the common case
		return scriptCyrillic
	case unicode.Is(unicode.Latin, r):
		return scriptLatin
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	case unicode.Is(unicode.Greek, r):
		return scriptGreek
	case unicode.Is(unicode.Armenian, r):
		return scriptArmenian
	case unicode.Is(unicode.Georgian, r):
		return scriptGeorgian
	case unicode.Is(unicode.Hebrew, r):
		return scriptHebrew
	case unicode.Is(unicode.Arabic, r):
		return scriptArabic
	case unicode.Is(unicode.Devanagari, r):
		return scriptDevanagari
	case unicode.Is(unicode.Bengali, r):
		return scriptBengali
	case unicode.Is(unicode.Thai, r):
		return scriptThai
	case unicode.Is(unicode.Han, r):
		return scriptHan
	case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
		return scriptKana
	case unicode.Is(unicode.Hangul, r):
		return scriptHangul
	case unicode.IsLetter(r):
		return scriptOther
	}
	return scriptNone
}

// fixedTags are the scripts written (in practice) by one language only.
var fixedTags = [numScripts]string{
	scriptGreek:    "el",
	scriptArmenian: "hy",
	scriptGeorgian: "ka",
	scriptThai:     "th",
	scriptHangul:   "ko",
}
