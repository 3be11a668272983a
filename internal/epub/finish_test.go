package epub

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
)

// goepubPage is an XHTML document as go-epub writes it.
const goepubPage = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
  <head>
    <title dir="auto">A &amp; B</title>
    <link rel="stylesheet" type="text/css" href="../css/style.css"></link>
  </head>
  <body dir="auto">
<p>text</p>
</body>
</html>
`

func TestCompleteXHTML(t *testing.T) {
	got, err := completeXHTML([]byte(goepubPage), "he", "rtl", "A & B")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.NewReplacer(
		`xmlns:epub="http://www.idpf.org/2007/ops">`, `xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="he" lang="he" dir="rtl">`,
		`<title dir="auto">A &amp; B</title>`, `<title>A &#38; B</title>`,
		`<body dir="auto">`, `<body>`,
	).Replace(goepubPage)
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, err := completeXHTML([]byte(strings.Replace(goepubPage, "<html ", "<html lang=\"x\" ", 1)), "en", "ltr", "x"); err == nil {
		t.Error("no error for an unknown root element")
	}
}

func TestMSDosTime(t *testing.T) {
	for _, c := range []struct {
		in   time.Time
		want time.Time
	}{
		{time.Date(2026, 3, 15, 12, 34, 57, 0, time.UTC), time.Date(2026, 3, 15, 12, 34, 56, 0, time.UTC)},
		{time.Date(2026, 3, 15, 12, 0, 0, 0, time.FixedZone("X", 3600)), time.Date(2026, 3, 15, 11, 0, 0, 0, time.UTC)},
		{time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)},
	} {
		date, clock := msDosTime(c.in)
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		if _, err := zw.CreateHeader(&zip.FileHeader{Name: "x", ModifiedDate: date, ModifiedTime: clock}); err != nil {
			t.Fatal(err)
		}
		zw.Close()
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		if got := zr.File[0].Modified; !got.Equal(c.want) || len(zr.File[0].Extra) != 0 {
			t.Errorf("%v: read back %v (extra %d bytes), want %v", c.in, got, len(zr.File[0].Extra), c.want)
		}
	}
}

// TestFinishChecksInventory feeds the finishing step go-epub output that
// does not match the book and wants an error.
func TestFinishChecksInventory(t *testing.T) {
	b, err := newBook(article.Single(minimalArticle(t)), &Options{})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := b.assemble()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.finish(raw); err != nil {
		t.Fatalf("finish: %v", err)
	}
	// A page the book does not know of.
	b2, _ := newBook(article.Single(minimalArticle(t)), &Options{})
	b2.pages = b2.pages[:len(b2.pages)-1]
	if _, err := b2.finish(raw); err == nil || !strings.Contains(err.Error(), "unexpected file") {
		t.Errorf("extra page: error %v", err)
	}
	// An image the book expects and go-epub did not write.
	b3, _ := newBook(article.Single(minimalArticle(t)), &Options{})
	b3.images = append(b3.images, &imageFile{name: "image-001.png", mediaType: "image/png"})
	if _, err := b3.finish(raw); err == nil || !strings.Contains(err.Error(), "missing images/image-001.png") {
		t.Errorf("missing image: error %v", err)
	}
	if _, err := b.finish([]byte("not a zip")); err == nil {
		t.Error("no error for a broken ZIP")
	}
}
