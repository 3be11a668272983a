package cover

import (
	"fmt"
	"sync"

	"golang.org/x/image/font/sfnt"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/assets"
	"github.com/offprint/offprint/internal/typeface"
)

// typefaces are the parsed fonts a cover uses, in one family. An
// *sfnt.Font is safe for concurrent use as long as each goroutine brings
// its own sfnt.Buffer.
type typefaces struct {
	title  *sfnt.Font // the serif bold: PT Serif Bold or Noto Serif Bold
	label  *sfnt.Font // the sans bold: kicker and site name
	author *sfnt.Font // the sans regular
}

var (
	fontsOnce [2]sync.Once
	fontsVal  [2]typefaces
	fontsErr  [2]error
)

// loadFonts parses the embedded fonts of family fam once per process.
func loadFonts(fam typeface.Family) (*typefaces, error) {
	fontsOnce[fam].Do(func() {
		parse := func(r typeface.Role) *sfnt.Font {
			if fontsErr[fam] != nil {
				return nil
			}
			name := fam.File(r)
			b, err := assets.Font(name)
			if err != nil {
				fontsErr[fam] = fmt.Errorf("cover: %w", err)
				return nil
			}
			f, err := sfnt.Parse(b)
			if err != nil {
				fontsErr[fam] = fmt.Errorf("cover: parse %s: %w", name, err)
				return nil
			}
			return f
		}
		fontsVal[fam] = typefaces{
			title:  parse(typeface.SerifBold),
			label:  parse(typeface.SansBold),
			author: parse(typeface.SansRegular),
		}
	})
	if fontsErr[fam] != nil {
		return nil, fontsErr[fam]
	}
	return &fontsVal[fam], nil
}

// familyFor returns the family a cover of m is set in. A cover is one
// family, never a mix (its lines are measured and drawn in one font): PT,
// as the PDF of a Latin or Cyrillic article is, unless a word the cover
// shows — the title, the section, the authors, the site name — has a
// character only Noto has (typeface.Needs): a Greek or Vietnamese title,
// or an English title quoting a Greek word, which PT would drop.
func familyFor(m *article.Meta) typeface.Family {
	var t typeface.Tally
	for _, s := range []string{m.Title, m.Section, m.SiteName} {
		t.Add(s)
	}
	for _, s := range m.Authors {
		t.Add(s)
	}
	if t.Needing > 0 {
		return typeface.Noto
	}
	return typeface.PT
}
