package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	unorm "golang.org/x/text/unicode/norm"
)

// europeanArticles are the articles of testdata/corpus/lang written in the
// Latin, Cyrillic or Greek script: every one must convert with no set-up,
// every character drawn and every paragraph given back by pdftotext.
var europeanArticles = []string{
	"cs-tramvaj.md", "de-fernwaerme.md", "el-afalatosi.md", "es-comunidad-solar.md",
	"fi-talvipyoraily.md", "fr-vendanges.md", "it-affreschi.md", "nl-dijkversterking.md",
	"pl-kolej.md", "pt-BR-ciclovias.md", "tr-deprem.md", "uk-arkhiv-gazet.md", "vi-han-man.md",
}

// langFold folds what typography changes and what extraction may alter:
// composed form, every quotation mark and apostrophe, dashes and hyphens,
// special spaces, case.
func langFold(s string) string {
	s = unorm.NFC.String(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.Is(unicode.Quotation_Mark, r) || r == '’' || r == '\'' || r == 'ʼ':
			return -1
		case unicode.Is(unicode.Dash, r) || r == '\u00ad':
			return -1
		case unicode.IsSpace(r):
			return ' '
		}
		return unicode.ToLower(r)
	}, s)
	s = strings.ReplaceAll(s, "…", "...")
	return strings.Join(strings.Fields(s), " ")
}

// markdownBody returns the paragraphs and headings of a Markdown article
// with a YAML block and no inline markup, as the corpus articles are.
func markdownBody(t *testing.T, path string) (title string, paras []string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	meta, body, ok := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
	if !ok {
		t.Fatalf("%s: no YAML block", path)
	}
	for _, line := range strings.Split(meta, "\n") {
		if v, ok := strings.CutPrefix(line, "title:"); ok {
			title = strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	for _, p := range strings.Split(body, "\n\n") {
		p = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(p), "#"))
		if p != "" {
			paras = append(paras, p)
		}
	}
	return title, paras
}

// pagesText extracts a PDF's body text page by page, leaving out the title
// page, each page's running header (the title, shortened) and footer (a
// line of a few words holding the page number and the page count), and
// rejoins the words hyphenated at line ends.
func pagesText(t *testing.T, pdf, title string) string {
	t.Helper()
	info, err := tool(t, "pdfinfo", pdf)
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	var pages int
	if m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(info); m != nil {
		fmt.Sscan(m[1], &pages)
	}
	ft := langFold(title)
	var kept []string
	for p := 2; p <= pages; p++ {
		out, err := tool(t, "pdftotext", "-enc", "UTF-8", "-f", itoa(p), "-l", itoa(p), pdf, "-")
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		folio := regexp.MustCompile(fmt.Sprintf(`(^|\D)%d\D(.*\D)?%d($|\D)`, p, pages))
		for _, line := range strings.Split(out, "\n") {
			l := strings.TrimSpace(strings.Trim(line, "\f"))
			fl := langFold(strings.TrimSuffix(l, "…"))
			switch {
			case l == "":
			case folio.MatchString(l) && len(strings.Fields(l)) <= 8:
			case len(fl) > 10 && strings.HasPrefix(ft, fl):
			default:
				kept = append(kept, l)
			}
		}
	}
	return regexp.MustCompile(`[-‐]\n`).ReplaceAllString(strings.Join(kept, "\n"), "")
}

// TestEuropeanLanguages converts each article in a European script with no
// flag: no character may be missing from the fonts, and both outputs must
// give back every paragraph and heading. (make check runs epubcheck on
// them.) Texts are compared without their spaces: a line that ends in an
// explicit hyphen ("jalankulku- ja") cannot be told from a hyphenated word.
func TestEuropeanLanguages(t *testing.T) {
	requireTool(t, "pdftotext")
	requireTool(t, "pdfinfo")
	for _, file := range europeanArticles {
		t.Run(file, func(t *testing.T) {
			src := filepath.Join(corpus, "lang", file)
			title, paras := markdownBody(t, src)
			dir := t.TempDir()
			code, _, stderr := offprint(t, "", "-o", dir, src)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if strings.TrimSpace(stderr) != "" {
				t.Errorf("warnings: %s", stderr)
			}
			epubs, _ := filepath.Glob(filepath.Join(dir, "*.epub"))
			pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
			if len(epubs) != 1 || len(pdfs) != 1 {
				t.Fatalf("want one EPUB and one PDF, got %v %v", epubs, pdfs)
			}
			squeeze := func(s string) string { return strings.ReplaceAll(langFold(s), " ", "") }
			pdfText := squeeze(pagesText(t, pdfs[0], title))
			epubTxt := squeeze(epubText(t, epubs[0]))
			for _, p := range paras {
				want := squeeze(p)
				if !strings.Contains(pdfText, want) {
					t.Errorf("the PDF's text lacks %q", p)
				}
				if !strings.Contains(epubTxt, want) {
					t.Errorf("the EPUB's text lacks %q", p)
				}
			}
		})
	}
}
