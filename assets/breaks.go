package assets

import _ "embed" // the Thai break patterns

// ThaiBreakPatterns are the Thai hyphenation patterns of Debian's
// hyphen-th (Theppitak Karoonboonyanan, LaTeX Project Public License 1.3
// or later, ThaiBreakLicence), in the LibreOffice/Hunspell hyph_*.dic
// format. The PDF renderer breaks Thai lines at their points, which fall
// between syllables, without a hyphen: Thai has no spaces between words.
//
//go:embed breaks/hyph_th_TH.dic
var ThaiBreakPatterns []byte

// ThaiBreakLicence is the licence and origin of ThaiBreakPatterns.
//
//go:embed breaks/LICENSE-hyph_th_TH.txt
var ThaiBreakLicence []byte
