package main

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/offprint/offprint/internal/pdf"
)

// The ranges numeric flags accept. internal/pdf exports no constants for
// them, so they are defined here, equal to the renderer's own checks: the
// PDF writer refuses a body size outside 5–24 pt (write.go) and a custom
// paper side outside 60–2000 mm (paper.go). The flags check them first so
// that a bad value is a usage error, found before any input is read.
const (
	minFontSize  = 5.0    // points
	maxFontSize  = 24.0   // points
	minPaperSide = 60.0   // millimetres
	maxPaperSide = 2000.0 // millimetres
)

// checkFontSize checks --font-size: 0 (scaled to the paper) or a finite
// size within minFontSize–maxFontSize points.
func checkFontSize(v float64) error {
	if v == 0 || v >= minFontSize && v <= maxFontSize { // false for NaN
		return nil
	}
	return fmt.Errorf("--font-size %s: want %g–%g points (or 0 for the paper's default)",
		strconv.FormatFloat(v, 'g', -1, 64), minFontSize, maxFontSize)
}

// paperUnits are the units a custom --paper size may end in, as
// pdf.ParsePaper reads them.
var paperUnits = []struct {
	suffix string
	mm     float64
}{{"mm", 1}, {"cm", 10}, {"in", 25.4}}

// parsePaper parses --paper. A custom WxH size is checked here as numbers
// (finite, each side minPaperSide–maxPaperSide mm) before pdf.ParsePaper
// reads it, because that parser lets NaN and infinities through to its
// rounding.
func parsePaper(s string) (pdf.Paper, error) {
	key := strings.ToLower(strings.TrimSpace(s))
	if w, h, ok := strings.Cut(strings.ReplaceAll(key, "×", "x"), "x"); ok {
		unit := 1.0
		for _, u := range paperUnits {
			if strings.HasSuffix(h, u.suffix) {
				h, unit = strings.TrimSuffix(h, u.suffix), u.mm
				break
			}
		}
		wv, err1 := strconv.ParseFloat(strings.TrimSpace(w), 64)
		hv, err2 := strconv.ParseFloat(strings.TrimSpace(h), 64)
		if err1 == nil && err2 == nil && !(paperSideOK(wv*unit) && paperSideOK(hv*unit)) {
			return pdf.Paper{}, fmt.Errorf("--paper %q: each side must be a number of %g–%g mm", s, minPaperSide, maxPaperSide)
		}
	}
	p, err := pdf.ParsePaper(s)
	if err != nil {
		return pdf.Paper{}, fmt.Errorf("--paper: %w", err)
	}
	return p, nil
}

// paperSideOK reports whether a side of v millimetres, rounded to 0.01 mm
// as pdf.ParsePaper rounds it, is within range (false for NaN).
func paperSideOK(v float64) bool {
	r := math.Round(v*100) / 100
	return r >= minPaperSide && r <= maxPaperSide
}

// checkText checks the value of a text flag: valid UTF-8 and no control
// character (line breaks and tabs included) or line separator, which would
// end up in the outputs' metadata and on the terminal. Format characters
// such as U+200F RIGHT-TO-LEFT MARK are text and pass.
func checkText(flag, v string) error {
	if !utf8.ValidString(v) {
		return fmt.Errorf("--%s %q: not valid UTF-8", flag, v)
	}
	for _, r := range v {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return fmt.Errorf("--%s %q: holds the control character %U", flag, v, r)
		}
	}
	return nil
}

// checkSource checks --source: text that parses as a URL.
func checkSource(v string) error {
	if v == "" {
		return nil
	}
	if _, err := url.Parse(v); err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Errorf("--source %q is not a URL: %w", v, err)
	}
	return nil
}
