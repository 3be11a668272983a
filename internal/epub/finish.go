package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"time"
)

// The finishing step. go-epub writes a sound container, but a book that is
// not reproducible and not accessible: a random identifier, the current
// time as dcterms:modified, manifest items in map order, a single creator,
// no metadata beyond title, language and description, a navigation
// document titled "Table of Contents" whatever the language, an NCX with
// no author, no landmarks, XHTML pages without a language, ZIP entries in
// walk order with zero times. finish takes go-epub's ZIP and writes the
// book offprint means:
//
//   - package.opf, nav.xhtml and toc.ncx are replaced by offprint's own,
//     made from the book; the manifest is go-epub's inventory, checked
//     against the book, with stable identifiers in a fixed order;
//   - each XHTML page gets its language (and direction), the book's or
//     its article's, and its title written anew (go-epub escapes with named entities, which
//     EPUBCheck reports);
//   - the ZIP is written anew: mimetype first and stored, then
//     META-INF/container.xml and the package document, then every other
//     entry in name order, all with the book's modification time and no
//     extra fields. Entries kept as go-epub wrote them are copied without
//     being decompressed.

// The entries of go-epub's container.
const (
	mimetypeEntry  = "mimetype"
	containerEntry = "META-INF/container.xml"
	contentDir     = "EPUB/"
	packageEntry   = contentDir + "package.opf"
	ncxFile        = "toc.ncx"
)

// The start tags go-epub writes in every XHTML document, which the
// finishing step completes.
const (
	goepubHTMLTag  = `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">`
	goepubTitleTag = `<title dir="auto">`
	goepubBodyTag  = `<body dir="auto">`
)

// goepubPackage is what the finishing step reads of go-epub's package
// document: its inventory.
type goepubPackage struct {
	Items []struct {
		ID        string `xml:"id,attr"`
		Href      string `xml:"href,attr"`
		MediaType string `xml:"media-type,attr"`
	} `xml:"manifest>item"`
	Spine []struct {
		IDRef string `xml:"idref,attr"`
	} `xml:"spine>itemref"`
}

// finish turns the ZIP go-epub wrote into the book.
func (b *book) finish(src []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, fmt.Errorf("%w: reading its output: %w", errGoEpub, err)
	}
	entries := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		entries[f.Name] = f
	}
	for _, name := range []string{mimetypeEntry, containerEntry, packageEntry} {
		if entries[name] == nil {
			return nil, fmt.Errorf("%w: no %s in its output", errGoEpub, name)
		}
	}
	opf, err := readEntry(entries[packageEntry])
	if err != nil {
		return nil, err
	}
	items, spine, err := b.inventory(opf)
	if err != nil {
		return nil, err
	}

	// The replaced and completed entries.
	replaced := map[string][]byte{
		mimetypeEntry:        []byte("application/epub+zip"),
		packageEntry:         packageDocument(&b.meta, items, spine),
		contentDir + navFile: navDocument(b.toc, b.marks, b.l, b.lang, cssFile),
		contentDir + ncxFile: ncxDocument(b.meta.identifier, b.meta.title, b.meta.authors, b.lang, b.toc),
	}
	for _, p := range b.pages {
		name := contentDir + xhtmlDir + p.file
		data, err := readEntry(entries[name])
		if err != nil {
			return nil, err
		}
		lang, dir := b.lang, b.dir
		if p.lang != "" {
			lang, dir = p.lang, p.dir
		}
		if replaced[name], err = completeXHTML(data, lang, dir, p.title); err != nil {
			return nil, fmt.Errorf("%s: %w", p.file, err)
		}
	}

	// Every entry of the book: go-epub's, in a fixed order.
	var names []string
	for _, f := range zr.File {
		if f.Name != mimetypeEntry && f.Name != containerEntry && f.Name != packageEntry && !strings.HasSuffix(f.Name, "/") {
			names = append(names, f.Name)
		}
	}
	sort.Strings(names)
	names = append([]string{mimetypeEntry, containerEntry, packageEntry}, names...)

	var out bytes.Buffer
	out.Grow(len(src) + len(src)/8)
	zw := zip.NewWriter(&out)
	date, clock := msDosTime(b.meta.modified)
	copyBuf := make([]byte, 32*1024)
	for _, name := range names {
		h := &zip.FileHeader{Name: name, ModifiedDate: date, ModifiedTime: clock}
		h.SetMode(0o644)
		if data, ok := replaced[name]; ok {
			h.Method = zip.Deflate
			if name == mimetypeEntry {
				h.Method = zip.Store
			}
			w, err := zw.CreateHeader(h)
			if err != nil {
				return nil, fmt.Errorf("epub: %w", err)
			}
			if _, err := w.Write(data); err != nil {
				return nil, fmt.Errorf("epub: %w", err)
			}
			continue
		}
		f := entries[name]
		h.Method = f.Method
		h.CRC32 = f.CRC32
		h.CompressedSize64 = f.CompressedSize64
		h.UncompressedSize64 = f.UncompressedSize64
		raw, err := f.OpenRaw()
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", errGoEpub, name, err)
		}
		w, err := zw.CreateRaw(h)
		if err != nil {
			return nil, fmt.Errorf("epub: %w", err)
		}
		if _, err := io.CopyBuffer(w, raw, copyBuf); err != nil {
			return nil, fmt.Errorf("%w: %s: %w", errGoEpub, name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("epub: %w", err)
	}
	return out.Bytes(), nil
}

// Media types of the documents the finishing step knows.
const (
	mediaTypeXHTML = "application/xhtml+xml"
	mediaTypeNCX   = "application/x-dtbncx+xml"
	mediaTypeCSS   = "text/css"
	mediaTypeFont  = "font/ttf"
)

// expected returns every file the book must hold, by path relative to the
// package document, with its media type.
func (b *book) expected() map[string]string {
	m := map[string]string{
		navFile: mediaTypeXHTML,
		ncxFile: mediaTypeNCX,
		cssFile: mediaTypeCSS,
	}
	for _, p := range b.pages {
		m[xhtmlDir+p.file] = mediaTypeXHTML
	}
	for _, img := range b.images {
		m[imageDir+img.name] = img.mediaType
	}
	if b.cover != nil {
		m[imageDir+b.cover.name] = b.cover.mediaType
	}
	for _, f := range b.fonts {
		m[fontDir+f.name] = mediaTypeFont
	}
	return m
}

// inventory reads go-epub's package document, checks that it lists exactly
// the book's files with the right media types and the pages in order, and
// returns the book's manifest and spine.
func (b *book) inventory(opf []byte) ([]manifestItem, []spineItem, error) {
	var pkg goepubPackage
	if err := xml.Unmarshal(opf, &pkg); err != nil {
		return nil, nil, fmt.Errorf("%w: its package document: %w", errGoEpub, err)
	}
	want := b.expected()
	hrefByID := make(map[string]string, len(pkg.Items))
	ids := make(map[string]bool, len(pkg.Items))
	var items []manifestItem
	for _, it := range pkg.Items {
		mediaType, ok := want[it.Href]
		if !ok {
			return nil, nil, fmt.Errorf("%w: unexpected file %s", errGoEpub, it.Href)
		}
		if it.MediaType != mediaType {
			return nil, nil, fmt.Errorf("%w: %s has media type %s, want %s", errGoEpub, it.Href, it.MediaType, mediaType)
		}
		delete(want, it.Href)
		hrefByID[it.ID] = it.Href
		item := manifestItem{id: manifestID(it.Href), href: it.Href, mediaType: mediaType}
		if ids[item.id] {
			return nil, nil, fmt.Errorf("epub: manifest identifier %s is not unique", item.id)
		}
		ids[item.id] = true
		switch {
		case it.Href == navFile:
			item.properties = "nav"
		case b.cover != nil && it.Href == imageDir+b.cover.name:
			item.properties = "cover-image"
			b.meta.coverID = item.id
		}
		items = append(items, item)
	}
	if len(want) > 0 {
		missing := make([]string, 0, len(want))
		for href := range want {
			missing = append(missing, href)
		}
		sort.Strings(missing)
		return nil, nil, fmt.Errorf("%w: missing %s", errGoEpub, strings.Join(missing, ", "))
	}
	sort.Slice(items, func(i, j int) bool { return items[i].href < items[j].href })

	if len(pkg.Spine) != len(b.pages) {
		return nil, nil, fmt.Errorf("%w: spine of %d pages, want %d", errGoEpub, len(pkg.Spine), len(b.pages))
	}
	spine := make([]spineItem, 0, len(b.pages)+1)
	for i, ref := range pkg.Spine {
		href := hrefByID[ref.IDRef]
		if href != xhtmlDir+b.pages[i].file {
			return nil, nil, fmt.Errorf("%w: spine item %d is %q, want %s", errGoEpub, i+1, href, b.pages[i].file)
		}
		spine = append(spine, spineItem{idref: manifestID(href), nonLinear: b.pages[i].nonLinear})
		if b.pages[i].file == titlePageFile {
			spine = append(spine, spineItem{idref: manifestID(navFile), nonLinear: !b.navLinear})
		}
	}
	return items, spine, nil
}

// manifestID returns the manifest identifier of a file: "nav" and "ncx"
// for the navigation files (the names go-epub and most books use), else
// its base name, which offprint's layout keeps unique and starting with a
// letter.
func manifestID(href string) string {
	switch href {
	case navFile:
		return "nav"
	case ncxFile:
		return "ncx"
	}
	return path.Base(href)
}

// completeXHTML gives an XHTML document from go-epub its language and
// direction on its root, and writes its title anew: go-epub escapes with
// named entities and marks the title (and the body) dir="auto", whereas
// the direction of a page is its language's (a paragraph in another
// direction carries its own).
func completeXHTML(data []byte, lang, dir, title string) ([]byte, error) {
	var root xw
	root.WriteString(strings.TrimSuffix(goepubHTMLTag, ">"))
	root.attr("xml:lang", lang)
	root.attr("lang", lang)
	if dir == "rtl" {
		root.attr("dir", "rtl")
	}
	root.WriteByte('>')
	var t xw
	t.element("title", title)
	for _, r := range []struct{ start, end, new string }{
		{goepubHTMLTag, "", root.String()},
		{goepubTitleTag, "</title>", t.String()},
		{goepubBodyTag, "", "<body>"},
	} {
		i := bytes.Index(data, []byte(r.start))
		if i < 0 {
			return nil, fmt.Errorf("%w: no %s in its XHTML", errGoEpub, r.start)
		}
		j := i + len(r.start)
		if r.end != "" {
			k := bytes.Index(data[j:], []byte(r.end))
			if k < 0 {
				return nil, fmt.Errorf("%w: no %s in its XHTML", errGoEpub, r.end)
			}
			j += k + len(r.end)
		}
		data = append(data[:i:i], append([]byte(r.new), data[j:]...)...)
	}
	return data, nil
}

// readEntry returns the content of a ZIP entry.
func readEntry(f *zip.File) ([]byte, error) {
	if f == nil {
		return nil, fmt.Errorf("%w: missing entry", errGoEpub)
	}
	r, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", errGoEpub, f.Name, err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", errGoEpub, f.Name, err)
	}
	return data, nil
}

// msDosTime returns t as the date and time fields of a ZIP entry, clamped
// to the years they can hold (1980–2107). Setting these fields rather than
// FileHeader.Modified keeps archive/zip from adding an extended-timestamp
// extra field, which the mimetype entry must not have.
func msDosTime(t time.Time) (date, clock uint16) {
	t = t.UTC()
	switch {
	case t.Year() < 1980:
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	case t.Year() > 2107:
		t = time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)
	}
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}
