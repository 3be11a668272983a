package picture

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
)

// pngRows reads a non-interlaced PNG one row at a time, so that a large
// image never exists whole in memory: image/png decodes all of it at once
// (4 bytes a pixel for 8-bit RGBA, 8 for 16-bit). It reads every colour
// type and bit depth, and gives rows as image/png's image would look drawn
// onto an *image.RGBA: 8 bits, premultiplied alpha, 16-bit samples cut to
// their high byte, the tRNS transparent colour and palette alpha applied,
// palette indexes past the palette opaque black. The filtering follows
// image/png (BSD licence, The Go Authors).
type pngRows struct {
	width, height int
	depth         int // bits per sample: 1, 2, 4, 8 or 16
	colorType     int // 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA
	palette       [256][4]uint8
	hasPalette    bool
	trns          []byte // the tRNS chunk of a gray or RGB image
	z             io.ReadCloser
	cr, pr        []byte // current and previous row, filter byte first
	bpp           int    // bytes per complete pixel, at least 1, for filtering
	y             int
}

// PNG colour types.
const (
	ctGray      = 0
	ctRGB       = 2
	ctPalette   = 3
	ctGrayAlpha = 4
	ctRGBA      = 6
)

// errInterlaced marks a PNG that pngRows does not stream.
var errInterlaced = errors.New("png: interlaced")

// newPNGRows parses the chunks of PNG data before its pixels. It returns
// errInterlaced for an interlaced image, which must be decoded whole.
func newPNGRows(data []byte) (*pngRows, error) {
	const sig = "\x89PNG\r\n\x1a\n"
	if !bytes.HasPrefix(data, []byte(sig)) {
		return nil, errors.New("png: not a PNG file")
	}
	p := &pngRows{}
	var idat []io.Reader
	seenIHDR := false
	for rest := data[len(sig):]; ; {
		if len(rest) < 12 {
			return nil, errors.New("png: truncated chunk")
		}
		n := binary.BigEndian.Uint32(rest)
		if uint64(n) > uint64(len(rest)-12) {
			return nil, errors.New("png: truncated chunk")
		}
		typ, body := string(rest[4:8]), rest[8:8+n]
		if crc32.ChecksumIEEE(rest[4:8+n]) != binary.BigEndian.Uint32(rest[8+n:]) {
			return nil, fmt.Errorf("png: invalid checksum in %q chunk", typ)
		}
		rest = rest[12+n:]
		if !seenIHDR && typ != "IHDR" {
			return nil, errors.New("png: no IHDR chunk first")
		}
		switch typ {
		case "IHDR":
			if err := p.parseIHDR(body); err != nil {
				return nil, err
			}
			seenIHDR = true
		case "PLTE":
			if len(body)%3 != 0 || len(body) == 0 || len(body) > 3*256 || p.colorType == ctPalette && len(body) > 3<<p.depth {
				return nil, errors.New("png: bad PLTE length")
			}
			for i := range p.palette {
				p.palette[i] = [4]uint8{0, 0, 0, 0xFF}
			}
			for i := 0; 3*i < len(body); i++ {
				p.palette[i] = [4]uint8{body[3*i], body[3*i+1], body[3*i+2], 0xFF}
			}
			p.hasPalette = true
		case "tRNS":
			switch p.colorType {
			case ctPalette:
				if len(body) > 256 {
					return nil, errors.New("png: bad tRNS length")
				}
				for i, a := range body {
					p.palette[i][3] = a
				}
			case ctGray, ctRGB:
				if want := 2 + 4*(p.colorType/2); len(body) != want {
					return nil, errors.New("png: bad tRNS length")
				}
				p.trns = body
			}
		case "IDAT":
			idat = append(idat, bytes.NewReader(body))
		case "IEND":
			return p.start(idat)
		}
	}
}

func (p *pngRows) parseIHDR(b []byte) error {
	if len(b) != 13 {
		return errors.New("png: bad IHDR length")
	}
	w, h := binary.BigEndian.Uint32(b), binary.BigEndian.Uint32(b[4:])
	p.depth, p.colorType = int(b[8]), int(b[9])
	if w == 0 || h == 0 || w > 1<<31-1 || h > 1<<31-1 {
		return errors.New("png: bad dimensions")
	}
	if err := checkSize(int(w), int(h)); err != nil {
		return err
	}
	p.width, p.height = int(w), int(h)
	if b[10] != 0 || b[11] != 0 {
		return errors.New("png: unknown compression or filter method")
	}
	if b[12] != 0 {
		return errInterlaced
	}
	channels := map[int]int{ctGray: 1, ctRGB: 3, ctPalette: 1, ctGrayAlpha: 2, ctRGBA: 4}[p.colorType]
	ok := channels > 0
	switch p.depth {
	case 1, 2, 4:
		ok = ok && (p.colorType == ctGray || p.colorType == ctPalette)
	case 8:
	case 16:
		ok = ok && p.colorType != ctPalette
	default:
		ok = false
	}
	if !ok {
		return fmt.Errorf("png: bad bit depth %d for colour type %d", p.depth, p.colorType)
	}
	bits := channels * p.depth
	p.bpp = max(1, bits/8)
	rowBytes := (int64(bits)*int64(p.width) + 7) / 8
	p.cr = make([]byte, 1+rowBytes)
	p.pr = make([]byte, 1+rowBytes)
	return nil
}

// start opens the compressed pixel data.
func (p *pngRows) start(idat []io.Reader) (*pngRows, error) {
	if p.colorType == ctPalette && !p.hasPalette {
		return nil, errors.New("png: no palette")
	}
	if len(idat) == 0 {
		return nil, errors.New("png: no pixel data")
	}
	z, err := zlib.NewReader(io.MultiReader(idat...))
	if err != nil {
		return nil, fmt.Errorf("png: %w", err)
	}
	p.z = z
	return p, nil
}

// size returns the pixel size of the image.
func (p *pngRows) size() (int, int) { return p.width, p.height }

// next fills dst (4 bytes for each pixel of a row) with the next row.
func (p *pngRows) next(dst []byte) error {
	if p.y >= p.height {
		return io.EOF
	}
	p.y++
	if _, err := io.ReadFull(p.z, p.cr); err != nil {
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return errors.New("png: not enough pixel data")
		}
		return fmt.Errorf("png: %w", err)
	}
	if err := unfilter(p.cr[0], p.cr[1:], p.pr[1:], p.bpp); err != nil {
		return err
	}
	p.convert(dst, p.cr[1:])
	p.cr, p.pr = p.pr, p.cr
	return nil
}

// unfilter reverses the filter of one row (PNG specification, section 9).
func unfilter(filter byte, cdat, pdat []byte, bpp int) error {
	switch filter {
	case 0: // none
	case 1: // sub
		for i := bpp; i < len(cdat); i++ {
			cdat[i] += cdat[i-bpp]
		}
	case 2: // up
		for i, p := range pdat {
			cdat[i] += p
		}
	case 3: // average
		for i := 0; i < bpp && i < len(cdat); i++ {
			cdat[i] += pdat[i] / 2
		}
		for i := bpp; i < len(cdat); i++ {
			cdat[i] += uint8((int(cdat[i-bpp]) + int(pdat[i])) / 2)
		}
	case 4: // Paeth
		for i := range cdat {
			var a, c int
			if i >= bpp {
				a, c = int(cdat[i-bpp]), int(pdat[i-bpp])
			}
			b := int(pdat[i])
			pa, pb, pc := abs(b-c), abs(a-c), abs(a+b-2*c)
			switch {
			case pa <= pb && pa <= pc:
				cdat[i] += uint8(a)
			case pb <= pc:
				cdat[i] += uint8(b)
			default:
				cdat[i] += uint8(c)
			}
		}
	default:
		return errors.New("png: bad filter type")
	}
	return nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// convert turns the unfiltered samples of a row into premultiplied RGBA.
func (p *pngRows) convert(dst, src []byte) {
	w := p.width
	switch {
	case p.colorType == ctPalette:
		for x := 0; x < w; x++ {
			c := p.palette[sample(src, x, p.depth)]
			setNRGBA(dst[4*x:], c[0], c[1], c[2], c[3])
		}
	case p.colorType == ctGray && p.depth < 16:
		scale := uint8(255 / (1<<p.depth - 1))
		for x := 0; x < w; x++ {
			v := uint8(sample(src, x, p.depth)) * scale
			if p.trns != nil && v == p.trns[1]*scale {
				setNRGBA(dst[4*x:], 0, 0, 0, 0)
			} else {
				setNRGBA(dst[4*x:], v, v, v, 0xFF)
			}
		}
	case p.colorType == ctGray:
		for x := 0; x < w; x++ {
			s := src[2*x : 2*x+2]
			if p.trns != nil && s[0] == p.trns[0] && s[1] == p.trns[1] {
				setNRGBA(dst[4*x:], 0, 0, 0, 0)
			} else {
				setNRGBA(dst[4*x:], s[0], s[0], s[0], 0xFF)
			}
		}
	case p.colorType == ctRGB && p.depth == 8:
		for x := 0; x < w; x++ {
			s := src[3*x : 3*x+3]
			if p.trns != nil && s[0] == p.trns[1] && s[1] == p.trns[3] && s[2] == p.trns[5] {
				setNRGBA(dst[4*x:], 0, 0, 0, 0)
			} else {
				setNRGBA(dst[4*x:], s[0], s[1], s[2], 0xFF)
			}
		}
	case p.colorType == ctRGB:
		for x := 0; x < w; x++ {
			s := src[6*x : 6*x+6]
			if p.trns != nil && bytes.Equal(s, p.trns) {
				setNRGBA(dst[4*x:], 0, 0, 0, 0)
			} else {
				setNRGBA(dst[4*x:], s[0], s[2], s[4], 0xFF)
			}
		}
	case p.colorType == ctGrayAlpha && p.depth == 8:
		for x := 0; x < w; x++ {
			setNRGBA(dst[4*x:], src[2*x], src[2*x], src[2*x], src[2*x+1])
		}
	case p.colorType == ctGrayAlpha:
		for x := 0; x < w; x++ {
			s := src[4*x : 4*x+4]
			v := premul16(s[0], s[1], s[2], s[3])
			dst[4*x], dst[4*x+1], dst[4*x+2], dst[4*x+3] = v, v, v, s[2]
		}
	case p.colorType == ctRGBA && p.depth == 8:
		for x := 0; x < w; x++ {
			s := src[4*x : 4*x+4]
			setNRGBA(dst[4*x:], s[0], s[1], s[2], s[3])
		}
	default: // RGBA, 16 bits
		for x := 0; x < w; x++ {
			s := src[8*x : 8*x+8]
			d := dst[4*x : 4*x+4]
			d[0], d[1], d[2], d[3] = premul16(s[0], s[1], s[6], s[7]), premul16(s[2], s[3], s[6], s[7]), premul16(s[4], s[5], s[6], s[7]), s[6]
		}
	}
}

// sample returns the x-th sample of depth bits (1, 2, 4 or 8) of a row.
func sample(row []byte, x, depth int) int {
	if depth == 8 {
		return int(row[x])
	}
	perByte := 8 / depth
	shift := 8 - depth*(x%perByte+1)
	return int(row[x/perByte]>>shift) & (1<<depth - 1)
}

// setNRGBA stores a non-premultiplied colour premultiplied, rounding as
// image/draw does for an *image.NRGBA drawn onto an *image.RGBA.
func setNRGBA(d []byte, r, g, b, a uint8) {
	d = d[:4]
	switch a {
	case 0xFF:
		d[0], d[1], d[2], d[3] = r, g, b, 0xFF
		return
	case 0:
		d[0], d[1], d[2], d[3] = 0, 0, 0, 0
		return
	}
	a16 := uint32(a) * 0x101
	d[0] = uint8(uint32(r) * a16 / 0xFF >> 8)
	d[1] = uint8(uint32(g) * a16 / 0xFF >> 8)
	d[2] = uint8(uint32(b) * a16 / 0xFF >> 8)
	d[3] = a
}

// premul16 returns the high byte of a 16-bit sample (hi, lo) premultiplied
// by a 16-bit alpha (ahi, alo).
func premul16(hi, lo, ahi, alo uint8) uint8 {
	v := uint32(hi)<<8 | uint32(lo)
	a := uint32(ahi)<<8 | uint32(alo)
	return uint8(v * a / 0xFFFF >> 8)
}
