// Package epub writes an article as an EPUB 3 book that passes EPUBCheck
// and Ace by DAISY: a title page, the text with its endnotes, an
// attribution page, a navigation document with landmarks, an NCX for old
// readers, and EPUB Accessibility 1.1 metadata derived from the content.
//
//	a := &article.Article{
//		Meta:   article.Meta{Title: "Night Library", Authors: []string{"Ирина Соколова"}, Language: "ru"},
//		Blocks: []article.Block{&article.Paragraph{Inlines: article.Plain("В зале сорок мест.")}},
//	}
//	var buf bytes.Buffer
//	err := epub.Write(&buf, a, epub.Options{Version: "1.0", Date: sourceDateEpoch})
//
// WriteCollection binds several articles into one book (offprint
// --bundle): the collection's title page, a contents page with an entry
// for each article and its headings below it, each article on a page of
// its own that opens with its title block and closes with its
// attribution, and an attribution page for the collection that lists the
// articles and their sources:
//
//	c := &article.Collection{
//		Meta:     article.Meta{Title: "Week 12", Authors: []string{"Anna Weber"}, Language: "en"},
//		Articles: []*article.Article{a, b},
//	}
//	err := epub.WriteCollection(&buf, c, epub.Options{Version: "1.0", Date: sourceDateEpoch})
//
// There is one code path: Write(w, a, opt) is WriteCollection(w,
// article.Single(a), opt), and a one-article collection's title page and
// attribution page are the article's own.
//
// go-epub (github.com/go-shiori/go-epub) builds the container and wraps
// the pages; one finishing step (finish.go) then replaces what go-epub
// cannot express: the package document, the navigation files, the pages'
// language and a reproducible ZIP. The same article and options always
// give the same bytes; Write never reads the clock.
//
// Text is escaped by the package itself, characters XML forbids are
// dropped, and links that cannot work in a book keep their text only.
// Images are embedded from the article's data, never fetched, turned
// upright by their EXIF orientation and scaled down to MaxImageEdge
// pixels; WebP, BMP and TIFF images become PNG or JPEG (EPUB 3.2 core
// media types).
//
// The title block and the attribution are functions of article.Meta
// (writeTitleBlock, writeAttribution): a one-article book shows them on
// pages of their own, a book of several articles opens and closes each
// article with them. Element identifiers are unique in the whole book, and
// each article's page carries its article's language.
package epub
