package pdf

import "github.com/offprint/offprint/internal/hyph"

// hyphenator returns the hyphenation function for a language, or nil when
// offprint has no patterns for it (the text is then set unhyphenated).
func hyphenator(lang string) func(string) []int {
	h, ok := hyph.ForLanguage(lang)
	if !ok {
		return nil
	}
	return h.Points
}
