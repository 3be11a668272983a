// Package linebreak sets paragraphs: it turns styled text runs into lines of
// positioned words, justified or aligned, for offprint's PDF renderer. It
// knows nothing about PDF or fonts: widths come from a Measurer.
//
// Lines are chosen for the whole paragraph at once with Knuth and Plass's
// total-fit algorithm ("Breaking Paragraphs into Lines", 1981), as TeX does:
// the text is a list of boxes (words), glue (spaces that stretch and shrink)
// and penalties (places to break inside words), and Lay finds the breaks
// that minimise the paragraph's demerits, which grow with the cube of how
// far each line's spaces stretch or shrink, with hyphenated lines (more so
// two in a row), with loose lines next to tight ones and with a very short
// last line.
//
// Like TeX, Lay tries in turn: without hyphenation (Options.Pretolerance),
// with hyphenation (Options.Tolerance), with emergency stretch
// (Options.EmergencyStretch), and finally with emergency breaks between the
// characters of words wider than a line, preferably after a URL's '/', '.',
// '-', '?', '&', '=' or '_'. So a line is never wider than the measure
// (unless a single character is).
//
// Words may span runs of different styles and stay unbreakable ("**bold**,"
// keeps its comma); existing hyphens and dashes are break points; soft
// hyphens and zero-width spaces are break points and are dropped; no-break
// spaces (U+00A0, and the rigid U+202F and U+2007) are spaces where no line
// breaks; a lone dash is tied to the word before it. Hyphenation points come
// from Options.Hyphenate (offprint's internal/hyph), asked only for words of
// letters at least Options.MinWordLength long that are not acronyms.
//
// Usage:
//
//	h, _ := hyph.ForLanguage("en")
//	lines := linebreak.Lay([]linebreak.Run{
//		{Text: "Typesetting a paragraph ", Style: regular},
//		{Text: "as a whole", Style: italic},
//		{Text: " gives even spacing.", Style: regular},
//	}, measurer, linebreak.Options{Width: 425, Indent: 15, Hyphenate: h.Points})
//	for _, ln := range lines {
//		for _, s := range ln.Segments {
//			draw(s.Text, s.Style, left+s.X, baseline) // spaces are not segments
//		}
//		baseline += leading
//	}
//
// Lay asks its Measurer for the width of every box, so the Measurer should
// be fast (sum per-character advances) or cache. Lay is deterministic and
// safe for concurrent use with distinct Measurers.
package linebreak
