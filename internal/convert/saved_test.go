package convert

import (
	"archive/zip"
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/fetch"
)

// The saved-page fixtures in testdata/saved are the BBC page of the web
// corpus, cut to its story: remote.html as a browser's "Web Page, HTML
// only" keeps it (pictures by absolute URL, a small src and a large
// datasrc for a script to swap in), complete/ as "Web Page, complete"
// (page.html and page_files/), page.mhtml as "Webpage, Single File". Each
// has three photographs, two 2-pixel separators and a tracking beacon.
const savedDir = "testdata/saved"

// photoServer serves a distinct 600×338 JPEG for every path and counts
// the requests for each.
type photoServer struct {
	*httptest.Server
	mu    sync.Mutex
	asked map[string]int
}

func newPhotoServer(t *testing.T) *photoServer {
	t.Helper()
	s := &photoServer{asked: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.asked[r.URL.Path]++
		n := len(s.asked)
		s.mu.Unlock()
		m := image.NewRGBA(image.Rect(0, 0, 600, 338))
		for i := range m.Pix {
			m.Pix[i] = uint8(i*n) | 0x80
		}
		m.Set(0, 0, color.RGBA{uint8(n), 0, 0, 255})
		w.Header().Set("Content-Type", "image/jpeg")
		jpeg.Encode(w, m, &jpeg.Options{Quality: 50})
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *photoServer) requests() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.asked))
	for k, v := range s.asked {
		out[k] = v
	}
	return out
}

// remotePage writes remote.html into a folder of its own with its
// pictures' hosts replaced by the server's, and returns its path.
func remotePage(t *testing.T, s *photoServer) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(savedDir, "remote.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := strings.NewReplacer("http://ichef.bbci.co.uk", s.URL, "http://ichef-1.bbci.co.uk", s.URL).Replace(string(data))
	name := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(name, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// convertSaved loads and converts an input into both formats and returns
// the article, the outputs and the warnings.
func convertSaved(t *testing.T, name string, lo LoadOptions, loader func(*Input)) (*article.Article, []byte, []byte, []string) {
	t.Helper()
	in, err := Load(name, lo)
	if err != nil {
		t.Fatal(err)
	}
	if loader != nil {
		loader(&in)
	}
	var warnings []string
	a, err := Read(in, Options{Warn: func(m string) { warnings = append(warnings, m) }})
	if err != nil {
		t.Fatal(err)
	}
	epubOut, pdfOut, err := render(a)
	if err != nil {
		t.Fatal(err)
	}
	return a, epubOut, pdfOut, warnings
}

// pictures counts the images of an article, of an EPUB (files under
// images/) and of a PDF (image XObjects).
func pictures(t *testing.T, a *article.Article, epubOut, pdfOut []byte) (model, inEPUB, inPDF int) {
	t.Helper()
	article.WalkBlocks(a.Blocks, func(b article.Block) bool {
		if _, ok := b.(*article.Image); ok {
			model++
		}
		return true
	})
	zr, err := zip.NewReader(bytes.NewReader(epubOut), int64(len(epubOut)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if strings.Contains(f.Name, "/images/") && !strings.Contains(f.Name, "cover") {
			inEPUB++
		}
	}
	inPDF = bytes.Count(pdfOut, []byte("/Subtype /Image"))
	return model, inEPUB, inPDF
}

// TestSavedPageRemotePictures converts a saved page whose pictures are
// absolute URLs: each photograph is fetched once, in the larger size the
// page's script would have swapped in, and is in both outputs; the
// separators and the beacon are not fetched.
func TestSavedPageRemotePictures(t *testing.T) {
	s := newPhotoServer(t)
	a, epubOut, pdfOut, warnings := convertSaved(t, remotePage(t, s), LoadOptions{Fetch: fetch.Options{AllowPrivate: true}}, nil)
	model, inEPUB, inPDF := pictures(t, a, epubOut, pdfOut)
	if model != 3 || inEPUB != 3 || inPDF != 3 {
		t.Errorf("pictures: %d in the article, %d in the EPUB, %d in the PDF; want 3 each (warnings %q)", model, inEPUB, inPDF, warnings)
	}
	asked := s.requests()
	if len(asked) != 3 {
		t.Errorf("requests %v, want the three photographs", asked)
	}
	for p, n := range asked {
		if n != 1 || !strings.Contains(p, "/976/") {
			t.Errorf("%s fetched %d times; want the 976-pixel version once", p, n)
		}
	}
	if len(warnings) != 0 {
		t.Errorf("warnings %q", warnings)
	}
	if body := a.BodyText(); strings.Contains(body, "line") && strings.Contains(body, "\nline\n") {
		t.Error("a separator's alt text is in the text")
	}
}

// TestSavedPageOffline checks that --offline fetches nothing: the remote
// pictures are left out with one warning, and a URL input fails.
func TestSavedPageOffline(t *testing.T) {
	s := newPhotoServer(t)
	a, epubOut, pdfOut, warnings := convertSaved(t, remotePage(t, s), LoadOptions{Offline: true, Fetch: fetch.Options{AllowPrivate: true}}, nil)
	if model, inEPUB, inPDF := pictures(t, a, epubOut, pdfOut); model+inEPUB+inPDF != 0 {
		t.Errorf("pictures %d, %d, %d offline", model, inEPUB, inPDF)
	}
	if asked := s.requests(); len(asked) != 0 {
		t.Errorf("offline, requests %v", asked)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "3 remote image(s) left out") {
		t.Errorf("warnings %q", warnings)
	}
	if _, err := Load(s.URL+"/story", LoadOptions{Offline: true, Fetch: fetch.Options{AllowPrivate: true}}); !errors.Is(err, ErrOffline) {
		t.Errorf("a URL offline: %v", err)
	}
	if asked := s.requests(); len(asked) != 0 {
		t.Errorf("offline, requests %v", asked)
	}
}

// TestSavedPagePrivate checks that a saved page's pictures keep to the
// private-address rule: without AllowPrivate, nothing reaches the local
// server.
func TestSavedPagePrivate(t *testing.T) {
	s := newPhotoServer(t)
	a, _, _, warnings := convertSaved(t, remotePage(t, s), LoadOptions{}, nil)
	if asked := s.requests(); len(asked) != 0 {
		t.Errorf("requests %v reached a loopback server", asked)
	}
	for _, b := range a.Blocks {
		if _, ok := b.(*article.Image); ok {
			t.Error("a picture from a loopback server was embedded")
		}
	}
	if len(warnings) != 3 || !strings.Contains(warnings[0], "refusing to connect to 127.0.0.1") {
		t.Errorf("warnings %q, want three refusals", warnings)
	}
}

// TestSavedPageNoNetwork converts the "Web Page, complete" folder and the
// MHTML archive: the three photographs come from the page's folder and
// from the archive, and nothing is fetched.
func TestSavedPageNoNetwork(t *testing.T) {
	for _, name := range []string{"complete/page.html", "page.mhtml"} {
		t.Run(name, func(t *testing.T) {
			noFetch := func(in *Input) {
				in.LoadImage = func(u string) ([]byte, error) {
					t.Errorf("fetched %s", u)
					return nil, errors.New("no network in this test")
				}
			}
			a, epubOut, pdfOut, warnings := convertSaved(t, filepath.Join(savedDir, name), LoadOptions{}, noFetch)
			model, inEPUB, inPDF := pictures(t, a, epubOut, pdfOut)
			if model != 3 || inEPUB != 3 || inPDF != 3 {
				t.Errorf("pictures: %d in the article, %d in the EPUB, %d in the PDF; want 3 each (warnings %q)", model, inEPUB, inPDF, warnings)
			}
			if len(warnings) != 0 {
				t.Errorf("warnings %q", warnings)
			}
			if a.Meta.SourceURL != "http://www.bbc.com/news/world-us-canada-33646704" {
				t.Errorf("source %q", a.Meta.SourceURL)
			}
			for _, b := range a.Blocks {
				if img, ok := b.(*article.Image); ok && img.Alt == "" {
					t.Errorf("picture %s lost its alt text", img.Source)
				}
			}
		})
	}
}

// TestLoadGivesWebPagesALoader checks which inputs may fetch pictures:
// web pages (by extension, content or --from), not text or Markdown.
func TestLoadGivesWebPagesALoader(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.html": "<p>x</p>", "a.mhtml": "MIME-Version: 1.0\n", "page": "<!doctype html><p>x</p>",
		"a.md": "# T\n\n![x](https://example.org/x.png)\n", "a.txt": "Title\n\nText.\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		opt  LoadOptions
		want bool
	}{
		{"a.html", LoadOptions{}, true},
		{"a.mhtml", LoadOptions{}, true},
		{"page", LoadOptions{}, true},
		{"a.md", LoadOptions{}, false},
		{"a.txt", LoadOptions{}, false},
		{"a.txt", LoadOptions{From: "html"}, true},
		{"a.html", LoadOptions{Offline: true}, false},
	}
	for _, tt := range tests {
		in, err := Load(filepath.Join(dir, tt.name), tt.opt)
		if err != nil {
			t.Fatal(err)
		}
		if got := in.LoadImage != nil; got != tt.want {
			t.Errorf("%s %+v: loader %v, want %v", tt.name, tt.opt, got, tt.want)
		}
	}
}
