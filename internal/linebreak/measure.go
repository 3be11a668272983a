package linebreak

import "math"

// widths measures strings through a Measurer and keeps the answers sane.
// It does not cache them: a Measurer sums the advances of a string's
// characters faster than a map finds the string (the PDF renderer's does),
// and one that is slower can cache behind its own Width.
type widths struct {
	m Measurer
}

// of returns the width of s in style, never negative, NaN or infinite.
func (w *widths) of(style int, s string) float64 {
	v := w.m.Width(style, s)
	switch {
	case math.IsNaN(v) || v < 0:
		v = 0
	case v > maxMeasure:
		v = maxMeasure
	}
	return v
}
