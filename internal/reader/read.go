package reader

import (
	"fmt"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/charset"
	htmlreader "github.com/offprint/offprint/internal/reader/html"
	"github.com/offprint/offprint/internal/reader/limits"
	"github.com/offprint/offprint/internal/reader/markdown"
	"github.com/offprint/offprint/internal/reader/mhtml"
	"github.com/offprint/offprint/internal/reader/txt"
)

// Options configures Read. The zero value detects the format and expects
// UTF-8 (or UTF-16 with a byte-order mark) text.
type Options struct {
	// From forces the input format; "" detects it.
	From Format
	// Encoding names the character set of text and Markdown input that is
	// not UTF-8 ("windows-1251", "iso-8859-1", …). HTML declares its own.
	Encoding string
	// BaseDir is the folder relative image references resolve against.
	BaseDir string
	// URL is the address the input came from, for resolving relative links.
	URL string
	// ContentType is the HTTP Content-Type header of a fetched input.
	ContentType string
	// NoImages leaves images out.
	NoImages bool
	// LoadImage fetches images given by URL; nil leaves remote images out.
	// An MHTML archive's pictures come from the archive, and only those
	// it lacks are fetched.
	LoadImage func(ref string) ([]byte, error)
	// Warn receives warnings that do not stop reading; nil discards them.
	Warn func(string)
	// MaxBlocks is the most blocks (paragraphs, headings, list items,
	// rules, table rows, …) an article may have; zero means
	// DefaultMaxBlocks, negative no limit. Each reader counts them before
	// or while it parses, and refuses an input over it with an error
	// wrapping ErrTooComplex, so that content without words (five million
	// empty list items) cannot take gigabytes.
	MaxBlocks int
	// MaxNodes is the most nodes an input may make its parser build: HTML
	// elements and text runs, Markdown lines and inline marks, text lines.
	// Zero means DefaultMaxNodes, negative no limit.
	MaxNodes int
}

// DefaultMaxBlocks is the most blocks an article may have when
// Options.MaxBlocks is zero: 100,000 (a 500,000-word novel has some
// 20,000 paragraphs).
const DefaultMaxBlocks = limits.DefaultMaxBlocks

// DefaultMaxNodes is the most nodes an input may make its parser build
// when Options.MaxNodes is zero: 1,000,000.
const DefaultMaxNodes = limits.DefaultMaxNodes

// ErrTooComplex is wrapped by the error of an input over MaxBlocks or
// MaxNodes: "txt: too many blocks: more than 100000 (…)". The error is a
// *limits.Error, which names the limit.
var ErrTooComplex = limits.ErrTooComplex

// Read reads the input called name (used for format detection by extension)
// into an article. The article is validated.
func Read(name string, data []byte, opt Options) (*article.Article, error) {
	f := opt.From
	if f == "" {
		f = Detect(name, data)
	}
	var (
		a   *article.Article
		err error
	)
	switch f {
	case Text, Markdown:
		// The text reader decodes UTF-8 and UTF-16 itself and tells binary
		// data from text; other encodings are converted first.
		if f == Markdown || opt.Encoding != "" {
			data, err = charset.DecodeText(data, opt.Encoding)
			if err != nil {
				return nil, err
			}
		}
		if f == Text {
			a, err = txt.ReadOptions(data, txt.Options{MaxBlocks: opt.MaxBlocks, MaxLines: opt.MaxNodes})
		} else {
			a, err = markdown.Read(data, markdown.Options{
				URL: opt.URL, BaseDir: opt.BaseDir, NoImages: opt.NoImages, LoadImage: opt.LoadImage, Warn: opt.Warn,
				MaxBlocks: opt.MaxBlocks, MaxNodes: opt.MaxNodes,
			})
		}
	case HTML:
		a, err = htmlreader.Read(data, htmlreader.Options{
			URL: opt.URL, ContentType: opt.ContentType, BaseDir: opt.BaseDir,
			NoImages: opt.NoImages, LoadImage: opt.LoadImage, Warn: opt.Warn,
			MaxBlocks: opt.MaxBlocks, MaxNodes: opt.MaxNodes,
		})
	case MHTML:
		a, err = mhtml.Read(data, mhtml.Options{
			NoImages: opt.NoImages, LoadImage: opt.LoadImage, Warn: opt.Warn,
			MaxBlocks: opt.MaxBlocks, MaxNodes: opt.MaxNodes,
		})
	default:
		return nil, fmt.Errorf("reader: unknown format %q", f)
	}
	if err != nil {
		return nil, err
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	return a, nil
}
