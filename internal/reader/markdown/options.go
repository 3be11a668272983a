package markdown

import (
	"github.com/offprint/offprint/internal/picture"
	"github.com/offprint/offprint/internal/reader/limits"
)

// DefaultMaxBlocks is the most blocks (paragraphs, headings, list items,
// rules, table rows, …) Read accepts when Options.MaxBlocks is zero:
// limits.DefaultMaxBlocks, 100,000.
const DefaultMaxBlocks = limits.DefaultMaxBlocks

// DefaultMaxNodes is the most lines and inline marks Read lets goldmark
// parse when Options.MaxNodes is zero: limits.DefaultMaxNodes, 1,000,000.
const DefaultMaxNodes = limits.DefaultMaxNodes

// DefaultMaxImageBytes is the largest image file Read embeds when
// Options.MaxImageBytes is zero: 20 MiB.
const DefaultMaxImageBytes = picture.DefaultMaxBytes

// MaxImagePixels is the largest image, in pixels (width × height), that Read
// embeds: picture.MaxPixels, which picture.Check enforces. Larger images are
// refused from their header alone, before any decoding, so that a small
// file cannot expand into gigabytes of memory downstream ("image bombs").
const MaxImagePixels = picture.MaxPixels

// Options configure Read. The zero value is the default: images are not read
// from disk (there is no base directory), remote images are not fetched,
// warnings are discarded.
type Options struct {
	// URL is the address the document was fetched from, if it was. Relative
	// links resolve against it (else against the metadata's source
	// address), relative images too when BaseDir is empty, and it is the
	// article's source URL when the metadata names none.
	URL string

	// BaseDir is the directory that relative image paths resolve against,
	// usually the directory of the Markdown file. Images are read only from
	// inside it: absolute paths, paths that climb out with "..", and
	// symbolic links that point outside are refused with a warning. Empty
	// means local images are not read.
	BaseDir string

	// LoadImage, when set, fetches remote images. It receives an absolute
	// http(s) URL and returns the encoded bytes; an error becomes a warning
	// and the image's alt text is kept. The result is checked like a local
	// file (size, format, pixel count). Nil means remote images are skipped
	// (with one warning saying how many).
	LoadImage func(url string) ([]byte, error)

	// NoImages drops every image, keeping its alt text, without warnings.
	NoImages bool

	// MaxImageBytes is the largest image file to embed, in bytes; zero means
	// DefaultMaxImageBytes. Larger images are refused with a warning.
	MaxImageBytes int64

	// MaxBlocks is the most blocks the document may have: paragraphs,
	// headings, list items, rules, table rows and the like, counted from
	// its lines before goldmark parses it and again while its tree is
	// converted. Zero means DefaultMaxBlocks, negative no limit. A document
	// over it fails with an error wrapping limits.ErrTooComplex.
	MaxBlocks int

	// MaxNodes is the most lines and inline marks (* _ ` [ < & \ ~ |) the
	// document may hold outside fenced code, which bounds the nodes
	// goldmark builds. Zero means DefaultMaxNodes, negative no limit.
	MaxNodes int

	// DefaultTitle is the title used when the document states none (no
	// title in the metadata block and no level-1 heading), for instance the
	// file name. Empty means such a document is an error.
	DefaultTitle string

	// Warn, when set, receives one message per problem that did not stop
	// the conversion (a missing image, an unreadable date). Messages start
	// with "markdown: ".
	Warn func(msg string)
}

func (o *Options) maxImageBytes() int64 {
	if o.MaxImageBytes > 0 {
		return o.MaxImageBytes
	}
	return DefaultMaxImageBytes
}
