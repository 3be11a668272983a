package article

import "strings"

// CleanNames returns names with the white space around each trimmed and
// the blank ones (empty or only white space) dropped, in their order. A
// list that needs no change is returned as it is; one with no name left is
// nil.
func CleanNames(names []string) []string {
	clean := true
	for _, n := range names {
		if n == "" || strings.TrimSpace(n) != n {
			clean = false
			break
		}
	}
	if clean {
		return names
	}
	var out []string
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}
