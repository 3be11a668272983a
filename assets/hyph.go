package assets

import (
	"embed"
	"strings"
)

// The hyphenation pattern files, each with its licence, which also says
// where the file comes from (hyph/import.py makes them from Debian's
// packages). The program itself uses the tries packed from them
// (internal/hyph), so only the tests read these, and the linker leaves
// them out of the binary.
//
//go:embed hyph/*.dic hyph/LICENSE-*.txt
var hyphenation embed.FS

// HyphenationPatterns returns the hyphenation patterns of a pattern set
// ("de", "en-GB", "sr-Latn", …: the name internal/hyph gives it) in the
// LibreOffice/Hunspell hyph_*.dic format, UTF-8: the file
// hyph/hyph_<set>.dic, with "_" for "-" in set. ok is false when no such
// file is shipped.
func HyphenationPatterns(set string) (data []byte, ok bool) {
	b, err := hyphenation.ReadFile(HyphenationFile(set))
	return b, err == nil
}

// HyphenationLicence returns the licence of a pattern set's file: the
// file hyph/LICENSE-hyph_<set>.txt, with "_" for "-" in set. ok is false
// when there is none.
func HyphenationLicence(set string) (text []byte, ok bool) {
	b, err := hyphenation.ReadFile("hyph/LICENSE-hyph_" + fileSet(set) + ".txt")
	return b, err == nil
}

// HyphenationFile is the path under assets of the pattern file of a
// pattern set: "hyph/hyph_en_GB.dic" for "en-GB".
func HyphenationFile(set string) string { return "hyph/hyph_" + fileSet(set) + ".dic" }

// fileSet is a pattern set's name as its files spell it.
func fileSet(set string) string { return strings.ReplaceAll(set, "-", "_") }
