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
	"strconv"
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

// preferredWidth is the srcset width offprint aims for: sharp on an
// e-reader or a printed page, without embedding a poster.
const preferredWidth = 1600

// images collects the pictures of the article while it is mapped and loads
// them afterwards, several at a time, into the placeholders it handed out.
type images struct {
	opt     *Options
	base    *url.URL // relative references not found locally resolve here
	pending []*pendingImage
}

// pendingImage is a placeholder Image in the article and the references to
// try for it, best first.
type pendingImage struct {
	img      *article.Image
	refs     []string
	warn     string // why it could not be loaded, filled by load
	noLoader bool   // only remote references, and no LoadImage
	over     error  // left out over the budget (wraps picture.ErrBudget)
	key      string // the cache key the image was loaded under, if any
}

// image maps an img or picture element to a placeholder Image (Data nil
// until load runs), or nil when it has nothing to show.
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
	alt := ""
	if img != nil {
		alt = clean(attr(img, "alt"))
	}
	refs := imageRefs(n, img)
	if len(refs) == 0 && alt == "" {
		return nil
	}
	p := &pendingImage{img: &article.Image{Alt: alt}, refs: refs}
	if len(refs) > 0 {
		p.img.Source = refs[0]
	}
	m.images.pending = append(m.images.pending, p)
	return p.img
}

// imageRefs lists the references of an image, best first: the chosen srcset
// candidate of each <source> of a picture whose type offprint can embed,
// then the img's own srcset choice, src and lazy-loading attributes. A tiny
// data: URI in src is a lazy-loading placeholder when anything else is
// there. (loadOne still tries data and local references before remote
// ones, so a saved page's local copy wins.)
func imageRefs(n, img *xhtml.Node) []string {
	var refs []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" || strings.HasPrefix(s, "#") {
			return
		}
		for _, r := range refs {
			if r == s {
				return
			}
		}
		refs = append(refs, s)
	}
	if n.DataAtom == atom.Picture {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xhtml.ElementNode && c.DataAtom == atom.Source && embeddable(attr(c, "type")) {
				add(bestSrcset(first(attr(c, "srcset"), attr(c, "data-srcset"))))
			}
		}
	}
	if img != nil {
		add(bestSrcset(first(attr(img, "srcset"), attr(img, "data-srcset"))))
		src := attr(img, "src")
		if !strings.HasPrefix(src, "data:") || len(src) > 200 { // not a tiny lazy-load placeholder
			add(src)
		}
		for _, k := range []string{"data-src", "data-original", "data-lazy-src", "data-url", "data-hi-res-src"} {
			add(attr(img, k))
		}
		if len(refs) == 0 {
			add(src)
		}
	}
	return refs
}

// embeddable reports whether a <source type> is a format offprint embeds;
// a source without a type may be.
func embeddable(mediaType string) bool {
	return strings.TrimSpace(mediaType) == "" || picture.Supported(mediaType)
}

// srcsetCandidate is one image candidate of a srcset: its URL and its
// width (unit "w") or pixel density ("x").
type srcsetCandidate struct {
	url   string
	value float64
	unit  string
}

// parseSrcset splits a srcset the way the HTML standard does: a URL is a
// run of non-space characters (commas inside it are kept, a trailing comma
// ends the candidate), followed by optional descriptors up to a comma.
func parseSrcset(srcset string) []srcsetCandidate {
	var cs []srcsetCandidate
	s := srcset
	for {
		s = strings.TrimLeft(s, " \t\n\r\f,")
		if s == "" {
			return cs
		}
		end := strings.IndexAny(s, " \t\n\r\f")
		if end < 0 {
			end = len(s)
		}
		u, rest := s[:end], s[end:]
		var desc string
		if trimmed := strings.TrimRight(u, ","); trimmed != u {
			u = trimmed
		} else if i := strings.IndexByte(rest, ','); i >= 0 {
			desc, rest = rest[:i], rest[i+1:]
		} else {
			desc, rest = rest, ""
		}
		s = rest
		c := srcsetCandidate{url: u, value: 1, unit: "x"}
		for _, d := range strings.Fields(desc) {
			if n := len(d) - 1; n > 0 && (d[n] == 'w' || d[n] == 'x') {
				if v, err := strconv.ParseFloat(d[:n], 64); err == nil && v > 0 {
					c.value, c.unit = v, d[n:]
				}
			}
		}
		cs = append(cs, c)
	}
}

// bestSrcset chooses from a srcset the widest candidate up to
// preferredWidth (or, with density descriptors, the densest up to 2x);
// when all are larger, the smallest.
func bestSrcset(srcset string) string {
	cs := parseSrcset(srcset)
	if len(cs) == 0 {
		return ""
	}
	limit := float64(preferredWidth)
	if cs[0].unit == "x" {
		limit = 2
	}
	best, smallest := -1, 0
	for i, c := range cs {
		if c.unit != cs[0].unit {
			continue
		}
		if c.value <= limit && (best < 0 || c.value > cs[best].value) {
			best = i
		}
		if c.value < cs[smallest].value {
			smallest = i
		}
	}
	if best < 0 {
		best = smallest
	}
	return cs[best].url
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
	if len(im.pending) == 0 || im.opt.NoImages {
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

	skipped := 0
	for _, p := range im.pending {
		if p.noLoader {
			skipped++
		} else if p.warn != "" {
			im.opt.warn(p.warn)
		}
	}
	if skipped > 0 {
		im.opt.warn(fmt.Sprintf("%d remote image(s) skipped: no image loader; captions and alt texts kept", skipped))
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

// loadOne tries an image's references in order: data URIs and local files
// first, then remote ones. An error of the loader that wraps
// picture.ErrBudget ends the remote tries and leaves the image to the
// budget's one warning.
func (im *images) loadOne(p *pendingImage, root *os.Root, cache *refCache) {
	var remote []string
	var errs []string
	for _, ref := range p.refs {
		kind, target := im.classify(ref)
		if kind == refRemote {
			remote = append(remote, target)
			continue
		}
		load := func() (article.Image, error) {
			data, err := im.fetch(kind, target, root)
			if err != nil {
				return article.Image{}, err
			}
			return picture.Check(data, im.opt.maxImageBytes())
		}
		key := ""
		var img article.Image
		var err error
		if kind == refLocal {
			key = "file:" + target
			img, err = cache.get(key, load)
		} else {
			img, err = load()
		}
		if err == nil {
			p.fill(img, target, key)
			return
		}
		if errors.Is(err, picture.ErrBudget) {
			p.over = err
			return
		}
		errs = append(errs, fmt.Sprintf("image %s: %v", shorten(ref), err))
	}
	for _, u := range remote {
		if im.opt.LoadImage == nil {
			p.noLoader = len(errs) == 0
			break
		}
		key := "url:" + u
		img, err := cache.get(key, func() (article.Image, error) {
			data, err := im.opt.LoadImage(u)
			if err != nil {
				return article.Image{}, err
			}
			return picture.Check(data, im.opt.maxImageBytes())
		})
		if err == nil {
			p.fill(img, u, key)
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

type refKind int

const (
	refData refKind = iota
	refLocal
	refRemote
	refUnusable
)

// classify tells how a reference is loaded and returns what to load: the
// data URI, a slash-separated path inside BaseDir, or an absolute URL.
func (im *images) classify(ref string) (refKind, string) {
	if strings.HasPrefix(strings.ToLower(ref), "data:") {
		return refData, ref
	}
	u, err := url.Parse(ref)
	if err != nil {
		return refUnusable, ref
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return refRemote, u.String()
	case "":
		if strings.HasPrefix(ref, "//") {
			if im.base != nil {
				return refRemote, im.base.ResolveReference(u).String()
			}
			u.Scheme = "https"
			return refRemote, u.String()
		}
		if im.opt.BaseDir != "" && !strings.HasPrefix(u.Path, "/") {
			return refLocal, path.Clean(u.Path)
		}
		if im.base != nil {
			if abs := im.base.ResolveReference(u); abs.Scheme == "http" || abs.Scheme == "https" {
				return refRemote, abs.String()
			}
		}
	}
	return refUnusable, ref
}

// unusable explains why a reference cannot be loaded.
func (im *images) unusable(ref string) error {
	if u, err := url.Parse(ref); err == nil && u.Scheme == "" {
		if strings.HasPrefix(u.Path, "/") {
			return errors.New("site-relative address and no page URL")
		}
		return errors.New("relative address and neither a page URL nor a base directory")
	}
	return errors.New("unsupported address")
}

// fetch returns the bytes of a data URI or of a local file.
func (im *images) fetch(kind refKind, target string, root *os.Root) ([]byte, error) {
	switch kind {
	case refData:
		return decodeDataURI(target, im.opt.maxImageBytes())
	case refLocal:
		if root == nil {
			return nil, errors.New("base directory not readable")
		}
		name := path.Clean(target)
		if !filepath.IsLocal(filepath.FromSlash(name)) {
			return nil, errors.New("outside the page's directory")
		}
		// O_NONBLOCK: opening a FIFO must not wait for a writer; the
		// open file is then refused unless it is a regular file, so
		// that nothing is read from a pipe or a device.
		f, err := root.OpenFile(filepath.FromSlash(name), os.O_RDONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			return nil, errors.New("file not found")
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
	return nil, im.unusable(target)
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

// settleImages replaces each image that could not be loaded by its caption
// or its alt text (in italics), or drops it.
func settleImages(blocks []article.Block) []article.Block {
	out := blocks[:0]
	for _, b := range blocks {
		switch x := b.(type) {
		case *article.Image:
			if len(x.Data) > 0 {
				break
			}
			switch {
			case len(x.Caption) > 0:
				b = &article.Paragraph{Inlines: x.Caption}
			case x.Alt != "":
				b = &article.Paragraph{Inlines: []article.Inline{&article.Emphasis{Inlines: article.Plain(x.Alt)}}}
			default:
				b = nil
			}
		case *article.Quote:
			x.Blocks = settleImages(x.Blocks)
			if len(x.Blocks) == 0 {
				b = nil
			}
		case *article.List:
			items := x.Items[:0]
			for _, it := range x.Items {
				if it.Blocks = settleImages(it.Blocks); len(it.Blocks) > 0 {
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
