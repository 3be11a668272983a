package fetch

import (
	"net/http"
	"strings"
	"time"
)

// Defaults used when the matching Options field is zero.
const (
	DefaultTimeout             = 30 * time.Second // Options.Timeout
	DefaultMaxBytes      int64 = 64 << 20         // Options.MaxBytes: 64 MiB
	DefaultMaxImageBytes int64 = 20 << 20         // Options.MaxImageBytes: 20 MiB
	DefaultMaxRedirects        = 5                // Options.MaxRedirects
	DefaultImagesTimeout       = 60 * time.Second // Options.ImagesTimeout: all of a page's images
)

// homepage is named in the default User-Agent so that site operators can
// find out what is fetching their pages.
const homepage = "https://github.com/offprint/offprint"

// Options configures Get and ImageLoader. The zero value is ready to use.
type Options struct {
	// Client sends the requests; nil means a client on a shared transport
	// that honours the HTTP_PROXY/HTTPS_PROXY/NO_PROXY environment. A
	// client given here (tests pass an httptest server's) is copied, not
	// modified: redirects are checked against the http(s)-only rule and
	// MaxRedirects before its own CheckRedirect is consulted, and its
	// transport, when an *http.Transport, is used through a copy that
	// refuses private addresses (see AllowPrivate). Any other
	// RoundTripper is used as it is and decides itself where it connects.
	Client *http.Client

	// AllowPrivate lets requests connect to addresses that are not
	// public: loopback (127.0.0.0/8, ::1), private (RFC 1918, fc00::/7),
	// link-local (169.254.0.0/16 with the cloud metadata services,
	// fe80::/10), unspecified, multicast, broadcast, carrier-grade NAT
	// and the other special-purpose ranges, IPv4-mapped, NAT64 and 6to4
	// forms included. By default (false) every address a request
	// actually dials, after DNS resolution and on every redirect, is
	// checked before the connection is made, and a request to such an
	// address fails with an error wrapping ErrPrivate ("refusing to
	// connect to 127.0.0.1 (loopback address)"): a page must not make
	// offprint reach the services of the machine or network it runs in.
	// The proxies named by HTTP_PROXY and HTTPS_PROXY are connected to
	// wherever they are; through one, a request is refused when its host
	// is a non-public address literal (names are resolved by the proxy).
	AllowPrivate bool

	// ImagesTimeout bounds the time the function made by one ImageLoader
	// call spends on all its images together, from its first request:
	// requests still running then are cancelled and later calls fail at
	// once, with errors wrapping ErrImagesTimeout (and
	// picture.ErrBudget, so that the readers report all such images in
	// one warning). Each request is still bounded by Timeout as well.
	// Zero means DefaultImagesTimeout, negative no limit.
	ImagesTimeout time.Duration

	// Timeout bounds each request as a whole: connecting, the TLS
	// handshake, the response headers and reading the body. Zero or
	// negative means DefaultTimeout.
	Timeout time.Duration

	// MaxBytes is the largest page Get accepts, in bytes (after any gzip
	// decoding). Zero or negative means DefaultMaxBytes.
	MaxBytes int64

	// MaxImageBytes is the largest image the ImageLoader accepts, in
	// bytes. Zero or negative means DefaultMaxImageBytes.
	MaxImageBytes int64

	// MaxRedirects is how many redirects one request may follow. Zero
	// means DefaultMaxRedirects; negative refuses every redirect.
	MaxRedirects int

	// UserAgent is sent as the User-Agent header; empty means
	// "offprint/VERSION (+https://github.com/offprint/offprint)" built
	// from Version.
	UserAgent string

	// Version is offprint's version for the default User-Agent, for
	// example "v1.2.0" or "dev (0123456789ab)"; only its first word is
	// used. Empty means "dev".
	Version string
}

func (o Options) timeout() time.Duration {
	if o.Timeout > 0 {
		return o.Timeout
	}
	return DefaultTimeout
}

func (o Options) imagesTimeout() time.Duration {
	switch {
	case o.ImagesTimeout > 0:
		return o.ImagesTimeout
	case o.ImagesTimeout < 0:
		return 0
	}
	return DefaultImagesTimeout
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o Options) maxImageBytes() int64 {
	if o.MaxImageBytes > 0 {
		return o.MaxImageBytes
	}
	return DefaultMaxImageBytes
}

func (o Options) maxRedirects() int {
	switch {
	case o.MaxRedirects > 0:
		return o.MaxRedirects
	case o.MaxRedirects < 0:
		return 0
	}
	return DefaultMaxRedirects
}

// userAgent returns the User-Agent header value.
func (o Options) userAgent() string {
	if o.UserAgent != "" {
		return o.UserAgent
	}
	return "offprint/" + productVersion(o.Version) + " (+" + homepage + ")"
}

// productVersion makes a User-Agent product version (an RFC 9110 token)
// from a version string: its first word, without characters a token may
// not hold.
func productVersion(v string) string {
	if f := strings.Fields(v); len(f) > 0 {
		v = strings.Map(func(r rune) rune {
			if isTokenChar(r) {
				return r
			}
			return -1
		}, f[0])
	} else {
		v = ""
	}
	if v == "" {
		return "dev"
	}
	return v
}

func isTokenChar(r rune) bool {
	switch {
	case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
		return true
	}
	return r < 0x80 && strings.ContainsRune("!#$%&'*+-.^_`|~", r)
}
