package pdf

import (
	"fmt"
	"strconv"
	"strings"
)

// Paper is a page size. The named sizes come from Papers; any other size is
// a custom Width × Height in millimetres with an empty Name.
type Paper struct {
	// Name is the paper's name as ParsePaper accepts it ("a4", "letter",
	// "a5", "ereader"), or "" for a custom size.
	Name string
	// Width and Height are the page size in millimetres.
	Width, Height float64
	// Description says what the paper is for, for --list-papers.
	Description string
}

// The named papers.
var (
	// A4 is ISO A4, 210 × 297 mm, the default.
	A4 = Paper{Name: "a4", Width: 210, Height: 297, Description: "ISO A4, 210 × 297 mm (default)"}
	// Letter is US Letter, 8.5 × 11 in.
	Letter = Paper{Name: "letter", Width: 215.9, Height: 279.4, Description: "US Letter, 8.5 × 11 in"}
	// A5 is ISO A5, 148 × 210 mm, a book-sized page.
	A5 = Paper{Name: "a5", Width: 148, Height: 210, Description: "ISO A5, 148 × 210 mm, book size"}
	// EReader is the text area of a 6-inch e-reader screen, 90 × 120 mm:
	// narrow margins, no running header.
	EReader = Paper{Name: "ereader", Width: 90, Height: 120, Description: "6-inch e-reader screen, 90 × 120 mm, no running header"}
)

// Limits of a custom paper size, in millimetres.
const (
	minPaperSide = 60
	maxPaperSide = 2000
)

// Papers returns the named paper sizes, the default first.
func Papers() []Paper {
	return []Paper{A4, Letter, A5, EReader}
}

// String returns the paper's name, or its size as ParsePaper accepts it.
func (p Paper) String() string {
	if p.Name != "" {
		return p.Name
	}
	return fmt.Sprintf("%sx%smm", fmtMM(p.Width), fmtMM(p.Height))
}

func fmtMM(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// isZero reports whether p is the zero Paper, which means A4.
func (p Paper) isZero() bool { return p.Name == "" && p.Width == 0 && p.Height == 0 }

// compact reports whether the page is small enough to be set like a
// screen: narrow margins and no running header.
func (p Paper) compact() bool {
	return p.Name == EReader.Name || p.Width < 120
}

func (p Paper) validate() error {
	if p.Width < minPaperSide || p.Height < minPaperSide || p.Width > maxPaperSide || p.Height > maxPaperSide {
		return fmt.Errorf("pdf: paper %s: each side must be %d–%d mm", p, minPaperSide, maxPaperSide)
	}
	return nil
}

// ParsePaper parses a paper size: a name from Papers ("a4", "letter", "a5",
// "ereader", in any case) or a custom size "WxH" in millimetres, such as
// "210x297mm", "210x297" or "105 × 148 mm". The units cm and in are
// accepted too ("8.5x11in").
func ParsePaper(s string) (Paper, error) {
	key := strings.ToLower(strings.TrimSpace(s))
	for _, p := range Papers() {
		if key == p.Name {
			return p, nil
		}
	}
	if key == "" {
		return Paper{}, fmt.Errorf("pdf: empty paper size")
	}
	unit := 1.0
	for _, u := range []struct {
		suffix string
		mm     float64
	}{{"mm", 1}, {"cm", 10}, {"in", 25.4}} {
		if strings.HasSuffix(key, u.suffix) {
			key = strings.TrimSuffix(key, u.suffix)
			unit = u.mm
			break
		}
	}
	key = strings.ReplaceAll(key, "×", "x")
	w, h, ok := strings.Cut(key, "x")
	if !ok {
		return Paper{}, fmt.Errorf("pdf: unknown paper %q (want %s or WxH in mm, e.g. 210x297mm)", s, paperNames())
	}
	wv, err1 := strconv.ParseFloat(strings.TrimSpace(w), 64)
	hv, err2 := strconv.ParseFloat(strings.TrimSpace(h), 64)
	if err1 != nil || err2 != nil {
		return Paper{}, fmt.Errorf("pdf: paper %q: width and height must be numbers (e.g. 210x297mm)", s)
	}
	p := Paper{Width: round2(wv * unit), Height: round2(hv * unit)}
	if err := p.validate(); err != nil {
		return Paper{}, err
	}
	return p, nil
}

func paperNames() string {
	var names []string
	for _, p := range Papers() {
		names = append(names, p.Name)
	}
	return strings.Join(names, ", ")
}

func round2(v float64) float64 {
	return float64(int64(v*100+0.5)) / 100
}
