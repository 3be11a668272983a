package cover

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	xdraw "golang.org/x/image/draw"
)

var writeDir = flag.String("write", "", "write every test cover and a 200-px-wide thumbnail of it into this directory, to look at")

// TestWriteCovers writes the covers of the test table for a person to look
// at; it runs only with -write DIR.
func TestWriteCovers(t *testing.T) {
	if *writeDir == "" {
		t.Skip("no -write directory")
	}
	if err := os.MkdirAll(*writeDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range metas {
		var buf bytes.Buffer
		if err := Render(&buf, &tc.meta, Options{}); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if err := os.WriteFile(filepath.Join(*writeDir, tc.name+".png"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		img, _, err := image.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		b := img.Bounds()
		th := image.NewRGBA(image.Rect(0, 0, 200, 200*b.Dy()/b.Dx()))
		xdraw.CatmullRom.Scale(th, th.Rect, img, b, xdraw.Src, nil)
		var out bytes.Buffer
		if err := png.Encode(&out, th); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*writeDir, tc.name+"-thumb.png"), out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
