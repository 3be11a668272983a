package assets

import (
	"embed"
	"fmt"
)

//go:embed fonts/*.ttf fonts/LICENSE-PTFonts.txt
var fonts embed.FS

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
