package hyph_test

import (
	"fmt"

	"github.com/offprint/offprint/internal/hyph"
)

func Example() {
	h, ok := hyph.ForLanguage("en")
	if !ok {
		return
	}
	fmt.Println(h.Hyphenate("hyphenation", "-"))
	fmt.Println(h.Points("hyphenation"))
	fmt.Println(h.WithExceptions("pro-ject").Hyphenate("project", "-"))
	ru, _ := hyph.ForLanguage("ru")
	fmt.Println(ru.Hyphenate("библиотека", "\u00AD") == "биб\u00ADлио\u00ADте\u00ADка")
	de, _ := hyph.ForLanguage("de-CH") // Swiss German: the German patterns
	fmt.Println(de.Hyphenate("Silbentrennung", "-"))
	// Output:
	// hy-phen-ation
	// [2 6]
	// pro-ject
	// true
	// Sil-ben-tren-nung
}
