package epub

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image"

	// Decoders for images that are no EPUB 3.2 core media type and that
	// picture.Fit converts to PNG or JPEG (it registers WebP itself).
	_ "golang.org/x/image/bmp"
	_ "golang.org/x/image/tiff"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/picture"
)

// MaxImageEdge is the longest edge, in pixels, of an image in the EPUB.
// Larger images are scaled down to it: e-readers have no more pixels than
// that, and the book stays small.
const MaxImageEdge = 1600

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
// knows; WebP is core only in EPUB 3.3), upright, at most maxEdge pixels
// on the long edge. That is picture.Fit with the book's edge: data
// already fit is returned unchanged after a look at its header only (a
// file damaged past its header is not detected: decoding every image
// would cost more than it saves). The format is sniffed from the data,
// never taken from a declared media type.
func prepareImage(data []byte, maxEdge int) (out []byte, mediaType string, width, height int, err error) {
	img := article.Image{Data: data}
	if err := picture.Fit(&img, picture.Options{MaxEdge: maxEdge, Quality: jpegQuality}); err != nil {
		return nil, "", 0, 0, fmt.Errorf("%w: %v", errUnsupportedImage, err)
	}
	return img.Data, img.MediaType, img.Width, img.Height, nil
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
