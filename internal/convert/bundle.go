package convert

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/cover"
	"github.com/offprint/offprint/internal/epub"
	"github.com/offprint/offprint/internal/kepub"
	"github.com/offprint/offprint/internal/pdf"
)

// DefaultBundleTitle titles a bundle when no title is given.
const DefaultBundleTitle = "Collected Articles"

// Bundle binds articles, in the order given, into a collection whose
// metadata comes from the override (title, authors as editors, date,
// language, rights, section, source) and otherwise from the articles: the
// language when they all share one, the latest date. No text refinement or
// validation of the articles is repeated: they come from Read.
func Bundle(articles []*article.Article, o Override) *article.Collection {
	c := &article.Collection{Articles: articles}
	m := &c.Meta
	m.Title = DefaultBundleTitle
	for i, a := range articles {
		if i == 0 {
			m.Language = a.Meta.Language
		} else if a.Meta.Language != m.Language {
			m.Language = ""
		}
		if a.Meta.Date.After(m.Date) {
			m.Date = a.Meta.Date
		}
	}
	if m.Language == "" && len(articles) > 0 {
		m.Language = articles[0].Meta.Language
	}
	o.apply(m)
	return c
}

// WriteCollection renders a collection into every format of opt, named after
// the collection's title, and moves the files into place together. With
// opt.Names the name is claimed in the run's registry first (title-2 when
// an earlier turn has title), and opt.Turn is released on any error.
func WriteCollection(c *article.Collection, opt Options) (*Result, error) {
	defer opt.Names.Release(opt.Turn)
	if err := c.Validate(); err != nil {
		return nil, err
	}
	dir := opt.OutDir
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	stem := filepath.Join(dir, FileStem(c.Meta.Title, c.Meta.Language))
	if opt.Names != nil {
		opt.Names.sweepOnce(dir)
		var err error
		if stem, err = opt.Names.claim(opt.context(), opt.Turn, stem); err != nil {
			return nil, err
		}
	}
	if err := opt.cancelled(); err != nil {
		return nil, err
	}
	staged, err := stageAll(c, stem, opt)
	if err != nil {
		return nil, err
	}
	if err := opt.cancelled(); err != nil {
		discard(staged)
		return nil, err
	}
	if err := commit(staged, opt.Force); err != nil {
		return nil, err
	}
	res := &Result{}
	for _, p := range staged {
		res.Paths = append(res.Paths, p.final)
	}
	return res, nil
}

// stageAll renders every format of opt at the same time, each into its own
// temporary file. Warnings are passed on in the order of the formats, so
// that they come out the same on every run.
func stageAll(c *article.Collection, stem string, opt Options) ([]pending, error) {
	formats := opt.formats()
	staged := make([]pending, len(formats))
	errs := make([]error, len(formats))
	warnings := make([][]string, len(formats))
	book := sharedEPUB(c, opt, formats, warnings)
	var wg sync.WaitGroup
	for i, f := range formats {
		fo := opt
		fo.Warn = func(msg string) { warnings[i] = append(warnings[i], msg) }
		wg.Add(1)
		go func() {
			defer wg.Done()
			render, err := collectionRenderer(f, c, fo, book)
			if err == nil {
				staged[i], err = stage(stem+Extension(f), render)
			}
			if err == nil {
				if err = opt.cancelled(); err != nil {
					discard(staged[i : i+1])
				}
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for _, ws := range warnings {
		for _, w := range ws {
			opt.warn(w)
		}
	}
	var ok []pending
	for i, err := range errs {
		if err != nil {
			for j := range staged {
				if errs[j] == nil {
					ok = append(ok, staged[j])
				}
			}
			discard(ok)
			return nil, errs[i]
		}
	}
	return staged, nil
}

// sharedEPUB returns, when formats hold KEPUB, the function that renders
// c's EPUB once for both the EPUB and the KEPUB (which is made from the
// EPUB's bytes); else nil. Its warnings go to the first of the two formats
// in the list, so they come out once and in the same place on every run.
func sharedEPUB(c *article.Collection, opt Options, formats []string, warnings [][]string) func() ([]byte, error) {
	at := -1
	for i, f := range formats {
		if f == KEPUB {
			at = i
			break
		}
	}
	if at < 0 {
		return nil
	}
	for i, f := range formats {
		if f == EPUB {
			at = min(at, i)
		}
	}
	bo := opt
	bo.Warn = func(msg string) { warnings[at] = append(warnings[at], msg) }
	return sync.OnceValues(func() ([]byte, error) {
		render, err := epubRenderer(c, bo)
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		if err := render(&b); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	})
}

// collectionRenderer returns the function that writes c in format f. book,
// when not nil, renders the EPUB the EPUB and KEPUB formats then share
// (sharedEPUB).
func collectionRenderer(f string, c *article.Collection, opt Options, book func() ([]byte, error)) (func(io.Writer) error, error) {
	switch f {
	case EPUB:
		if book == nil {
			return epubRenderer(c, opt)
		}
		return func(w io.Writer) error {
			b, err := book()
			if err != nil {
				return err
			}
			_, err = w.Write(b)
			return err
		}, nil
	case KEPUB:
		return func(w io.Writer) error {
			b, err := book()
			if err != nil {
				return err
			}
			k, err := kepub.ConvertContext(opt.context(), b)
			if err != nil {
				return err
			}
			_, err = w.Write(k)
			return err
		}, nil
	case PDF:
		po := opt.PDF
		po.Date, po.Version, po.Warn = opt.Date, opt.Version, opt.Warn
		po.Context = opt.context()
		return func(w io.Writer) error { return pdf.WriteCollection(w, c, po) }, nil
	}
	return nil, errUnknownFormat(f)
}

// epubRenderer returns the function that writes c as an EPUB, with its
// cover (the user's, or one rendered from the metadata) unless opt.NoCover.
func epubRenderer(c *article.Collection, opt Options) (func(io.Writer) error, error) {
	eo := opt.EPUB
	eo.Date, eo.Version, eo.Warn = opt.Date, opt.Version, opt.Warn
	eo.Context = opt.context()
	if !opt.NoCover {
		img, mediaType, err := coverImage(&c.Meta, opt)
		if err != nil {
			return nil, err
		}
		eo.Cover, eo.CoverType = img, mediaType
	}
	return func(w io.Writer) error { return epub.WriteCollection(w, c, eo) }, nil
}

// coverImage returns the user's cover or renders one from the metadata.
func coverImage(m *article.Meta, opt Options) ([]byte, string, error) {
	if opt.CoverImage != nil {
		mt, err := imageType(opt.CoverImage)
		return opt.CoverImage, mt, err
	}
	var b bytes.Buffer
	co := cover.Options{}
	if err := cover.Render(&b, m, co); err != nil {
		return nil, "", err
	}
	return b.Bytes(), co.MediaType(), nil
}
