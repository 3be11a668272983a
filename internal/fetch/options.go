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
	// MaxRedirects before its own CheckRedirect is consulted.
	Client *http.Client

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
