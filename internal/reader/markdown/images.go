package markdown

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/vincent-petithory/dataurl"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/picture"
)

// imageLoader reads, checks and caches the images of one document.
type imageLoader struct {
	opt *Options
	// base is the document's address (Options.URL), for relative images
	// when there is no BaseDir.
	base    *url.URL
	root    *os.Root
	rootErr error
	cache   map[string]loadResult
	// budget bounds the document's images together; they are loaded in
	// document order, so the same document keeps the same images.
	budget picture.Budget
}

type loadResult struct {
	img article.Image
	err error
}

func newImageLoader(opt *Options, base *url.URL) *imageLoader {
	return &imageLoader{opt: opt, base: base, cache: make(map[string]loadResult)}
}

// close releases the base directory and sends the one warning for the
// images left out over the budget, if any.
func (l *imageLoader) close() {
	if l.root != nil {
		_ = l.root.Close()
	}
	if msg := l.budget.Summary(); msg != "" && l.opt.Warn != nil {
		l.opt.Warn("markdown: " + msg)
	}
}

// load returns a new Image for ref (Data shared between uses of one ref,
// and between refs with the same bytes). Each ref is loaded once and its
// image admitted to the document's picture.Budget; once the budget is
// full, refs not loaded before are not loaded at all. An error wrapping
// picture.ErrBudget (over the budget, or the loader's time for the
// images ran out) is counted in the one warning close sends: the caller
// should not warn about it again.
func (l *imageLoader) load(ref string) (*article.Image, error) {
	r, ok := l.cache[ref]
	if !ok {
		var data []byte
		err := errBudgetFull
		if !l.budget.Full() {
			data, err = l.fetch(ref)
		}
		if err == nil {
			r.img, err = picture.Check(data, l.opt.maxImageBytes())
		}
		if err == nil {
			err = l.budget.Admit(&r.img)
		} else if errors.Is(err, picture.ErrBudget) {
			l.budget.Leave(err)
		}
		if err != nil {
			r.img = article.Image{}
		}
		r.img.Source = shortRef(ref)
		r.err = err
		l.cache[ref] = r
	} else if errors.Is(r.err, picture.ErrBudget) {
		l.budget.Leave(r.err) // each use left out is counted
	}
	if r.err != nil {
		return nil, r.err
	}
	img := r.img
	return &img, nil
}

// shortRef is ref for messages: a data: URL is cut after its media type.
func shortRef(ref string) string {
	if len(ref) > 64 && strings.EqualFold(ref[:5], "data:") {
		if i := strings.IndexByte(ref, ','); i >= 0 && i < 64 {
			return ref[:i+1] + "…"
		}
		return ref[:64] + "…"
	}
	return ref
}

// fetch returns the bytes of the image at ref: a data: URL is decoded, an
// http(s) URL goes to Options.LoadImage, a relative path is read under
// BaseDir (or, without one, resolved against Options.URL and fetched).
func (l *imageLoader) fetch(ref string) ([]byte, error) {
	if ref == "" {
		return nil, errors.New("the image has no address")
	}
	if len(ref) > 5 && strings.EqualFold(ref[:5], "data:") {
		du, err := dataurl.DecodeString(ref)
		if err != nil {
			return nil, fmt.Errorf("malformed data: URL: %w", err)
		}
		return du.Data, nil
	}
	u, err := url.Parse(ref)
	switch {
	case err != nil:
		if l.opt.BaseDir == "" {
			return nil, fmt.Errorf("malformed address: %w", err)
		}
	case strings.HasPrefix(ref, "//"): // protocol-relative
		scheme := "https"
		if l.base != nil {
			scheme = l.base.Scheme
		}
		u.Scheme = scheme
		return l.remote(u)
	case len(u.Scheme) > 1: // one letter is a Windows drive ("C:\…"), not a scheme
		switch strings.ToLower(u.Scheme) {
		case "http", "https":
			return l.remote(u)
		case "file":
			return nil, errors.New("file: addresses are not read; use a path relative to the Markdown file")
		}
		return nil, fmt.Errorf("%s: addresses are not read", u.Scheme)
	}
	if l.opt.BaseDir == "" && l.base != nil && err == nil {
		return l.remote(l.base.ResolveReference(u))
	}
	if l.opt.BaseDir == "" {
		return nil, errors.New("local images are not read: no base directory given")
	}
	return l.local(ref)
}

// errBudgetFull is the error of an image not loaded because the budget
// was full.
var errBudgetFull = fmt.Errorf("%w: more than %d images", picture.ErrBudget, picture.DefaultBudgetImages)

// overBudget reports whether err, from load, left an image out over the
// document's image budget: the caller does not warn about it, close does.
func overBudget(err error) bool { return errors.Is(err, picture.ErrBudget) }

// errNotFetched marks a remote image skipped for want of a loader; such
// images are counted and reported in one warning.
var errNotFetched = errors.New("remote image not fetched")

func (l *imageLoader) remote(u *url.URL) ([]byte, error) {
	if l.opt.LoadImage == nil {
		return nil, errNotFetched
	}
	return l.opt.LoadImage(u.String())
}

// local reads a file below BaseDir. Absolute paths and paths that lead
// outside BaseDir — through ".." or through a symbolic link — are refused:
// a document must not pull arbitrary files of the machine into the output.
func (l *imageLoader) local(ref string) ([]byte, error) {
	if path.IsAbs(ref) || filepath.IsAbs(ref) || filepath.VolumeName(ref) != "" {
		return nil, errors.New("absolute paths are not read; use a path relative to the Markdown file")
	}
	// Try the path as written, then percent-decoded ("my%20photo.png"),
	// then without a query or fragment ("photo.png?raw=true").
	candidates := []string{ref}
	if p, err := url.PathUnescape(ref); err == nil && p != ref {
		candidates = append(candidates, p)
	}
	if i := strings.IndexAny(ref, "?#"); i > 0 {
		candidates = append(candidates, ref[:i])
	}
	if l.root == nil && l.rootErr == nil {
		l.root, l.rootErr = os.OpenRoot(l.opt.BaseDir)
	}
	if l.rootErr != nil {
		return nil, fmt.Errorf("cannot open the base directory: %w", l.rootErr)
	}
	for _, p := range candidates {
		name := filepath.Clean(filepath.FromSlash(p))
		if !filepath.IsLocal(name) {
			return nil, errors.New("the path leads outside the Markdown file's directory")
		}
		data, err := l.readFile(name)
		if err == nil {
			return data, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, errors.New("file not found")
}

func (l *imageLoader) readFile(name string) ([]byte, error) {
	max := l.opt.maxImageBytes()
	// O_NONBLOCK: opening a FIFO must not wait for a writer. What is
	// opened is then checked, not what a name pointed to a moment
	// before: nothing but a regular file is read.
	f, err := l.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if fi.Size() > max {
		return nil, fmt.Errorf("the file is %d bytes, over the limit of %d", fi.Size(), max)
	}
	return io.ReadAll(io.LimitReader(f, max+1))
}
