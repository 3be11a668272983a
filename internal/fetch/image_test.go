package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestImageLoader(t *testing.T) {
	var accept string
	mux := http.NewServeMux()
	mux.HandleFunc("/png", func(w http.ResponseWriter, r *http.Request) {
		accept = r.Header.Get("Accept")
		page("image/png", string(pngData))(w, r)
	})
	mux.HandleFunc("/jpg", page("image/jpg", "\xff\xd8\xff\xe0 not really")) // declared types are trusted
	mux.HandleFunc("/octet", page("application/octet-stream", string(pngData)))
	mux.HandleFunc("/binary", page("binary/octet-stream", string(pngData)))
	mux.HandleFunc("/none", page("-", string(pngData)))
	mux.HandleFunc("/html", page("text/html", "<html><body>Not found</body></html>"))
	mux.HandleFunc("/octet-html", page("application/octet-stream", "<html><body>Not found</body></html>"))
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/png", http.StatusFound)
	})
	mux.HandleFunc("/big", page("image/png", string(pngData)+strings.Repeat("\x00", 100)))
	mux.HandleFunc("/slow", stall(false))
	url, opt := serve(t, mux)
	opt.MaxImageBytes = int64(len(pngData)) + 50
	opt.MaxBytes = 1 // pages only: must not apply to images
	opt.Timeout = 200 * time.Millisecond
	load := opt.ImageLoader(context.Background())

	tests := []struct {
		ref  string
		data string // "" when an error is expected
		err  error
		msg  string
	}{
		{url + "/png", string(pngData), nil, ""},
		{url + "/jpg", "\xff\xd8\xff\xe0 not really", nil, ""},
		{url + "/octet", string(pngData), nil, ""},
		{url + "/binary", string(pngData), nil, ""},
		{url + "/none", string(pngData), nil, ""},
		{url + "/moved", string(pngData), nil, ""},
		{url + "/html", "", ErrContentType, "fetch: unsupported content type text/html: want an image"},
		{url + "/octet-html", "", ErrContentType, "fetch: unsupported content type text/html (sniffed, declared application/octet-stream): want an image"},
		{url + "/big", "", ErrTooLarge, fmt.Sprintf("fetch: response too large: %d bytes declared, limit %d bytes", len(pngData)+100, len(pngData)+50)},
		{url + "/missing", "", nil, "fetch: 404 Not Found"},
		{url + "/slow", "", context.DeadlineExceeded, "fetch: timed out after 200ms"},
		{"/png", "", ErrScheme, "fetch: not an http or https URL"},
		{"images/a.png", "", ErrScheme, "fetch: not an http or https URL"},
		{"data:image/png;base64,iVBORw0KGgo=", "", ErrScheme, "fetch: not an http or https URL"},
		{"file:///etc/passwd", "", ErrScheme, "fetch: not an http or https URL"},
	}
	for _, tt := range tests {
		data, err := load(tt.ref)
		if tt.data == "" {
			checkErr(t, err, tt.err, tt.msg)
			if err != nil && strings.Contains(err.Error(), tt.ref) {
				t.Errorf("error %q repeats the URL", err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.ref, err)
		} else if string(data) != tt.data {
			t.Errorf("%s: data %q", tt.ref, data)
		}
	}
	if accept != imageAccept {
		t.Errorf("Accept %q", accept)
	}
}

func TestImageLoaderConcurrent(t *testing.T) {
	url, opt := serve(t, page("image/png", string(pngData)))
	load := opt.ImageLoader(context.Background())
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			data, err := load(url)
			if err == nil && !bytes.Equal(data, pngData) {
				err = errors.New("wrong data")
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

func TestImageLoaderCanceled(t *testing.T) {
	url, opt := serve(t, page("image/png", string(pngData)))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := opt.ImageLoader(ctx)(url)
	checkErr(t, err, context.Canceled)
}
