package pdf

import (
	"strings"

	"github.com/offprint/offprint/internal/hyph"
	"github.com/offprint/offprint/internal/linebreak"
)

// hyphenator returns the hyphenation function for a language, or nil when
// offprint has no patterns for it (the text is then set unhyphenated). It
// is safe for concurrent use.
func hyphenator(lang string) func(string) []int {
	h, ok := hyph.ForLanguage(lang)
	if !ok {
		return nil
	}
	return h.Points
}

// unhyphenated lists the languages whose words are not hyphenated but are
// short enough to be justified without: Vietnamese, written a syllable a
// word (TeX's hyph-vi has no patterns, by design); Chinese and Japanese,
// whose lines break between characters and spread their slack there
// (cjkjustify.go); Arabic, Persian, Urdu and Hebrew, which books
// set justified without hyphens; Hindi.
var unhyphenated = []string{"vi", "vie", "zh", "ja", "ar", "fa", "ur", "he", "iw", "yi", "hi"}

// justifies reports whether the body of an article in lang is justified:
// when offprint has hyphenation patterns for the language, or the language
// needs none (unhyphenated). Other text (a language without patterns, or
// none known) is set ragged right by the same Knuth–Plass breaker, as TeX's
// \raggedright sets it: justified lines that cannot hyphenate open gaps of
// an em and more.
func justifies(lang string) bool {
	if _, ok := hyph.ForLanguage(lang); ok {
		return true
	}
	primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(lang)), "-")
	primary, _, _ = strings.Cut(primary, "_")
	for _, u := range unhyphenated {
		if primary == u {
			return true
		}
	}
	return false
}

// bodyAlign is the alignment of the body paragraphs of the article being
// set: justified, or ragged right when its language is not hyphenated.
func (l *layout) bodyAlign() linebreak.Align {
	if l.art != nil && l.art.ragged {
		return linebreak.Left
	}
	return linebreak.Justify
}

// maxMemo bounds the words a memo keeps.
const maxMemo = 1 << 14

// memoize returns h remembering its answers: an article repeats its words
// from paragraph to paragraph (linebreak remembers them only within one),
// and a look-up costs a fraction of finding a word's hyphenation points.
// The result is not safe for concurrent use.
func memoize(h func(string) []int) func(string) []int {
	if h == nil {
		return nil
	}
	memo := make(map[string][]int)
	return func(w string) []int {
		if p, ok := memo[w]; ok {
			return p
		}
		p := h(w)
		if len(memo) < maxMemo {
			memo[strings.Clone(w)] = p // not a slice of the paragraph's text
		}
		return p
	}
}
