// Package cover draws offprint's generated e-book cover: a flat-colour,
// typographic cover made from an article's metadata alone, legible as a
// thumbnail in an e-reader's library grid and on greyscale e-ink.
//
// The section is set as a letter-spaced kicker at the top, the title large
// in PT Serif Bold (its size chosen so that it fits, its lines balanced),
// the authors in PT Sans above a band that carries the site name. A cover
// whose text has a character only Noto has (a Greek or Vietnamese title)
// is set in Noto Serif Bold and Noto Sans instead, the family the PDF of
// such an article is set in (package internal/typeface). The colour
// scheme is picked deterministically from the title out of a small
// palette of high-contrast pairs. Characters the family lacks (emoji,
// CJK) are left out; over-long titles shrink, then long words are
// broken and, as a last resort, the title is cut with an ellipsis.
//
//	var buf bytes.Buffer
//	opt := cover.Options{} // 1600×2560 PNG
//	if err := cover.Render(&buf, &a.Meta, opt); err != nil {
//		return err
//	}
//	// store buf.Bytes() as "cover"+opt.Extension(), media type opt.MediaType()
//
// The same metadata and options always give the same bytes.
package cover
