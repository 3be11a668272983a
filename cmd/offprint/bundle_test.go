package main

import (
	"path/filepath"
	"strings"
	"testing"
)

var (
	goodInputs = []string{"csto-summit-bishkek.txt", "night-library.txt", "reading-offline.md", "river-tram-cp1251.html"}
	goodTitles = []string{
		"Outcomes of the CSTO Summit in Bishkek Through the Lens of the Looming Great War",
		"В Новосибирске открылась первая городская библиотека, работающая по ночам",
		"Reading Offline: Notes from a Year Without Push Notifications",
		"Речной трамвай вернётся на Обь летом",
	}
)

func corpusPaths(names ...string) []string {
	var out []string
	for _, n := range names {
		out = append(out, filepath.Join(corpus, n))
	}
	return out
}

// TestBatchWithBadInput converts the corpus articles with a bad file among
// them: the others are written and the exit status is 1.
func TestBatchWithBadInput(t *testing.T) {
	dir := t.TempDir()
	inputs := corpusPaths(append(goodInputs[:2:2], "bad/title-only.txt", goodInputs[2], goodInputs[3])...)
	code, _, stderr := offprint(t, "", append([]string{"-o", dir}, inputs...)...)
	if code != exitInput {
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	if !strings.Contains(stderr, "title-only.txt: txt: no article text") || !strings.Contains(stderr, "converted 4, failed 1") {
		t.Errorf("stderr lacks the failure or the summary:\n%s", stderr)
	}
	if got := outputs(t, dir); len(got) != 8 {
		t.Errorf("want 4 pairs of outputs, got %v", got)
	}
}

// TestBundle binds the corpus articles into one book and checks that its
// navigation and outline list each article.
func TestBundle(t *testing.T) {
	requireTool(t, "qpdf")
	dir := t.TempDir()
	inputs := corpusPaths(append(goodInputs[:2:2], "bad/empty.txt", goodInputs[2], goodInputs[3])...)
	code, stdout, stderr := offprint(t, "", append([]string{"-v", "--bundle", "--title", "Week 12", "--author", "Ed Itor", "-o", dir}, inputs...)...)
	if code != exitInput || !strings.Contains(stderr, "empty.txt") || !strings.Contains(stderr, "bundled 4 of 5") {
		t.Errorf("exit %d, stderr %q; want 1 with the bad input named", code, stderr)
	}
	epub, pdf := filepath.Join(dir, "week-12.epub"), filepath.Join(dir, "week-12.pdf")
	if stdout != epub+"\n"+pdf+"\n" {
		t.Fatalf("stdout %q", stdout)
	}
	nav := norm(epubEntry(t, epub, "nav.xhtml"))
	outline, err := tool(t, "qpdf", "--json", "--json-key=outlines", pdf)
	if err != nil {
		t.Fatal(err)
	}
	outline = norm(outline)
	last := -1
	for _, title := range goodTitles {
		title = norm(title)
		i := strings.Index(nav, title)
		if i < 0 {
			t.Errorf("EPUB navigation lacks %q", title)
		} else if i < last {
			t.Errorf("EPUB navigation lists %q out of order", title)
		}
		last = i
		if !strings.Contains(outline, title) {
			t.Errorf("PDF outline lacks %q", title)
		}
	}
	for _, h := range []string{"Как устроена ночная смена", "Why we tried it"} {
		if !strings.Contains(nav, norm(h)) || !strings.Contains(outline, norm(h)) {
			t.Errorf("heading %q missing from the navigation or the outline", h)
		}
	}
	if opf := epubEntry(t, epub, ".opf"); !strings.Contains(opf, ">Week 12<") || !strings.Contains(opf, ">Ed Itor<") {
		t.Error("package metadata lacks the collection's title or editor")
	}
}
