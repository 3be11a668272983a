package hyph

import (
	_ "embed" // the packed tries
	"strings"
	"sync"
)

// The shipped pattern files are parsed and packed at development time:
// go generate runs TestShippedTries with -update, which writes
// tries/<lang>.bin, and the same test fails when a file is stale. (The
// package does not compile without the files: to add one, create it empty
// first.)
//
//go:generate go test -count=1 -run=TestShippedTries -update

// The packed trie of each shipped pattern file, in the format of
// encoding.go. The Hyphenators share them: they must not change.
var (
	//go:embed tries/en.bin
	enTrie []byte
	//go:embed tries/ru.bin
	ruTrie []byte
)

// shipped is a pattern set embedded in offprint, decoded on first use.
type shipped struct {
	lang string // as assets.HyphenationPatterns knows it; the trie is tries/<lang>.bin
	data []byte // tries/<lang>.bin
	// The minimums when the file sets none, used when the trie is made.
	left, right int
	once        sync.Once
	h           *Hyphenator
}

// English follows TeX's 2 and 3 (the file says so too); Russian typesetting
// uses 2 and 2.
var (
	english = &shipped{lang: "en", data: enTrie, left: 2, right: 3}
	russian = &shipped{lang: "ru", data: ruTrie, left: 2, right: 2}
)

// shippedSets lists the pattern sets offprint ships.
var shippedSets = []*shipped{english, russian}

// load decodes the packed trie of s.
func (s *shipped) load() (*Hyphenator, error) { return unmarshal(s.data) }

// ForLanguage returns the Hyphenator for a BCP 47 language tag such as
// "en", "en-GB", "en-US", "ru" or "ru-RU". ok is false for languages whose
// patterns offprint does not ship. The patterns are loaded once per process,
// from a trie packed at development time, in a fraction of a millisecond;
// the Hyphenator is shared and safe for concurrent use.
func ForLanguage(tag string) (h *Hyphenator, ok bool) {
	primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	primary, _, _ = strings.Cut(primary, "_")
	var s *shipped
	switch primary {
	case "en", "eng":
		s = english
	case "ru", "rus":
		s = russian
	default:
		return nil, false
	}
	s.once.Do(func() {
		// The embedded tries are tested to decode (TestShippedTries); a
		// failure leaves h nil.
		s.h, _ = s.load()
	})
	return s.h, s.h != nil
}
