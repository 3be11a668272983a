package html

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/offprint/offprint/internal/lang"
)

// normalizeLanguage turns a declared language ("ru_RU", "EN-gb", "fr") into
// a canonical BCP 47 tag ("ru-RU", "en-GB", "fr"), or "" when it is not a
// usable tag ("und", "x-default", garbage).
func normalizeLanguage(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "_", "-"))
	if i := strings.IndexAny(s, ",; "); i >= 0 { // "en, fr" in Content-Language
		s = s[:i]
	}
	if s == "" {
		return ""
	}
	tag, err := language.Parse(s)
	if err != nil {
		return ""
	}
	if base, conf := tag.Base(); conf != language.Exact || base.String() == "und" {
		return "" // "und", or a tag without a language ("x-…")
	}
	out := tag.String()
	if !validTag(out) {
		return ""
	}
	return out
}

// validTag mirrors article.Validate's check of a language tag's shape.
func validTag(tag string) bool {
	parts := strings.Split(tag, "-")
	for i, p := range parts {
		if len(p) < 1 || len(p) > 8 {
			return false
		}
		for _, r := range p {
			letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
			if !letter && !(i > 0 && r >= '0' && r <= '9') {
				return false
			}
		}
		if i == 0 && (len(p) < 2 || len(p) > 3) {
			return false
		}
	}
	return true
}

// detectLanguage guesses the language of the article's text.
func detectLanguage(text string) string {
	if len(text) > 20000 {
		text = text[:20000]
	}
	return normalizeLanguage(lang.Detect(text))
}
