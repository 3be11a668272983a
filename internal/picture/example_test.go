package picture_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"

	"github.com/offprint/offprint/internal/picture"
)

func Example() {
	// A 3000×200 PNG, as a reader might load it.
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 3000, 200))); err != nil {
		panic(err)
	}
	img, err := picture.Check(buf.Bytes(), 20<<20)
	if err != nil {
		fmt.Println("refused:", err)
		return
	}
	fmt.Println(img.MediaType, img.Width, img.Height)
	if err := picture.Fit(&img, picture.Options{}); err != nil {
		fmt.Println("left out:", err)
		return
	}
	fmt.Println(img.MediaType, img.Width, img.Height)

	// An image bomb is refused from its header.
	_, err = picture.Check(bomb(30000, 30000), 20<<20)
	fmt.Println(err)
	// Output:
	// image/png 3000 200
	// image/png 2400 160
	// the image is 30000×30000 pixels, over the limit of 50 megapixels
}

// bomb returns a 1×1 PNG whose header claims w×h pixels.
func bomb(w, h uint32) []byte {
	var buf bytes.Buffer
	_ = png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1)))
	data := buf.Bytes()
	// The IHDR chunk: length at 8, type at 12, width 16, height 20, CRC 29.
	binary.BigEndian.PutUint32(data[16:], w)
	binary.BigEndian.PutUint32(data[20:], h)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	return data
}
