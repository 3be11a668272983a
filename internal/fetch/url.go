package fetch

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// IsURL reports whether s is an absolute http or https URL with a host
// ("https://example.com/a", "HTTP://example.com"): the inputs Get fetches,
// as opposed to file names. It does not touch the network.
func IsURL(s string) bool {
	_, err := parseURL(s)
	return err == nil
}

// parseURL parses an absolute http(s) URL with a host. Its errors do not
// repeat the URL; they wrap ErrScheme or the parse error.
func parseURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("invalid URL: %w", err)
	}
	if !httpScheme(u.Scheme) {
		return nil, ErrScheme
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("%w (no host)", ErrScheme)
	}
	return u, nil
}

// httpScheme reports whether a parsed (lower-cased) scheme is http or https.
func httpScheme(scheme string) bool {
	return scheme == "http" || scheme == "https"
}

// display returns a URL as error messages show it: without a password,
// and quoted when it is not a well-formed URL (it may hold anything).
func display(s string) string {
	u, err := url.Parse(s)
	switch {
	case err != nil || u.Scheme == "" || httpScheme(u.Scheme) && u.Host == "":
		return strconv.Quote(redactRaw(s))
	case u.User != nil:
		return u.Redacted()
	}
	return s
}

// maxShown is the most of a server-given URL (a redirect's target) that an
// error message shows.
const maxShown = 200

// shorten cuts s to maxShown bytes (at a character boundary), marking the
// cut with an ellipsis.
func shorten(s string) string {
	if len(s) <= maxShown {
		return s
	}
	cut := maxShown
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// redactRaw hides the password in a URL that does not parse, as
// url.URL.Redacted does in one that does.
func redactRaw(s string) string {
	_, rest, ok := strings.Cut(s, "://")
	if !ok {
		return s
	}
	start := len(s) - len(rest)
	authority := rest
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		authority = rest[:i]
	}
	at := strings.LastIndex(authority, "@")
	if at < 0 {
		return s
	}
	colon := strings.Index(authority[:at], ":")
	if colon < 0 {
		return s
	}
	return s[:start+colon+1] + "xxxxx" + s[start+at:]
}
