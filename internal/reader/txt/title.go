package txt

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTitleRunes is the longest first line taken as a title; a longer one
// is a paragraph of text with no title before it.
const maxTitleRunes = 300

// siteWords are words that make a short phrase a publication's name.
var siteWords = wordSet(`news times post herald tribune journal guardian daily gazette online press media wire
	reuters bbc cnn telegraph independent observer express mirror standard chronicle magazine weekly
	bloomberg economist politico axios wired verge techcrunch ars lwn medium substack
	новости газета ведомости известия коммерсантъ коммерсант риа тасс интерфакс медуза лента рбк
	zeitung spiegel welt monde figaro libération país mundo corriere repubblica nación clarín heise`)

// splitTitle splits a site name off a title when the line obviously
// carries one: "Title | Site Name", "Title - example.com", "Title — The
// Daily News". Only " | " (and "::", " · ") is taken at its word; after a
// dash the name must look like a domain or hold a word such as "News",
// "Times" or "Газета".
func splitTitle(line string) (title, site string) {
	for _, sep := range []string{" | ", " || ", " :: ", " · ", " • "} {
		if i := strings.LastIndex(line, sep); i > 0 {
			left, right := strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+len(sep):])
			if isSiteName(right, false) && words(left) >= 2 {
				return left, right
			}
			if j := strings.Index(line, sep); j == i && isSiteName(left, true) && words(right) > words(left) {
				return right, left // "Site | Title"
			}
		}
	}
	for _, sep := range []string{" — ", " – ", " - "} {
		if i := strings.LastIndex(line, sep); i > 0 {
			left, right := strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+len(sep):])
			if isSiteName(right, true) && words(left) >= 2 {
				return left, right
			}
		}
	}
	return line, ""
}

// isSiteName reports whether s can be a site name: one to five words, at
// most 40 letters, not ending like a sentence. strict asks for evidence: a
// domain, or a word like "News".
func isSiteName(s string, strict bool) bool {
	n := words(s)
	if n == 0 || n > 5 || utf8.RuneCountInString(s) > 40 || strings.ContainsAny(s[len(s)-1:], ".!?:;,") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsUpper(r) && !unicode.IsDigit(r) && !isDomain(s) {
		return false
	}
	if isDomain(s) {
		return true
	}
	if !strict {
		// "Part 2", "Chapter 3" are parts of the title, not sites.
		strict = false
		for _, w := range strings.Fields(s) {
			if strings.Trim(w, "0123456789IVXivx") == "" {
				strict = true
			}
		}
		if !strict {
			return true
		}
	}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if siteWords[strings.Trim(w, "'’\".,")] {
			return true
		}
	}
	return false
}

// isDomain reports whether s looks like a domain name: "example.com",
// "lenta.ru", "www.bbc.co.uk".
func isDomain(s string) bool {
	if strings.ContainsAny(s, " /@") {
		return false
	}
	parts := strings.Split(strings.ToLower(s), ".")
	if len(parts) < 2 {
		return false
	}
	tld := parts[len(parts)-1]
	if len(tld) < 2 || len(tld) > 6 {
		return false
	}
	for _, r := range tld {
		if r < 'a' || r > 'z' {
			if !unicode.IsLetter(r) { // рф
				return false
			}
		}
	}
	for _, p := range parts[:len(parts)-1] {
		if p == "" {
			return false
		}
	}
	return true
}

// makeTitle makes a title from a paragraph that came with none: its first
// sentence, or its first words, cut at a word to at most 80 letters.
func makeTitle(para string) string {
	const max = 80
	if i := strings.IndexAny(para, ".!?…"); i > 0 && utf8.RuneCountInString(para[:i]) <= max {
		return strings.TrimSpace(para[:i])
	}
	var b strings.Builder
	for _, w := range strings.Fields(para) {
		if utf8.RuneCountInString(b.String())+1+utf8.RuneCountInString(w) > max {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	if b.Len() == 0 { // one very long word
		r := []rune(para)
		return string(r[:max]) + "…"
	}
	return b.String() + "…"
}

func words(s string) int { return len(strings.Fields(s)) }
