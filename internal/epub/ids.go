package epub

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/gosimple/slug"

	"github.com/offprint/offprint/article"
)

// The fixed element identifiers of the text page.
const (
	notesID = "notes" // the endnotes section's heading
)

// maxIDLength bounds the length of a heading identifier made from its text.
const maxIDLength = 48

// idSet hands out element identifiers that are unique within a document
// and valid XML names (NCName) made of ASCII letters, digits, '-', '_' and
// '.', starting with a letter.
type idSet struct {
	used map[string]bool
	next map[string]int // per base, the suffix to try next
}

// take returns base, or base-2, base-3… when base is taken.
func (s *idSet) take(base string) string {
	if s.used == nil {
		s.used, s.next = make(map[string]bool), make(map[string]int)
	}
	id := base
	n := max(s.next[base], 2)
	for ; s.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s.next[base] = n
	s.used[id] = true
	return id
}

// noteIDs assigns the identifiers of footnotes: "fn-" and the note's own
// identifier when that is made of ASCII letters, digits, '-' and '_' (so
// links keep their meaning), else "fn-" and the note's number.
func noteIDs(notes []article.Note, ids *idSet) map[string]string {
	m := make(map[string]string, len(notes))
	for i, n := range notes {
		base := "fn-" + n.ID
		if !simpleID(n.ID) || ids.used[base] {
			base = "fn-" + strconv.Itoa(i+1)
		}
		m[n.ID] = ids.take(base)
	}
	return m
}

// simpleID reports whether s is non-empty and made only of ASCII letters,
// digits, '-' and '_'.
func simpleID(s string) bool {
	if s == "" || len(s) > maxIDLength {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// headingID returns the identifier base of a heading with the given text:
// its ASCII slug ("how-it-works", "kak-ustroena-nochnaia-smena"), cut at a
// word boundary, prefixed when it would not start with a letter or would
// look like an identifier offprint uses for notes.
func headingID(text string) string {
	id := slug.Make(text)
	if len(id) > maxIDLength {
		id = id[:maxIDLength]
		if i := strings.LastIndexByte(id, '-'); i > maxIDLength/2 {
			id = id[:i]
		}
		id = strings.TrimRight(id, "-")
	}
	switch {
	case id == "":
		return "section"
	case id[0] < 'a' || id[0] > 'z', strings.HasPrefix(id, "fn-"), strings.HasPrefix(id, "fnref-"), id == notesID:
		return "h-" + id
	}
	return id
}

// unicodeSlug is the identifier Markdown processors commonly give a
// heading: lower case, letters and digits of any script kept, spaces turned
// into hyphens, other punctuation dropped. Fragment links written against
// such identifiers are resolved to offprint's own.
func unicodeSlug(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(text)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte('-')
		}
	}
	return b.String()
}
