package epub

import (
	"bytes"
	"fmt"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/assets"
	"github.com/offprint/offprint/internal/l10n"
	"github.com/offprint/offprint/internal/typeface"
)

// embeddedFont is a font Options.EmbedFonts puts into the book, with the
// @font-face descriptors that select it.
type embeddedFont struct {
	role   typeface.Role
	style  string
	weight string
}

// The faces embedded of each family: the serif for the text in all four
// styles, the sans for headings and page furniture, the mono for code.
// The sans italics are left out (about 750 KB for PT) since nothing asks
// for them.
var embeddedFontList = []embeddedFont{
	{typeface.SerifRegular, "normal", "normal"},
	{typeface.SerifItalic, "italic", "normal"},
	{typeface.SerifBold, "normal", "bold"},
	{typeface.SerifBoldItalic, "italic", "bold"},
	{typeface.SansRegular, "normal", "normal"},
	{typeface.SansBold, "normal", "bold"},
	{typeface.Mono, "normal", "normal"},
}

// embeddedFamilies returns the families the PDF of c draws with, which
// Options.EmbedFonts embeds and the attribution page's fonts line names
// (embeddedTypefaces): the family it is set in (typeface.ForCollection)
// and, when that is PT and the text has characters only Noto has (a Greek
// word in an English article), Noto, which the PDF draws them from. The
// family the book is set in comes first.
func embeddedFamilies(c *article.Collection) []typeface.Family {
	fam, t := typeface.ForCollection(c)
	if fam == typeface.PT && t.Needing > 0 {
		return []typeface.Family{typeface.PT, typeface.Noto}
	}
	return []typeface.Family{fam}
}

// stack is a CSS font-family list: the families' designs of one kind,
// then the generic family.
func stack(fams []typeface.Family, name func(typeface.Family) string, generic string) string {
	var b bytes.Buffer
	for _, f := range fams {
		fmt.Fprintf(&b, "%q, ", name(f))
	}
	b.WriteString(generic)
	return b.String()
}

// embeddedFonts returns the font files of a book of c, the CSS that
// declares and uses them, and their licences. The CSS asks for them with
// the selectors with which the stylesheet sets generic families; a second
// family follows the first in each list, for the characters the first
// lacks.
func embeddedFonts(c *article.Collection) (fonts []fontFile, css []byte, license []byte, err error) {
	fams := embeddedFamilies(c)
	var b bytes.Buffer
	for _, fam := range fams {
		for _, f := range embeddedFontList {
			file := fam.File(f.role)
			data, err := assets.Font(file)
			if err != nil {
				return nil, nil, nil, fmt.Errorf("epub: %w", err)
			}
			fonts = append(fonts, fontFile{name: file, data: data})
			name := fam.Serif()
			switch {
			case f.role == typeface.Mono:
				name = fam.Mono()
			case f.role >= typeface.SansRegular:
				name = fam.Sans()
			}
			fmt.Fprintf(&b, "@font-face { font-family: %q; font-style: %s; font-weight: %s; src: url(../%s%s); }\n",
				name, f.style, f.weight, fontDir, file)
		}
		l, err := assets.Font(fam.License())
		if err != nil {
			return nil, nil, nil, fmt.Errorf("epub: %w", err)
		}
		if len(license) > 0 {
			license = append(license, "\n\n\n"...)
		}
		license = append(license, l...)
	}
	b.WriteString("\n/* Embedded fonts (offprint --embed-fonts). */\n")
	fmt.Fprintf(&b, "body { font-family: %s; }\n", stack(fams, typeface.Family.Serif, "serif"))
	fmt.Fprintf(&b, "h1, h2, h3, h4, h5, h6, .kicker, .publication, section.attribution dt { font-family: %s; }\n",
		stack(fams, typeface.Family.Sans, "sans-serif"))
	fmt.Fprintf(&b, "code, pre, kbd, samp { font-family: %s; }\n", stack(fams, typeface.Family.Mono, "monospace"))
	return fonts, b.Bytes(), license, nil
}

// embeddedTypefaces names the families embedFonts embeds for a book of c,
// by foundry, for the attribution page's fonts line: PT Serif, PT Sans and
// PT Mono by ParaType; Noto Serif, Noto Sans and Noto Sans Mono by Google;
// or both.
func embeddedTypefaces(c *article.Collection) []l10n.Typefaces {
	var out []l10n.Typefaces
	for _, f := range embeddedFamilies(c) {
		out = append(out, l10n.Typefaces{Names: []string{f.Serif(), f.Sans(), f.Mono()}, Foundry: f.Foundry()})
	}
	return out
}
