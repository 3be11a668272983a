package picture

// DefaultMaxEdge is the longest edge, in pixels, of an image fitted with
// Options.MaxEdge zero: 2400, eight inches at 300 dpi, more than a printed
// page's measure or an e-reader's screen needs.
const DefaultMaxEdge = 2400

// DefaultQuality is the quality of the JPEG images Fit encodes when
// Options.Quality is zero.
const DefaultQuality = 85

// Options configure Fit. The zero value is the default.
type Options struct {
	// MaxEdge is the longest edge, in pixels, of a fitted image; zero
	// means DefaultMaxEdge. Larger images are scaled down to it.
	MaxEdge int

	// Quality is the quality (1–100) of the JPEG images Fit encodes; zero
	// means DefaultQuality.
	Quality int
}

func (o *Options) maxEdge() int {
	if o.MaxEdge > 0 {
		return o.MaxEdge
	}
	return DefaultMaxEdge
}

func (o *Options) quality() int {
	if o.Quality > 0 {
		return min(o.Quality, 100)
	}
	return DefaultQuality
}
