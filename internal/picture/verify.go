package picture

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"strings"
)

// verify decodes an image Fit keeps as it is (PNG, JPEG or GIF, at most
// Options.MaxEdge pixels a side) to its end, and reports why it cannot
// be read. A non-interlaced PNG is read a row at a time, its zlib stream
// to the checksum, without holding the image; the others are decoded
// once and dropped (a GIF's first frame, the one the renderers show).
func verify(data []byte, format string) error {
	switch format {
	case "png":
		p, err := newPNGRows(data)
		if errors.Is(err, errInterlaced) {
			_, err = png.Decode(bytes.NewReader(data))
			return err
		}
		if err != nil {
			return err
		}
		return p.verify()
	case "jpeg":
		_, err := jpeg.Decode(bytes.NewReader(data))
		return err
	case "gif":
		_, err := gif.Decode(bytes.NewReader(data))
		return err
	}
	return fmt.Errorf("no check for %s images", format)
}

// verify reads and unfilters every row and then the end of the zlib
// stream, which checks its Adler-32 checksum, as image/png does: too
// little pixel data, too much, a bad filter or a bad checksum is an
// error.
func (p *pngRows) verify() error {
	for ; p.y < p.height; p.y++ {
		if _, err := io.ReadFull(p.z, p.cr); err != nil {
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				return errors.New("png: not enough pixel data")
			}
			return fmt.Errorf("png: %w", err)
		}
		if err := unfilter(p.cr[0], p.cr[1:], p.pr[1:], p.bpp); err != nil {
			return err
		}
		p.cr, p.pr = p.pr, p.cr
	}
	var one [1]byte
	n, err := io.ReadFull(p.z, one[:])
	switch {
	case n > 0:
		return errors.New("png: too much pixel data")
	case err != io.EOF:
		return fmt.Errorf("png: %w", err)
	}
	return nil
}

// Verify decodes data, an image Check accepted, to its end and reports
// why it cannot be read ("not a readable PNG image: png: not enough
// pixel data"): Check reads the header alone, so a file cut after it
// passes Check. The size is checked from the header first (MaxPixels);
// a non-interlaced PNG is then read a row at a time and never held
// whole, any other image decoded once and dropped. For images used as
// they are, such as a cover given by the user; Fit verifies the images it
// keeps itself.
func Verify(data []byte) error {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("not a readable image: %w", err)
	}
	if err := checkSize(cfg.Width, cfg.Height); err != nil {
		return err
	}
	if format == "png" || format == "jpeg" || format == "gif" {
		err = verify(data, format)
	} else {
		_, _, err = image.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return fmt.Errorf("not a readable %s image: %w", strings.ToUpper(format), err)
	}
	return nil
}
