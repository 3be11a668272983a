package l10n

import "fmt"

// Count returns a function that writes a count in a language with one
// plural form: "1 article", "4 articles".
func Count(one, many string) func(int) string {
	f := Forms{One: one, Other: many}
	return func(n int) string { return fmt.Sprintf("%d %s", n, f.form(ruleOne(n))) }
}

// SlavicCount returns a function that writes a count in Russian,
// Ukrainian or Belarusian: the form for 1 (21, 31…), for 2–4 (22–24…) and
// for the rest, 11–14 included.
func SlavicCount(one, few, many string) func(int) string {
	f := Forms{One: one, Few: few, Many: many}
	return func(n int) string { return fmt.Sprintf("%d %s", n, f.form(ruleEastSlavic(n))) }
}
