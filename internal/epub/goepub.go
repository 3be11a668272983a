package epub

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"sync"

	goepub "github.com/go-shiori/go-epub"
)

// go-epub keeps its working files in a package-level file system. offprint
// switches it, once, to go-epub's in-memory file system (nothing touches
// the disk), which is a plain map: goepubMu serialises the use of go-epub.
var (
	goepubMu   sync.Mutex
	goepubInit sync.Once
	errGoEpub  = errors.New("go-epub")
)

// noNetwork is the transport of go-epub's HTTP client: offprint hands
// go-epub every file as a data URL, and go-epub must never fetch anything.
type noNetwork struct{}

func (noNetwork) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("epub: no network access")
}

// assemble has go-epub write the book: the container, the XHTML pages
// wrapped in their documents, the stylesheet, images and fonts, and its
// own package document, navigation and NCX, which the finishing step
// replaces. It returns the ZIP go-epub wrote.
func (b *book) assemble() ([]byte, error) {
	goepubMu.Lock()
	defer goepubMu.Unlock()
	var err error
	goepubInit.Do(func() { err = goepub.Use(goepub.MemoryFS) })
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errGoEpub, err)
	}

	e, err := goepub.NewEpub(b.meta.title)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errGoEpub, err)
	}
	e.Client = &http.Client{Transport: noNetwork{}}
	e.SetIdentifier(b.meta.identifier)
	e.SetLang(b.lang)

	cssPath, err := e.AddCSS(dataURL(b.css), "style.css")
	if err != nil {
		return nil, fmt.Errorf("%w: stylesheet: %w", errGoEpub, short(err))
	}
	images := b.images
	if b.cover != nil {
		images = append([]*imageFile{b.cover}, images...)
	}
	for _, img := range images {
		if _, err := e.AddImage(dataURL(img.data), img.name); err != nil {
			return nil, fmt.Errorf("%w: image %s: %w", errGoEpub, img.name, short(err))
		}
	}
	for _, f := range b.fonts {
		if _, err := e.AddFont(dataURL(f.data), f.name); err != nil {
			return nil, fmt.Errorf("%w: font %s: %w", errGoEpub, f.name, short(err))
		}
	}
	for _, p := range b.pages {
		if _, err := e.AddSection(string(p.body), p.title, p.file, cssPath); err != nil {
			return nil, fmt.Errorf("%w: page %s: %w", errGoEpub, p.file, err)
		}
	}
	var buf bytes.Buffer
	if _, err := e.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("%w: %w", errGoEpub, short(err))
	}
	return buf.Bytes(), nil
}

// dataURL returns data as an RFC 2397 data URL, the form in which go-epub
// takes files without reading the disk or the network. go-epub sniffs the
// media type from the data (and a stylesheet's from its name); its data
// URL parser rejects some real types such as font/ttf, so none is given.
func dataURL(data []byte) string {
	const prefix = "data:application/octet-stream;base64,"
	buf := make([]byte, 0, len(prefix)+base64.StdEncoding.EncodedLen(len(data)))
	buf = append(buf, prefix...)
	buf = base64.StdEncoding.AppendEncode(buf, data)
	return string(buf)
}

// short returns go-epub's error without the data URL it may quote.
func short(err error) error {
	var fe *goepub.FileRetrievalError
	if errors.As(err, &fe) {
		return fmt.Errorf("cannot read the file: %v", fe.Err)
	}
	return err
}
