package assets

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"strings"
	"sync"
)

//go:embed fonts/scripts
var scriptFonts embed.FS

// The embedded faces for scripts that PT and Noto Serif lack, each a whole
// TrueType file: Noto Naskh Arabic (Arabic, Persian, Urdu), Noto Serif
// Hebrew, Noto Serif Devanagari and Noto Serif Thai (Google, SIL Open
// Font License, NotoFontLicense) from Debian's fonts-noto-core, and Droid
// Sans Fallback (Google, Apache License 2.0, DroidFontLicense) from
// fonts-droid-fallback for Chinese, Japanese and Korean. Droid Sans
// Fallback is stored gzip-compressed (3.4 MB as 1.7 MB) and decompressed
// once per process on first use.
const (
	ArabicRegular     = "NotoNaskhArabic-Regular.ttf"
	HebrewRegular     = "NotoSerifHebrew-Regular.ttf"
	DevanagariRegular = "NotoSerifDevanagari-Regular.ttf"
	ThaiRegular       = "NotoSerifThai-Regular.ttf"
	CJKRegular        = "DroidSansFallback.ttf"
	// DroidFontLicense is the Apache License 2.0 with Droid's copyright
	// notice, which must travel with Droid Sans Fallback.
	DroidFontLicense = "LICENSE-DroidSansFallback.txt"
	// ScriptNotoLicense is the SIL Open Font License 1.1 of the Noto
	// script faces.
	ScriptNotoLicense = "LICENSE-NotoFonts.txt"
)

// ScriptFontFiles lists the embedded script faces.
var ScriptFontFiles = []string{ArabicRegular, HebrewRegular, DevanagariRegular, ThaiRegular, CJKRegular}

var inflated struct {
	sync.Mutex
	m map[string][]byte
}

// ScriptFont returns the bytes of the embedded script face name (one of
// the constants above, or DroidFontLicense). The bytes are shared and must
// not be modified; a compressed file is decompressed once per process.
func ScriptFont(name string) ([]byte, error) {
	if b, err := scriptFonts.ReadFile("fonts/scripts/" + name); err == nil {
		return b, nil // embedded data: read-only, not copied
	}
	inflated.Lock()
	defer inflated.Unlock()
	if b, ok := inflated.m[name]; ok {
		return b, nil
	}
	gz, err := scriptFonts.ReadFile("fonts/scripts/" + name + ".gz")
	if err != nil || strings.Contains(name, "/") {
		return nil, fmt.Errorf("assets: font %s: %w", name, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("assets: font %s: %w", name, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("assets: font %s: %w", name, err)
	}
	if inflated.m == nil {
		inflated.m = map[string][]byte{}
	}
	inflated.m[name] = b
	return b, nil
}
