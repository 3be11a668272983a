package fetch

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/offprint/offprint/internal/picture"
)

// Errors that the errors returned by Get and the ImageLoader wrap, for
// errors.Is. The messages carry the details (the limit, the type, the
// scheme) after these words.
var (
	// ErrTooLarge: the response body is over Options.MaxBytes (pages) or
	// Options.MaxImageBytes (images), by its Content-Length or as read.
	ErrTooLarge = errors.New("response too large")

	// ErrContentType: the response is not of a type Get or the
	// ImageLoader accepts (a PDF instead of a page, a page instead of an
	// image).
	ErrContentType = errors.New("unsupported content type")

	// ErrTooManyRedirects: following the redirects would have taken more
	// than Options.MaxRedirects of them.
	ErrTooManyRedirects = errors.New("too many redirects")

	// ErrScheme: the URL, or a redirect's target, is not an absolute
	// http or https URL.
	ErrScheme = errors.New("not an http or https URL")

	// ErrImagesTimeout: the time for all the images of one ImageLoader
	// (Options.ImagesTimeout) ran out. Such errors also wrap
	// picture.ErrBudget and context.DeadlineExceeded.
	ErrImagesTimeout = errors.New("the time for the page's images ran out")
)

// imagesTimeoutError is the cause of an image request cut by
// Options.ImagesTimeout.
type imagesTimeoutError struct{ d time.Duration }

func (e *imagesTimeoutError) Error() string {
	return fmt.Sprintf("%v: the time for the page's images (%v) ran out", picture.ErrBudget, e.d)
}

func (e *imagesTimeoutError) Unwrap() []error {
	return []error{ErrImagesTimeout, picture.ErrBudget, context.DeadlineExceeded}
}

// Timeout reports true, like the timeouts of package net.
func (e *imagesTimeoutError) Timeout() bool { return true }

// StatusError reports a response whose status code is not 2xx. Get and
// the ImageLoader return it wrapped; find it with errors.As.
type StatusError struct {
	Code   int    // the status code, e.g. 404
	Status string // the code and its reason phrase, e.g. "404 Not Found"
}

// Error returns the status, e.g. "404 Not Found".
func (e *StatusError) Error() string { return e.Status }

// timeoutError is the cause of a request that ran out of Options.Timeout.
// It is context.DeadlineExceeded to errors.Is.
type timeoutError struct{ d time.Duration }

func (e *timeoutError) Error() string { return fmt.Sprintf("timed out after %v", e.d) }
func (e *timeoutError) Unwrap() error { return context.DeadlineExceeded }

// Timeout reports true, like the timeouts of package net.
func (e *timeoutError) Timeout() bool { return true }
