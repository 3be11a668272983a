package html

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/picture"
)

// imageWorkers is how many images are loaded at once.
const imageWorkers = 4

// images collects the pictures of the article while it is mapped and loads
// them afterwards, several at a time, into the placeholders it handed out.
type images struct {
	opt     *Options
	base    *url.URL // relative references not found locally resolve here
	pending []*pendingImage
	byImage map[*article.Image]*pendingImage
}

// pendingImage is a placeholder Image in the article and the references to
// try for it, best first.
type pendingImage struct {
	img      *article.Image
	refs     []string // tried everywhere, the network included
	others   []string // more srcset candidates, tried where no request is made
	drop     bool     // leaves nothing: a decoration, nothing to load, or tiny
	inText   bool     // stands inside a run of text (see inRunningText)
	warn     string   // why it could not be loaded, filled by load
	noLoader bool     // only remote references, and no LoadImage
	over     error    // left out over the budget (wraps picture.ErrBudget)
	key      string   // the cache key the image was loaded under, if any
}

// image maps an img or picture element to a placeholder Image (Data nil
// until load runs). Every image gets one, so that settle can join the
// text around an image that leaves nothing; a decoration (see decoration)
// is marked to be dropped at once. The alt text is kept only when it
// says something (see meaningfulAlt) and the page does not mark the
// image as decoration or hide it from screen readers.
func (m *mapper) image(n *xhtml.Node) article.Block {
	img := n
	if n.DataAtom == atom.Picture {
		img = nil
		walk(n, func(c *xhtml.Node) bool {
			if img == nil && c.Type == xhtml.ElementNode && c.DataAtom == atom.Img {
				img = c
			}
			return img == nil
		})
	}
	p := &pendingImage{img: &article.Image{}, inText: inRunningText(n)}
	if img == nil || decoration(img) {
		p.drop = true
	} else {
		if !silentAlt(img) {
			p.img.Alt = meaningfulAlt(attr(img, "alt"))
		}
		s := findSources(n, img)
		p.refs, p.others = s.refs, s.others
		if len(p.refs) == 0 {
			p.drop = true
		} else {
			p.img.Source = p.refs[0]
		}
	}
	im := m.images
	im.pending = append(im.pending, p)
	if im.byImage == nil {
		im.byImage = make(map[*article.Image]*pendingImage)
	}
	im.byImage[p.img] = p
	return p.img
}

// load fetches every pending image, imageWorkers at a time, and fills in
// the placeholders. Each reference is loaded and checked once however
// often the page names it, and the images are admitted to the article's
// picture.Budget in document order (so that the same page always keeps
// the same images): an image with the bytes of one admitted before
// shares them, images past the budget are left out, and once the budget
// is full the rest are not loaded at all. Loading runs at most
// loadWindow images ahead of the one being admitted, so that memory is
// bounded by the budget and not by the page. Warnings are sent in
// document order; the images left out over the budget (including those
// the loader refuses for a budget reason, such as the time for the
// page's images running out) get one warning together.
func (im *images) load() {
	if len(im.pending) == 0 {
		return
	}
	if im.opt.NoImages {
		for _, p := range im.pending {
			p.drop = true
		}
		return
	}
	var root *os.Root
	if im.opt.BaseDir != "" {
		r, err := os.OpenRoot(im.opt.BaseDir)
		if err != nil {
			im.opt.warn(fmt.Sprintf("images not read: %v", err))
		} else {
			root = r
			defer r.Close()
		}
	}
	var (
		budget  picture.Budget
		cache   = &refCache{m: make(map[string]*refEntry)}
		n       = len(im.pending)
		done    = make([]chan struct{}, n)
		sem     = make(chan struct{}, imageWorkers)
		wg      sync.WaitGroup
		started = 0
	)
	start := func(limit int) {
		full := budget.Full()
		for ; started < min(limit, n); started++ {
			p, ch := im.pending[started], make(chan struct{})
			done[started] = ch
			if p.drop {
				close(ch)
				continue
			}
			if full {
				// Deterministic: the budget was full once every image
				// before this window was admitted.
				p.over = fmt.Errorf("%w: more than %d images", picture.ErrBudget, picture.DefaultBudgetImages)
				close(ch)
				continue
			}
			wg.Go(func() {
				defer close(ch)
				sem <- struct{}{}
				defer func() { <-sem }()
				im.loadOne(p, root, cache)
			})
		}
	}
	for i, p := range im.pending {
		start(i + loadWindow)
		<-done[i]
		switch {
		case p.over != nil:
			budget.Leave(p.over)
		case p.img.Data != nil:
			if err := budget.Admit(p.img); err != nil {
				p.img.Data = nil
				cache.forget(p.key, err) // later uses are refused alike, its bytes freed
			}
		}
	}
	wg.Wait()

	skipped, svgs := 0, 0
	for _, p := range im.pending {
		switch {
		case p.noLoader:
			skipped++
		case strings.HasSuffix(p.warn, errSVG):
			svgs++
		case p.warn != "":
			im.opt.warn(p.warn)
		}
	}
	if svgs > 0 {
		im.opt.warn(fmt.Sprintf("%d SVG image(s) left out: %s", svgs, errSVG))
	}
	if skipped > 0 {
		im.opt.warn(fmt.Sprintf("%d remote image(s) left out: not fetched (offline); their captions are kept", skipped))
	}
	if msg := budget.Summary(); msg != "" {
		im.opt.warn(msg)
	}
}

// loadWindow is how many images load may have loaded but not yet
// admitted to the budget: those in the workers' hands and a few waiting.
const loadWindow = 2 * imageWorkers

// refCache holds what each reference gave, so that a page naming one
// image many times loads and checks it once.
type refCache struct {
	mu sync.Mutex
	m  map[string]*refEntry
}

// refEntry is the result for one reference: the checked image or the
// error, ready once done is closed.
type refEntry struct {
	done chan struct{}
	img  article.Image
	err  error
}

// get returns the result for key, calling load for it unless another
// call did or does (then it waits for that one).
func (c *refCache) get(key string, load func() (article.Image, error)) (article.Image, error) {
	c.mu.Lock()
	e, ok := c.m[key]
	if !ok {
		e = &refEntry{done: make(chan struct{})}
		c.m[key] = e
	}
	c.mu.Unlock()
	if !ok {
		e.img, e.err = load()
		close(e.done)
	}
	<-e.done
	c.mu.Lock()
	defer c.mu.Unlock()
	return e.img, e.err
}

// forget replaces the result for key by err, dropping its bytes.
func (c *refCache) forget(key string, err error) {
	if key == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[key]; ok {
		e.img, e.err = article.Image{}, err
	}
}

// loadOne tries an image's references: first every reference and srcset
// candidate that needs no request (data URIs, files in BaseDir, the
// resources of Options.Resource), then the remote ones of refs through
// LoadImage. An error of the loader that wraps picture.ErrBudget ends
// the remote tries and leaves the image to the budget's one warning. An
// image found to be tiny (a spacer or a tracking pixel) is dropped
// without a warning.
func (im *images) loadOne(p *pendingImage, root *os.Root, cache *refCache) {
	var remote, errs []string
	done := func(img article.Image, source, key string) {
		if img.Width < minSide || img.Height < minSide {
			p.drop = true
			return
		}
		p.fill(img, source, key)
	}
	check := func(data []byte, err error) (article.Image, error) {
		if err != nil {
			return article.Image{}, err
		}
		return picture.Check(data, im.opt.maxImageBytes())
	}
	all := append(append([]string(nil), p.refs...), p.others...)
	for i, ref := range all {
		primary := i < len(p.refs)
		t, err := im.resolve(ref)
		if err != nil {
			if primary {
				errs = append(errs, fmt.Sprintf("image %s: %v", shorten(ref), err))
			}
			continue
		}
		if t.abs != "" && primary && !slices.Contains(remote, t.abs) {
			remote = append(remote, t.abs)
		}
		var img article.Image
		key := ""
		switch {
		case t.data != "":
			img, err = check(decodeDataURI(t.data, im.opt.maxImageBytes()))
		case im.resource(t) != "":
			key = "res:" + im.resource(t)
			img, err = cache.get(key, func() (article.Image, error) {
				data, _ := im.opt.Resource(key[len("res:"):])
				return check(data, nil)
			})
		case t.local != "":
			key = "file:" + t.local
			img, err = cache.get(key, func() (article.Image, error) { return check(im.readLocal(t.local, root)) })
			if err != nil && t.abs != "" && errors.Is(err, errNotFound) {
				continue // the page's own address may still have it
			}
		default:
			continue
		}
		if err == nil {
			source := ref
			if t.local != "" && t.data == "" && !strings.HasPrefix(key, "res:") {
				source = t.local
			}
			done(img, source, key)
			return
		}
		if errors.Is(err, picture.ErrBudget) {
			p.over = err
			return
		}
		if primary {
			errs = append(errs, fmt.Sprintf("image %s: %v", shorten(ref), err))
		}
	}
	for _, u := range remote {
		if svgAddress(u) {
			// Not fetched: its bytes would only be refused (maths on
			// Wikipedia, icons and logos are SVG).
			errs = append(errs, fmt.Sprintf("image %s: %s", shorten(u), errSVG))
			continue
		}
		if im.opt.LoadImage == nil {
			p.noLoader = len(errs) == 0 // else its own failure says more
			break
		}
		key := "url:" + u
		img, err := cache.get(key, func() (article.Image, error) { return check(im.opt.LoadImage(u)) })
		if err == nil {
			done(img, u, key)
			return
		}
		if errors.Is(err, picture.ErrBudget) {
			p.over = err
			return
		}
		errs = append(errs, fmt.Sprintf("image %s: %v", shorten(u), err))
	}
	if len(errs) > 0 {
		p.warn = errs[0] // the best candidate's failure says enough
	}
}

// errSVG says why an SVG image is left out.
const errSVG = "SVG is not an image format offprint embeds (PNG, JPEG, GIF, WebP)"

// svgAddress reports whether an absolute URL names an SVG file.
func svgAddress(u string) bool {
	pu, err := url.Parse(u)
	if err != nil {
		return false
	}
	ext := strings.ToLower(path.Ext(pu.Path))
	return ext == ".svg" || ext == ".svgz"
}

// errNotFound is the error of a local image that is not there.
var errNotFound = errors.New("file not found")

// target is where a reference can be loaded from: a data URI, a
// slash-separated path inside BaseDir, an absolute http(s) URL, a cid:
// reference (for Options.Resource), or several of these.
type target struct {
	data, local, abs, cid, raw string
}

// resolve tells where a reference can be loaded from. A relative
// reference of a page with a BaseDir is a local file and, when the page
// has an address, also a remote one; a protocol-relative one takes the
// page's scheme (https when it has none).
func (im *images) resolve(ref string) (target, error) {
	t := target{raw: ref}
	lower := strings.ToLower(ref)
	if strings.HasPrefix(lower, "data:") {
		t.data = ref
		return t, nil
	}
	if strings.HasPrefix(lower, "cid:") {
		t.cid = "cid:" + ref[len("cid:"):]
		return t, nil
	}
	u, err := url.Parse(ref)
	if err != nil {
		return t, errors.New("unsupported address")
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return t, errors.New("unsupported address")
		}
		t.abs = u.String()
		return t, nil
	case "":
	default:
		return t, errors.New("unsupported address")
	}
	if strings.HasPrefix(ref, "//") {
		if im.base != nil {
			t.abs = im.base.ResolveReference(u).String()
		} else {
			u.Scheme = "https"
			t.abs = u.String()
		}
		return t, nil
	}
	if im.opt.BaseDir != "" && u.Path != "" && !strings.HasPrefix(u.Path, "/") {
		t.local = path.Clean(u.Path)
	}
	if im.base != nil {
		if abs := im.base.ResolveReference(u); (abs.Scheme == "http" || abs.Scheme == "https") && abs.Host != "" {
			t.abs = abs.String()
		}
	}
	if t.local == "" && t.abs == "" && im.opt.Resource == nil {
		if strings.HasPrefix(u.Path, "/") {
			return t, errors.New("site-relative address and no page URL")
		}
		return t, errors.New("relative address and neither a page URL nor a base directory")
	}
	return t, nil
}

// resource returns the key under which Options.Resource holds the
// target, or "" when it holds nothing for it. The cid: form, the
// absolute address and the reference as written are looked up in turn.
func (im *images) resource(t target) string {
	if im.opt.Resource == nil {
		return ""
	}
	for _, k := range []string{t.cid, t.abs, t.raw} {
		if k == "" {
			continue
		}
		if _, ok := im.opt.Resource(k); ok {
			return k
		}
	}
	return ""
}

// readLocal returns the bytes of a file inside BaseDir.
func (im *images) readLocal(name string, root *os.Root) ([]byte, error) {
	if root == nil {
		return nil, errors.New("base directory not readable")
	}
	name = path.Clean(name)
	if !filepath.IsLocal(filepath.FromSlash(name)) {
		return nil, errors.New("outside the page's directory")
	}
	// O_NONBLOCK: opening a FIFO must not wait for a writer; the open
	// file is then refused unless it is a regular file, so that nothing
	// is read from a pipe or a device.
	f, err := root.OpenFile(filepath.FromSlash(name), os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, errNotFound
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	max := im.opt.maxImageBytes()
	if st.Size() > max {
		return nil, fmt.Errorf("%d bytes, more than the limit of %d", st.Size(), max)
	}
	return io.ReadAll(io.LimitReader(f, max+1))
}

// fill stores a checked image loaded from source (the cache key it was
// loaded under, if any, in key).
func (p *pendingImage) fill(img article.Image, source, key string) {
	p.img.Data = img.Data
	p.img.MediaType = img.MediaType
	p.img.Width, p.img.Height = img.Width, img.Height
	p.img.Source = source
	p.key = key
}

// decodeDataURI returns the bytes of a data: URI, base64 or
// percent-encoded. It is lenient as browsers are: white space inside the
// base64 and missing padding are accepted.
func decodeDataURI(uri string, maxBytes int64) ([]byte, error) {
	comma := strings.IndexByte(uri, ',')
	if comma < 0 {
		return nil, errors.New("bad data URI: no comma")
	}
	meta, payload := strings.ToLower(uri[len("data:"):comma]), uri[comma+1:]
	if int64(len(payload)) > maxBytes*4/3+4 {
		return nil, fmt.Errorf("more than the limit of %d bytes", maxBytes)
	}
	if !strings.HasSuffix(strings.TrimSpace(meta), ";base64") {
		data, err := url.PathUnescape(payload)
		if err != nil {
			return nil, fmt.Errorf("bad data URI: %v", err)
		}
		return []byte(data), nil
	}
	clean := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '=':
			return -1
		}
		return r
	}, payload)
	if strings.ContainsRune(clean, '%') { // percent-encoded base64 ("%2B")
		if u, err := url.PathUnescape(clean); err == nil {
			clean = u
		}
	}
	data, err := base64.RawStdEncoding.DecodeString(clean)
	if err != nil {
		data, err = base64.RawURLEncoding.DecodeString(clean)
	}
	if err != nil {
		return nil, fmt.Errorf("bad data URI: %v", err)
	}
	return data, nil
}

// shorten keeps messages about data URIs and long URLs readable.
func shorten(ref string) string {
	if strings.HasPrefix(strings.ToLower(ref), "data:") {
		if i := strings.IndexAny(ref, ";,"); i > 0 && i < 60 {
			return ref[:i] + ",…"
		}
		return "data:…"
	}
	if len(ref) > 120 {
		return ref[:117] + "…"
	}
	return ref
}

// settle replaces each image that could not be loaded by its caption, as
// a paragraph, or by nothing: its alt text stood for the picture and
// goes with it. When such an image stood inside a run of text, the two
// paragraphs the mapper made of that text are joined again. An image
// that is kept loses an alt text that only repeats its caption, the
// title or the paragraph or heading beside it (see repeats). Quotes and list items
// left empty are dropped.
func (im *images) settle(blocks []article.Block, title string) []article.Block {
	out := blocks[:0]
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		switch x := b.(type) {
		case *article.Image:
			p := im.byImage[x]
			if len(x.Data) > 0 {
				if x.Alt != "" {
					var beside []string
					if len(out) > 0 {
						beside = append(beside, blockText(out[len(out)-1]))
					}
					if i+1 < len(blocks) {
						beside = append(beside, blockText(blocks[i+1]))
					}
					if repeats(x.Alt, article.InlineText(x.Caption), append(beside, title)...) {
						x.Alt = ""
					}
				}
				break
			}
			if len(x.Caption) > 0 {
				b = &article.Paragraph{Inlines: x.Caption}
				break
			}
			b = nil
			if p == nil || !p.inText || len(out) == 0 || i+1 >= len(blocks) {
				break
			}
			before, ok1 := out[len(out)-1].(*article.Paragraph)
			after, ok2 := blocks[i+1].(*article.Paragraph)
			if ok1 && ok2 {
				ins := append(append(slices.Clip(before.Inlines), &article.Text{Text: " "}), after.Inlines...)
				before.Inlines = normalizeInlines(ins)
				i++
			}
		case *article.Quote:
			x.Blocks = im.settle(x.Blocks, title)
			if len(x.Blocks) == 0 {
				b = nil
			}
		case *article.List:
			items := x.Items[:0]
			for _, it := range x.Items {
				if it.Blocks = im.settle(it.Blocks, title); len(it.Blocks) > 0 {
					items = append(items, it)
				}
			}
			x.Items = items
			if len(items) == 0 {
				b = nil
			}
		}
		if b != nil {
			out = append(out, b)
		}
	}
	return out
}
