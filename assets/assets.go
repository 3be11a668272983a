// Package assets holds the files offprint embeds in its binary: the fonts
// (PT Serif, PT Sans and PT Mono, with their licence), the EPUB stylesheet,
// the hyphenation patterns and the sample article.
//
//	regular, err := assets.Font(assets.SerifRegular)
//	css := assets.EPUBStyle
//	sample := assets.Sample
package assets

import _ "embed" // the sample and the stylesheet

// Sample is the sample article that offprint exports when given no input:
// text scraped from a news site, in offprint's scraped-text format.
//
//go:embed sample/csto-summit-bishkek.txt
var Sample []byte

// SampleName is the file name the sample article is reported under.
const SampleName = "csto-summit-bishkek.txt"

// EPUBStyle is the stylesheet of every EPUB offprint writes.
//
//go:embed css/epub.css
var EPUBStyle []byte
