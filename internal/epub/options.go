package epub

import (
	"context"
	"time"

	"github.com/offprint/offprint/article"
)

// Options controls Write and WriteCollection. The zero value gives the
// defaults.
type Options struct {
	// Version is offprint's version, shown in the attribution line
	// "Converted by offprint VERSION". Empty means the line names offprint
	// alone.
	Version string

	// Date is when the book is made: its dcterms:modified, the time of its
	// ZIP entries and the date in the "Converted by" line. The caller sets
	// it (from SOURCE_DATE_EPOCH, or the clock) so that output is
	// reproducible; Write never reads the clock. When it is zero, the
	// publication date of the article (of the collection, for a book of
	// several articles) is used, or else 2000-01-01T00:00:00Z, and the
	// "Converted by" line shows no date.
	Date time.Time

	// Cover is a ready cover image (PNG, JPEG or GIF) shown on a cover page
	// before the title page and marked as the book's cover image. Nil means
	// no cover.
	Cover []byte
	// CoverType is the media type of Cover ("image/png"). It is checked
	// against the data, which wins; empty means sniff it.
	CoverType string

	// EmbedFonts embeds the fonts the PDF of the same text is set in, with
	// their licences, and asks for them in the stylesheet: PT Serif, PT Sans
	// and PT Mono; Noto Serif, Noto Sans and Noto Sans Mono for a Greek or
	// Vietnamese text; both when a PT text has characters only Noto has.
	// Off by default: reading systems then use the reader's chosen font,
	// and the book is about 2 MB smaller.
	EmbedFonts bool

	// Warn, when not nil, receives a message for each thing Write had to
	// change or leave out (an image it cannot use, a link that names
	// nothing). Write succeeds all the same.
	Warn func(string)

	// Context, when set, stops WriteCollection between its stages once it
	// is done, returning its error.
	Context context.Context
}

// defaultDate is the modification date of a book whose article has no date
// and whose caller gave none.
var defaultDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// modified returns the book's modification date by the rule of
// Options.Date, m being the collection's metadata.
func (o *Options) modified(m *article.Meta) time.Time {
	switch {
	case !o.Date.IsZero():
		return o.Date.UTC().Truncate(time.Second)
	case m.HasDate():
		return m.Date.UTC().Truncate(time.Second)
	}
	return defaultDate
}

// producer returns the "offprint VERSION" of the attribution line.
func (o *Options) producer() string {
	if o.Version == "" {
		return "offprint"
	}
	return "offprint " + o.Version
}

func (o *Options) warn(msg string) {
	if o.Warn != nil {
		o.Warn("epub: " + msg)
	}
}
