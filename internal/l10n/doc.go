// Package l10n holds the words offprint writes into a book itself, in the
// language of the book, and the language rules that go with them: the
// headings and labels both renderers use ("Contents", "Notes", "page 3 of
// 12", the sentences of the attribution page, the EPUB's accessible names
// and landmarks), how a date is written (CLDR's long date format, with the
// month in its grammatical case: "4 grudnia 2026", "2026. december 4.")
// and how a count of things is (CLDR's plural rules: "22 artykuły", "25
// artykułów"), and how a word is set in capitals (Upper: Greek drops its
// accents). There is one table of words, with an entry for each language
// offprint hyphenates; English is the fallback.
//
//	w := l10n.For("pl-PL")
//	w.Contents                                   // "Spis treści"
//	fmt.Sprintf(w.Page, 3, 12)                   // "strona 3 z 12"
//	w.Date(published)                            // "4 grudnia 2026"
//	w.ArticleCount(22)                           // "22 artykuły"
//	w.SetInFaces("PT Serif", "PT Sans", "ParaType")
//	// "Złożono krojami PT Serif i PT Sans firmy ParaType."
//
//	l10n.Date(published, "de") // "4. Dezember 2026"
//	l10n.Upper("Περιβάλλον", "el") // "ΠΕΡΙΒΑΛΛΟΝ"
package l10n
