package pdf

import (
	"strings"

	"github.com/offprint/offprint/internal/hyph"
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
