package reader

import (
	"fmt"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/charset"
	htmlreader "github.com/offprint/offprint/internal/reader/html"
	"github.com/offprint/offprint/internal/reader/markdown"
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
	LoadImage func(ref string) ([]byte, error)
	// Warn receives warnings that do not stop reading; nil discards them.
	Warn func(string)
}

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
			a, err = txt.Read(data)
		} else {
			a, err = markdown.Read(data, markdown.Options{
				URL: opt.URL, BaseDir: opt.BaseDir, NoImages: opt.NoImages, LoadImage: opt.LoadImage, Warn: opt.Warn,
			})
		}
	case HTML:
		a, err = htmlreader.Read(data, htmlreader.Options{
			URL: opt.URL, ContentType: opt.ContentType, BaseDir: opt.BaseDir,
			NoImages: opt.NoImages, LoadImage: opt.LoadImage, Warn: opt.Warn,
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
