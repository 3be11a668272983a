package fetch

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// serve starts a test server for handler and returns its URL and options
// whose Client talks to it. The server listens on the loopback address,
// so the options allow private addresses.
func serve(t *testing.T, handler http.Handler) (string, Options) {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	return srv.URL, Options{Client: srv.Client(), AllowPrivate: true}
}

// page writes body with the given Content-Type; "-" sends none.
func page(contentType, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if contentType == "-" {
			w.Header()["Content-Type"] = nil // no sniffing by the server
		} else {
			w.Header().Set("Content-Type", contentType)
		}
		w.Write([]byte(body))
	}
}

// checkErr fails unless err is a one-line "fetch: " error that wraps want
// (when not nil) and contains every fragment.
func checkErr(t *testing.T, err, want error, fragments ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %v", want)
	}
	msg := err.Error()
	t.Log(msg)
	if !strings.HasPrefix(msg, "fetch: ") || strings.ContainsAny(msg, "\r\n") {
		t.Errorf("error %q: want one line beginning with %q", msg, "fetch: ")
	}
	if want != nil && !errors.Is(err, want) {
		t.Errorf("error %q does not wrap %q", msg, want)
	}
	for _, f := range fragments {
		if !strings.Contains(msg, f) {
			t.Errorf("error %q does not contain %q", msg, f)
		}
	}
}

// pngData is a 1×1 PNG.
var pngData = func() []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		panic(err)
	}
	return buf.Bytes()
}()
