package txt

import (
	"errors"
	"fmt"
)

// The errors Read returns, wrapped: test for them with errors.Is. Their
// messages are one line, prefixed "txt: ".
var (
	// ErrEmpty: the input is empty or only white space.
	ErrEmpty = errors.New("empty input")
	// ErrBinary: the input is binary data (NUL bytes, many control
	// characters), not text.
	ErrBinary = errors.New("binary data, not text")
	// ErrEncoding: the input is not UTF-8 (nor UTF-16 with a byte order
	// mark). The error is an *EncodingError that names the first bad byte.
	ErrEncoding = errors.New("invalid UTF-8")
	// ErrNoBody: there is a title but no article text after it.
	ErrNoBody = errors.New("no article text after the title")
	// ErrBoilerplate: the input holds only share buttons, comment prompts
	// and links to other articles.
	ErrBoilerplate = errors.New("only share buttons, comment prompts and links to other articles, no article text")
)

// EncodingError reports input that is not valid UTF-8. It matches
// ErrEncoding with errors.Is.
type EncodingError struct {
	// Offset is the byte offset of the first byte that is not UTF-8,
	// counted from the start of the input as given.
	Offset int
}

func (e *EncodingError) Error() string {
	return fmt.Sprintf("txt: %v at byte %d (use --encoding to convert)", ErrEncoding, e.Offset)
}

// Unwrap returns ErrEncoding.
func (e *EncodingError) Unwrap() error { return ErrEncoding }

func fail(err error) error { return fmt.Errorf("txt: %w", err) }
