package convert

import (
	"fmt"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/reader"
	"github.com/offprint/offprint/internal/typo"
)

// Result tells what a conversion wrote.
type Result struct {
	// Article is the article as it was rendered.
	Article *article.Article
	// Paths are the files written, in the order of Options.Formats.
	Paths []string
}

// Read reads an input into the article model, refuses it with ErrTooLong
// when it is longer than opt.MaxWords, fits its images for the renderers (picture.Fit: scaled down, upright, PNG, JPEG or GIF), and
// applies the overrides and the typographic refinement of opt: the article
// both renderers receive.
func Read(in Input, opt Options) (*article.Article, error) {
	ropt := opt.Reader
	if ropt.BaseDir == "" {
		ropt.BaseDir = in.BaseDir
	}
	if ropt.URL == "" {
		ropt.URL = in.URL
	}
	if ropt.ContentType == "" {
		ropt.ContentType = in.ContentType
	}
	if ropt.LoadImage == nil && !ropt.NoImages {
		ropt.LoadImage = in.LoadImage
	}
	if ropt.Warn == nil {
		ropt.Warn = opt.Warn
	}
	if err := opt.cancelled(); err != nil {
		return nil, err
	}
	a, err := reader.Read(in.Name, in.Data, ropt)
	if err != nil {
		return nil, err
	}
	if err := opt.cancelled(); err != nil {
		return nil, err
	}
	if max := opt.maxWords(); max > 0 {
		if n := a.WordCount(); n > max {
			return nil, fmt.Errorf("%w: %d words, more than %d (see --max-words)", ErrTooLong, n, max)
		}
	}
	fitImages(a, opt.warn)
	opt.Override.apply(&a.Meta)
	if !opt.NoSmart {
		typo.Refine(a)
	}
	if err := opt.cancelled(); err != nil {
		return nil, err
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	return a, nil
}

// Convert reads one input and writes its outputs into opt.OutDir. On error
// no output file of this input is left behind, and its turn in opt.Names
// is released.
func Convert(in Input, opt Options) (*Result, error) {
	a, err := Read(in, opt)
	if err != nil {
		opt.Names.Release(opt.Turn)
		return nil, err
	}
	return Write(a, opt)
}

// Write renders an article into every format of opt and moves the files
// into place together. A single article is written as a collection of one.
func Write(a *article.Article, opt Options) (*Result, error) {
	res, err := WriteCollection(article.Single(a), opt)
	if err != nil {
		return nil, err
	}
	res.Article = a
	return res, nil
}

func errUnknownFormat(f string) error {
	return fmt.Errorf("convert: unknown output format %q (want epub, kepub or pdf)", f)
}
