package pdf

import (
	"fmt"

	"github.com/jung-kurt/gofpdf"
)

// gofpdf parses a font when it is added, which costs milliseconds a face
// (it also serialises the font's width table to name it), and the layout
// knows which faces it uses as soon as it first sets text in them. So a
// fontLoader adds each face to the document's gofpdf instance on another
// goroutine while the layout goes on. A face the layout tried but no page
// uses would be embedded for nothing: draw then starts a new instance
// with exactly the faces the pages use, as it does without a loader.

// fontLoader adds faces to a new gofpdf document on its own goroutine.
type fontLoader struct {
	req   chan face
	done  chan struct{}
	asked [numFaces]bool // by the layout's goroutine
	// set by the loader's goroutine, read after done
	pdf   *gofpdf.Fpdf
	added [numFaces]bool
}

// startFontLoader starts a loader for a document of geometry g set in
// fonts.
func startFontLoader(g geometry, fonts *fontSet) *fontLoader {
	fl := &fontLoader{req: make(chan face, numFaces), done: make(chan struct{})}
	fam, fallback := fonts.family, fonts.m[faceFallback] // fixed: the layout writes only other fields
	go func() {
		defer close(fl.done)
		fl.pdf = newDocument(g)
		for f := range fl.req {
			m := fallback
			if f != faceFallback {
				var err error
				if m, err = embeddedMetrics(fileFace(fam, f)); err != nil {
					continue // the layout reports it
				}
			}
			if m != nil {
				addFace(fl.pdf, f, m)
				fl.added[f] = true
			}
		}
	}()
	return fl
}

// ask has face f added, once.
func (fl *fontLoader) ask(f face) {
	if fl != nil && !fl.asked[f] {
		fl.asked[f] = true
		fl.req <- f
	}
}

// wait ends the loader and returns its document and the faces added.
func (fl *fontLoader) wait() (*gofpdf.Fpdf, [numFaces]bool) {
	close(fl.req)
	<-fl.done
	return fl.pdf, fl.added
}

// newDocument starts a gofpdf document of geometry g.
func newDocument(g geometry) *gofpdf.Fpdf {
	return gofpdf.NewCustom(&gofpdf.InitType{
		OrientationStr: "P", UnitStr: "pt",
		Size: gofpdf.SizeType{Wd: g.pageW, Ht: g.pageH},
	})
}

// addFace adds face f to a gofpdf document.
func addFace(pdf *gofpdf.Fpdf, f face, m *fontMetrics) {
	data, err := m.file()
	if err != nil {
		pdf.SetError(fmt.Errorf("pdf: %w", err))
		return
	}
	pdf.AddUTF8FontFromBytes(fontKey(f, m.psName), "", data)
}
