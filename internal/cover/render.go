package cover

import (
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/typeface"
)

// Render draws the cover for m and writes it to w, encoded as opt says
// (a PNG by default; opt.MediaType tells which).
func Render(w io.Writer, m *article.Meta, opt Options) error {
	img, err := Image(m, opt)
	if err != nil {
		return err
	}
	switch opt.format() {
	case "jpeg":
		err = jpeg.Encode(w, toRGBA(img), &jpeg.Options{Quality: opt.quality()})
	default:
		enc := png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &encoderBuffers}
		err = enc.Encode(w, img)
	}
	if err != nil {
		return fmt.Errorf("cover: encode %s: %w", opt.format(), err)
	}
	return nil
}

// Image draws the cover for m as Render would, without encoding it. The
// image has a palette of fewer than 256 colours: the scheme's flat colours
// and the anti-aliasing levels between them.
func Image(m *article.Meta, opt Options) (*image.Paletted, error) {
	if m == nil {
		return nil, errors.New("cover: nil metadata")
	}
	if err := opt.check(); err != nil {
		return nil, err
	}
	f, err := newFonts(familyFor(m))
	if err != nil {
		return nil, err
	}
	w, h := opt.size()
	d := layout(m, f, w, h)
	// The palette's index 0 is the background, so the new image is filled
	// with it already.
	img := image.NewPaletted(image.Rect(0, 0, w, h), newPalette(pick(strings.TrimSpace(m.Title), opt.Scheme)))
	for _, b := range d.boxes {
		fill(img, b.r, b.color)
	}
	rs := rasterizers{}
	for _, l := range d.lines {
		drawLine(img, rs.get(l.face, l.size), l.face, l.size, l.x, l.y, l.text, l.tracking, l.pair)
	}
	return img, nil
}

// encoderBuffers keeps the PNG encoder's buffers (its zlib writer alone
// is over a megabyte) for the next cover.
var encoderBuffers bufferPool

type bufferPool struct{ p sync.Pool }

func (bp *bufferPool) Get() *png.EncoderBuffer {
	b, _ := bp.p.Get().(*png.EncoderBuffer)
	return b
}

func (bp *bufferPool) Put(b *png.EncoderBuffer) { bp.p.Put(b) }

// newFonts returns the faces of one cover set in family fam, parsing the
// fonts on first use.
func newFonts(fam typeface.Family) (*fonts, error) {
	tf, err := loadFonts(fam)
	if err != nil {
		return nil, err
	}
	buf := new(sfnt.Buffer)
	return &fonts{
		title:  newFace(tf.title, buf),
		label:  newFace(tf.label, buf),
		author: newFace(tf.author, buf),
	}, nil
}

// toRGBA converts a cover to RGBA, which the JPEG encoder reads fast.
func toRGBA(p *image.Paletted) *image.RGBA {
	var lut [256][4]uint8
	for i, c := range p.Palette {
		r, g, b, a := c.RGBA()
		lut[i] = [4]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
	}
	img := image.NewRGBA(p.Rect)
	for i, c := range p.Pix {
		copy(img.Pix[4*i:4*i+4], lut[c][:])
	}
	return img
}
