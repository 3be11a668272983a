package convert

import (
	"strings"

	"github.com/gosimple/slug"
)

// maxStem is the longest file name stem (without extension) FileStem returns.
const maxStem = 60

// FileStem returns the output file name stem for an article title: an ASCII
// slug (Cyrillic and other scripts transliterated, lower case, words joined
// by hyphens) of at most 60 characters, cut at a word boundary. A title with
// nothing to transliterate gives "article". The result never contains a
// path separator or starts with a dot, whatever the title holds.
func FileStem(title, lang string) string {
	base := strings.ToLower(lang)
	if i := strings.IndexByte(base, '-'); i >= 0 {
		base = base[:i]
	}
	s := slug.MakeLang(title, base)
	if len(s) > maxStem {
		cut := strings.LastIndexByte(s[:maxStem+1], '-')
		if cut <= 0 {
			cut = maxStem
		}
		s = strings.Trim(s[:cut], "-")
	}
	if s == "" {
		return "article"
	}
	return s
}
