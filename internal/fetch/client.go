package fetch

import (
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"sync"

	"golang.org/x/net/publicsuffix"
)

// maxHeaderBytes caps the response headers on the default transport.
const maxHeaderBytes = 1 << 20

// sharedTransport is the transport of the default client: net/http's
// default (proxies from the environment, HTTP/2, keep-alive) with a
// smaller cap on response headers. Sharing it lets the requests for a page
// and its images reuse connections.
var sharedTransport = sync.OnceValue(func() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxResponseHeaderBytes = maxHeaderBytes
	return t
})

// client returns the client for one fetch: a copy of Options.Client (or
// a new one on the shared transport) that enforces the redirect rules and,
// when withJar is set and the client has no jar, keeps cookies for the
// duration of the fetch (some sites set a cookie and redirect to check it).
// Unless Options.AllowPrivate is set, its transport connects to public
// addresses only (see guard): the shared transport, or the caller's when
// it is an *http.Transport.
func (o Options) client(withJar bool) *http.Client {
	var c http.Client
	if o.Client != nil {
		c = *o.Client
	}
	if c.Transport == nil {
		c.Transport = sharedTransport()
	}
	if t, ok := c.Transport.(*http.Transport); ok && !o.AllowPrivate {
		c.Transport = guard(t)
	}
	c.CheckRedirect = checkRedirect(o.maxRedirects(), c.CheckRedirect)
	if withJar && c.Jar == nil {
		// cookiejar.New never fails (its error result is for the future).
		if jar, err := cookiejar.New(&cookiejar.Options{PublicSuffixList: publicsuffix.List}); err == nil {
			c.Jar = jar
		}
	}
	return &c
}

// checkRedirect returns a CheckRedirect policy that refuses redirects to
// anything but http(s) URLs and more than max redirects, then consults
// next, the client's own policy, if any.
func checkRedirect(max int, next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if !httpScheme(req.URL.Scheme) || req.URL.Hostname() == "" {
			return fmt.Errorf("redirect to %s: %w", shorten(display(req.URL.String())), ErrScheme)
		}
		// via holds the requests already sent: len(via) == 1 at the
		// first redirect.
		if len(via) > max {
			return fmt.Errorf("%w (limit %d)", ErrTooManyRedirects, max)
		}
		if next != nil {
			return next(req, via)
		}
		return nil
	}
}
