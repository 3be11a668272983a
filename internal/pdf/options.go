package pdf

import (
	"context"
	"time"
)

// Options configure Write. The zero value is the default: A4, a font size
// suited to the paper, compressed streams, no fallback font, warnings
// dropped.
type Options struct {
	// Paper is the page size; the zero Paper means A4.
	Paper Paper
	// FontSize is the body text size in points. Zero scales it to the
	// paper: 10.5 pt on A4 and Letter, 10 pt on A5, 9.5 pt on an e-reader
	// page.
	FontSize float64
	// Version is offprint's version, shown in the attribution ("Converted
	// by offprint VERSION") and the document's Creator and Producer.
	Version string
	// Date is the document's creation and modification date; the caller
	// derives it from SOURCE_DATE_EPOCH. Zero means the article's
	// publication date, or 2000-01-01 when that is unknown: the output
	// never depends on the clock. A non-zero Date is also printed in the
	// attribution as the conversion date.
	Date time.Time
	// FallbackFont is a TrueType font (the bytes of a .ttf file) used for
	// characters neither embedded family (PT, Noto) has, such as CJK.
	// Characters outside the Basic Multilingual Plane (emoji) cannot be
	// drawn from it.
	FallbackFont []byte
	// NoCompress writes page content streams uncompressed (for golden
	// tests and debugging).
	NoCompress bool
	// Warn receives warnings that do not stop the conversion, such as
	// characters no font can draw. Nil drops them.
	Warn func(string)
	// Context, when set, stops the layout between blocks once it is done;
	// Write then returns its error.
	Context context.Context
}

// fixedDate is the creation date of a document whose options and article
// give none: a fixed point, so that output never depends on the clock.
var fixedDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
