package convert

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"

	"github.com/offprint/offprint/internal/picture"
)

// MaxFontBytes is the largest font file ReadFont reads: 32 MiB, more than
// the largest single TrueType fonts with CJK coverage (about 20 MB).
const MaxFontBytes int64 = 32 << 20

// ReadCover reads the cover image a user names (--cover) and returns its
// bytes for Options.CoverImage. It reads only a regular file, of at most
// picture.DefaultMaxBytes (20 MiB): a device (/dev/zero), a FIFO (which
// would block until written to), a directory or a larger file (a 3 GB
// sparse file) is refused before anything is read, and a file that grows
// while read is cut at the limit and refused. The bytes must then pass
// the check every image passes (picture.Check: the format sniffed from
// the content, at most picture.MaxPixels from the header, so that a
// 69-byte PNG claiming 100000×100000 pixels costs nothing), be a JPEG or
// a PNG (the cover types every EPUB reading system shows), and decode to
// their end (picture.Verify: a cut file is refused, not embedded).
//
// Errors are one line, "convert: cover PATH: reason"; for a file that
// cannot be opened they wrap the cause (fs.ErrNotExist, fs.ErrPermission).
func ReadCover(path string) ([]byte, error) {
	data, err := readRegular(path, picture.DefaultMaxBytes)
	if err != nil {
		return nil, fmt.Errorf("convert: cover %s: %w", path, err)
	}
	img, err := picture.Check(data, picture.DefaultMaxBytes)
	if err != nil {
		return nil, fmt.Errorf("convert: cover %s: %w", path, err)
	}
	if img.MediaType != "image/jpeg" && img.MediaType != "image/png" {
		format := strings.ToUpper(strings.TrimPrefix(img.MediaType, "image/"))
		return nil, fmt.Errorf("convert: cover %s: the cover is a %s image; want JPEG or PNG", path, format)
	}
	if err := picture.Verify(data); err != nil {
		return nil, fmt.Errorf("convert: cover %s: %w", path, err)
	}
	return data, nil
}

// ReadFont reads the fallback font a user names (--fallback-font) and
// returns its bytes for pdf.Options.FallbackFont. It reads only a regular
// file of at most MaxFontBytes, refusing devices, FIFOs, directories and
// larger files before anything is read, and only a file that starts like
// a TrueType font (0x00010000 or "true"): OpenType fonts with CFF outlines
// ("OTTO") and collections ("ttcf"), which the PDF library cannot embed,
// are refused with a hint, and so is anything else. The tables are
// checked when the PDF is written.
//
// Errors are one line, "convert: font PATH: reason"; for a file that
// cannot be opened they wrap the cause (fs.ErrNotExist, fs.ErrPermission).
func ReadFont(path string) ([]byte, error) {
	data, err := readRegular(path, MaxFontBytes)
	if err != nil {
		return nil, fmt.Errorf("convert: font %s: %w", path, err)
	}
	var magic string
	if len(data) >= 4 {
		magic = string(data[:4])
	}
	switch magic {
	case "\x00\x01\x00\x00", "true":
		return data, nil
	case "OTTO":
		err = errors.New("OpenType fonts with CFF outlines are not supported; use a TrueType (.ttf) font")
	case "ttcf":
		err = errors.New("font collections (.ttc) are not supported; use a single TrueType (.ttf) font")
	default:
		err = errors.New("not a TrueType font")
	}
	return nil, fmt.Errorf("convert: font %s: %w", path, err)
}

// readRegular reads a regular file of at most max bytes. It opens the
// file without blocking (O_NONBLOCK: a FIFO with no writer would wait
// for ever) and checks what it opened, not what the name pointed to a
// moment before, so that nothing but a regular file is read, and nothing
// past max.
func readRegular(path string, max int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, unwrapPath(err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", fileKind(st.Mode()))
	}
	if st.Size() > max {
		return nil, fmt.Errorf("the file is %d bytes, over the limit of %s", st.Size(), mibSize(max))
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, unwrapPath(err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("the file is over the limit of %s", mibSize(max))
	}
	return data, nil
}

// fileKind names the type of a file that is not regular, for messages.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// mibSize formats a limit for messages: "20 MiB".
func mibSize(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
