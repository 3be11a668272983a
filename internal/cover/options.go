package cover

import "fmt"

// Default cover size in pixels: the 1:1.6 portrait Kindle and most other
// e-book stores recommend.
const (
	DefaultWidth  = 1600
	DefaultHeight = 2560
)

// DefaultQuality is the JPEG quality used when Options.Quality is zero.
const DefaultQuality = 88

// Limits on the cover size, in pixels per side.
const (
	minSide = 64
	maxSide = 8192
)

// Options configure Render. The zero value gives a 1600×2560 PNG in the
// colour scheme derived from the title.
type Options struct {
	// Width and Height are the cover size in pixels; zero means
	// DefaultWidth and DefaultHeight. Each must lie in 64..8192.
	Width, Height int
	// Format is the encoding: "png" (the default when empty) or "jpeg"
	// (also "jpg"). The flat-colour cover makes a PNG about a third the
	// size of a quality-88 JPEG, crisper, and ten times faster to encode.
	Format string
	// Quality is the JPEG quality, 1..100; zero means DefaultQuality. A
	// PNG ignores it.
	Quality int
	// Scheme selects the colour scheme: zero derives it from the title;
	// n > 0 takes scheme n of the palette (counting from 1, wrapping
	// round), so that a caller can offer a choice.
	Scheme int
}

// MediaType returns the media type of the encoding o selects: "image/jpeg"
// or "image/png". It is "" for an unknown format.
func (o Options) MediaType() string {
	switch o.format() {
	case "jpeg":
		return "image/jpeg"
	case "png":
		return "image/png"
	}
	return ""
}

// Extension returns the usual file name extension, with its dot, of the
// encoding o selects: ".jpg" or ".png". It is "" for an unknown format.
func (o Options) Extension() string {
	switch o.format() {
	case "jpeg":
		return ".jpg"
	case "png":
		return ".png"
	}
	return ""
}

func (o Options) format() string {
	switch o.Format {
	case "", "png", "PNG":
		return "png"
	case "jpeg", "jpg", "JPEG", "JPG":
		return "jpeg"
	}
	return ""
}

// size returns the cover size with defaults applied.
func (o Options) size() (w, h int) {
	w, h = o.Width, o.Height
	if w == 0 {
		w = DefaultWidth
	}
	if h == 0 {
		h = DefaultHeight
	}
	return w, h
}

func (o Options) quality() int {
	if o.Quality == 0 {
		return DefaultQuality
	}
	return o.Quality
}

// check reports invalid options.
func (o Options) check() error {
	if o.format() == "" {
		return fmt.Errorf("cover: unknown format %q (want jpeg or png)", o.Format)
	}
	w, h := o.size()
	if w < minSide || w > maxSide || h < minSide || h > maxSide {
		return fmt.Errorf("cover: size %d×%d out of range (each side %d..%d)", w, h, minSide, maxSide)
	}
	if o.Quality < 0 || o.Quality > 100 {
		return fmt.Errorf("cover: JPEG quality %d out of range (1..100)", o.Quality)
	}
	if o.Scheme < 0 {
		return fmt.Errorf("cover: scheme %d is negative", o.Scheme)
	}
	return nil
}
