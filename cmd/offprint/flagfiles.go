package main

import "github.com/offprint/offprint/internal/convert"

// convertReadCover reads a --cover image: a regular file, size-limited and
// checked as any image (header, pixel limit, whole stream).
var convertReadCover = convert.ReadCover

// convertReadFont reads a --fallback-font file: a regular TrueType file,
// size-limited.
var convertReadFont = convert.ReadFont
