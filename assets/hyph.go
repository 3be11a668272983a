package assets

import "embed"

//go:embed hyph/*.dic hyph/LICENSE-*.txt
var hyphenation embed.FS

// HyphenationPatterns returns the hyphenation dictionary for a language
// ("en" or "ru"), in the LibreOffice/Hunspell hyph_*.dic format, UTF-8.
// ok is false when no patterns are shipped for the language.
func HyphenationPatterns(lang string) (data []byte, ok bool) {
	var name string
	switch lang {
	case "en":
		name = "hyph_en_US.dic"
	case "ru":
		name = "hyph_ru_RU.dic"
	default:
		return nil, false
	}
	b, err := hyphenation.ReadFile("hyph/" + name)
	return b, err == nil
}
