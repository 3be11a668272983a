package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBlankMetadataFlags checks that --author values that are empty or
// only white space are dropped from both outputs (no "Ann, ," on the PDF's
// title page, in its footers or its document information, no empty
// creator in the EPUB), that blank ones alone keep the authors the reader
// found, and that a blank --title counts as not given.
func TestBlankMetadataFlags(t *testing.T) {
	requireTool(t, "pdftotext")
	requireTool(t, "pdfinfo")
	night := filepath.Join(corpus, "night-library.txt")
	csto := filepath.Join(corpus, "csto-summit-bishkek.txt")
	const nightTitle = "В Новосибирске открылась первая городская библиотека, работающая по ночам"
	tests := []struct {
		name    string
		args    []string
		title   string // what the PDF's document information must name
		authors string // what the PDF's document information must name
		absent  string // a pattern neither output may hold
	}{
		{
			name:    "blank authors dropped",
			args:    []string{"--author", "Ann", "--author", "", "--author", " ", night},
			title:   nightTitle,
			authors: "Ann",
			absent:  `Ann\s*,|,\s*,`,
		},
		{
			name:    "only blank authors keep the reader's",
			args:    []string{"--author", "", "--author", "   ", night},
			title:   nightTitle,
			authors: "Ирина Соколова",
			absent:  `Соколова\s*,\s*(,|$)|,\s*,`,
		},
		{
			name:    "blank title keeps the reader's",
			args:    []string{"--title", "   ", "--author", " Ann ", night},
			title:   nightTitle,
			authors: "Ann",
			absent:  `Ann\s*,`,
		},
		{
			name:    "bundle editors",
			args:    []string{"--bundle", "--title", "Week", "--author", "Ed", "--author", " ", night, csto},
			title:   "Week",
			authors: "Ed",
			absent:  `Ed\s*,\s*(,|$)|,\s*,`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			epub, pdf := exportDir(t, tt.args...)
			info, err := tool(t, "pdfinfo", pdf)
			if err != nil {
				t.Fatalf("pdfinfo: %v: %s", err, info)
			}
			for _, want := range []string{"Title:" + tt.title, "Author:" + tt.authors} {
				if !regexp.MustCompile(`(?m)^` + strings.Replace(regexp.QuoteMeta(want), ":", `:\s*`, 1) + `$`).MatchString(info) {
					t.Errorf("PDF information lacks %q:\n%s", want, info)
				}
			}
			text, err := tool(t, "pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", pdf, "-")
			if err != nil {
				t.Fatalf("pdftotext: %v: %s", err, text)
			}
			if !strings.Contains(text, tt.authors) {
				t.Errorf("PDF title page lacks %q:\n%s", tt.authors, text)
			}
			absent := regexp.MustCompile(`(?m)` + tt.absent)
			all, _ := tool(t, "pdftotext", "-enc", "UTF-8", pdf, "-")
			if m := absent.FindString(all); m != "" {
				t.Errorf("PDF holds %q", m)
			}
			if m := absent.FindString(epubText(t, epub)); m != "" {
				t.Errorf("EPUB holds %q", m)
			}
			opf := epubEntry(t, epub, ".opf")
			creators := regexp.MustCompile(`<dc:creator[^>]*>([^<]*)<`).FindAllStringSubmatch(opf, -1)
			if len(creators) == 0 {
				t.Errorf("EPUB names no creator")
			}
			for _, c := range creators {
				if strings.TrimSpace(c[1]) == "" || strings.TrimSpace(c[1]) != c[1] {
					t.Errorf("EPUB creator %q", c[1])
				}
			}
		})
	}
}
