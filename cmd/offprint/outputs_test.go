package main

import (
	"bytes"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// exportDir converts args into a fresh folder and returns the paths of the
// EPUB and the PDF.
func exportDir(t *testing.T, args ...string) (epub, pdf string) {
	t.Helper()
	dir := t.TempDir()
	if code, _, stderr := offprint(t, "", append([]string{"-q", "-o", dir}, args...)...); code != exitOK {
		t.Fatalf("offprint %v: exit %d: %s", args, code, stderr)
	}
	epubs, _ := filepath.Glob(filepath.Join(dir, "*.epub"))
	pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(epubs) != 1 || len(pdfs) != 1 {
		t.Fatalf("want one epub and one pdf in %v", outputs(t, dir))
	}
	return epubs[0], pdfs[0]
}

// TestWebPages converts saved pages of the web corpus through the command
// line and checks both outputs against the metadata Mozilla's Readability
// extracts from them: pages in five languages where offprint and
// Readability agree. The reader's TestWebCorpus (internal/reader/html)
// holds every page of the corpus to recall, precision and metadata
// targets, with the pages where Readability's answer is worse listed;
// make check runs the validators on the outputs of every page.
func TestWebPages(t *testing.T) {
	requireTool(t, "pdftotext")
	for _, page := range []string{"bbc-1", "heise", "la-nacion", "lemonde-1", "lwn-1", "medium-1"} {
		dir := filepath.Join(corpus, "web", page)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var want struct {
				Title, Byline, Excerpt, Language string
			}
			data, err := os.ReadFile(filepath.Join(dir, "expected-metadata.json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			epub, pdf := exportDir(t, filepath.Join(dir, "source.html"))
			opf := html.UnescapeString(epubEntry(t, epub, ".opf"))
			if !strings.Contains(typographic.Replace(opf), typographic.Replace(want.Title)) {
				t.Errorf("package title is not %q", want.Title)
			}
			if want.Language != "" && !regexp.MustCompile(`<dc:language>`+regexp.QuoteMeta(want.Language)+`(-[A-Za-z]+)?</dc:language>`).MatchString(opf) {
				t.Errorf("language is not %q", want.Language)
			}
			if want.Byline != "" && !strings.Contains(opf, ">"+authorOf(want.Byline)+"<") {
				t.Errorf("no creator %q", authorOf(want.Byline))
			}
			// The excerpt (or, where it is cut with "…", its first part) is
			// in both outputs' text. Some excerpts reword the article: the
			// first 50 characters are compared.
			ex := norm(strings.TrimSuffix(want.Excerpt, "…"))
			if len(ex) > 50 {
				ex = ex[:strings.LastIndex(ex[:50], " ")]
			}
			if text := norm(epubText(t, epub)); !strings.Contains(text, ex) {
				t.Errorf("EPUB text lacks the excerpt %q", ex)
			}
			if text := norm(pdfText(t, pdf, want.Title, "", 0, 0)); !strings.Contains(text, ex) {
				t.Errorf("PDF text lacks the excerpt %q", ex)
			}
		})
	}
}

// authorOf takes the name out of a byline such as "By Nathan Willis March
// 25, 2015".
func authorOf(byline string) string {
	s := strings.TrimPrefix(byline, "By ")
	if m := regexp.MustCompile(`^(.*?)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b`).FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	return s
}

// TestMarkdownArticle checks reading-offline.md end to end: metadata, the
// headings in the EPUB navigation and the PDF outline, lists, the quote,
// the footnote and the image in both outputs.
func TestMarkdownArticle(t *testing.T) {
	requireTool(t, "pdftotext")
	requireTool(t, "qpdf")
	epub, pdf := exportDir(t, filepath.Join(corpus, "reading-offline.md"))
	opf := epubEntry(t, epub, ".opf")
	for _, want := range []string{"Daniel Okafor", "Léa Fontaine", "CC BY 4.0", ">en-GB<", "2026-03-14", "https://example.org/essays/reading-offline"} {
		if !strings.Contains(opf, want) {
			t.Errorf("package document lacks %q", want)
		}
	}
	nav := epubEntry(t, epub, "nav.xhtml")
	headings := []string{"Why we tried it", "The routine", "What the files had to get right", "Numbers"}
	for _, h := range headings {
		if !strings.Contains(nav, h) {
			t.Errorf("EPUB navigation lacks %q", h)
		}
	}
	xhtml := epubText(t, epub)
	for _, want := range []string{"What changed when every article went to the e-reader first", "Save the article", "no article older than a month", "The best interface for a long text", "Inline code is rare in essays"} {
		if !strings.Contains(norm(xhtml), norm(want)) {
			t.Errorf("EPUB text lacks %q", want)
		}
	}
	if n := strings.Count(opf, `media-type="image/png"`); n < 2 { // the cover and the figure
		t.Errorf("EPUB declares %d PNG images, want the cover and the figure", n)
	}
	js, err := tool(t, "qpdf", "--json", "--json-key=outlines", pdf)
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	for _, h := range headings {
		if !strings.Contains(js, h) {
			t.Errorf("PDF outline lacks %q", h)
		}
	}
	raw, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte("/Subtype /Image")) {
		t.Error("PDF embeds no image")
	}
	text := norm(pdfText(t, pdf, "Reading Offline", "", 0, 0))
	for _, want := range []string{"Save the article", "The best interface for a long text", "Inline code is rare in essays"} {
		if !strings.Contains(text, norm(want)) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}

// TestReproducible exports twice, with and without SOURCE_DATE_EPOCH, and
// compares the bytes.
func TestReproducible(t *testing.T) {
	for _, epoch := range []string{"", "1700000000"} {
		t.Run("SOURCE_DATE_EPOCH="+epoch, func(t *testing.T) {
			export := func() map[string][]byte {
				dir := t.TempDir()
				var out, errb bytes.Buffer
				code := run([]string{"-q", "-o", dir, filepath.Join(corpus, "night-library.txt")}, env{
					stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
					getenv: func(k string) string {
						if k == "SOURCE_DATE_EPOCH" {
							return epoch
						}
						return ""
					},
				})
				if code != exitOK {
					t.Fatalf("exit %d: %s", code, errb.String())
				}
				files := map[string][]byte{}
				for _, name := range outputs(t, dir) {
					files[name], _ = os.ReadFile(filepath.Join(dir, name))
				}
				return files
			}
			a, b := export(), export()
			if len(a) != 2 {
				t.Fatalf("outputs: %d", len(a))
			}
			for name, data := range a {
				if !bytes.Equal(data, b[name]) {
					t.Errorf("%s differs between two exports", name)
				}
			}
		})
	}
}
