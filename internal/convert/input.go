package convert

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"syscall"

	"github.com/offprint/offprint/assets"
	"github.com/offprint/offprint/internal/fetch"
	"github.com/offprint/offprint/internal/reader"
)

// DefaultMaxSize is the largest input read when LoadOptions.MaxSize is zero.
const DefaultMaxSize = 64 << 20

// Input is one article's source before reading.
type Input struct {
	// Name is what messages call the input: a path, "-" for standard input,
	// or a URL.
	Name string
	// Data is the raw bytes.
	Data []byte
	// BaseDir is the folder relative references (images) resolve against.
	BaseDir string
	// URL is the address the input was fetched from, if any.
	URL string
	// ContentType is the HTTP Content-Type the input came with, if any.
	ContentType string
	// LoadImage fetches the input's remote images under the fetch
	// limits (see fetch.Options.ImageLoader); nil leaves them out. Load
	// sets it for web pages (a URL, a saved page, an MHTML archive)
	// unless LoadOptions.Offline is set: a text or Markdown file makes no
	// request.
	LoadImage func(ref string) ([]byte, error)
}

// LoadOptions configures Load.
type LoadOptions struct {
	// Stdin is read for the name "-"; nil means os.Stdin.
	Stdin io.Reader
	// MaxSize is the largest input accepted, in bytes; zero means
	// DefaultMaxSize.
	MaxSize int64
	// Fetch configures fetching inputs given as http(s) URLs.
	Fetch fetch.Options
	// Context bounds fetching; nil means context.Background().
	Context context.Context
	// Offline keeps the conversion off the network: a URL input fails
	// with ErrOffline and no input gets an image loader, so that the
	// remote images of a saved page are left out (with one warning).
	Offline bool
	// From is the input format the reader will be told (--from), if
	// any; "" means the format is detected as the reader will detect it.
	// Only web pages get an image loader.
	From reader.Format
}

// ErrOffline is returned (wrapped) for a URL input when
// LoadOptions.Offline is set.
var ErrOffline = errors.New("offline: a URL needs the network")

// ErrTooLarge is returned (wrapped) for an input over the size limit.
var ErrTooLarge = errors.New("input too large")

// Sample returns the embedded sample article as an input.
func Sample() Input {
	return Input{Name: assets.SampleName, Data: assets.Sample}
}

// Load reads the input called name: a file, "-" for standard input, or an
// http(s) URL. Unless opt.Offline is set, the input gets an image loader
// (Input.LoadImage) for the remote pictures of a web page.
func Load(name string, opt LoadOptions) (Input, error) {
	max := opt.MaxSize
	if max <= 0 {
		max = DefaultMaxSize
	}
	if fetch.IsURL(name) {
		if opt.Offline {
			return Input{Name: name}, fmt.Errorf("%w (--offline)", ErrOffline)
		}
		return loadURL(name, max, opt)
	}
	var r io.Reader
	in := Input{Name: name}
	if name == "-" || name == "/dev/stdin" {
		r = opt.Stdin
		if r == nil {
			r = os.Stdin
		}
		in.BaseDir = "."
	} else {
		// A named pipe, a device or a socket could block the read for
		// ever: only regular files are read. Stat before opening (opening
		// a device can act), and again on the open file, opened without
		// blocking, in case the name changed between the two.
		if st, err := os.Stat(name); err != nil {
			return in, unwrapPath(err)
		} else if err := regular(st, max); err != nil {
			return in, err
		}
		f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			return in, unwrapPath(err)
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return in, unwrapPath(err)
		}
		if err := regular(st, max); err != nil {
			return in, err
		}
		r = f
		in.BaseDir = filepath.Dir(name)
	}
	data, err := readAll(opt.Context, io.LimitReader(r, max+1))
	if err != nil {
		return in, unwrapPath(err)
	}
	if int64(len(data)) > max {
		return in, fmt.Errorf("%w (more than %d bytes; see --max-size)", ErrTooLarge, max)
	}
	in.Data = data
	if f := opt.From; !opt.Offline && (f == reader.HTML || f == reader.MHTML || f == "" && webPage(name, data)) {
		// A saved page's pictures are fetched as a URL's are: the same
		// limits, the private-address rule and one deadline for all.
		in.LoadImage = opt.Fetch.ImageLoader(opt.context())
	}
	return in, nil
}

// webPage reports whether an input is detected as a web page.
func webPage(name string, data []byte) bool {
	f := reader.Detect(name, data)
	return f == reader.HTML || f == reader.MHTML
}

func (o LoadOptions) context() context.Context {
	if o.Context == nil {
		return context.Background()
	}
	return o.Context
}

// regular refuses what is not a regular file, or is one over max bytes.
func regular(st os.FileInfo, max int64) error {
	m := st.Mode()
	switch {
	case m.IsDir():
		return errors.New("is a directory")
	case m&os.ModeNamedPipe != 0:
		return errors.New("not a regular file (a named pipe); use - to read standard input")
	case m&os.ModeSocket != 0:
		return errors.New("not a regular file (a socket)")
	case m&os.ModeDevice != 0:
		return errors.New("not a regular file (a device)")
	case !m.IsRegular():
		return fmt.Errorf("not a regular file (%v)", m.Type())
	case st.Size() > max:
		return fmt.Errorf("%w (%d bytes, more than %d; see --max-size)", ErrTooLarge, st.Size(), max)
	}
	return nil
}

// readAll reads r to the end, or returns the context's cause as soon as
// ctx is done: a read from a terminal or a pipe that never ends does not
// hold the program up after an interrupt (the read itself is left behind,
// to end with the process).
func readAll(ctx context.Context, r io.Reader) ([]byte, error) {
	if ctx == nil || ctx.Done() == nil {
		return io.ReadAll(r)
	}
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := io.ReadAll(r)
		done <- result{data, err}
	}()
	select {
	case res := <-done:
		return res.data, res.err
	case <-ctx.Done():
		return nil, fmt.Errorf("convert: %w", context.Cause(ctx))
	}
}

// loadURL fetches a page and prepares its images to be fetched under the
// same limits.
func loadURL(name string, max int64, opt LoadOptions) (Input, error) {
	ctx := opt.context()
	fo := opt.Fetch
	if fo.MaxBytes == 0 {
		fo.MaxBytes = max
	}
	page, err := fetch.Get(ctx, name, fo)
	if err != nil {
		return Input{Name: name}, err
	}
	return Input{
		Name:        name,
		Data:        page.Data,
		URL:         page.URL,
		ContentType: page.ContentType,
		LoadImage:   fo.ImageLoader(ctx),
	}, nil
}

// unwrapPath drops the path from an *os.PathError: messages name the input
// already.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// imageType returns the media type of a cover image given by the user.
func imageType(data []byte) (string, error) {
	switch mt := http.DetectContentType(data); mt {
	case "image/jpeg", "image/png":
		return mt, nil
	default:
		return "", fmt.Errorf("convert: cover image is %s, want JPEG or PNG", mt)
	}
}
