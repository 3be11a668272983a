// Package assets holds the files offprint embeds in its binary: the fonts
// (PT Serif, PT Sans and PT Mono, with their licence), the EPUB stylesheet,
// the hyphenation patterns and the sample article.
//
//	regular, err := assets.Font(assets.SerifRegular)
//	css := assets.EPUBStyle
//	sample := assets.Sample
package assets

import (
	"embed"
	"fmt"
)

//go:embed fonts/*.ttf fonts/LICENSE-PTFonts.txt
var fonts embed.FS

//go:embed hyph/*.dic hyph/LICENSE-*.txt
var hyphenation embed.FS

// Sample is the sample article that offprint exports when given no input:
// text scraped from a news site, in offprint's scraped-text format.
//
//go:embed sample/csto-summit-bishkek.txt
var Sample []byte

// SampleName is the file name the sample article is reported under.
const SampleName = "csto-summit-bishkek.txt"

// The embedded font files, by role. Serif is for body text, Sans for
// headings and page furniture, Mono for code.
const (
	SerifRegular    = "PTSerif-Regular.ttf"
	SerifItalic     = "PTSerif-Italic.ttf"
	SerifBold       = "PTSerif-Bold.ttf"
	SerifBoldItalic = "PTSerif-BoldItalic.ttf"
	SansRegular     = "PTSans-Regular.ttf"
	SansItalic      = "PTSans-Italic.ttf"
	SansBold        = "PTSans-Bold.ttf"
	SansBoldItalic  = "PTSans-BoldItalic.ttf"
	MonoRegular     = "PTMono-Regular.ttf"
	// FontLicense is the ParaType Free Font License, which must travel with
	// the fonts.
	FontLicense = "LICENSE-PTFonts.txt"
)

// FontFiles lists every embedded font file name.
var FontFiles = []string{
	SerifRegular, SerifItalic, SerifBold, SerifBoldItalic,
	SansRegular, SansItalic, SansBold, SansBoldItalic,
	MonoRegular,
}

// Font returns the bytes of the embedded font file name (one of the
// constants above, or FontLicense).
func Font(name string) ([]byte, error) {
	b, err := fonts.ReadFile("fonts/" + name)
	if err != nil {
		return nil, fmt.Errorf("assets: font %s: %w", name, err)
	}
	return b, nil
}

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

// EPUBStyle is the stylesheet of every EPUB offprint writes.
//
//go:embed css/epub.css
var EPUBStyle []byte
