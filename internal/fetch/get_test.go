package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestGet(t *testing.T) {
	const body = "<html><head><title>T</title></head><body><p>Hello</p></body></html>"
	var got http.Header
	url, opt := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		page("text/html; charset=windows-1251", body)(w, r)
	}))
	opt.Version = "v1.2.3"
	p, err := Get(context.Background(), url+"/article", opt)
	if err != nil {
		t.Fatal(err)
	}
	if p.URL != url+"/article" || p.ContentType != "text/html; charset=windows-1251" || string(p.Data) != body {
		t.Errorf("page = %q %q %q", p.URL, p.ContentType, p.Data)
	}
	if ua := got.Get("User-Agent"); ua != "offprint/v1.2.3 (+https://github.com/offprint/offprint)" {
		t.Errorf("User-Agent %q", ua)
	}
	if a := got.Get("Accept"); a != pageAccept {
		t.Errorf("Accept %q", a)
	}
}

func TestGetDefaultClient(t *testing.T) {
	url, _ := serve(t, page("text/plain", "plain text"))
	p, err := Get(context.Background(), url, Options{AllowPrivate: true}) // the server is on loopback
	if err != nil {
		t.Fatal(err)
	}
	if string(p.Data) != "plain text" {
		t.Errorf("data %q", p.Data)
	}
}

func TestGetContentType(t *testing.T) {
	const html = "<!DOCTYPE html><html><body><p>Hi</p></body></html>"
	tests := []struct {
		header, body string
		want         string // Page.ContentType; "" for ErrContentType
		msg          string // in the error
	}{
		{"text/html", html, "text/html", ""},
		{"TEXT/HTML; Charset=UTF-8", html, "TEXT/HTML; Charset=UTF-8", ""},
		{"application/xhtml+xml", html, "application/xhtml+xml", ""},
		{"text/plain; charset=utf-8", "text", "text/plain; charset=utf-8", ""},
		{"text/markdown", "# Title", "text/markdown", ""},
		{"text/x-markdown", "# Title", "text/x-markdown", ""},
		{"text/html; charset", html, "text/html; charset", ""}, // bad parameter, good type
		{"-", html, "text/html", ""},                           // sniffed, no charset claimed
		{"-", "Привет", "text/plain", ""},
		{"image/png", string(pngData), "", "unsupported content type image/png: want an HTML"},
		{"application/pdf", "%PDF-1.7", "", "application/pdf"},
		{"application/octet-stream", html, "", "application/octet-stream"},
		{"application/json", "{}", "", "application/json"},
		{"-", string(pngData), "", "image/png (sniffed, none declared)"},
		{"-", "%PDF-1.4\n", "", "application/pdf (sniffed, none declared)"},
	}
	for i, tt := range tests {
		t.Run(fmt.Sprintf("%d %s", i, tt.header), func(t *testing.T) {
			url, opt := serve(t, page(tt.header, tt.body))
			p, err := Get(context.Background(), url, opt)
			if tt.want == "" {
				checkErr(t, err, ErrContentType, url+": ", tt.msg)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.ContentType != tt.want || string(p.Data) != tt.body {
				t.Errorf("got %q %q, want %q %q", p.ContentType, p.Data, tt.want, tt.body)
			}
		})
	}
}

// redirects serves /r/N, which redirects to /r/N-1 down to /r/0, the page.
func redirects(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/r/"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if n > 0 {
		http.Redirect(w, r, fmt.Sprintf("/r/%d", n-1), http.StatusFound)
		return
	}
	page("text/html", "<p>end</p>")(w, r)
}

func TestGetRedirects(t *testing.T) {
	tests := []struct {
		hops, max int
		ok        bool
	}{
		{0, 0, true},
		{1, 0, true},
		{5, 0, true},  // the default limit
		{6, 0, false}, // beyond it
		{2, 2, true},
		{3, 2, false},
		{0, -1, true},
		{1, -1, false}, // negative: no redirects at all
	}
	url, opt := serve(t, http.HandlerFunc(redirects))
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d hops max %d", tt.hops, tt.max), func(t *testing.T) {
			opt := opt
			opt.MaxRedirects = tt.max
			start := fmt.Sprintf("%s/r/%d", url, tt.hops)
			p, err := Get(context.Background(), start, opt)
			if !tt.ok {
				checkErr(t, err, ErrTooManyRedirects, start+": too many redirects")
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.URL != url+"/r/0" || string(p.Data) != "<p>end</p>" {
				t.Errorf("page %q %q", p.URL, p.Data)
			}
		})
	}
}

func TestGetRedirectScheme(t *testing.T) {
	for _, loc := range []string{
		"file:///etc/passwd",
		"ftp://example.com/article.html",
		"data:text/html,<p>hi</p>",
		"javascript:alert(1)",
		"gopher://example.com/",
		"http:///no-host",
		"data:text/plain," + strings.Repeat("long", 1000),
	} {
		t.Run(loc, func(t *testing.T) {
			url, opt := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Location", loc)
				w.WriteHeader(http.StatusMovedPermanently)
			}))
			_, err := Get(context.Background(), url, opt)
			checkErr(t, err, ErrScheme, "redirect to ")
			if err != nil && len(err.Error()) > 300 {
				t.Errorf("error of %d bytes", len(err.Error()))
			}
		})
	}
}

func TestGetStatus(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/missing", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/odd", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(599) })
	url, opt := serve(t, mux)
	tests := []struct {
		path string
		code int
		msg  string
	}{
		{"/missing", 404, "/missing: 404 Not Found"},
		{"/broken", 500, "/broken: 500 Internal Server Error"},
		{"/moved", 404, "/moved: 404 Not Found (redirected to " + url + "/missing)"},
		{"/odd", 599, ": 599"},
	}
	for _, tt := range tests {
		_, err := Get(context.Background(), url+tt.path, opt)
		checkErr(t, err, nil, tt.msg)
		if se, ok := errors.AsType[*StatusError](err); !ok || se.Code != tt.code {
			t.Errorf("%s: %v: want a StatusError %d", tt.path, err, tt.code)
		}
	}
}

func TestGetTooLarge(t *testing.T) {
	const limit = 1000
	mux := http.NewServeMux()
	mux.HandleFunc("/declared/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Length", strconv.Itoa(n))
		w.Write(bytes.Repeat([]byte("a"), n))
	})
	mux.HandleFunc("/chunked/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("a"))
		w.(http.Flusher).Flush() // no Content-Length from here on
		w.Write(bytes.Repeat([]byte("a"), n-1))
	})
	mux.HandleFunc("/gzip/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(bytes.Repeat([]byte("a"), n))
		zw.Close()
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
		w.Write(buf.Bytes())
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		chunk := bytes.Repeat([]byte("a"), 512)
		for { // until the client hangs up
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	url, opt := serve(t, mux)
	opt.MaxBytes = limit
	opt.Timeout = 5 * time.Second // a client that reads to the end fails here
	tests := []struct {
		path string
		msg  string // "" for success
	}{
		{"/declared/1000", ""},
		{"/declared/1001", "response too large: 1001 bytes declared, limit 1000 bytes"},
		{"/chunked/1000", ""},
		{"/chunked/1001", "response too large: more than 1000 bytes"},
		{"/chunked/100000", "response too large: more than 1000 bytes"},
		{"/endless", "response too large: more than 1000 bytes"},
		{"/gzip/1000", ""},
		{"/gzip/1000000", "response too large: more than 1000 bytes"}, // small on the wire
	}
	for _, tt := range tests {
		p, err := Get(context.Background(), url+tt.path, opt)
		if tt.msg != "" {
			checkErr(t, err, ErrTooLarge, tt.path+": "+tt.msg)
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.path, err)
		} else if len(p.Data) != limit {
			t.Errorf("%s: %d bytes", tt.path, len(p.Data))
		}
	}
}

// stall serves a page that never finishes: it sends nothing, or the
// headers and part of the body, then waits for the client to give up.
func stall(headers bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if headers {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<p>The beginning"))
			w.(http.Flusher).Flush()
		}
		<-r.Context().Done()
	}
}

func TestGetTimeout(t *testing.T) {
	for _, headers := range []bool{false, true} {
		t.Run(fmt.Sprintf("headers %v", headers), func(t *testing.T) {
			t.Parallel()
			url, opt := serve(t, stall(headers))
			opt.Timeout = 200 * time.Millisecond
			start := time.Now()
			_, err := Get(context.Background(), url, opt)
			checkErr(t, err, context.DeadlineExceeded, "timed out after 200ms")
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("returned after %v", d)
			}
		})
	}
}

func TestGetCanceled(t *testing.T) {
	url, opt := serve(t, stall(false))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(10*time.Millisecond, cancel)
	_, err := Get(ctx, url, opt)
	checkErr(t, err, context.Canceled, url+": context canceled")
}

func TestGetCookies(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("consent"); err != nil {
			http.SetCookie(w, &http.Cookie{Name: "consent", Value: "yes", Path: "/"})
			http.Redirect(w, r, "/article", http.StatusFound)
			return
		}
		page("text/html", "<p>with cookie</p>")(w, r)
	})
	url, opt := serve(t, mux)
	p, err := Get(context.Background(), url+"/article", opt)
	if err != nil {
		t.Fatal(err)
	}
	if string(p.Data) != "<p>with cookie</p>" {
		t.Errorf("data %q", p.Data)
	}
	// Each call starts without cookies.
	opt.MaxRedirects = -1
	_, err = Get(context.Background(), url+"/article", opt)
	checkErr(t, err, ErrTooManyRedirects)
}

func TestGetBadURL(t *testing.T) {
	tests := []struct {
		url, msg string
		want     error
	}{
		{"ftp://example.com/a.html", "fetch: ftp://example.com/a.html: not an http or https URL", ErrScheme},
		{"file:///etc/passwd", "fetch: file:///etc/passwd: not an http or https URL", ErrScheme},
		{"example.com/article", `fetch: "example.com/article": not an http or https URL`, ErrScheme},
		{"", `fetch: "": not an http or https URL`, ErrScheme},
		{"https://", `fetch: "https://": not an http or https URL (no host)`, ErrScheme},
		{"https:///path", `fetch: "https:///path": not an http or https URL (no host)`, ErrScheme},
		{"mailto:someone@example.com", "fetch: mailto:someone@example.com: not an http or https URL", ErrScheme},
		{"http://exa mple.com/", "invalid URL", nil},
		{"http://user:secret@[::1", "invalid URL", nil},
	}
	for _, tt := range tests {
		_, err := Get(context.Background(), tt.url, Options{})
		checkErr(t, err, tt.want, tt.msg)
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("%q: error %q shows the password", tt.url, err)
		}
	}
}

func TestGetRedactsPassword(t *testing.T) {
	url, opt := serve(t, http.NotFoundHandler())
	u := strings.Replace(url, "http://", "http://user:secret@", 1)
	_, err := Get(context.Background(), u, opt)
	checkErr(t, err, nil, "404 Not Found", "user:xxxxx@")
	if strings.Contains(err.Error(), "secret") {
		t.Errorf("error %q shows the password", err)
	}
}

func TestUserAgent(t *testing.T) {
	tests := []struct {
		opt  Options
		want string
	}{
		{Options{}, "offprint/dev (+https://github.com/offprint/offprint)"},
		{Options{Version: "v0.3.0"}, "offprint/v0.3.0 (+https://github.com/offprint/offprint)"},
		{Options{Version: "dev (0123456789ab)"}, "offprint/dev (+https://github.com/offprint/offprint)"},
		{Options{Version: "v0.3.0-2-gabc/dirty"}, "offprint/v0.3.0-2-gabcdirty (+https://github.com/offprint/offprint)"},
		{Options{Version: "  "}, "offprint/dev (+https://github.com/offprint/offprint)"},
		{Options{Version: "v1", UserAgent: "Mozilla/5.0 (custom)"}, "Mozilla/5.0 (custom)"},
	}
	for _, tt := range tests {
		var got []string
		url, opt := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			got = append(got, r.UserAgent())
			redirects(w, r)
		}))
		tt.opt.Client, tt.opt.AllowPrivate = opt.Client, true
		if _, err := Get(context.Background(), url+"/r/1", tt.opt); err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0] != tt.want || got[1] != tt.want { // redirects keep it
			t.Errorf("%+v: User-Agent %q, want %q", tt.opt, got, tt.want)
		}
	}
}

func TestClientNotModified(t *testing.T) {
	url, opt := serve(t, http.HandlerFunc(redirects))
	var seen int
	c := opt.Client
	c.CheckRedirect = func(*http.Request, []*http.Request) error { seen++; return nil }
	opt.MaxRedirects = 1
	_, err := Get(context.Background(), url+"/r/2", opt)
	checkErr(t, err, ErrTooManyRedirects)
	if seen != 1 {
		t.Errorf("the client's own policy ran %d times, want 1", seen)
	}
	if c.Jar != nil {
		t.Error("Get gave the caller's client a cookie jar")
	}
}
