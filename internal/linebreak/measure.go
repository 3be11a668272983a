package linebreak

import "math"

// widthKey identifies a measured string.
type widthKey struct {
	style int
	s     string
}

// widths measures strings through a Measurer, remembering every answer for
// the duration of one Lay call.
type widths struct {
	m     Measurer
	cache map[widthKey]float64
}

// of returns the width of s in style, never negative, NaN or infinite.
func (w *widths) of(style int, s string) float64 {
	k := widthKey{style, s}
	if v, ok := w.cache[k]; ok {
		return v
	}
	v := w.m.Width(style, s)
	switch {
	case math.IsNaN(v) || v < 0:
		v = 0
	case v > maxMeasure:
		v = maxMeasure
	}
	w.cache[k] = v
	return v
}
