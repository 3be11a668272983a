// Package markdown reads a Markdown document — CommonMark with GitHub's
// extensions and footnotes, under an optional pandoc-style YAML metadata
// block — into the article model.
//
//	data, err := os.ReadFile("reading-offline.md")
//	if err != nil {
//		return err
//	}
//	a, err := markdown.Read(data, markdown.Options{
//		BaseDir: ".", // images are read from the file's directory
//		Warn:    func(msg string) { log.Print(msg) },
//	})
//	if err != nil {
//		return err // e.g. "markdown: malformed YAML metadata block: line 3: …"
//	}
//	fmt.Println(a.Meta.Title, a.Meta.Authors)
//
// The text is parsed by github.com/yuin/goldmark (CommonMark, GFM tables,
// strikethrough, autolinks and task lists, footnotes) and its syntax tree is
// mapped onto the model. Input must be UTF-8; a byte order mark is dropped
// and CRLF line endings are read as LF.
//
// # Metadata
//
// A block at the very top, opened by "---" (not followed by a blank line)
// and closed by "---" or "...", is YAML metadata as pandoc reads it. Keys
// are matched case-insensitively and unknown keys ignored: title, subtitle,
// author or authors (a string, a list, or a list of mappings with a name),
// date (ISO 8601 / RFC 3339, "March 14, 2026", "14 March 2026" and a few
// more forms; others are warned about and ignored), lang or language,
// description, abstract or summary, keywords or tags (a list, or a string
// split at commas and semicolons), rights, license or copyright, source or url (an http(s)
// address), section or category (the first of a list), and site, site_name
// or publisher (the site name). Values may hold Markdown, as in pandoc; it
// is reduced to plain text. A block that is not valid YAML is an error
// naming the line (*MetadataError); a block holding a plain string or a
// list is not metadata and is read as Markdown.
//
// # Title and headings
//
// The title lives in Meta only. Without a metadata title, the first level-1
// heading of the body becomes the title and leaves the body; failing that,
// Options.DefaultTitle is used, and without one Read fails. A body that
// opens with a level-1 heading repeating the metadata title loses it.
// Heading levels are then shifted so that the highest level left in the
// body becomes 2 and the others keep their distance below it (capped at 6):
// "#"/"##" sections become levels 2/3, and a body whose sections start at
// "##" keeps its levels.
//
// When the metadata names no language, it is detected from the text
// (internal/lang).
//
// # Blocks and inlines
//
// Paragraphs, emphasis, strong emphasis, strikethrough, inline code, code
// blocks (fenced, with the info string's first word or pandoc's
// {.language} as Language, and indented), links, lists (ordered ones with
// their start number, which the model cannot give below 1; nested; the
// model keeps no tight/loose distinction: every item holds paragraphs),
// thematic breaks and tables (header, rows cut to the header's width,
// column alignment) map one to one. Task list items start with "☐ " or
// "☑ ". Soft line breaks become spaces (nothing between Chinese or
// Japanese characters), hard line breaks LineBreak. Footnotes become
// Article.Notes, identified and ordered by their number (order of first
// reference), and NoteRef inlines; footnotes never referenced are dropped.
//
// A block quote whose last line starts with "— ", "― ", "– " or "-- " (or
// whose last paragraph does, after other blocks) gets that line as its
// Attribution, written "— Source" whatever the marker was.
//
// Links keep http, https, mailto and a few other safe schemes, and
// fragments ("#numbers"). Relative links resolve against Options.URL or
// else the metadata's source address; without either, and for unsafe
// schemes such as javascript:, only the link's text is kept. A link
// without text shows its address.
//
// Raw HTML is never passed on as markup: tags are dropped and their text
// kept; script, style and similar elements are dropped with their content;
// <br> is a line break, <img> an image; in HTML blocks, block elements
// separate paragraphs, h1–h6 are headings and <pre> a code block. Control
// characters other than tab and newline are dropped from all text.
//
// # Images
//
// An image alone in its paragraph (or several, or one wrapped in a link)
// becomes an Image block: Alt is its alt text, Caption its title or, when
// it has none, its alt text (pandoc's implicit figures). An image inside
// running text leaves its alt text in the sentence, so that the sentence
// still reads, and is hoisted: placed as an Image block after the
// paragraph, captioned by its title only. In headings, table cells and
// alt text, images are replaced by their alt text.
//
// Local images are read from Options.BaseDir only: absolute paths, file:
// URLs, paths climbing out with "..", and symbolic links leading outside
// the directory are refused. http(s) images go to Options.LoadImage, and
// so do relative ones when there is no BaseDir but an Options.URL to
// resolve them against; data: URLs are decoded. The bytes must be PNG, JPEG, GIF or WebP (the
// type is sniffed from the content, never the name), at most
// Options.MaxImageBytes long and at most MaxImagePixels pixels, read from
// the header without decoding. An image that cannot be embedded never
// fails the article: it is reported through Options.Warn and its alt text
// is kept in its place (as a paragraph for a standalone image).
//
// # Hostile input
//
// goldmark takes time quadratic in some constructs, so Read bounds them
// before parsing, keeping every word: block quote and list markers past
// the 32nd at the start of a line are dropped (the line's text joins the
// innermost container kept), list items indented more than 32 levels deep
// become siblings of the 32nd (their lines move left with them), and a
// top-level paragraph longer than 4 KB holding more than 1,024 emphasis,
// link and code markers is cut into shorter paragraphs at places where no
// new block can begin; a document of more than 10,000 footnote marks keeps
// them as plain text. Each is reported through Options.Warn; no document a
// person writes meets them.
//
// Content without words is bounded too, before goldmark builds its tree:
// one pass over the lines counts those that would start a block (list
// markers, rules, headings, table rows, paragraphs after blank lines) and
// the lines and inline marks, and a document over Options.MaxBlocks
// (100,000) or Options.MaxNodes (1,000,000) fails with an error wrapping
// limits.ErrTooComplex ("markdown: too many blocks: more than 100000 (…)").
// The blocks are counted again while the tree is converted. Empty list
// items are dropped, and a run of rules becomes one.
//
// # Errors
//
// Errors start with "markdown: ". Read fails on input that is not UTF-8, a
// malformed metadata block, a document without title or without body text
// (wrapping article.ErrNoTitle and article.ErrNoBody), a document over a
// structural limit (wrapping limits.ErrTooComplex), and returns only
// articles that pass article.Validate.
package markdown
