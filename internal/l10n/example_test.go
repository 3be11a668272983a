package l10n_test

import (
	"fmt"
	"time"

	"github.com/offprint/offprint/internal/l10n"
)

func ExampleFor() {
	d := time.Date(2026, time.December, 4, 0, 0, 0, 0, time.UTC)
	for _, tag := range []string{"en", "de-AT", "pl", "cs", "hu", "pt-BR"} {
		w := l10n.For(tag)
		fmt.Printf("%s: %s; %s; %s; %s\n", w.Lang, w.Contents, fmt.Sprintf(w.Page, 3, 12), w.Date(d), w.ArticleCount(22))
	}
	// Output:
	// en: Contents; page 3 of 12; 4 December 2026; 22 articles
	// de-AT: Inhalt; Seite 3 von 12; 4. Dezember 2026; 22 Artikel
	// pl: Spis treści; strona 3 z 12; 4 grudnia 2026; 22 artykuły
	// cs: Obsah; strana 3 z 12; 4. prosince 2026; 22 článků
	// hu: Tartalom; 3/12. oldal; 2026. december 4.; 22 cikk
	// pt-BR: Sumário; página 3 de 12; 4 de dezembro de 2026; 22 artigos
}
