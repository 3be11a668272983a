package picture

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"testing"
)

// gradient returns a w×h opaque image with smooth colours and, when noisy,
// pseudo-random grain (a fixed sequence): something like a photograph.
func gradient(w, h int, noisy bool) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	s := uint32(1)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var n uint8
			if noisy {
				s = s*1664525 + 1013904223
				n = uint8(s >> 27)
			}
			i := m.PixOffset(x, y)
			m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3] = uint8(x*200/w)+n, uint8(y*200/h)+n, uint8((x+y)*200/(w+h))+n, 255
		}
	}
	return m
}

// encoded returns m encoded in format: "png", "jpeg" or "gif".
func encoded(t testing.TB, format string, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	var err error
	switch format {
	case "png":
		err = png.Encode(&b, m)
	case "jpeg":
		err = jpeg.Encode(&b, m, &jpeg.Options{Quality: 90})
	case "gif":
		err = gif.Encode(&b, m, &gif.Options{NumColors: 16})
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pngHeader is the start of a PNG that claims to be w×h RGB pixels: enough
// for image.DecodeConfig, nothing to decode.
func pngHeader(w, h uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32([]byte("IHDR"), w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 2, 0, 0, 0)
	b := []byte("\x89PNG\r\n\x1a\n")
	b = binary.BigEndian.AppendUint32(b, 13)
	b = append(b, ihdr...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(ihdr))
}

// pngFlood returns a real w×h RGBA PNG of transparent pixels: it
// compresses to a few hundred kilobytes and decodes to 4·w·h bytes. Its
// rows are compressed straight from a buffer of zeros, which is much
// faster than image/png's encoder with its filter search.
func pngFlood(t testing.TB, w, h int) []byte {
	t.Helper()
	var z bytes.Buffer
	zw, err := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	row := make([]byte, 1+4*w) // filter byte 0, then transparent black
	for range h {
		zw.Write(row)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	out := []byte("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, body []byte) {
		out = binary.BigEndian.AppendUint32(out, uint32(len(body)))
		c := append([]byte(typ), body...)
		out = append(out, c...)
		out = binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(c))
	}
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	chunk("IHDR", append(ihdr, 8, 6, 0, 0, 0))
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return out
}

// withOrientation returns JPEG data with an EXIF APP1 segment giving
// orientation o, in big- or little-endian TIFF.
func withOrientation(jpegData []byte, o int, bigEndian bool) []byte {
	var bo binary.AppendByteOrder = binary.LittleEndian
	tiff := []byte("II*\x00")
	if bigEndian {
		bo, tiff = binary.BigEndian, []byte("MM\x00*")
	}
	tiff = bo.AppendUint32(tiff, 8)
	tiff = bo.AppendUint16(tiff, 1)      // one entry
	tiff = bo.AppendUint16(tiff, 0x0112) // orientation
	tiff = bo.AppendUint16(tiff, 3)      // SHORT
	tiff = bo.AppendUint32(tiff, 1)
	tiff = bo.AppendUint16(tiff, uint16(o))
	tiff = append(tiff, 0, 0, 0, 0, 0, 0) // value padding, next IFD
	seg := append([]byte("Exif\x00\x00"), tiff...)
	out := []byte{0xFF, 0xD8, 0xFF, 0xE1}
	out = binary.BigEndian.AppendUint16(out, uint16(len(seg)+2))
	out = append(out, seg...)
	return append(out, jpegData[2:]...)
}

// testFile reads a file of testdata/.
func testFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// paletted returns a w×h two-colour paletted image.
func paletted(w, h int) *image.Paletted {
	m := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.Black})
	for i := range m.Pix {
		m.Pix[i] = uint8(i / 7 % 2)
	}
	return m
}
