package main

// Interim readers for --cover and --fallback-font, until
// convert.ReadCover and convert.ReadFont (internal/convert/files.go) take
// their place: regular files only, size-limited, the cover sniffed as a
// JPEG or PNG. os.ReadFile("/dev/zero") used to take all memory.

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"syscall"
)

// readRegular reads the regular file at path, of at most limit bytes.
// It opens without blocking (a named pipe would wait for a writer) and
// checks what it opened.
func readRegular(path string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("larger than %d MiB", limit>>20)
	}
	return io.ReadAll(io.LimitReader(f, limit))
}

// convertReadCover reads a --cover image.
var convertReadCover = func(path string) ([]byte, error) {
	b, err := readRegular(path, 20<<20)
	if err != nil {
		return nil, err
	}
	if ct := http.DetectContentType(b); ct != "image/png" && ct != "image/jpeg" {
		return nil, errors.New("not a JPEG or PNG image")
	}
	return b, nil
}

// convertReadFont reads a --fallback-font file.
var convertReadFont = func(path string) ([]byte, error) { return readRegular(path, 64<<20) }
