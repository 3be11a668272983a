// Package html reads a web page (saved to disk or fetched) into the article
// model: it decodes the character set, finds the article among the page's
// navigation, advertising and comments with go-readability, and maps what is
// left onto article blocks and inlines. Markup never passes through: every
// piece of text becomes a Text inline.
//
//	data, _ := os.ReadFile("river-tram.html")
//	a, err := html.Read(data, html.Options{
//		BaseDir: ".", // saved pages keep their images in river-tram_files/
//		Warn:    func(msg string) { log.Print(msg) },
//	})
//	if errors.Is(err, html.ErrNoContent) {
//		return err // "html: no article content found"
//	}
//	fmt.Println(a.Meta.Title, a.Meta.Authors, a.Meta.Date, a.Meta.Language)
//
// Metadata comes from the page itself: OpenGraph and article: properties,
// <meta name=author|description|keywords|date>, schema.org JSON-LD (Article,
// NewsArticle, BlogPosting, … also inside @graph), <link rel=canonical>,
// <html lang> and <title>, with readability's own findings (the byline it
// spots in the text, for one) as a fallback. When the page states no
// language, it is detected from the text.
//
// Images are embedded from data: URIs, from files next to a saved page
// (Options.BaseDir), from an archive's resources (Options.Resource) and,
// through Options.LoadImage, from the web: the srcset or <picture>
// candidate nearest 2400 px wide, lazy-loading attributes (data-src,
// data-srcset, …) before a placeholder src, each address loaded once.
// Each is sniffed, sized from its header and refused when it is too
// large. Decorations (tiny by their attributes or their pixels, spacers,
// tracking pixels) leave nothing. Alt text is kept only on an embedded
// picture and only when it says something (not a file name, not a repeat
// of the caption, the title or the text beside it); an image that cannot
// be had leaves its caption, or nothing, and the text around it stays one
// paragraph.
//
// Readability removes most of a page's furniture; a filter on the mapped
// blocks removes what it leaves (rows of share buttons, "Related" and "Read
// more" link lists, comment sections, cookie notices, advertising labels).
// Markup nested more deeply than the HTML parser accepts is flattened, with
// a warning, rather than refused. Content without words is bounded before
// it costs memory: a pass of the tokenizer counts the nodes the parser
// would build (elements, text runs, and the formatting elements it copies
// into every block while they are left open) and refuses a page of more
// than Options.MaxNodes (1,000,000) before parsing it; the mapper counts
// the blocks it makes against Options.MaxBlocks (100,000). Both errors wrap
// limits.ErrTooComplex. Read is deterministic: the same bytes and options
// give the same article.
package html
