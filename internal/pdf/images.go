package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/linebreak"
	"golang.org/x/image/webp"
)

// imageData is an image ready for gofpdf: PNG (8-bit, not interlaced),
// JPEG or GIF bytes and the pixel size.
type imageData struct {
	name string
	typ  string // gofpdf image type: "PNG", "JPG", "GIF"
	data []byte
	w, h int
}

// prepareImage converts an article image into a form gofpdf embeds: JPEG
// and GIF as they are, PNG as it is unless 16-bit or interlaced (which
// gofpdf refuses), WebP and those PNGs re-encoded as PNG.
func prepareImage(img *article.Image) (*imageData, error) {
	data := img.Data
	r := bytes.NewReader(data)
	cfg, format, err := image.DecodeConfig(r)
	if err != nil {
		return nil, fmt.Errorf("cannot read image: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, errors.New("image has no pixels")
	}
	d := &imageData{w: cfg.Width, h: cfg.Height}
	switch format {
	case "jpeg":
		d.typ, d.data = "JPG", data
		if !jpegColorOK(cfg) {
			return reencodeJPEG(d, data)
		}
	case "gif":
		d.typ, d.data = "GIF", data
	case "png":
		d.typ, d.data = "PNG", data
		if len(data) > 28 && (data[24] == 16 || data[28] != 0) {
			return reencode(d, data)
		}
	default: // webp
		return reencode(d, data)
	}
	return d, nil
}

// jpegColorOK reports whether gofpdf embeds a JPEG of this colour model
// as it is. CMYK JPEGs (often Adobe-inverted) are re-encoded.
func jpegColorOK(cfg image.Config) bool {
	return cfg.ColorModel == color.GrayModel || cfg.ColorModel == color.YCbCrModel
}

// reencode decodes data and encodes it as an 8-bit PNG.
func reencode(d *imageData, data []byte) (*imageData, error) {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("cannot decode image: %w", err)
	}
	b := src.Bounds()
	dst := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), src, b.Min, draw.Src)
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, dst); err != nil {
		return nil, fmt.Errorf("cannot re-encode image: %w", err)
	}
	d.typ, d.data, d.w, d.h = "PNG", buf.Bytes(), b.Dx(), b.Dy()
	return d, nil
}

// reencodeJPEG decodes data and encodes it as an RGB JPEG.
func reencodeJPEG(d *imageData, data []byte) (*imageData, error) {
	src, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("cannot decode image: %w", err)
	}
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), src, b.Min, draw.Src)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 92}); err != nil {
		return nil, fmt.Errorf("cannot re-encode image: %w", err)
	}
	d.typ, d.data, d.w, d.h = "JPG", buf.Bytes(), b.Dx(), b.Dy()
	return d, nil
}

// Register the decoders DecodeConfig and Decode need.
var (
	_ = gif.Decode
	_ = jpeg.Decode
	_ = webp.Decode
)

// image sets an image scaled to the measure (never beyond its size at
// 96 dpi) and to the page, centred, its caption below; the two are never
// split. An image that cannot be read is replaced by a framed box with its
// alternative text, and a warning.
func (l *layout) image(img *article.Image, fr frame) {
	d, err := prepareImage(img)
	capSp := fr.sp
	capSp.italic = true
	capSp.size *= 0.9
	capLead := fr.leading * 0.9
	var capLines []linebreak.Line
	if runs := l.runs(img.Caption, capSp); len(runs) > 0 {
		capLines = l.lay(runs, linebreak.Options{Width: fr.w, Align: linebreak.Center})
	}
	capH := 0.0
	if len(capLines) > 0 {
		capH = 0.5*fr.leading + float64(len(capLines))*capLead
	}
	var w, h float64
	if err != nil {
		l.warnf("pdf: image %s left out: %v", imageName(img), err)
		w, h = fr.w, 3*fr.leading
	} else {
		w = min(fr.w, float64(d.w)*0.75)
		h = w * float64(d.h) / float64(d.w)
		if maxH := l.g.height()*0.92 - capH; h > maxH {
			h = maxH
			w = h * float64(d.w) / float64(d.h)
		}
		d.name = fmt.Sprintf("img%d", len(l.images)+1)
		l.images = append(l.images, d)
	}
	x := fr.x + (fr.w-w)/2
	r := row{h: h + capH, baseline: baselineIn(fr.sp.size, fr.leading)}
	if d != nil && err == nil {
		r.items = append(r.items, item{kind: kImage, x: x, y: 0, w: w, h: h, image: d})
	} else {
		r.items = append(r.items, item{kind: kRect, x: x, y: 0, w: w, h: h, color: colorCodeBG})
		alt := img.Alt
		if alt == "" {
			alt = "image"
		}
		asp := fr.sp
		asp.italic = true
		asp.color = colorMuted
		runs := l.plainRuns("["+alt+"]", asp, false)
		lines := l.lay(runs, linebreak.Options{Width: w - fr.sp.size, Align: linebreak.Center})
		if len(lines) > 0 {
			r.items = append(r.items, l.segmentItems(lines[0].Segments, x+fr.sp.size/2, h/2+0.3*fr.sp.size)...)
		}
	}
	y := h + 0.5*fr.leading
	for _, ln := range capLines {
		r.items = append(r.items, l.segmentItems(ln.Segments, fr.x, y+baselineIn(capSp.size, capLead))...)
		y += capLead
	}
	l.space(fr.blockGap())
	l.addRow(r)
	l.space(fr.blockGap())
	l.flow.afterPara = false
}

// imageName names an image in messages.
func imageName(img *article.Image) string {
	if img.Source != "" {
		return img.Source
	}
	if img.Alt != "" {
		return fmt.Sprintf("%q", img.Alt)
	}
	return "(unnamed)"
}

// warnf records a warning for Options.Warn.
func (l *layout) warnf(format string, args ...any) {
	l.warn = append(l.warn, fmt.Sprintf(format, args...))
}
