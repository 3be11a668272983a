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
// (writeTitleBlock, writeAttribution), so that a book of several articles
// can open and close each article with them.
package epub
