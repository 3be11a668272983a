package convert

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/offprint/offprint/internal/epub"
	"github.com/offprint/offprint/internal/kepub"
	"github.com/offprint/offprint/internal/pdf"
	"github.com/offprint/offprint/internal/reader"
)

// Output formats.
const (
	EPUB = "epub"
	PDF  = "pdf"
	// KEPUB is the EPUB with Kobo's span markup (internal/kepub), named
	// NAME.kepub.epub.
	KEPUB = "kepub"
)

// OutputFormats lists the output formats offprint writes by default, in the
// order it writes them.
var OutputFormats = []string{EPUB, PDF}

// KnownFormats lists every output format offprint can write.
var KnownFormats = []string{EPUB, KEPUB, PDF}

// Extension returns the file name extension of an output format: ".epub",
// ".kepub.epub" (the name Kobo devices recognise a KEPUB by) or ".pdf".
func Extension(format string) string {
	if format == KEPUB {
		return kepub.Extension
	}
	return "." + format
}

// Options is everything a conversion can be told: the one options type the
// command line fills and the library reads. The zero value converts to both
// formats in the current folder with the defaults of every stage.
type Options struct {
	// OutDir is the folder outputs are written to; "" is the current folder.
	// It is created when missing.
	OutDir string
	// Formats lists the formats to write (EPUB, KEPUB, PDF); nil means EPUB
	// and PDF.
	Formats []string
	// Force allows overwriting existing outputs.
	Force bool
	// NoSmart turns off typographic refinement (curly quotes, dashes, …).
	NoSmart bool
	// NoCover leaves the generated cover out of the EPUB.
	NoCover bool
	// CoverImage is a user-supplied cover (JPEG or PNG) used instead of the
	// generated one.
	CoverImage []byte
	// Date is the conversion timestamp written into the outputs (the caller
	// derives it from SOURCE_DATE_EPOCH). Zero means the article's own date,
	// else a fixed point: outputs never depend on the clock.
	Date time.Time
	// Version is offprint's version, for the converted-by line.
	Version string
	// MaxWords is the longest article converted, in words (body and
	// notes); zero means DefaultMaxWords and a negative value no limit.
	// Memory grows with the text (a million words take over a gigabyte),
	// so a longer input fails with ErrTooLong before it is rendered.
	MaxWords int
	// Override replaces metadata the reader found.
	Override Override
	// Reader configures the input readers.
	Reader reader.Options
	// EPUB and PDF configure the renderers. Their Date, Version and Warn
	// fields are filled from the fields above.
	EPUB epub.Options
	PDF  pdf.Options
	// Warn receives warnings that do not stop the conversion (missing
	// glyphs, images left out); nil discards them.
	Warn func(msg string)
	// Context cancels the conversion: it is checked after reading, after
	// refinement, before and after each renderer (which check it as they
	// go) and before the outputs are moved into place. A cancelled
	// conversion writes nothing. Nil means context.Background().
	Context context.Context
	// Names, when set, is the run's name registry: outputs whose titles
	// slug alike get distinct names (title, title-2, …) assigned in the
	// order of Turn, and --force replaces only files that were there
	// before the run. Nil names each output after its title alone.
	Names *Names
	// Turn is this conversion's place in the run (its input's index),
	// for Names.
	Turn int
}

// Override holds metadata given on the command line; a zero field keeps
// what the reader found.
type Override struct {
	Title, Subtitle, Section, Language, SourceURL, Rights string
	Authors                                               []string
	Date                                                  time.Time
}

// DefaultMaxWords is the longest article converted when Options.MaxWords
// is zero: half a million words, the length of a long novel, some 800 A4
// pages.
const DefaultMaxWords = 500_000

// ErrTooLong is returned (wrapped) for an article over Options.MaxWords.
var ErrTooLong = errors.New("article too long")

func (o *Options) context() context.Context {
	if o.Context == nil {
		return context.Background()
	}
	return o.Context
}

// cancelled returns the context's cause, prefixed, once it is done.
func (o *Options) cancelled() error {
	if ctx := o.context(); ctx.Err() != nil {
		return fmt.Errorf("convert: %w", context.Cause(ctx))
	}
	return nil
}

func (o *Options) maxWords() int {
	if o.MaxWords == 0 {
		return DefaultMaxWords
	}
	return o.MaxWords
}

func (o *Options) formats() []string {
	if len(o.Formats) == 0 {
		return OutputFormats
	}
	return o.Formats
}

func (o *Options) warn(msg string) {
	if o.Warn != nil {
		o.Warn(msg)
	}
}
