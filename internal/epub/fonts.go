package epub

import (
	"bytes"
	"fmt"

	"github.com/offprint/offprint/assets"
)

// embeddedFont is a font Options.EmbedFonts puts into the book, with the
// @font-face descriptors that select it.
type embeddedFont struct {
	file   string
	family string
	style  string
	weight string
}

// The fonts embedded: the serif for the text in all four styles, the sans
// for headings and page furniture, the mono for code. PT Sans Italic and
// Bold Italic are left out (about 750 KB) since nothing asks for them.
var embeddedFontList = []embeddedFont{
	{assets.SerifRegular, "PT Serif", "normal", "normal"},
	{assets.SerifItalic, "PT Serif", "italic", "normal"},
	{assets.SerifBold, "PT Serif", "normal", "bold"},
	{assets.SerifBoldItalic, "PT Serif", "italic", "bold"},
	{assets.SansRegular, "PT Sans", "normal", "normal"},
	{assets.SansBold, "PT Sans", "normal", "bold"},
	{assets.MonoRegular, "PT Mono", "normal", "normal"},
}

// fontCSS asks for the embedded fonts. It follows the stylesheet, and its
// selectors are those with which the stylesheet sets generic families.
const fontCSS = `
/* Embedded fonts (offprint --embed-fonts). */
body { font-family: "PT Serif", serif; }
h1, h2, h3, h4, h5, h6, .kicker, .publication, section.attribution dt { font-family: "PT Sans", sans-serif; }
code, pre, kbd, samp { font-family: "PT Mono", monospace; }
`

// embeddedFonts returns the font files, the CSS that declares and uses
// them, and their licence.
func embeddedFonts() (fonts []fontFile, css []byte, license []byte, err error) {
	var b bytes.Buffer
	for _, f := range embeddedFontList {
		data, err := assets.Font(f.file)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("epub: %w", err)
		}
		fonts = append(fonts, fontFile{name: f.file, data: data})
		fmt.Fprintf(&b, "@font-face { font-family: %q; font-style: %s; font-weight: %s; src: url(../%s%s); }\n",
			f.family, f.style, f.weight, fontDir, f.file)
	}
	b.WriteString(fontCSS)
	license, err = assets.Font(assets.FontLicense)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("epub: %w", err)
	}
	return fonts, b.Bytes(), license, nil
}
