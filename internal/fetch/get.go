package fetch

import (
	"context"
	"mime"
)

// pageAccept is the Accept header Get sends.
const pageAccept = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"

// pageTypes are the media types Get accepts.
var pageTypes = map[string]bool{
	"text/html":             true,
	"application/xhtml+xml": true,
	"text/plain":            true,
	"text/markdown":         true,
	"text/x-markdown":       true,
}

// Page is a fetched article page.
type Page struct {
	// URL is the page's address after any redirects: the base that
	// relative links and images resolve against.
	URL string
	// ContentType is the response's Content-Type header, parameters
	// (charset) included, for the readers. When the server sent none it
	// is the media type sniffed from the body, without a charset.
	ContentType string
	// Data is the body, gzip-decoded if it was sent compressed.
	Data []byte
}

// Get fetches the article page at rawURL, an absolute http or https URL.
// It follows up to Options.MaxRedirects redirects (to http and https URLs
// only), keeping cookies set along the way for the duration of the call,
// and accepts a 2xx response of type text/html, application/xhtml+xml,
// text/plain or text/markdown (also text/x-markdown) of at most
// Options.MaxBytes. The whole request is bounded by Options.Timeout and
// by ctx.
//
// Errors begin with "fetch: " and the URL; they wrap ErrScheme,
// ErrTooManyRedirects, ErrContentType, ErrTooLarge, a *StatusError, or
// context.DeadlineExceeded for a timeout.
func Get(ctx context.Context, rawURL string, opt Options) (*Page, error) {
	r := request{
		opt:     opt,
		client:  opt.client(true),
		accept:  pageAccept,
		limit:   opt.maxBytes(),
		allowed: func(mt string) bool { return pageTypes[mt] },
		sniff:   func(mt string) bool { return mt == "" },
		want:    "an HTML, plain-text or Markdown page",
		named:   true,
	}
	resp, err := r.do(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	ct := resp.header
	if resp.sniffed != "" {
		// http.DetectContentType claims UTF-8 for any text; the readers
		// should look for the charset themselves.
		ct, _, _ = mime.ParseMediaType(resp.sniffed)
	}
	return &Page{URL: resp.url, ContentType: ct, Data: resp.data}, nil
}
