package assets

import (
	"embed"
	"fmt"
	"io"
)

//go:embed fonts/*.ttf fonts/LICENSE-PTFonts.txt fonts/LICENSE-NotoFonts.txt
var fonts embed.FS

// The embedded font files, by role. Serif is for body text, Sans for
// headings and page furniture, Mono for code. PT Serif, PT Sans and PT
// Mono (ParaType) set documents in Latin and Cyrillic; Noto Serif, Noto
// Sans and Noto Sans Mono (Google) add Greek, polytonic Greek and
// Vietnamese, and set documents that need them (package
// internal/typeface chooses). The Noto files are subsets made by
// scripts/subset-fonts.sh.
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
	// the PT fonts.
	FontLicense = "LICENSE-PTFonts.txt"

	NotoSerifRegular    = "NotoSerif-Regular.ttf"
	NotoSerifItalic     = "NotoSerif-Italic.ttf"
	NotoSerifBold       = "NotoSerif-Bold.ttf"
	NotoSerifBoldItalic = "NotoSerif-BoldItalic.ttf"
	NotoSansRegular     = "NotoSans-Regular.ttf"
	NotoSansItalic      = "NotoSans-Italic.ttf"
	NotoSansBold        = "NotoSans-Bold.ttf"
	NotoSansBoldItalic  = "NotoSans-BoldItalic.ttf"
	NotoMonoRegular     = "NotoSansMono-Regular.ttf"
	// NotoFontLicense is the SIL Open Font License 1.1, which must travel
	// with the Noto fonts.
	NotoFontLicense = "LICENSE-NotoFonts.txt"
)

// FontFiles lists every embedded font file name.
var FontFiles = []string{
	SerifRegular, SerifItalic, SerifBold, SerifBoldItalic,
	SansRegular, SansItalic, SansBold, SansBoldItalic,
	MonoRegular,
	NotoSerifRegular, NotoSerifItalic, NotoSerifBold, NotoSerifBoldItalic,
	NotoSansRegular, NotoSansItalic, NotoSansBold, NotoSansBoldItalic,
	NotoMonoRegular,
}

// Font returns the bytes of the embedded font file name (one of the
// constants above, FontLicense or NotoFontLicense). Each call returns a
// new copy.
func Font(name string) ([]byte, error) {
	b, err := fonts.ReadFile("fonts/" + name)
	if err != nil {
		return nil, fmt.Errorf("assets: font %s: %w", name, err)
	}
	return b, nil
}

// FontReader returns a reader of the embedded font file name that reads
// in place, without the copy Font makes: for reading a table or two of a
// font (its character map) without the whole file.
func FontReader(name string) (io.ReaderAt, int64, error) {
	f, err := fonts.Open("fonts/" + name)
	if err != nil {
		return nil, 0, fmt.Errorf("assets: font %s: %w", name, err)
	}
	st, err := f.Stat()
	if err != nil {
		return nil, 0, fmt.Errorf("assets: font %s: %w", name, err)
	}
	ra, ok := f.(io.ReaderAt)
	if !ok {
		return nil, 0, fmt.Errorf("assets: font %s: not readable at an offset", name)
	}
	return ra, st.Size(), nil
}
