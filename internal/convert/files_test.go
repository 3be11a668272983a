package convert

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// coverPNG is a small PNG cover.
func coverPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// claimPNG returns a 69-byte PNG whose header claims w×h pixels.
func claimPNG(t *testing.T, w, h uint32) []byte {
	data := coverPNG(t, 1, 1)
	binary.BigEndian.PutUint32(data[16:], w)
	binary.BigEndian.PutUint32(data[20:], h)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	return data
}

// special makes the files the tests of ReadCover and ReadFont refuse
// that are not regular: a FIFO (reading it would block) and a
// directory; /dev/zero stands for devices.
func special(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{"directory": dir, "device": "/dev/zero"}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		out["FIFO"] = fifo
	}
	if _, err := os.Stat("/dev/zero"); err != nil {
		delete(out, "device")
	}
	return out
}

// sparse makes a file of n bytes that takes no room: a 3 GB cover.
func sparse(t *testing.T, path string, n int64) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(n); err != nil {
		t.Skip("no sparse files here:", err)
	}
}

// noHang runs f and fails when it has not returned after 20 seconds (a
// hang detector, not a timing).
func noHang(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("blocked")
	}
}

func TestReadCover(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var jpg, gf bytes.Buffer
	if err := jpeg.Encode(&jpg, image.NewGray(image.Rect(0, 0, 60, 90)), nil); err != nil {
		t.Fatal(err)
	}
	if err := gif.Encode(&gf, image.NewGray(image.Rect(0, 0, 6, 9)), nil); err != nil {
		t.Fatal(err)
	}
	pngCover := coverPNG(t, 600, 900)
	big := filepath.Join(dir, "huge.png")
	sparse(t, big, 3<<30)
	tests := []struct {
		name, path string
		err        string // part of the error; empty: read
	}{
		{"png", write("cover.png", pngCover), ""},
		{"jpeg", write("cover.jpg", jpg.Bytes()), ""},
		{"bomb: 69 bytes claiming 100000×100000", write("bomb.png", claimPNG(t, 100000, 100000)), "100000×100000 pixels, over the limit of 50 megapixels"},
		{"gif", write("cover.gif", gf.Bytes()), "the cover is a GIF image; want JPEG or PNG"},
		{"text", write("cover.txt", []byte("not an image")), "text/plain is not an image format"},
		{"cut", write("cut.png", pngCover[:len(pngCover)/2]), "not a readable PNG image"},
		{"empty", write("empty.png", nil), "empty"},
		{"3 GB sparse file", big, "over the limit of 20 MiB"},
		{"missing", filepath.Join(dir, "missing.png"), "no such file"},
	}
	for kind, p := range special(t, t.TempDir()) {
		tests = append(tests, struct{ name, path, err string }{kind, p, "not a regular file"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var data []byte
			var err error
			noHang(t, func() { data, err = ReadCover(tt.path) })
			if tt.err == "" {
				if err != nil || len(data) == 0 {
					t.Fatalf("%d bytes, %v", len(data), err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.HasPrefix(err.Error(), "convert: cover ") || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %v, want one line: convert: cover …%s…", err, tt.err)
			}
			if data != nil {
				t.Error("data returned with an error")
			}
		})
	}
}

func TestReadFont(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := filepath.Join(dir, "huge.ttf")
	sparse(t, big, 3<<30)
	ttf := append([]byte("\x00\x01\x00\x00"), make([]byte, 100)...)
	tests := []struct {
		name, path string
		err        string
	}{
		{"truetype", write("a.ttf", ttf), ""},
		{"apple truetype", write("b.ttf", append([]byte("true"), ttf[4:]...)), ""},
		{"cff opentype", write("c.otf", append([]byte("OTTO"), ttf[4:]...)), "CFF outlines"},
		{"collection", write("d.ttc", append([]byte("ttcf"), ttf[4:]...)), "font collections"},
		{"png", write("e.ttf", coverPNG(t, 2, 2)), "not a TrueType font"},
		{"short", write("f.ttf", []byte("ab")), "not a TrueType font"},
		{"3 GB sparse file", big, "over the limit of 32 MiB"},
		{"missing", filepath.Join(dir, "missing.ttf"), "no such file"},
	}
	for kind, p := range special(t, t.TempDir()) {
		tests = append(tests, struct{ name, path, err string }{kind, p, "not a regular file"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var data []byte
			var err error
			noHang(t, func() { data, err = ReadFont(tt.path) })
			if tt.err == "" {
				if err != nil || len(data) == 0 {
					t.Fatalf("%d bytes, %v", len(data), err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.HasPrefix(err.Error(), "convert: font ") {
				t.Fatalf("error %v, want convert: font …%s…", err, tt.err)
			}
		})
	}
}

// TestReadCoverMemory checks that refusing a huge file allocates
// nothing like its size.
func TestReadCoverMemory(t *testing.T) {
	big := filepath.Join(t.TempDir(), "huge.png")
	sparse(t, big, 3<<30)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := ReadCover(big)
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Fatal("read")
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Errorf("refusing a 3 GB cover allocated %d KB", n>>10)
	}
}
