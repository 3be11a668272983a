package mhtml

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"net/url"
	"strings"

	"github.com/offprint/offprint/article"
	htmlreader "github.com/offprint/offprint/internal/reader/html"
	"github.com/offprint/offprint/internal/reader/limits"
)

// DefaultMaxParts is the most parts an archive may have when
// Options.MaxParts is zero: a saved news page has a few hundred.
const DefaultMaxParts = 10_000

// maxHeaderBytes bounds the archive's own header and each part's.
const maxHeaderBytes = 64 << 10

// maxDepth bounds how deeply multiparts may nest (Word nests an
// alternative inside the related one).
const maxDepth = 3

// Errors Read and Parse return, wrapped.
var (
	// ErrNotMHTML is returned for input that is not a MIME message with
	// a page in it.
	ErrNotMHTML = errors.New("not an MHTML archive")
	// ErrNoHTML is returned for an archive without an HTML part.
	ErrNoHTML = errors.New("no HTML part in the archive")
)

// Options configure Read. The zero value reads the page with its pictures
// from the archive only, and discards warnings.
type Options struct {
	// LoadImage, when set, fetches the remote images the archive does not
	// hold (see html.Options.LoadImage). Nil leaves them out.
	LoadImage func(url string) ([]byte, error)
	// NoImages leaves every image out.
	NoImages bool
	// MaxImageBytes is the largest image kept; zero means
	// html.DefaultMaxImageBytes.
	MaxImageBytes int64
	// MaxParts is the most parts the archive may have, nested ones
	// included; zero means DefaultMaxParts, negative no limit. An
	// archive over it fails with an error wrapping limits.ErrTooComplex.
	MaxParts int
	// MaxBlocks and MaxNodes bound the page as html.Options do.
	MaxBlocks, MaxNodes int
	// DefaultTitle is the title used when the page states none.
	DefaultTitle string
	// Warn receives one message per problem that did not stop reading.
	Warn func(msg string)
}

// Archive is a parsed MHTML file: the page and the resources it holds.
type Archive struct {
	// URL is the address the page was saved from (the
	// Snapshot-Content-Location header, else the HTML part's
	// Content-Location), "" when the archive names none.
	URL string
	// HTML is the page, decoded from its transfer encoding but still in
	// its own character set.
	HTML []byte
	// ContentType is the HTML part's Content-Type, charset included.
	ContentType string

	resources map[string][]byte
	base      *url.URL // the page's location, of any scheme, for relative names
}

// Read reads the page of an MHTML archive into an article; its images come
// from the archive by their address or Content-ID, and those it lacks from
// LoadImage when set. The article's source is the page's saved address.
func Read(data []byte, opt Options) (*article.Article, error) {
	arch, err := Parse(data, opt)
	if err != nil {
		return nil, err
	}
	hopt := htmlreader.Options{
		ContentType:   arch.ContentType,
		Resource:      arch.Resource,
		LoadImage:     opt.LoadImage,
		NoImages:      opt.NoImages,
		MaxImageBytes: opt.MaxImageBytes,
		MaxBlocks:     opt.MaxBlocks,
		MaxNodes:      opt.MaxNodes,
		DefaultTitle:  opt.DefaultTitle,
		Warn:          opt.Warn,
	}
	if u, err := url.Parse(arch.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		hopt.URL = arch.URL
	}
	return htmlreader.Read(arch.HTML, hopt)
}

// Parse reads an MHTML archive in one pass: the page (the HTML part the
// snapshot location or the multipart's start parameter names, else the
// first one) and every part that may be an image, decoded from base64
// or quoted-printable.
func Parse(data []byte, opt Options) (*Archive, error) {
	hdr, body, err := splitHeader(data)
	if err != nil {
		return nil, fmt.Errorf("mhtml: %w: %v", ErrNotMHTML, err)
	}
	p := &parser{
		opt:      opt,
		maxParts: limits.Resolve(opt.MaxParts, DefaultMaxParts),
		maxImage: opt.MaxImageBytes,
		arch:     &Archive{resources: make(map[string][]byte)},
	}
	if p.maxImage <= 0 {
		p.maxImage = htmlreader.DefaultMaxImageBytes
	}
	p.snapshot = strings.TrimSpace(hdr.Get("Snapshot-Content-Location"))
	mt, params, err := mime.ParseMediaType(hdr.Get("Content-Type"))
	if err != nil {
		return nil, fmt.Errorf("mhtml: %w: Content-Type: %v", ErrNotMHTML, err)
	}
	if strings.HasPrefix(mt, "multipart/") {
		if err := p.multipart(body, params, 0); err != nil {
			return nil, err
		}
	} else if err := p.part(hdr, bytes.NewReader(body), 0); err != nil {
		return nil, err
	}
	a := p.arch
	if a.HTML == nil {
		return nil, fmt.Errorf("mhtml: %w", ErrNoHTML)
	}
	if a.URL == "" {
		a.URL = p.snapshot
	}
	if a.URL != "" {
		a.base, _ = url.Parse(a.URL)
	}
	return a, nil
}

// Resource returns the bytes of the resource named ref: a "cid:"
// reference, an address (as the archive names it, or relative to the
// page's), and reports whether the archive holds it.
func (a *Archive) Resource(ref string) ([]byte, bool) {
	ref = strings.TrimSpace(ref)
	if d, ok := a.resources[ref]; ok {
		return d, true
	}
	if strings.HasPrefix(strings.ToLower(ref), "cid:") {
		d, ok := a.resources["cid:"+strings.Trim(ref[len("cid:"):], "<>")]
		return d, ok
	}
	u, err := url.Parse(ref)
	if err != nil {
		return nil, false
	}
	if a.base != nil && !u.IsAbs() {
		u = a.base.ResolveReference(u)
	}
	d, ok := a.resources[u.String()]
	return d, ok
}

// parser holds the state of one Parse.
type parser struct {
	opt      Options
	maxParts int
	maxImage int64
	parts    int
	snapshot string
	start    string // the Content-ID the outer multipart names as its root
	arch     *Archive
	htmlRank int // how well the HTML kept so far matches the root: 0 none
}

// multipart reads the parts of a multipart body.
func (p *parser) multipart(body []byte, params map[string]string, depth int) error {
	if depth >= maxDepth {
		return nil // nested too deeply: not a page's resources
	}
	boundary := params["boundary"]
	if boundary == "" {
		return fmt.Errorf("mhtml: %w: multipart without a boundary", ErrNotMHTML)
	}
	if depth == 0 {
		p.start = strings.Trim(params["start"], "<> ")
	}
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	for {
		part, err := mr.NextRawPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if p.arch.HTML != nil {
				p.warn(fmt.Sprintf("the archive is cut or damaged after %d parts: %v", p.parts, err))
				return nil
			}
			return fmt.Errorf("mhtml: %w: %v", ErrNotMHTML, err)
		}
		p.parts++
		if p.maxParts > 0 && p.parts > p.maxParts {
			return fmt.Errorf("mhtml: %w", &limits.Error{What: "parts", Limit: p.maxParts, Detail: "the page and its resources in the archive"})
		}
		if err := p.part(textproto.MIMEHeader(part.Header), part, depth); err != nil {
			return err
		}
	}
}

// part reads one part: the page, a resource, or a nested multipart.
func (p *parser) part(h textproto.MIMEHeader, r io.Reader, depth int) error {
	mt, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		mt = "" // a resource of unknown type may still be an image
	}
	location := strings.TrimSpace(h.Get("Content-Location"))
	id := strings.Trim(strings.TrimSpace(h.Get("Content-ID")), "<>")
	switch {
	case strings.HasPrefix(mt, "multipart/"):
		data, err := p.body(h, r, -1)
		if err != nil {
			return err
		}
		return p.multipart(data, params, depth+1)
	case mt == "text/html" || mt == "application/xhtml+xml":
		rank := 1
		switch {
		case p.snapshot != "" && location == p.snapshot, p.start != "" && id == p.start:
			rank = 3
		case p.snapshot == "" && p.start == "":
			rank = 2
		}
		if rank <= p.htmlRank {
			return nil // an iframe's document, or a second page
		}
		data, err := p.body(h, r, -1)
		if err != nil {
			return err
		}
		p.arch.HTML, p.arch.ContentType, p.arch.URL, p.htmlRank = data, h.Get("Content-Type"), location, rank
	case mt == "" || strings.HasPrefix(mt, "image/") || mt == "application/octet-stream":
		if location == "" && id == "" {
			return nil
		}
		data, err := p.body(h, r, p.maxImage)
		if errors.Is(err, errTooLarge) {
			p.warn(fmt.Sprintf("resource %s left out: more than %d bytes", shorten(first(location, id)), p.maxImage))
			return nil
		}
		if err != nil {
			return err
		}
		if location != "" {
			p.arch.resources[location] = data
			if u, err := url.Parse(location); err == nil {
				p.arch.resources[u.String()] = data
			}
		}
		if id != "" {
			p.arch.resources["cid:"+id] = data
		}
	}
	return nil
}

// errTooLarge is returned by body for a part over its limit.
var errTooLarge = errors.New("part too large")

// body reads a part's content, decoded from its transfer encoding; max,
// when positive, is the most bytes kept.
func (p *parser) body(h textproto.MIMEHeader, r io.Reader, max int64) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Transfer-Encoding"))) {
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, &spaceless{r: r})
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	}
	if max > 0 {
		r = io.LimitReader(r, max+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		// A damaged encoding: keep what was decoded.
		p.warn(fmt.Sprintf("part %s: %v", shorten(first(h.Get("Content-Location"), h.Get("Content-ID"))), err))
	}
	if max > 0 && int64(len(data)) > max {
		return nil, errTooLarge
	}
	return data, nil
}

func (p *parser) warn(msg string) {
	if p.opt.Warn != nil {
		p.opt.Warn("mhtml: " + msg)
	}
}

// spaceless drops the white space base64 bodies are broken with (the
// decoder itself skips only line ends).
type spaceless struct{ r io.Reader }

func (s *spaceless) Read(b []byte) (int, error) {
	for {
		n, err := s.r.Read(b)
		k := 0
		for _, c := range b[:n] {
			if c != ' ' && c != '\t' {
				b[k] = c
				k++
			}
		}
		if k > 0 || err != nil {
			return k, err
		}
	}
}

// splitHeader parses the archive's own header, which must end within
// maxHeaderBytes, and returns it and the body after it.
func splitHeader(data []byte) (textproto.MIMEHeader, []byte, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	head := data[:min(len(data), maxHeaderBytes)]
	end, skip := -1, 0
	for _, sep := range []string{"\r\n\r\n", "\n\n"} {
		if i := bytes.Index(head, []byte(sep)); i >= 0 && (end < 0 || i < end) {
			end, skip = i, len(sep)
		}
	}
	if end < 0 {
		return nil, nil, errors.New("no end of the header in its first 64 KiB")
	}
	tr := textproto.NewReader(bufio.NewReader(io.MultiReader(bytes.NewReader(head[:end]), strings.NewReader("\r\n\r\n"))))
	h, err := tr.ReadMIMEHeader()
	if err != nil {
		return nil, nil, err
	}
	if h.Get("Content-Type") == "" {
		return nil, nil, errors.New("no Content-Type header")
	}
	return h, data[end+skip:], nil
}

func first(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return "(unnamed)"
}

// shorten keeps long addresses readable in messages.
func shorten(s string) string {
	if len(s) > 120 {
		return s[:117] + "…"
	}
	return s
}
