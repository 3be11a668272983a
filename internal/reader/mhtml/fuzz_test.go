package mhtml

import (
	"errors"
	"strings"
	"testing"

	"github.com/offprint/offprint/internal/reader/html"
	"github.com/offprint/offprint/internal/reader/limits"
)

// FuzzRead checks that Read never panics, fails only with the errors of
// this package and of the html reader, and returns articles that
// validate. The seeds are small archives of one construct each.
func FuzzRead(f *testing.F) {
	f.Add(archive("https://a.example/p",
		part{"Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://a.example/p\r\n",
			qp(`<p>A ferry =E2=80=94 the pier.</p><img src=3D"i.png" alt=3D"x">`)},
		part{"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://a.example/i.png\r\n",
			"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=="}))
	f.Add([]byte("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=a; start=\"<r>\"\n\n--a\nContent-Type: multipart/alternative; boundary=b\n\n--b\nContent-ID: <r>\nContent-Type: text/html\n\n<p>t</p>\n--b--\n--a--\n"))
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\nPHA+eDwvcD4="))
	f.Add([]byte("Content-Type: multipart/related; boundary=\"\"\r\n\r\n"))
	f.Add([]byte("Content-Type: multipart/related; boundary=x\r\n\r\n--x\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ<p>=\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Read(data, Options{MaxParts: 100})
		if err != nil {
			if !errors.Is(err, ErrNotMHTML) && !errors.Is(err, ErrNoHTML) && !errors.Is(err, limits.ErrTooComplex) &&
				!errors.Is(err, html.ErrNoContent) && !errors.Is(err, html.ErrBinary) && !strings.HasPrefix(err.Error(), "html: ") {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if err := a.Validate(); err != nil {
			t.Fatal(err)
		}
	})
}
