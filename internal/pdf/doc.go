// Package pdf renders an article as a paginated PDF that reads like a
// well-set book page: justified PT Serif set paragraph by paragraph with
// the Knuth–Plass algorithm (internal/linebreak) and hyphenated by language
// (internal/hyph; ragged right in a language without patterns), headings in PT Sans kept with their text, no widows or
// orphans, a designed title page, running heads and folios, endnotes
// linked both ways, an outline, and a closing attribution page.
//
//	err := pdf.Write(w, a, pdf.Options{
//		Paper:   pdf.A5,        // or pdf.ParsePaper("ereader"), "210x297mm"…
//		Version: "1.0.0",       // "Converted by offprint 1.0.0"
//		Date:    sourceDate,    // from SOURCE_DATE_EPOCH; zero: the article's date
//		Warn:    func(msg string) { log.Print(msg) },
//	})
//
// WriteCollection binds several articles into one PDF (offprint's
// --bundle): the collection's title page and a contents page with page
// numbers, each article from a new page under its own title block, with
// its own running header, footer, hyphenation, notes and attribution, and
// the collection's attribution at the end. Write is WriteCollection of
// article.Single(a): one code path, whose output for a single article is
// the article's title page, text and attribution page.
//
//	err := pdf.WriteCollection(w, &article.Collection{
//		Meta:     article.Meta{Title: "Week 12", Authors: []string{"Anna Weber"}},
//		Articles: []*article.Article{a, b},
//	}, pdf.Options{})
//
// # Papers
//
// A4 (the default), Letter, A5 and EReader (90 × 120 mm, the text area of a
// 6-inch screen: narrow margins, no running header) are named; ParsePaper
// also takes any "WxH" size in millimetres. The body size follows the paper
// (10.5 pt on A4 and Letter, 10 pt on A5, 9.5 pt on an e-reader page) unless
// Options.FontSize sets it; the measure is at most about 34 ems.
//
// # How it works
//
// Write validates the article (WriteCollection the collection), then
// works in two phases. Layout turns the blocks into rows — a line of text,
// an image with its caption, a table row — each with a "keep with next"
// flag, and breaks the rows into pages where the flags allow (a page runs
// short rather than strand a line or a heading); once every page is
// placed, the contents page of a collection gets its page numbers.
// Drawing then hands the placed items to gofpdf, with the page count
// known, so "page N of M" needs no alias. Title page and attribution are
// functions of article.Meta (layout.titlePage, layout.attribution):
// layout.document calls layout.article once for each article of the
// collection.
//
// # Speed and memory
//
// Write uses the spare processors and holds little: while the layout walks
// the body, other goroutines break the coming paragraphs into lines
// (prefetch.go) and add each face to gofpdf as soon as the layout first
// sets text in it (fontload.go: gofpdf spends milliseconds parsing a
// font); pages are placed as soon as their end is known, so the flow holds
// a page or two of rows; each page's items are dropped once drawn; and
// gofpdf writes its pages uncompressed for finish.go to compress with one
// zlib writer (gofpdf makes a new one, of over a megabyte, per page) and
// to write straight to w. The output is the same bytes whichever
// goroutine does the work.
//
// # Fonts and missing characters
//
// A document is set in one type family, which package internal/typeface
// chooses from the words it draws: PT Serif, PT Sans and PT Mono
// (ParaType) for Latin and Cyrillic, or Noto Serif, Noto Sans and Noto
// Sans Mono (Google) when at least one word in 50 needs a character only
// Noto has (Greek, polytonic Greek, Vietnamese, Maltese ċ ġ, Sámi ŋ ŧ);
// title page, running header and footer, headings, body and code are then
// all in that family, and the colophon names it (layout.typefaces). The
// fonts are embedded from package assets, subset, under subset names
// ("ABCDEF+PTSerif-Regular"); only the faces a document uses are embedded.
// Their character maps and advance widths are read once per process, from
// the tables gofpdf reads (ttf.go), and rounded as gofpdf rounds them, so
// what the layout measures is what the PDF says. Text is normalised to NFC
// first, so that decomposed Vietnamese is drawn with the fonts' precomposed
// letters. Every character is then resolved to a face that has it
// (fontSet.faceFor): its own face; the same style of the other family (a
// Greek word in bold italics in a PT document is Noto Serif Bold Italic);
// its family's regular, in either family; the serif and the sans; then
// Options.FallbackFont (a TrueType font; gofpdf reads only the Basic
// Multilingual Plane). A character none of them has (an emoji, CJK
// without a fallback) never fails the document and is never dropped: it is
// drawn as a small grey "[U+1F61A]" marker inside an ActualText span whose
// text is the character itself, so that copying or extracting the text
// (pdftotext) still yields the original; Write reports all such characters
// in one warning.
//
// # Output
//
// The same article and options give the same bytes: the creation date
// comes from Options.Date or the article, never the clock, and gofpdf's
// catalogue sorting is on. Text is extractable with its words in order;
// qpdf --check finds nothing to report.
package pdf
