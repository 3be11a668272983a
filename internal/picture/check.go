package picture

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // decoders for image.DecodeConfig and image.Decode
	_ "image/jpeg"
	_ "image/png"
	"net/http"
	"strings"

	_ "golang.org/x/image/webp"

	"github.com/offprint/offprint/article"
)

// MaxPixels is the largest image, in pixels (width × height), that Check
// and Fit accept: 50 megapixels, so that an 8064×6048 (48 MP) phone
// photograph passes. Larger images are refused from their header alone,
// before any decoding, so that a small file cannot expand into gigabytes
// of memory ("image bombs").
//
// Decoding an image at the limit takes 75 MB for a JPEG (YCbCr 4:2:0,
// 1.5 bytes a pixel), 200 MB for an 8-bit RGBA PNG or a lossless WebP
// (4 bytes) and 400 MB for a 16-bit RGBA PNG (8 bytes).
const MaxPixels = 50_000_000

// DefaultMaxBytes is the largest encoded image offprint embeds unless told
// otherwise: 20 MiB, the limit the readers and the fetcher share.
const DefaultMaxBytes int64 = 20 << 20

// formats maps the media types Check accepts to the format name
// image.DecodeConfig reports for them.
var formats = map[string]string{
	"image/png":  "png",
	"image/jpeg": "jpeg",
	"image/gif":  "gif",
	"image/webp": "webp",
}

// Supported reports whether mediaType (such as "image/webp", in any case,
// parameters ignored) is a format Check accepts: PNG, JPEG, GIF or WebP.
func Supported(mediaType string) bool {
	mt, _, _ := strings.Cut(mediaType, ";")
	_, ok := formats[strings.ToLower(strings.TrimSpace(mt))]
	return ok
}

// Check checks encoded image bytes and returns them as an Image with
// Data, MediaType, Width and Height set. The format is sniffed from the
// content, never taken from a name or a declared type, and the size is
// read from the header without decoding the pixels. Data is refused when
// it is empty, longer than maxBytes (zero or less: no limit), no PNG,
// JPEG, GIF or WebP, unreadable, without pixels, or over MaxPixels.
//
// Errors say what is wrong in a phrase meant to follow the image's name in
// a caller's message ("image photo.png: the image is 30000×30000 pixels,
// over the limit of 50 megapixels"); they carry no package prefix.
func Check(data []byte, maxBytes int64) (article.Image, error) {
	if len(data) == 0 {
		return article.Image{}, errors.New("the image data is empty")
	}
	if maxBytes > 0 && int64(len(data)) > maxBytes {
		return article.Image{}, fmt.Errorf("the image is %d bytes, over the limit of %d", len(data), maxBytes)
	}
	mt := sniff(data)
	format, ok := formats[mt]
	if !ok {
		return article.Image{}, fmt.Errorf("%s is not an image format offprint embeds (PNG, JPEG, GIF, WebP)", describe(mt, data))
	}
	cfg, got, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return article.Image{}, fmt.Errorf("not a readable %s image: %w", strings.ToUpper(format), err)
	}
	if got != format {
		return article.Image{}, fmt.Errorf("the data looks like %s but decodes as %s", mt, got)
	}
	if err := checkSize(cfg.Width, cfg.Height); err != nil {
		return article.Image{}, err
	}
	return article.Image{Data: data, MediaType: mt, Width: cfg.Width, Height: cfg.Height}, nil
}

// checkSize refuses images without pixels or over MaxPixels.
func checkSize(w, h int) error {
	if w <= 0 || h <= 0 {
		return fmt.Errorf("the image is %d×%d pixels", w, h)
	}
	if int64(w)*int64(h) > MaxPixels {
		return fmt.Errorf("the image is %d×%d pixels, over the limit of %d megapixels", w, h, MaxPixels/1_000_000)
	}
	return nil
}

// sniff returns the media type of data by its content.
func sniff(data []byte) string {
	mt, _, _ := strings.Cut(http.DetectContentType(data), ";")
	return mt
}

// describe names a media type Check refuses, for messages.
func describe(mt string, data []byte) string {
	head := data[:min(len(data), 1024)]
	switch {
	case bytes.Contains(head, []byte("<svg")):
		return "SVG"
	case mt == "application/octet-stream":
		return "the data"
	}
	return mt
}
