package html

import "github.com/offprint/offprint/internal/picture"

// DefaultMaxImageBytes is the largest image Read embeds when
// Options.MaxImageBytes is zero: 20 MiB.
const DefaultMaxImageBytes = picture.DefaultMaxBytes

// Options configure Read. The zero value is the default: a page read from
// bytes alone, with no base address, no local images, no fetching, and
// warnings discarded.
type Options struct {
	// URL is the page's address. Relative links and images resolve against
	// it, and it is the article's source URL when the page names no
	// canonical address (og:url, <link rel=canonical>). Empty means the
	// page's canonical address, when it has one, is the base for links.
	URL string

	// ContentType is the HTTP Content-Type header the page was served with,
	// if it was fetched; its charset parameter overrides the page's own
	// declaration.
	ContentType string

	// BaseDir is the directory that relative image references resolve
	// against: the directory of a saved page, whose images are usually in
	// a "page_files/" folder beside it. Images are read only from inside
	// it; references that climb out are refused with a warning. Empty
	// means local images are not read.
	BaseDir string

	// LoadImage, when set, fetches remote images. It receives an absolute
	// http(s) URL and returns the encoded bytes; an error becomes a warning
	// and the image's caption is kept. The result is checked like a local
	// file (size, format, pixel count). LoadImage may be called from
	// several goroutines at once. Nil means remote images are left out
	// (with one warning saying how many). The command line sets it for
	// every web page, saved or fetched, unless --offline is given.
	LoadImage func(url string) ([]byte, error)

	// Resource, when set, returns the resources an archive of the page
	// holds (an MHTML file's parts): it is asked for a "cid:" reference,
	// for an image's absolute URL (resolved against the page's URL) and
	// for the reference as the page writes it, and reports whether it
	// has it. What it returns is checked like a local file; images found
	// there are never fetched. Resource may be called from several
	// goroutines at once.
	Resource func(ref string) ([]byte, bool)

	// NoImages drops every image, keeping its caption, without warnings.
	NoImages bool

	// MaxImageBytes is the largest image to embed, in bytes; zero means
	// DefaultMaxImageBytes. Larger images are refused with a warning.
	MaxImageBytes int64

	// MaxBlocks is the most blocks the article may have: paragraphs,
	// headings, list items, rules, table rows and the like, counted as the
	// article is mapped. Zero means DefaultMaxBlocks, negative no limit. A
	// page over it fails with an error wrapping limits.ErrTooComplex.
	MaxBlocks int

	// MaxNodes is the most nodes the page may make the HTML parser build,
	// counted by a pass of the tokenizer before the page is parsed (see
	// DefaultMaxNodes). Zero means DefaultMaxNodes, negative no limit.
	MaxNodes int

	// DefaultTitle is the title used when the page states none (no
	// metadata title, no <title>, no heading), for instance the file name.
	// Empty means the first words of the text are used.
	DefaultTitle string

	// Warn, when set, receives one message per problem that did not stop
	// the conversion (an image that could not be loaded, markup nested too
	// deeply). Messages start with "html: ".
	Warn func(msg string)
}

func (o *Options) maxImageBytes() int64 {
	if o.MaxImageBytes > 0 {
		return o.MaxImageBytes
	}
	return DefaultMaxImageBytes
}

func (o *Options) warn(msg string) {
	if o.Warn != nil {
		o.Warn("html: " + msg)
	}
}
