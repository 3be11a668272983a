package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
)

// gofpdf compresses every page with a zlib writer of its own, and a new
// flate writer allocates and clears over a megabyte: on a long document
// that is most of the memory Write churns through. So gofpdf writes its
// pages uncompressed and finish compresses them afterwards, all with one
// writer, and rebuilds the cross-reference table for the new offsets.
// The same pass gives the fonts their subset names.

// rename replaces a font's name by its subset name of the same length.
type rename struct{ old, new []byte }

// finishing says what finish does.
type finishing struct {
	// compress the plain streams, on other goroutines too when parallel
	// is set (startDeflate)
	compress, parallel bool
	// renames give the fonts their subset names
	renames []rename
	// lang, a BCP 47 tag, becomes the catalog's /Lang (gofpdf writes
	// none), which screen readers and text-to-speech go by
	lang string
	// uris are the addresses of the external links, whose annotations
	// gofpdf wrote with stand-ins (see uri.go)
	uris []string
	// toUnicode replaces the ToUnicode maps of fonts, by the name gofpdf
	// gave them ("utf8…"), before renames (shapedmap.go)
	toUnicode map[string][]byte
}

// finish copies the PDF gofpdf wrote to w: with every plain stream (page
// contents, ToUnicode maps) compressed when fin.compress is set, and the
// font names renamed. raw must be gofpdf's uncompressed output: objects
// one after another, each found through the cross-reference table, a
// stream written as "<</Length N>>\nstream\n…\nendstream\nendobj\n".
func finish(w io.Writer, raw []byte, fin finishing) error {
	objs, xref, trailer, err := parseXref(raw)
	if err != nil {
		return fmt.Errorf("pdf: reading gofpdf's output: %w", err)
	}
	// objs[i] is the offset of object i (object 0 is the free list's
	// head); walk them in file order.
	order := make([]int, 0, len(objs)-1)
	for i := 1; i < len(objs); i++ {
		order = append(order, i)
	}
	slices.SortFunc(order, func(a, b int) int { return objs[a] - objs[b] })
	for k, i := range order {
		if objs[i] <= 0 || objs[i] >= xref || k > 0 && objs[i] <= objs[order[k-1]] {
			return fmt.Errorf("pdf: reading gofpdf's output: object %d at offset %d", i, objs[i])
		}
	}

	// the objects' extents
	repl := toUnicodeObjects(raw, fin.toUnicode)
	objAt := func(k int) []byte {
		if r, ok := repl[order[k]]; ok {
			return r
		}
		end := xref
		if k+1 < len(order) {
			end = objs[order[k+1]]
		}
		return raw[objs[order[k]]:end]
	}
	var pz *parallelDeflate
	if fin.compress && fin.parallel {
		pz = startDeflate(order, objAt)
		defer pz.stop()
	}

	out := &countWriter{w: w}
	var z deflater
	var scratch []byte
	newOff := make([]int, len(objs))
	out.Write(raw[:objs[order[0]]])
	for k, i := range order {
		obj := objAt(k)
		newOff[i] = out.n
		head, data, ok := plainStream(obj)
		switch {
		case ok && fin.compress:
			packed, ok := pz.take(k)
			if !ok {
				packed = z.deflate(data)
			}
			out.Write(head)
			out.WriteString("<</Filter /FlateDecode /Length ")
			out.WriteString(strconv.Itoa(len(packed)))
			out.WriteString(">>\nstream\n")
			out.Write(packed)
			out.WriteString("\nendstream\nendobj\n")
		case ok:
			out.Write(obj)
		case bytes.Contains(obj, []byte("\nstream\n")):
			out.Write(obj) // a font file, an image: left as it is
		default:
			scratch = renamed(scratch[:0], obj, fin.renames)
			scratch = withLang(scratch, fin.lang)
			out.Write(withURIs(scratch, len(objs), len(fin.uris)))
		}
	}
	// the URI actions, after gofpdf's objects
	for i, u := range fin.uris {
		newOff = append(newOff, out.n)
		scratch = uriObject(scratch[:0], len(objs)+i, u)
		out.Write(scratch)
	}
	if len(fin.uris) > 0 {
		trailer = withSize(trailer, len(newOff))
	}
	start := out.n
	out.WriteString("xref\n0 ")
	out.WriteString(strconv.Itoa(len(newOff)))
	out.WriteString("\n0000000000 65535 f \n")
	var line []byte
	for _, off := range newOff[1:] {
		line = fmt.Appendf(line[:0], "%010d 00000 n \n", off)
		out.Write(line)
	}
	out.Write(trailer)
	out.WriteString("startxref\n")
	out.WriteString(strconv.Itoa(start))
	out.WriteString("\n%%EOF\n")
	if out.err != nil {
		return fmt.Errorf("pdf: %w", out.err)
	}
	return nil
}

// catalogType is how gofpdf opens the catalog's dictionary.
var catalogType = []byte("<<\n/Type /Catalog\n")

// withLang adds /Lang to obj if it is the catalog and lang is a usable
// tag (letters, digits and hyphens only, so it needs no escaping).
func withLang(obj []byte, lang string) []byte {
	i := bytes.Index(obj, catalogType)
	if i < 0 || lang == "" || len(lang) > 35 || strings.Trim(lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != "" {
		return obj
	}
	at := i + len(catalogType)
	out := make([]byte, 0, len(obj)+len(lang)+10)
	out = append(out, obj[:at]...)
	out = append(out, "/Lang ("...)
	out = append(out, lang...)
	out = append(out, ")\n"...)
	return append(out, obj[at:]...)
}

// parseXref reads the cross-reference table gofpdf writes last: it returns
// the offset of every object, the table's own offset, and the trailer
// dictionary that follows it ("trailer\n<<…>>\n").
func parseXref(raw []byte) (objs []int, xref int, trailer []byte, err error) {
	i := bytes.LastIndex(raw, []byte("startxref\n"))
	if i < 0 {
		return nil, 0, nil, errors.New("no startxref")
	}
	num, _, _ := bytes.Cut(raw[i+len("startxref\n"):], []byte("\n"))
	xref, err = strconv.Atoi(string(num))
	if err != nil || xref <= 0 || xref >= i || !bytes.HasPrefix(raw[xref:], []byte("xref\n0 ")) {
		return nil, 0, nil, errors.New("no cross-reference table")
	}
	p := xref + len("xref\n0 ")
	count, rest, ok := bytes.Cut(raw[p:i], []byte("\n"))
	n, err := strconv.Atoi(string(count))
	if !ok || err != nil || n < 2 || len(rest) < 20*n {
		return nil, 0, nil, errors.New("bad cross-reference table")
	}
	objs = make([]int, n)
	for k := 1; k < n; k++ {
		e := rest[20*k : 20*k+20]
		if off, err := strconv.Atoi(string(e[:10])); err == nil && string(e[10:]) == " 00000 n \n" {
			objs[k] = off
		} else {
			return nil, 0, nil, fmt.Errorf("bad cross-reference entry %d", k)
		}
	}
	trailer = rest[20*n:]
	if !bytes.HasPrefix(trailer, []byte("trailer\n")) {
		return nil, 0, nil, errors.New("no trailer")
	}
	return objs, xref, trailer, nil
}

// plainStream recognises an object that is an unfiltered stream with
// nothing but a length in its dictionary, and returns its first line
// ("N 0 obj\n") and its data.
func plainStream(obj []byte) (head, data []byte, ok bool) {
	nl := bytes.IndexByte(obj, '\n')
	if nl < 0 || !bytes.HasSuffix(obj[:nl], []byte(" 0 obj")) {
		return nil, nil, false
	}
	head, rest := obj[:nl+1], obj[nl+1:]
	const pre, post = "<</Length ", ">>\nstream\n"
	if !bytes.HasPrefix(rest, []byte(pre)) {
		return nil, nil, false
	}
	num, rest, found := bytes.Cut(rest[len(pre):], []byte(post))
	n, err := strconv.Atoi(string(num))
	if !found || err != nil || n < 0 || n > len(rest) || string(rest[n:]) != "\nendstream\nendobj\n" {
		return nil, nil, false
	}
	return head, rest[:n], true
}

// deflater compresses streams with one reused zlib writer.
type deflater struct {
	zw  *zlib.Writer
	buf bytes.Buffer
}

// deflate returns data compressed; the result is good until the next call.
func (d *deflater) deflate(data []byte) []byte {
	d.buf.Reset()
	if d.zw == nil {
		d.zw, _ = zlib.NewWriterLevel(&d.buf, zlib.BestSpeed)
	} else {
		d.zw.Reset(&d.buf)
	}
	d.zw.Write(data)
	d.zw.Close()
	return d.buf.Bytes()
}

// parallelMin is the least stream data worth compressing on other
// goroutines: each brings a zlib writer of over a megabyte.
const parallelMin = 256 << 10

// parallelDeflate compresses a document's plain streams on other
// goroutines, in file order, while finish writes; finish compresses a
// stream itself when it gets there first. The bytes are the same either
// way.
type parallelDeflate struct {
	jobs []*deflateJob // by index in file order; nil for other objects
	list []*deflateJob
	next atomic.Int64
	quit chan struct{}
}

type deflateJob struct {
	data   []byte
	claim  atomic.Bool
	done   chan struct{}
	packed []byte
}

// startDeflate starts compressing the plain streams among the objects
// (objAt(k) for k in order's indexes), or returns nil when they are too
// small to be worth it or there is no spare processor.
func startDeflate(order []int, objAt func(int) []byte) *parallelDeflate {
	workers := min(runtime.GOMAXPROCS(0)-1, 3)
	if workers < 1 {
		return nil
	}
	pz := &parallelDeflate{jobs: make([]*deflateJob, len(order)), quit: make(chan struct{})}
	total := 0
	for k := range order {
		if _, data, ok := plainStream(objAt(k)); ok {
			j := &deflateJob{data: data, done: make(chan struct{})}
			pz.jobs[k] = j
			pz.list = append(pz.list, j)
			total += len(data)
		}
	}
	if total < parallelMin {
		return nil
	}
	for range workers {
		go pz.work()
	}
	return pz
}

func (pz *parallelDeflate) work() {
	var z deflater
	for {
		select {
		case <-pz.quit:
			return
		default:
		}
		n := pz.next.Add(1) - 1
		if n >= int64(len(pz.list)) {
			return
		}
		j := pz.list[n]
		if j.claim.CompareAndSwap(false, true) {
			j.packed = bytes.Clone(z.deflate(j.data))
			close(j.done)
		}
	}
}

// take returns the compressed stream of object k when another goroutine
// has compressed or is compressing it; ok is false when the caller must.
func (pz *parallelDeflate) take(k int) (packed []byte, ok bool) {
	if pz == nil || pz.jobs[k] == nil {
		return nil, false
	}
	j := pz.jobs[k]
	if j.claim.CompareAndSwap(false, true) {
		return nil, false
	}
	<-j.done
	return j.packed, true
}

// stop ends the goroutines.
func (pz *parallelDeflate) stop() {
	if pz != nil {
		close(pz.quit)
	}
}

// renamed appends obj to dst with the font names replaced.
func renamed(dst, obj []byte, renames []rename) []byte {
	dst = append(dst, obj...)
	for _, r := range renames {
		for i := 0; ; {
			k := bytes.Index(dst[i:], r.old)
			if k < 0 {
				break
			}
			i += k + copy(dst[i+k:], r.new) // as long as r.old
		}
	}
	return dst
}

// finisher is the writer gofpdf's Output writes to: it hands the document
// to finish. gofpdf writes its whole document in one call, which finish
// reads in place; anything else is gathered first.
type finisher struct {
	w    io.Writer
	fin  finishing
	buf  []byte
	done bool
	err  error
}

func (f *finisher) Write(p []byte) (int, error) {
	if f.done {
		return 0, errors.New("pdf: output after the end of the document")
	}
	if len(f.buf) == 0 && bytes.HasPrefix(p, []byte("%PDF-")) && bytes.HasSuffix(p, []byte("%%EOF\n")) {
		f.done = true
		f.err = finish(f.w, p, f.fin)
		return len(p), f.err
	}
	f.buf = append(f.buf, p...)
	return len(p), nil
}

// close finishes a document written in pieces.
func (f *finisher) close() error {
	if !f.done {
		f.done = true
		f.err = finish(f.w, f.buf, f.fin)
	}
	return f.err
}

// countWriter counts what it writes and keeps the first error.
type countWriter struct {
	w   io.Writer
	n   int
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += n
	c.err = err
	return n, err
}

func (c *countWriter) WriteString(s string) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := io.WriteString(c.w, s)
	c.n += n
	c.err = err
	return n, err
}
