package main

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// requireTool skips the test when a validator is missing, unless CI is set,
// where a missing validator fails the test.
func requireTool(t *testing.T, name string, args ...string) {
	t.Helper()
	if _, err := exec.LookPath(name); err == nil {
		if len(args) == 0 {
			return
		}
		if _, err := os.Stat(args[0]); err == nil {
			return
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s %v is required under CI but missing", name, args)
	}
	t.Skipf("%s %v not installed", name, args)
}

// tool runs a validator and returns its combined output.
func tool(t *testing.T, name string, args ...string) (string, error) {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	return string(out), err
}

// article describes what one corpus file must give.
type corpusArticle struct {
	file        string
	title       string
	author      string
	headings    []string
	boilerplate []string // source lines that must not reach either output
	metaLines   int      // leading source lines that are metadata, not body
}

var articles = []corpusArticle{
	{
		file:        "csto-summit-bishkek.txt",
		title:       "Outcomes of the CSTO Summit in Bishkek Through the Lens of the Looming Great War",
		author:      "Наталья Маркова",
		boilerplate: []string{"VK X OK WhatsApp Telegram", "Read also:", "Write a comment:"},
		metaLines:   3,
	},
	{
		file:        "night-library.txt",
		title:       "В Новосибирске открылась первая городская библиотека, работающая по ночам",
		author:      "Ирина Соколова",
		headings:    []string{"Как устроена ночная смена", "Что дальше"},
		boilerplate: []string{"VK X OK WhatsApp Telegram", "Читайте также:", "Написать комментарий:"},
		metaLines:   3,
	},
}

// bodyLines returns the source's body paragraphs: every non-blank line after
// the metadata lines that is not boilerplate.
func (c corpusArticle) bodyLines(t *testing.T) []string {
	data, err := os.ReadFile(filepath.Join(corpus, c.file))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	skip := map[string]bool{}
	for _, b := range c.boilerplate {
		skip[b] = true
	}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if i < c.metaLines || line == "" || skip[line] {
			continue
		}
		out = append(out, line)
	}
	return out
}

var (
	typographic = strings.NewReplacer(
		"“", `"`, "”", `"`, "«", `"`, "»", `"`, "„", `"`, "‘", "'", "’", "'",
		"–", "-", "—", "-", "…", "...", "\u00a0", " ", "\u202f", " ", "\u2009", " ", "\u00ad", "")
	pageFooter = regexp.MustCompile(`(?i)(page|стр\.?|страница)\s+\d+\s+(of|из)\s+\d+`)
)

// norm folds typography, hyphens and white space so that texts extracted
// from different outputs compare equal to the source.
func norm(s string) string {
	s = typographic.Replace(s)
	s = strings.ReplaceAll(s, "-", "")
	return strings.Join(strings.Fields(s), " ")
}

// pdfText extracts a PDF's text without its running headers and footers,
// with line-end hyphens rejoined.
func pdfText(t *testing.T, path, title, author string, first, last int) string {
	t.Helper()
	args := []string{"-enc", "UTF-8"}
	if first > 0 {
		args = append(args, "-f", itoa(first), "-l", itoa(last))
	}
	out, err := tool(t, "pdftotext", append(args, path, "-")...)
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, out)
	}
	var kept []string
	for _, line := range strings.Split(out, "\n") {
		l := strings.TrimSpace(strings.Trim(line, "\f"))
		if l == "" || pageFooter.MatchString(l) || l == author {
			continue
		}
		if h := strings.TrimSuffix(l, "…"); first != 1 && len(h) > 10 && strings.HasPrefix(title, h) && h != title {
			continue // running header: the title, shortened
		}
		kept = append(kept, l)
	}
	// A word hyphenated at a line end is one word again.
	return strings.ReplaceAll(strings.Join(kept, "\n"), "-\n", "")
}

func itoa(n int) string { return strconv.Itoa(n) }

// epubEntry returns the first entry of an EPUB whose name ends in suffix.
func epubEntry(t *testing.T, path, suffix string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, suffix) {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			data, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(data)
		}
	}
	t.Fatalf("%s has no %s entry", path, suffix)
	return ""
}

// epubText returns the text of every XHTML document in an EPUB.
func epubText(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var b strings.Builder
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xhtml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		d := xml.NewDecoder(rc)
		for {
			tok, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: not well-formed: %v", f.Name, err)
			}
			switch x := tok.(type) {
			case xml.CharData:
				b.Write(x)
			case xml.EndElement:
				b.WriteByte('\n')
			}
		}
		rc.Close()
	}
	return b.String()
}

func TestConformance(t *testing.T) {
	requireTool(t, "java", "/usr/bin/epubcheck")
	requireTool(t, "qpdf")
	requireTool(t, "pdftotext")
	requireTool(t, "pdffonts")
	requireTool(t, "pdfinfo")
	for _, c := range articles {
		t.Run(c.file, func(t *testing.T) {
			dir := t.TempDir()
			if code, _, stderr := offprint(t, "", "-o", dir, filepath.Join(corpus, c.file)); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			epubs, _ := filepath.Glob(filepath.Join(dir, "*.epub"))
			pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
			if len(epubs) != 1 || len(pdfs) != 1 {
				t.Fatalf("want one epub and one pdf, got %v %v", epubs, pdfs)
			}
			epub, pdf := epubs[0], pdfs[0]

			if out, err := tool(t, "java", "-jar", "/usr/bin/epubcheck", "--failonwarnings", epub); err != nil {
				t.Errorf("epubcheck: %v\n%s", err, out)
			}
			if out, err := tool(t, "qpdf", "--check", pdf); err != nil {
				t.Errorf("qpdf --check: %v\n%s", err, out)
			}
			fonts, err := tool(t, "pdffonts", pdf)
			if err != nil {
				t.Fatalf("pdffonts: %v", err)
			}
			for _, line := range strings.Split(strings.TrimSpace(fonts), "\n")[2:] {
				f := strings.Fields(line)
				if len(f) < 5 || f[len(f)-5] != "yes" {
					t.Errorf("font not embedded: %s", line)
				}
			}
			info, _ := tool(t, "pdfinfo", pdf)
			if !regexp.MustCompile(`(?m)^Author:\s+` + regexp.QuoteMeta(c.author) + `$`).MatchString(info) {
				t.Errorf("PDF Author metadata is not %q:\n%s", c.author, info)
			}

			body := c.bodyLines(t)
			page1 := norm(pdfText(t, pdf, c.title, "", 1, 1))
			for _, want := range []string{c.title, c.author} {
				if !strings.Contains(page1, norm(want)) {
					t.Errorf("page 1 lacks %q:\n%s", want, page1)
				}
			}
			for _, p := range body {
				if len(p) > 60 && strings.Contains(page1, norm(p)[:40]) {
					t.Errorf("page 1 holds body text %q", p[:40])
				}
			}

			pdfAll := norm(pdfText(t, pdf, c.title, c.author, 0, 0))
			xhtml := norm(epubText(t, epub))
			for _, p := range append(body, c.headings...) {
				if !strings.Contains(pdfAll, norm(p)) {
					t.Errorf("PDF text lacks %q", p)
				}
				if !strings.Contains(xhtml, norm(p)) {
					t.Errorf("EPUB text lacks %q", p)
				}
			}
			for _, b := range c.boilerplate {
				for name, text := range map[string]string{"PDF": pdfAll, "EPUB": xhtml} {
					if strings.Contains(text, norm(b)) {
						t.Errorf("%s holds boilerplate %q", name, b)
					}
				}
			}
		})
	}
}
