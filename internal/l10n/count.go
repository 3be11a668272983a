// Package l10n holds the language rules the renderers share: how a count
// of things is written ("1 article", "5 статей") and how a date is
// ("14 March 2026", "14 марта 2026").
//
//	articles := l10n.SlavicCount("статья", "статьи", "статей")
//	articles(22)                 // "22 статьи"
//	l10n.Date(published, "de")   // "14. März 2026"
package l10n

import "fmt"

// Count returns a function that writes a count in a language with one
// plural form: "1 article", "4 articles".
func Count(one, many string) func(int) string {
	return func(n int) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	}
}

// SlavicCount returns a function that writes a count in Russian or
// Ukrainian: the form for 1 (21, 31…), for 2–4 (22–24…) and for the rest,
// 11–14 included.
func SlavicCount(one, few, many string) func(int) string {
	return func(n int) string {
		form := many
		switch n10, n100 := n%10, n%100; {
		case n10 == 1 && n100 != 11:
			form = one
		case n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14):
			form = few
		}
		return fmt.Sprintf("%d %s", n, form)
	}
}
