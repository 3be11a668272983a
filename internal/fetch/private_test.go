package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	neturl "net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/offprint/offprint/internal/picture"
)

func TestSpecialAddress(t *testing.T) {
	for addr, want := range map[string]string{
		"127.0.0.1":         "loopback address",
		"127.255.0.9":       "loopback address",
		"::1":               "loopback address",
		"::ffff:127.0.0.1":  "loopback address", // IPv4-mapped
		"10.1.2.3":          "private address",
		"172.16.0.1":        "private address",
		"172.31.255.255":    "private address",
		"192.168.1.1":       "private address",
		"fc00::1":           "private address",
		"fd12:3456::1":      "private address",
		"::ffff:10.0.0.1":   "private address",
		"100.64.0.1":        "shared (carrier-grade NAT) address",
		"169.254.169.254":   "link-local address", // cloud metadata
		"fe80::1":           "link-local address",
		"0.0.0.0":           "unspecified address",
		"0.1.2.3":           "unspecified address",
		"::":                "unspecified address",
		"224.0.0.1":         "multicast address",
		"ff02::1":           "multicast address",
		"255.255.255.255":   "broadcast address",
		"240.0.0.1":         "reserved address",
		"192.0.2.1":         "reserved address",
		"198.18.0.1":        "reserved address",
		"2001:db8::1":       "reserved address",
		"64:ff9b::7f00:1":   "loopback address", // NAT64 of 127.0.0.1
		"2002:7f00:1::1":    "loopback address", // 6to4 of 127.0.0.1
		"fec0::1":           "private address",  // site-local
		"::7f00:1":          "reserved address", // IPv4-compatible
		"8.8.8.8":           "",
		"93.184.215.14":     "",
		"172.32.0.1":        "",
		"2606:4700::1111":   "",
		"::ffff:8.8.8.8":    "",
		"64:ff9b::808:808":  "",
		"2002:808:808::1":   "",
		"100.128.0.1":       "",
		"192.0.3.1":         "",
		"2a00:1450:4001::e": "",
	} {
		if got := special(netip.MustParseAddr(addr)); got != want {
			t.Errorf("special(%s) = %q, want %q", addr, got, want)
		}
	}
}

// loopbackServer counts the requests that reach it.
func loopbackServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "image/png")
		w.Write(pngData)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// TestRefusesPrivate checks that by default nothing connects to a
// loopback address, whether named by its address or by a name, with the
// default client or a caller's, for a page or an image; and that
// AllowPrivate lets it through.
func TestRefusesPrivate(t *testing.T) {
	srv, hits := loopbackServer(t)
	port := srv.URL[strings.LastIndexByte(srv.URL, ':')+1:]
	ctx := context.Background()
	for _, tt := range []struct {
		name string
		url  string
		opt  Options
		msg  string
	}{
		{"page, default client", srv.URL + "/internal-admin?action=delete", Options{},
			"fetch: " + srv.URL + "/internal-admin?action=delete: refusing to connect to 127.0.0.1 (loopback address); use --allow-private"},
		{"page, by name", "http://localhost:" + port + "/", Options{},
			"refusing to connect to localhost ("},
		{"page, the caller's client", srv.URL, Options{Client: srv.Client()},
			"refusing to connect to 127.0.0.1 (loopback address)"},
		{"page, a client with its own dialer", srv.URL, Options{Client: &http.Client{Transport: &http.Transport{DialContext: (&net.Dialer{}).DialContext}}},
			"refusing to connect to 127.0.0.1 (loopback address)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Get(ctx, tt.url, tt.opt)
			checkErr(t, err, ErrPrivate, tt.msg)
		})
	}
	_, err := Options{}.ImageLoader(ctx)(srv.URL + "/internal-admin?action=delete")
	checkErr(t, err, ErrPrivate)
	if want := "fetch: refusing to connect to 127.0.0.1 (loopback address); use --allow-private"; err.Error() != want {
		t.Errorf("image error %q, want %q", err, want)
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("%d requests reached the loopback server", n)
	}

	for _, opt := range []Options{{AllowPrivate: true}, {AllowPrivate: true, Client: srv.Client()}} {
		if _, err := opt.ImageLoader(ctx)(srv.URL + "/a.png"); err != nil {
			t.Errorf("AllowPrivate: %v", err)
		}
	}
	if n := hits.Load(); n != 2 {
		t.Errorf("%d requests with AllowPrivate, want 2", n)
	}
}

// TestRefusesPrivateProxyTarget checks that a request that would go
// through a proxy is refused when its host is a private address literal:
// the check of the dialled address cannot see it.
func TestRefusesPrivateProxyTarget(t *testing.T) {
	srv, hits := loopbackServer(t)
	opt := Options{Client: &http.Client{Transport: &http.Transport{
		Proxy: func(*http.Request) (*neturl.URL, error) { return parseURL(srv.URL) },
	}}}
	_, err := Get(context.Background(), "http://10.0.0.1/admin", opt)
	checkErr(t, err, ErrPrivate, "refusing to connect to 10.0.0.1 (private address)")
	if hits.Load() != 0 {
		t.Error("the request reached the proxy")
	}
}

// TestImagesTimeout checks the one deadline over all the images of a
// loader: 40 images that never answer end when it runs out, not after
// 40 request timeouts, and the images asked for afterwards fail at once
// without a request; the errors wrap ErrImagesTimeout and
// picture.ErrBudget, so that the readers count them in one warning.
func TestImagesTimeout(t *testing.T) {
	var requests atomic.Int64
	url, opt := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		<-r.Context().Done()
	}))
	opt.Timeout = time.Minute
	opt.ImagesTimeout = 300 * time.Millisecond
	load := opt.ImageLoader(context.Background())
	errs := make(chan error, 40)
	sem := make(chan struct{}, 4) // as the HTML reader does
	for i := range 40 {
		go func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			_, err := load(fmt.Sprintf("%s/%d.png", url, i))
			errs <- err
		}()
	}
	hang := time.After(20 * time.Second) // a hang detector: without the deadline this takes 10 minutes
	for range 40 {
		select {
		case err := <-errs:
			checkErr(t, err, ErrImagesTimeout, "the time for the page's images (300ms) ran out")
			if !errors.Is(err, picture.ErrBudget) || !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("%v does not wrap picture.ErrBudget and context.DeadlineExceeded", err)
			}
		case <-hang:
			t.Fatal("the images did not end when their time ran out")
		}
	}
	if n := requests.Load(); n > 8 {
		t.Errorf("%d requests sent; those after the deadline should not be", n)
	}
}
