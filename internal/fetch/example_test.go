package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/offprint/offprint/internal/fetch"
)

func Example() {
	// A stand-in for a news site.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/news/42":
			http.Redirect(w, r, "/2024/05/river-trams", http.StatusMovedPermanently)
		case "/2024/05/river-trams":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<article><h1>River trams</h1><img src="/img/tram.png"></article>`)
		case "/report.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			fmt.Fprint(w, "%PDF-1.7")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	ctx := context.Background()
	// The stand-in listens on 127.0.0.1, which offprint refuses to
	// connect to unless told: a page must not reach the machine's own
	// services.
	opt := fetch.Options{Version: "v1.0.0", AllowPrivate: true}
	page, err := fetch.Get(ctx, srv.URL+"/news/42", opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(page.URL == srv.URL+"/2024/05/river-trams", page.ContentType)
	fmt.Println(string(page.Data))

	_, err = fetch.Get(ctx, srv.URL+"/report.pdf", opt)
	fmt.Println(errors.Is(err, fetch.ErrContentType))

	// The readers resolve the image's src against page.URL, then call the
	// loader; its errors become their warnings.
	load := opt.ImageLoader(ctx)
	_, err = load(srv.URL + "/img/tram.png")
	fmt.Println(err)
	// Output:
	// true text/html; charset=utf-8
	// <article><h1>River trams</h1><img src="/img/tram.png"></article>
	// true
	// fetch: 404 Not Found
}
