package convert

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/cover"
	"github.com/offprint/offprint/internal/epub"
	"github.com/offprint/offprint/internal/pdf"
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

// Read reads an input into the article model and applies the overrides and
// the typographic refinement of opt: the article both renderers receive.
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
	a, err := reader.Read(in.Name, in.Data, ropt)
	if err != nil {
		return nil, err
	}
	opt.Override.apply(&a.Meta)
	if !opt.NoSmart {
		typo.Refine(a)
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	return a, nil
}

// Convert reads one input and writes its outputs into opt.OutDir. On error
// no output file of this input is left behind.
func Convert(in Input, opt Options) (*Result, error) {
	a, err := Read(in, opt)
	if err != nil {
		return nil, err
	}
	return Write(a, opt)
}

// Write renders an article into every format of opt and moves the files
// into place together.
func Write(a *article.Article, opt Options) (*Result, error) {
	dir := opt.OutDir
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	stem := filepath.Join(dir, FileStem(a.Meta.Title, a.Meta.Language))
	var staged []pending
	for _, f := range opt.formats() {
		render, err := renderer(f, a, opt)
		if err != nil {
			discard(staged)
			return nil, err
		}
		p, err := stage(stem+"."+f, render)
		if err != nil {
			discard(staged)
			return nil, err
		}
		staged = append(staged, p)
	}
	if err := commit(staged, opt.Force); err != nil {
		return nil, err
	}
	res := &Result{Article: a}
	for _, p := range staged {
		res.Paths = append(res.Paths, p.final)
	}
	return res, nil
}

// renderer returns the function that writes a in format f.
func renderer(f string, a *article.Article, opt Options) (func(io.Writer) error, error) {
	switch f {
	case EPUB:
		eo := opt.EPUB
		eo.Date, eo.Version, eo.Warn = opt.Date, opt.Version, opt.Warn
		if !opt.NoCover {
			img, mediaType, err := coverImage(a, opt)
			if err != nil {
				return nil, err
			}
			eo.Cover, eo.CoverType = img, mediaType
		}
		return func(w io.Writer) error { return epub.Write(w, a, eo) }, nil
	case PDF:
		po := opt.PDF
		po.Date, po.Version, po.Warn = opt.Date, opt.Version, opt.Warn
		return func(w io.Writer) error { return pdf.Write(w, a, po) }, nil
	}
	return nil, fmt.Errorf("convert: unknown output format %q (want epub or pdf)", f)
}

// coverImage returns the user's cover or renders one from the metadata.
func coverImage(a *article.Article, opt Options) ([]byte, string, error) {
	if opt.CoverImage != nil {
		mt, err := imageType(opt.CoverImage)
		return opt.CoverImage, mt, err
	}
	var b bytes.Buffer
	co := cover.Options{}
	if err := cover.Render(&b, &a.Meta, co); err != nil {
		return nil, "", err
	}
	return b.Bytes(), co.MediaType(), nil
}
