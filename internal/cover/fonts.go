package cover

import (
	"fmt"
	"sync"

	"golang.org/x/image/font/sfnt"

	"github.com/offprint/offprint/assets"
)

// typefaces are the parsed fonts a cover uses. An *sfnt.Font is safe for
// concurrent use as long as each goroutine brings its own sfnt.Buffer.
type typefaces struct {
	title  *sfnt.Font // PT Serif Bold
	label  *sfnt.Font // PT Sans Bold: kicker and site name
	author *sfnt.Font // PT Sans Regular
}

var (
	fontsOnce sync.Once
	fontsVal  typefaces
	fontsErr  error
)

// loadFonts parses the embedded fonts once per process.
func loadFonts() (*typefaces, error) {
	fontsOnce.Do(func() {
		parse := func(name string) *sfnt.Font {
			if fontsErr != nil {
				return nil
			}
			b, err := assets.Font(name)
			if err != nil {
				fontsErr = fmt.Errorf("cover: %w", err)
				return nil
			}
			f, err := sfnt.Parse(b)
			if err != nil {
				fontsErr = fmt.Errorf("cover: parse %s: %w", name, err)
				return nil
			}
			return f
		}
		fontsVal = typefaces{
			title:  parse(assets.SerifBold),
			label:  parse(assets.SansBold),
			author: parse(assets.SansRegular),
		}
	})
	if fontsErr != nil {
		return nil, fontsErr
	}
	return &fontsVal, nil
}
