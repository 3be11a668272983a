package epub

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // decoders for image.DecodeConfig and image.Decode
	"image/jpeg"
	"image/png"

	"golang.org/x/image/draw"

	// Decoders for images that are no EPUB 3.2 core media type and are
	// converted to PNG or JPEG.
	_ "golang.org/x/image/bmp"
	_ "golang.org/x/image/tiff"
	_ "golang.org/x/image/webp"
)

// MaxImageEdge is the longest edge, in pixels, of an image in the EPUB.
// Larger images are scaled down to it: e-readers have no more pixels than
// that, and the book stays small.
const MaxImageEdge = 1600

// maxImagePixels bounds the size of an image offprint agrees to decode
// (a defence against decompression bombs): 100 megapixels.
const maxImagePixels = 100_000_000

// jpegQuality is the quality of the JPEG images offprint encodes.
const jpegQuality = 85

// errUnsupportedImage is wrapped by prepareImage for data it cannot use.
var errUnsupportedImage = errors.New("unsupported image format")

// imageFile is an image as it is stored in the book.
type imageFile struct {
	name      string // file name under images/, e.g. "image-001.png"
	mediaType string // "image/png", "image/jpeg" or "image/gif"
	data      []byte
	width     int
	height    int
}

// imageSet prepares the images of a book, storing identical images once.
type imageSet struct {
	files  []*imageFile
	byHash map[[sha256.Size]byte]*imageFile
	warn   func(string)
}

// add prepares img and returns its file, or nil (after a warning) when the
// image cannot go into an EPUB.
func (s *imageSet) add(img *imageFileSource) *imageFile {
	sum := sha256.Sum256(img.data)
	if f, ok := s.byHash[sum]; ok {
		return f
	}
	data, mediaType, w, h, err := prepareImage(img.data, MaxImageEdge)
	if err != nil {
		s.warn(fmt.Sprintf("image %s left out: %v", img.source, err))
		if s.byHash == nil {
			s.byHash = make(map[[sha256.Size]byte]*imageFile)
		}
		s.byHash[sum] = nil
		return nil
	}
	f := &imageFile{
		name:      fmt.Sprintf("image-%03d%s", len(s.files)+1, extension(mediaType)),
		mediaType: mediaType,
		data:      data,
		width:     w,
		height:    h,
	}
	s.files = append(s.files, f)
	if s.byHash == nil {
		s.byHash = make(map[[sha256.Size]byte]*imageFile)
	}
	s.byHash[sum] = f
	return f
}

// imageFileSource is what imageSet.add needs to know of an article image.
type imageFileSource struct {
	data   []byte
	source string // where it came from, for messages
}

// extension returns the file extension for an image media type.
func extension(mediaType string) string {
	switch mediaType {
	case "image/jpeg":
		return ".jpg"
	case "image/gif":
		return ".gif"
	}
	return ".png"
}

// prepareImage turns encoded image data into data fit for an EPUB 3.2
// reading system: PNG, JPEG or GIF (the core media types every reader
// knows; WebP is core only in EPUB 3.3), at most maxEdge pixels on the long
// edge. Data already fit is returned unchanged, after a look at its header
// only (a file damaged past its header is not detected: decoding every
// image would cost more than it saves). The format is sniffed from the
// data, never taken from a declared media type.
func prepareImage(data []byte, maxEdge int) (out []byte, mediaType string, width, height int, err error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, "", 0, 0, fmt.Errorf("%w: %v", errUnsupportedImage, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, "", 0, 0, fmt.Errorf("%w: empty image", errUnsupportedImage)
	}
	if int64(cfg.Width)*int64(cfg.Height) > maxImagePixels {
		return nil, "", 0, 0, fmt.Errorf("%w: %d×%d pixels is too large", errUnsupportedImage, cfg.Width, cfg.Height)
	}
	orientation := 1
	if format == "jpeg" {
		orientation = jpegOrientation(data)
	}
	ow, oh := orientedSize(cfg.Width, cfg.Height, orientation)
	w, h := fit(ow, oh, maxEdge)
	core := format == "png" || format == "jpeg" || format == "gif"
	if core && orientation == 1 && w == cfg.Width && h == cfg.Height {
		return data, "image/" + format, w, h, nil
	}

	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, "", 0, 0, fmt.Errorf("%w: %v", errUnsupportedImage, err)
	}
	img := src
	if w != ow || h != oh {
		// Scale first, turn after: turning the smaller image is cheaper.
		sw, sh := orientedSize(w, h, orientation)
		img = scale(src, sw, sh)
	}
	img = orient(img, orientation)
	var buf bytes.Buffer
	if format == "jpeg" || format == "webp" && !webpLossless(data) && opaque(img) {
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: jpegQuality}); err != nil {
			return nil, "", 0, 0, fmt.Errorf("encoding JPEG: %w", err)
		}
		return buf.Bytes(), "image/jpeg", w, h, nil
	}
	if err := (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, img); err != nil {
		return nil, "", 0, 0, fmt.Errorf("encoding PNG: %w", err)
	}
	return buf.Bytes(), "image/png", w, h, nil
}

// fit scales w×h down, keeping its proportions, so that its long edge is at
// most maxEdge.
func fit(w, h, maxEdge int) (int, int) {
	if w <= maxEdge && h <= maxEdge {
		return w, h
	}
	if w >= h {
		return maxEdge, max(1, (h*maxEdge+w/2)/w)
	}
	return max(1, (w*maxEdge+h/2)/h), maxEdge
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
		fourCC := string(data[i : i+4])
		switch fourCC {
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

// sniffCover checks the cover image data and returns its media type.
func sniffCover(data []byte) (mediaType string, width, height int, err error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return "", 0, 0, fmt.Errorf("%w: %v", errUnsupportedImage, err)
	}
	switch format {
	case "png", "jpeg", "gif":
		return "image/" + format, cfg.Width, cfg.Height, nil
	}
	return "", 0, 0, fmt.Errorf("%w: %s is no EPUB core image type", errUnsupportedImage, format)
}

// scale returns src scaled down to w×h. A factor of 2 or more is first
// taken by averaging blocks of k×k pixels (an exact area filter), the rest
// (less than 2) by bilinear interpolation. x/image/draw's kernel scalers
// (CatmullRom, BiLinear) are better filters but keep a float64 buffer of
// w×(source height) pixels: 100 MB and half a second for a 3000×2000
// photograph, against 30 MB and a tenth of a second this way.
func scale(src image.Image, w, h int) *image.RGBA {
	b := src.Bounds()
	rgba := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(rgba, rgba.Bounds(), src, b.Min, draw.Src)
	if k := min(rgba.Rect.Dx()/w, rgba.Rect.Dy()/h); k >= 2 {
		rgba = shrink(rgba, k)
	}
	if rgba.Rect.Dx() == w && rgba.Rect.Dy() == h {
		return rgba
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.ApproxBiLinear.Scale(dst, dst.Bounds(), rgba, rgba.Bounds(), draw.Src, nil)
	return dst
}

// shrink returns src (with its origin at 0,0) reduced by the factor k:
// each pixel is the average of a block of k×k pixels, the blocks of the
// last row and column possibly smaller. Averaging premultiplied RGBA is
// exact, transparency included.
func shrink(src *image.RGBA, k int) *image.RGBA {
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	w, h := (sw+k-1)/k, (sh+k-1)/k
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	sums := make([]uint32, 4*w)
	for y := 0; y < h; y++ {
		clear(sums)
		rows := min(k, sh-y*k)
		for sy := y * k; sy < y*k+rows; sy++ {
			row := src.Pix[sy*src.Stride : sy*src.Stride+4*sw]
			for sx := 0; sx < sw; sx++ {
				s := sums[4*(sx/k):]
				p := row[4*sx:]
				s[0] += uint32(p[0])
				s[1] += uint32(p[1])
				s[2] += uint32(p[2])
				s[3] += uint32(p[3])
			}
		}
		out := dst.Pix[y*dst.Stride:]
		for x := 0; x < w; x++ {
			n := uint32(rows * min(k, sw-x*k))
			for c := 0; c < 4; c++ {
				out[4*x+c] = uint8((sums[4*x+c] + n/2) / n)
			}
		}
	}
	return dst
}
