package fetch

import (
	"context"
	"strings"
	"sync"
	"time"
)

// imageAccept is the Accept header for images: the formats offprint can
// embed first, so that content-negotiating CDNs do not answer with AVIF.
const imageAccept = "image/png,image/jpeg,image/gif,image/webp;q=0.9,*/*;q=0.1"

// genericTypes are declared media types that say nothing about an image;
// the body is sniffed instead (object stores often send these).
var genericTypes = map[string]bool{
	"":                         true,
	"application/octet-stream": true,
	"binary/octet-stream":      true,
	"application/binary":       true,
	"application/unknown":      true,
	"text/plain":               true,
}

// ImageLoader returns a function that fetches an image for the readers'
// LoadImage option. ref must be an absolute http or https URL: resolving
// a relative reference against the page is the caller's job (the readers
// do it). The loader follows redirects as Get does, accepts a 2xx
// response of an image/* type (or one sniffed as an image when the
// declared type is missing or generic) of at most Options.MaxImageBytes,
// and bounds each request by Options.Timeout and by ctx, and all its
// requests together by Options.ImagesTimeout, counted from the first: a
// page of a thousand stalled images costs a minute, not hours. It does not
// check the image format; the readers do. Unless Options.AllowPrivate is
// set, it connects to public addresses only: an image a page names on
// 127.0.0.1 or 10.0.0.1 is refused with an error wrapping ErrPrivate.
//
// The loader is safe for concurrent use. Its errors begin with "fetch: "
// but do not repeat the URL, which the readers' warnings already show;
// they wrap the same errors as Get's.
func (o Options) ImageLoader(ctx context.Context) func(ref string) ([]byte, error) {
	r := request{
		opt:     o,
		client:  o.client(false),
		accept:  imageAccept,
		limit:   o.maxImageBytes(),
		allowed: func(mt string) bool { return strings.HasPrefix(mt, "image/") },
		sniff:   func(mt string) bool { return genericTypes[mt] },
		want:    "an image",
	}
	total := o.imagesTimeout()
	var (
		once     sync.Once
		deadline time.Time
	)
	return func(ref string) ([]byte, error) {
		ctx := ctx
		if total > 0 {
			once.Do(func() { deadline = time.Now().Add(total) })
			cause := &imagesTimeoutError{total}
			if !time.Now().Before(deadline) {
				return nil, fail("", cause, "")
			}
			var cancel context.CancelFunc
			ctx, cancel = context.WithDeadlineCause(ctx, deadline, cause)
			defer cancel()
		}
		resp, err := r.do(ctx, ref)
		if err != nil {
			return nil, err
		}
		return resp.data, nil
	}
}
