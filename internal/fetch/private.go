package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sync"
	"syscall"
	"time"

	"golang.org/x/net/http/httpproxy"
)

// ErrPrivate is wrapped by the error of a request refused because it
// would connect to an address that is not public: loopback, private,
// link-local, unspecified, multicast, broadcast or otherwise reserved.
// Options.AllowPrivate lets such requests through.
var ErrPrivate = errors.New("not a public address")

// privateError is the refusal of one address.
type privateError struct {
	host string // the name dialled, when it is not the address itself
	ip   netip.Addr
	why  string // "loopback address"
}

func (e *privateError) Error() string {
	what := e.ip.String()
	if e.host != "" && e.host != what {
		what = fmt.Sprintf("%s (%s, %s)", e.host, what, e.why)
	} else {
		what += " (" + e.why + ")"
	}
	return "refusing to connect to " + what + "; use --allow-private"
}

func (e *privateError) Unwrap() error { return ErrPrivate }

// special returns why ip is no public unicast address ("loopback
// address", "private address", …), or "" when it is one. IPv4-mapped,
// NAT64 (64:ff9b::/96) and 6to4 (2002::/16) IPv6 addresses are judged
// by the IPv4 address they hold.
func special(ip netip.Addr) string {
	ip = ip.Unmap()
	if ip.Is6() {
		b := ip.As16()
		switch {
		case nat64.Contains(ip):
			return special(netip.AddrFrom4([4]byte(b[12:16])))
		case sixToFour.Contains(ip):
			return special(netip.AddrFrom4([4]byte(b[2:6])))
		}
	}
	switch {
	case ip.IsUnspecified():
		return "unspecified address"
	case ip.IsLoopback():
		return "loopback address"
	case ip.IsLinkLocalUnicast():
		return "link-local address"
	case ip.IsMulticast():
		return "multicast address"
	case ip.IsPrivate():
		return "private address"
	case ip == netip.AddrFrom4([4]byte{255, 255, 255, 255}):
		return "broadcast address"
	}
	for _, r := range reserved {
		if r.prefix.Contains(ip) {
			return r.why
		}
	}
	return ""
}

// nat64 and sixToFour are IPv6 prefixes that embed an IPv4 address.
var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

// reserved lists the special-purpose ranges (IANA's IPv4 and IPv6
// special-purpose address registries) that net/netip's predicates do not
// cover and that no web server has.
var reserved = []struct {
	prefix netip.Prefix
	why    string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "unspecified address"}, // "this network"
	{netip.MustParsePrefix("100.64.0.0/10"), "shared (carrier-grade NAT) address"},
	{netip.MustParsePrefix("192.0.0.0/24"), "reserved address"},   // IETF protocol assignments
	{netip.MustParsePrefix("192.0.2.0/24"), "reserved address"},   // documentation
	{netip.MustParsePrefix("192.88.99.0/24"), "reserved address"}, // 6to4 relay anycast
	{netip.MustParsePrefix("198.18.0.0/15"), "reserved address"},  // benchmarking
	{netip.MustParsePrefix("198.51.100.0/24"), "reserved address"},
	{netip.MustParsePrefix("203.0.113.0/24"), "reserved address"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved address"},
	{netip.MustParsePrefix("::/96"), "reserved address"}, // IPv4-compatible (deprecated)
	{netip.MustParsePrefix("64:ff9b:1::/48"), "private address"},
	{netip.MustParsePrefix("100::/64"), "reserved address"},  // discard
	{netip.MustParsePrefix("2001::/23"), "reserved address"}, // IETF protocol assignments
	{netip.MustParsePrefix("2001:db8::/32"), "reserved address"},
	{netip.MustParsePrefix("fec0::/10"), "private address"}, // site-local (deprecated)
}

// checkAddress is the net.Dialer Control hook: it runs for every address
// a dial tries, after DNS resolution, before the connection is made, and
// refuses addresses that are not public.
func checkAddress(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("refusing to connect to %s: not an IP address", address)
	}
	if why := special(ap.Addr()); why != "" {
		return &privateError{ip: ap.Addr().Unmap(), why: why}
	}
	return nil
}

// guardedDialer dials only public addresses, except the proxies the
// environment names (the user chose those).
type guardedDialer struct {
	next    func(ctx context.Context, network, addr string) (net.Conn, error) // a transport's own DialContext, or nil
	dialer  *net.Dialer                                                       // with checkAddress
	plain   *net.Dialer                                                       // for proxies
	proxies map[string]bool                                                   // host:port of the environment's proxies
}

// dial connects to addr, refusing it unless it is public. A transport's
// own DialContext, which may connect anywhere, is checked after it
// connects: the connection is closed before anything is sent on it.
func (g *guardedDialer) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	if g.proxies[addr] {
		if g.next != nil {
			return g.next(ctx, network, addr)
		}
		return g.plain.DialContext(ctx, network, addr)
	}
	host, _, _ := net.SplitHostPort(addr)
	if g.next != nil {
		c, err := g.next(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		if ta, ok := c.RemoteAddr().(*net.TCPAddr); ok {
			if ip, ok := netip.AddrFromSlice(ta.IP); ok {
				if why := special(ip); why != "" {
					c.Close()
					return nil, &privateError{host: host, ip: ip.Unmap(), why: why}
				}
				return c, nil
			}
		}
		c.Close()
		return nil, fmt.Errorf("refusing to connect to %s: the connection has no IP address", addr)
	}
	c, err := g.dialer.DialContext(ctx, network, addr)
	var pe *privateError
	if errors.As(err, &pe) {
		pe.host = host
		return nil, pe // without net.OpError's "dial tcp …:" before it
	}
	return c, err
}

// guardProxy wraps a transport's Proxy function: a request sent through
// a proxy is refused when its host is an address literal that is not
// public, which the dial check cannot see (it sees the proxy's address).
// A name is resolved by the proxy, out of offprint's sight.
func guardProxy(next func(*http.Request) (*url.URL, error)) func(*http.Request) (*url.URL, error) {
	return func(req *http.Request) (*url.URL, error) {
		p, err := next(req)
		if err != nil || p == nil {
			return p, err
		}
		if ip, err := netip.ParseAddr(req.URL.Hostname()); err == nil {
			if why := special(ip); why != "" {
				return nil, &privateError{ip: ip.Unmap(), why: why}
			}
		}
		return p, nil
	}
}

// envProxies returns the host:port of the proxies the environment names
// (HTTP_PROXY, HTTPS_PROXY), which the guarded dialer lets through.
func envProxies() map[string]bool {
	cfg := httpproxy.FromEnvironment()
	out := make(map[string]bool)
	for _, p := range []string{cfg.HTTPProxy, cfg.HTTPSProxy} {
		if p == "" {
			continue
		}
		u, err := url.Parse(p)
		if err != nil || u.Host == "" {
			if u, err = url.Parse("http://" + p); err != nil {
				continue
			}
		}
		port := u.Port()
		if port == "" {
			port = map[string]string{"https": "443", "socks5": "1080", "socks5h": "1080"}[u.Scheme]
			if port == "" {
				port = "80"
			}
		}
		out[net.JoinHostPort(u.Hostname(), port)] = true
	}
	return out
}

// guarded caches the guarded copy of each transport, so that the
// requests for a page and its images share connections.
var guarded sync.Map // *http.Transport → *http.Transport

// guard returns a copy of t that connects to public addresses only.
func guard(t *http.Transport) *http.Transport {
	if g, ok := guarded.Load(t); ok {
		return g.(*http.Transport)
	}
	c := t.Clone()
	next := t.DialContext
	if next == nil && t.Dial != nil {
		dial := t.Dial
		next = func(_ context.Context, network, addr string) (net.Conn, error) { return dial(network, addr) }
	}
	d := &guardedDialer{
		next:    next,
		dialer:  &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Control: checkAddress},
		plain:   &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second},
		proxies: envProxies(),
	}
	c.DialContext, c.Dial = d.dial, nil
	if tls := c.DialTLSContext; tls != nil {
		c.DialTLSContext = (&guardedDialer{next: tls, proxies: d.proxies}).dial
	} else if tls := c.DialTLS; tls != nil {
		c.DialTLS, c.DialTLSContext = nil, (&guardedDialer{next: func(_ context.Context, network, addr string) (net.Conn, error) {
			return tls(network, addr)
		}, proxies: d.proxies}).dial
	}
	if c.Proxy != nil {
		c.Proxy = guardProxy(c.Proxy)
	}
	g, _ := guarded.LoadOrStore(t, c)
	return g.(*http.Transport)
}
