package hyph

import (
	"strings"
	"sync"

	"github.com/offprint/offprint/assets"
)

// shipped is a pattern set embedded in offprint, parsed on first use.
type shipped struct {
	lang        string // as assets.HyphenationPatterns knows it
	left, right int    // minimums when the file sets none
	once        sync.Once
	h           *Hyphenator
}

// English follows TeX's 2 and 3 (the file says so too); Russian typesetting
// uses 2 and 2.
var (
	english = &shipped{lang: "en", left: 2, right: 3}
	russian = &shipped{lang: "ru", left: 2, right: 2}
)

// ForLanguage returns the Hyphenator for a BCP 47 language tag such as
// "en", "en-GB", "en-US", "ru" or "ru-RU". ok is false for languages whose
// patterns offprint does not ship. The patterns are parsed once per process;
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
		data, ok := assets.HyphenationPatterns(s.lang)
		if !ok {
			return
		}
		// The embedded files are tested to parse; a failure leaves h nil.
		s.h, _ = parse(data, s.left, s.right)
	})
	return s.h, s.h != nil
}
