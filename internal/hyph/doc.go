// Package hyph finds the places where a word may be hyphenated, with Frank
// Liang's algorithm (the one TeX uses) and the LibreOffice/Hunspell
// hyph_*.dic pattern files.
//
// The patterns shipped with offprint, 50 sets for 46 languages (Sets lists
// them; ForLanguage maps language tags to them), are parsed and packed at
// development time (go generate ./internal/hyph writes tries/*.bin.gz, and a
// test fails when they are stale) and loaded once per process, on first
// use of each, in a few tens of microseconds:
//
//	h, ok := hyph.ForLanguage("en-GB")
//	if ok {
//		h.Hyphenate("hyphenation", "-") // "hy-phen-a-tion"
//		h.Points("hyphenation")         // [2 6 7]: byte offsets of the breaks
//	}
//
// A Hyphenator is immutable and safe for concurrent use. Points works on the
// letters of a word only: an apostrophe, a digit, a hyphen or any other
// non-letter splits the word into runs that are hyphenated on their own, each
// keeping the left and right minimums; a run of more than MaxLetters (63)
// letters is left unhyphenated, as TeX leaves it, at no cost. Matching ignores
// case.
//
// Words the patterns get wrong can be fixed with exceptions:
//
//	h = h.WithExceptions("ta-ble", "pro-ject")
//
// Other pattern files are read with New:
//
//	h, err := hyph.New(data) // the contents of a hyph_xx_XX.dic file
//
// The packed tries in tries/ are derived from the pattern files in
// assets/hyph and are under the same licences, whose texts are beside them
// there (assets/hyph/LICENSE-hyph_*.txt); each trie names its source and
// licence in its first lines.
package hyph
