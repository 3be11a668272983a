// Package limits holds the limits on an article's structure that every
// reader enforces while it reads, before the memory is spent: how many
// blocks an article may have (paragraphs, headings, list items, rules, table
// rows, …) and how many nodes a document may make a parser build (HTML
// elements and text runs, Markdown lines and inline markup).
//
// The input's size and the word limit bound what has words; these bound
// what has none: five million empty list items ("-\n", 10 MB) or three
// million empty "<i></i>" elements would otherwise take gigabytes. Real
// articles stay far below them: a 500,000-word novel has some 20,000
// paragraphs.
//
// The readers' packages import this one; package reader re-exports its
// names (reader.ErrTooComplex, reader.DefaultMaxBlocks, …).
package limits

import (
	"errors"
	"fmt"
	"math"
)

// DefaultMaxBlocks is the most blocks an article may have when the option
// is zero: 100,000.
const DefaultMaxBlocks = 100_000

// DefaultMaxNodes is the most nodes a document may make its parser build
// when the option is zero: 1,000,000 (about 600 MB of parsed HTML).
const DefaultMaxNodes = 1_000_000

// ErrTooComplex is wrapped by every error of an input over a structural
// limit: test for it with errors.Is. The error is a *Error.
var ErrTooComplex = errors.New("input too complex")

// Error reports an input over a structural limit. It matches ErrTooComplex
// with errors.Is. Its message is one line: "too many blocks: more than
// 100000 (paragraphs, list items, …)"; readers prefix their name.
type Error struct {
	// What is counted: "blocks" or "nodes".
	What string
	// Limit is the limit that was passed.
	Limit int
	// Detail says what counts, for the message.
	Detail string
}

func (e *Error) Error() string {
	return fmt.Sprintf("too many %s: more than %d (%s)", e.What, e.Limit, e.Detail)
}

// Is reports whether target is ErrTooComplex.
func (e *Error) Is(target error) bool { return target == ErrTooComplex }

// What the limits count, for Error.Detail.
const (
	BlocksDetail = "paragraphs, headings, list items, rules, table rows and other blocks"
)

// TooManyBlocks returns the error of an article with more than limit
// blocks.
func TooManyBlocks(limit int) error {
	return &Error{What: "blocks", Limit: limit, Detail: BlocksDetail}
}

// TooManyNodes returns the error of a document that would make its parser
// build more than limit nodes; detail says what was counted.
func TooManyNodes(limit int, detail string) error {
	return &Error{What: "nodes", Limit: limit, Detail: detail}
}

// Resolve turns an option into the limit to check: zero means def,
// negative means no limit (math.MaxInt).
func Resolve(opt, def int) int {
	switch {
	case opt == 0:
		return def
	case opt < 0:
		return math.MaxInt
	}
	return opt
}

// Counter counts against a limit. Its zero value has no limit.
type Counter struct {
	// Limit is the most Add may reach; zero means no limit.
	Limit int
	// N is the count so far.
	N int
}

// Add counts n more and reports whether the count is still within the
// limit.
func (c *Counter) Add(n int) bool {
	c.N += n
	return c.Limit <= 0 || c.N <= c.Limit
}

// Over reports whether the count has passed the limit.
func (c *Counter) Over() bool { return c.Limit > 0 && c.N > c.Limit }
