// Package lazyre compiles a regular expression on its first use instead of
// at program start. offprint is started once per article and most of its
// expressions belong to one reader, so compiling them all in package
// initialisers cost every run milliseconds for expressions it never used.
//
//	var ordinal = lazyre.New(`\b(\d{1,2})(?:st|nd|rd|th)\b`)
//
//	s = ordinal().ReplaceAllString(s, "$1")
//
// The expression is compiled once, safely for concurrent use; an invalid
// expression panics on first use, as regexp.MustCompile does.
package lazyre

import (
	"regexp"
	"sync"
)

// New returns a function that compiles expr on its first call and returns
// the same *regexp.Regexp on every call.
func New(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
