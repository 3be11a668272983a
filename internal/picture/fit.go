package picture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"strings"

	"github.com/offprint/offprint/article"
)

// Fit makes img fit for every output: not larger than Options.MaxEdge
// pixels on its long edge, upright, and in a format both renderers take
// as it is (PNG, JPEG or GIF). It reads the header first and leaves a PNG,
// JPEG or GIF that needs no change byte for byte as it is, setting only
// MediaType, Width and Height from the header, once it has decoded it to
// the end (a PNG a row at a time, its zlib checksum included): a cut or
// damaged image is refused, whatever its size, so that no renderer
// embeds data it cannot read. Any other image is decoded
// once, turned by its EXIF orientation (JPEG), scaled down, and
// re-encoded: as a JPEG of Options.Quality when the source is a
// photograph (a JPEG, or an opaque lossy WebP), as a PNG otherwise (an
// animated GIF keeps its first frame). Data,
// MediaType, Width and Height are then replaced; Alt, Caption and Source
// are kept.
//
// WebP becomes PNG or JPEG whatever its size, for it is no EPUB 3.2 core
// media type and the PDF library cannot read it; so does any other format
// registered with package image. Images over MaxPixels are refused from
// their header, and on error img is left unchanged. The same Data and
// Options always give the same bytes.
//
// Memory: the scaled image (4 bytes a pixel, at most MaxEdge², 23 MB at
// the default; twice that when it must be turned), plus, for any source
// but a non-interlaced PNG, the decoded image (see MaxPixels). A
// non-interlaced PNG is read a row at a time and never decoded whole. The
// decoded image is no longer referred to once it is scaled, so that the
// garbage collector may free it while the result is encoded.
func Fit(img *article.Image, opt Options) error {
	data := img.Data
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("not a readable image: %w", err)
	}
	if err := checkSize(cfg.Width, cfg.Height); err != nil {
		return err
	}
	o := 1
	if format == "jpeg" {
		o = jpegOrientation(data)
	}
	ow, oh := orientedSize(cfg.Width, cfg.Height, o)
	w, h := fitSize(ow, oh, opt.maxEdge())
	core := format == "png" || format == "jpeg" || format == "gif"
	if core && o == 1 && w == ow && h == oh {
		// Kept as it is, so read to its end first: a cut or damaged
		// image is refused here, for every output alike, rather than
		// left to a renderer that embeds it without looking.
		if err := verify(data, format); err != nil {
			return fmt.Errorf("not a readable %s image: %w", strings.ToUpper(format), err)
		}
		img.MediaType, img.Width, img.Height = "image/"+format, cfg.Width, cfg.Height
		return nil
	}

	// Scale first, turn after: turning the smaller image is cheaper.
	sw, sh := orientedSize(w, h, o)
	var rows rowReader
	photo := format == "jpeg"
	if format == "png" {
		// Read a row at a time: no need to hold the decoded image.
		r, err := newPNGRows(data)
		switch {
		case err == nil:
			rows = r
		case !errors.Is(err, errInterlaced):
			return fmt.Errorf("not a readable PNG image: %w", err)
		}
	}
	var m image.Image
	if rows == nil {
		src, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			return fmt.Errorf("not a readable %s image: %w", strings.ToUpper(format), err)
		}
		photo = photo || format == "webp" && !webpLossless(data) && opaque(src)
		if o == 1 && w == ow && h == oh && encodable(src, photo) {
			m = src // a WebP of the right size: only its format changes
		}
		rows = &imageRows{m: src}
	}
	if m == nil {
		scaled, err := resample(rows, sw, sh)
		if err != nil {
			return fmt.Errorf("not a readable %s image: %w", strings.ToUpper(format), err)
		}
		m = orient(scaled, o)
	}
	out, mediaType, err := encode(m, photo, opt.quality())
	if err != nil {
		return err
	}
	img.Data, img.MediaType, img.Width, img.Height = out, mediaType, w, h
	return nil
}

// encodable reports whether encode takes m as it is, without converting
// it pixel by pixel through the color.Color interface.
func encodable(m image.Image, photo bool) bool {
	switch m.(type) {
	case *image.RGBA, *image.Gray:
		return true
	case *image.YCbCr:
		return photo
	case *image.NRGBA, *image.Paletted:
		return !photo
	}
	return false
}

// encode encodes m as a JPEG of the given quality when photo is set, as a
// PNG otherwise.
func encode(m image.Image, photo bool, quality int) ([]byte, string, error) {
	var buf bytes.Buffer
	if photo {
		if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: quality}); err != nil {
			return nil, "", fmt.Errorf("encoding JPEG: %w", err)
		}
		return buf.Bytes(), "image/jpeg", nil
	}
	if err := (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, m); err != nil {
		return nil, "", fmt.Errorf("encoding PNG: %w", err)
	}
	return buf.Bytes(), "image/png", nil
}

// opaque reports whether every pixel of img is opaque.
func opaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}

// webpLossless reports whether WebP data holds a lossless (VP8L) image,
// which is kept lossless as PNG rather than turned into a JPEG.
func webpLossless(data []byte) bool {
	// RIFF header (12 bytes), then chunks: FourCC, little-endian size,
	// payload padded to an even length.
	for i := 12; i+8 <= len(data); {
		switch string(data[i : i+4]) {
		case "VP8L":
			return true
		case "VP8 ":
			return false
		}
		size := int(binary.LittleEndian.Uint32(data[i+4 : i+8]))
		if size < 0 || size > len(data) {
			return false
		}
		i += 8 + size + size&1
	}
	return false
}
