// Package txt reads "scraped article" text, what a reader gets by copying
// an article off a news site, into the article model:
//
//	data, _ := os.ReadFile("night-library.txt")
//	a, err := txt.Read(data)
//	switch {
//	case errors.Is(err, txt.ErrEncoding):
//		// not UTF-8: convert it first (charset.DecodeText)
//	case err != nil:
//		return err // "txt: no article text after the title", …
//	}
//	fmt.Println(a.Meta.Title, a.Meta.Authors, a.Meta.Section, a.Meta.Language)
//
// The format is loose, and read by heuristics:
//
//	Title of the Article | Site Name            the first non-blank line
//
//	Наталья Маркова Politics                    byline: authors, section, date
//	VK X OK WhatsApp Telegram                   share buttons: dropped anywhere
//
//	First paragraph, one line or hard-wrapped.  paragraphs: blank lines between
//
//	A Subheading                                short line, no closing punctuation
//
//	- an item                                   lists: "-", "•", "*", "1.", "1)"
//	- another item
//
//	> A quotation.                              quotations
//
//	Read also:                                  the trailer: dropped with what
//	Write a comment:                            follows it
//
// Input is UTF-8, with or without a byte order mark, or UTF-16 with one.
// Line ends may be LF, CRLF or CR; control characters are removed; runs of
// white space fold to one space, though a lone no-break space is kept.
//
// The byline is the short lines after the title that read as one: names of
// two to four capitalised words (initials, particles like "van" and "de",
// hyphens and apostrophes allowed) joined by commas, "and", "&" or "и",
// a section of one to three words after the last name or in a segment of
// its own, and a date in English, Russian, German, French or Spanish
// ("3 May 2025", "May 3, 2025", "2025-05-03", "3 мая 2025", "03.05.2025"),
// segments separated by "·", "|", "•", " / " or dashes, with "By" or
// "Автор:" allowed in front. A line that does not read as a byline is body
// text. A line between the title and a byline that says "By" or gives a
// date is the subtitle.
//
// Share rows are recognised by vocabulary: every word a network's name, a
// share verb or filler ("Share this article: Facebook X Reddit",
// "Поделиться: ВКонтакте Одноклассники"). The trailer starts at a line such
// as "Read also:", "Comments (12)", "Читайте также" or "Подписывайтесь на
// наш канал" when what follows is short lines or more of the same; a
// comment prompt ("Write a comment:") always ends the article. "Read also:
// Another headline" inside the text is dropped too.
//
// The language is detected (package lang) from the title and the body,
// unless Options.Language (see ReadOptions) gives it. URLs become links
// whose text is the URL. A first line too long to be a title (over 300
// characters) is kept as text, and the title made from its first sentence.
package txt
