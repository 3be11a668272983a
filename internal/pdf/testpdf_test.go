package pdf

import "github.com/jung-kurt/gofpdf"

// newTestPdf returns a gofpdf document with face f current at 1000 pt, so
// that GetStringWidth returns thousandths of an em.
func newTestPdf(f face, m *fontMetrics) *gofpdf.Fpdf {
	pdf := gofpdf.New("P", "pt", "A4", "")
	data, err := m.file()
	if err != nil {
		panic(err)
	}
	pdf.AddUTF8FontFromBytes(fontKey(f, m.psName), "", data)
	pdf.SetFont(fontKey(f, m.psName), "", 1000)
	return pdf
}
