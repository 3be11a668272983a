// Package kepub turns an EPUB into a KEPUB, the EPUB variant Kobo e-readers
// open with their faster, fuller reading engine (page turns, highlights,
// reading statistics). The conversion is kepubify's
// (github.com/pgaskin/kepubify/v4), the library Kobo owners use: every
// sentence of the text wrapped in a koboSpan span, each content document's
// body in the div#book-columns > div#book-inner wrappers, Kobo's style
// hacks, and the cover marked as the cover image in the package document.
// The cover, navigation, metadata, notes and images are kept as they are.
//
// Convert is a plain function of the EPUB's bytes, and reproducible: the
// same EPUB gives the same KEPUB, byte for byte (kepubify writes the
// documents it transforms in the order they finish; Convert puts the
// entries back in the EPUB's order, with their original timestamps).
//
//	var epubBuf bytes.Buffer
//	if err := epub.Write(&epubBuf, a, epub.Options{}); err != nil {
//		return err
//	}
//	kepubBytes, err := kepub.Convert(epubBuf.Bytes())
//	if err != nil {
//		return err // "kepub: …"
//	}
//	os.WriteFile("article.kepub.epub", kepubBytes, 0o666)
//
// Kobo recognises a KEPUB by its name: it must end in ".kepub.epub"
// (Extension).
package kepub

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sort"

	kepubify "github.com/pgaskin/kepubify/v4/kepub"
)

// Extension is the file name extension Kobo devices recognise a KEPUB by.
const Extension = ".kepub.epub"

// MediaType is the MIME type of a KEPUB, for e-mail attachments.
const MediaType = "application/kepub+zip"

// ErrNotEPUB is returned (wrapped) for input that is not a ZIP archive
// holding an EPUB.
var ErrNotEPUB = errors.New("not an EPUB")

// Convert returns the KEPUB of the EPUB in epub. Errors are one line,
// prefixed "kepub: ", and wrap the cause.
func Convert(epub []byte) ([]byte, error) {
	return ConvertContext(context.Background(), epub)
}

// ConvertContext is Convert stopped by ctx: a cancelled conversion returns
// ctx's cause, wrapped.
func ConvertContext(ctx context.Context, epub []byte) ([]byte, error) {
	src, err := zip.NewReader(bytes.NewReader(epub), int64(len(epub)))
	if err != nil {
		return nil, fmt.Errorf("kepub: %w: %w", ErrNotEPUB, err)
	}
	if !hasMimetype(src) {
		return nil, fmt.Errorf("kepub: %w: no mimetype application/epub+zip", ErrNotEPUB)
	}
	var raw bytes.Buffer
	c := kepubify.NewConverter()
	if err := c.Convert(ctx, &raw, src); err != nil {
		if cause := context.Cause(ctx); cause != nil {
			return nil, fmt.Errorf("kepub: %w", cause)
		}
		return nil, fmt.Errorf("kepub: %w", err)
	}
	out, err := canonical(raw.Bytes(), src)
	if err != nil {
		return nil, fmt.Errorf("kepub: %w", err)
	}
	return out, nil
}

// hasMimetype tells whether the archive holds the EPUB mimetype file.
func hasMimetype(z *zip.Reader) bool {
	for _, f := range z.File {
		if f.Name != "mimetype" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return false
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, 64))
		return err == nil && string(bytes.TrimSpace(b)) == "application/epub+zip"
	}
	return false
}

// srcFile returns the file of src named like f, or f when src has none.
func srcFile(src *zip.Reader, f *zip.File) *zip.File {
	for _, g := range src.File {
		if g.Name == f.Name {
			return g
		}
	}
	return f
}

// canonical rewrites the archive kepubify wrote with its entries in a
// fixed order: the mimetype first, then those of the source EPUB in the
// EPUB's order, then any new ones (kepubify's blank title page) by name.
// The compressed data is copied as it is.
func canonical(data []byte, src *zip.Reader) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("read converted book: %w", err)
	}
	rank := map[string]int{"mimetype": -1}
	for i, f := range src.File {
		if f.Name != "mimetype" {
			rank[f.Name] = i
		}
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.SliceStable(files, func(i, j int) bool {
		ri, iok := rank[files[i].Name]
		rj, jok := rank[files[j].Name]
		switch {
		case iok && jok:
			return ri < rj
		case iok != jok:
			return iok
		}
		return files[i].Name < files[j].Name
	})
	var out bytes.Buffer
	out.Grow(len(data))
	zw := zip.NewWriter(&out)
	for _, f := range files {
		if f.Name == "mimetype" {
			// The same bytes, stored, with the EPUB's header.
			f = srcFile(src, f)
		}
		if err := zw.Copy(f); err != nil {
			return nil, fmt.Errorf("write %s: %w", f.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("write converted book: %w", err)
	}
	return out.Bytes(), nil
}
