package hyph

import (
	"compress/gzip"
	"embed"
	"encoding/binary"
	"fmt"
	"io"
	"sync"
	"unicode"
)

// The shipped pattern files are parsed and packed at development time:
// go generate runs TestShippedTries with -update, which writes
// tries/<set>.bin, and the same test fails when a file is stale. (The
// package does not compile without the files: to add one, create it empty
// first.)
//
//go:generate go test -count=1 -run=TestShippedTries -update

// The packed trie of each shipped pattern file, in the format of
// encoding.go, compressed with gzip (the tries are 6.2 MB as they are, 1.9
// MB compressed); a set is inflated on its first use. The Hyphenators share
// the inflated bytes: they must not change.
//
//go:embed tries/*.bin.gz
var tries embed.FS

// shipped is a pattern set embedded in offprint, decoded on first use.
type shipped struct {
	// set names the set: its file is assets/hyph/hyph_<set>.dic (with
	// "_" for "-") and its trie tries/<set>.bin.gz.
	set string
	// The minimums, TeX's for the language (hyph-utf8's typesetting
	// values, babel's for French), which replace the file's own.
	left, right int
	script      *unicode.RangeTable // the script the language is written in
	once        sync.Once
	h           *Hyphenator
}

// shippedSets lists the pattern sets offprint ships, by name. The
// minimums are TeX's: hyph-utf8's typesetting values (2 and 2 unless
// noted), French's from babel-french (2 and 3: hyph-utf8 says 2 and 2),
// and 2 and 2 for Zulu, which TeX has no patterns for. The LibreOffice
// files' own minimums, where they have any, are LibreOffice's choices
// (1 and 1 for Catalan and Mongolian, 1 and 2 for Icelandic and Swedish)
// and are not used.
var shippedSets = []*shipped{
	{set: "af", left: 1, right: 2, script: unicode.Latin},         // Afrikaans
	{set: "be", left: 2, right: 2, script: unicode.Cyrillic},      // Belarusian
	{set: "bg", left: 2, right: 2, script: unicode.Cyrillic},      // Bulgarian
	{set: "ca", left: 2, right: 2, script: unicode.Latin},         // Catalan
	{set: "cs", left: 2, right: 3, script: unicode.Latin},         // Czech
	{set: "cy", left: 2, right: 3, script: unicode.Latin},         // Welsh
	{set: "da", left: 2, right: 2, script: unicode.Latin},         // Danish
	{set: "de", left: 2, right: 2, script: unicode.Latin},         // German
	{set: "el", left: 1, right: 1, script: unicode.Greek},         // Greek (monotonic)
	{set: "el-polyton", left: 1, right: 1, script: unicode.Greek}, // Greek (polytonic)
	{set: "en-GB", left: 2, right: 3, script: unicode.Latin},      // British English
	{set: "en-US", left: 2, right: 3, script: unicode.Latin},      // American English
	{set: "es", left: 2, right: 2, script: unicode.Latin},         // Spanish
	{set: "et", left: 2, right: 3, script: unicode.Latin},         // Estonian
	{set: "fi", left: 2, right: 2, script: unicode.Latin},         // Finnish
	{set: "fr", left: 2, right: 3, script: unicode.Latin},         // French
	{set: "fur", left: 2, right: 2, script: unicode.Latin},        // Friulian
	{set: "ga", left: 2, right: 3, script: unicode.Latin},         // Irish
	{set: "gl", left: 2, right: 2, script: unicode.Latin},         // Galician
	{set: "grc", left: 1, right: 1, script: unicode.Greek},        // Ancient Greek
	{set: "hr", left: 2, right: 2, script: unicode.Latin},         // Croatian
	{set: "hsb", left: 2, right: 2, script: unicode.Latin},        // Upper Sorbian
	{set: "hu", left: 2, right: 2, script: unicode.Latin},         // Hungarian
	{set: "id", left: 2, right: 2, script: unicode.Latin},         // Indonesian
	{set: "is", left: 2, right: 2, script: unicode.Latin},         // Icelandic
	{set: "it", left: 2, right: 2, script: unicode.Latin},         // Italian
	{set: "kmr", left: 2, right: 2, script: unicode.Latin},        // Kurmanji (Northern Kurdish)
	{set: "la", left: 2, right: 2, script: unicode.Latin},         // Latin
	{set: "lt", left: 2, right: 2, script: unicode.Latin},         // Lithuanian
	{set: "lv", left: 2, right: 2, script: unicode.Latin},         // Latvian
	{set: "mk", left: 2, right: 2, script: unicode.Cyrillic},      // Macedonian
	{set: "mn", left: 2, right: 2, script: unicode.Cyrillic},      // Mongolian (Cyrillic)
	{set: "nl", left: 2, right: 2, script: unicode.Latin},         // Dutch
	{set: "no", left: 2, right: 2, script: unicode.Latin},         // Norwegian (Bokmål and Nynorsk)
	{set: "oc", left: 2, right: 2, script: unicode.Latin},         // Occitan
	{set: "pl", left: 2, right: 2, script: unicode.Latin},         // Polish
	{set: "pms", left: 2, right: 2, script: unicode.Latin},        // Piedmontese
	{set: "pt-BR", left: 2, right: 3, script: unicode.Latin},      // Brazilian Portuguese
	{set: "pt-PT", left: 2, right: 3, script: unicode.Latin},      // European Portuguese
	{set: "rm", left: 2, right: 2, script: unicode.Latin},         // Romansh
	{set: "ro", left: 2, right: 2, script: unicode.Latin},         // Romanian
	{set: "ru", left: 2, right: 2, script: unicode.Cyrillic},      // Russian
	{set: "sk", left: 2, right: 3, script: unicode.Latin},         // Slovak
	{set: "sl", left: 2, right: 2, script: unicode.Latin},         // Slovenian
	{set: "sr-Cyrl", left: 2, right: 2, script: unicode.Cyrillic}, // Serbian in Cyrillic
	{set: "sr-Latn", left: 2, right: 2, script: unicode.Latin},    // Serbian in Latin
	{set: "sv", left: 2, right: 2, script: unicode.Latin},         // Swedish
	{set: "tr", left: 2, right: 2, script: unicode.Latin},         // Turkish
	{set: "uk", left: 2, right: 2, script: unicode.Cyrillic},      // Ukrainian
	{set: "zu", left: 2, right: 2, script: unicode.Latin},         // Zulu
}

// setNamed returns the shipped set called name, or nil.
func setNamed(name string) *shipped {
	for _, s := range shippedSets {
		if s.set == name {
			return s
		}
	}
	return nil
}

// hyphenator returns the set's Hyphenator, decoding its trie on first use.
func (s *shipped) hyphenator() *Hyphenator {
	s.once.Do(func() {
		// The embedded tries are tested to decode (TestShippedTries); a
		// failure leaves h nil.
		s.h, _ = s.load()
	})
	return s.h
}

// load decodes the packed trie of s.
func (s *shipped) load() (*Hyphenator, error) {
	data, err := s.packed()
	if err != nil {
		return nil, err
	}
	return unmarshal(data)
}

// packed returns the set's packed trie, inflated from tries/<set>.bin.gz
// into one buffer of the size the gzip trailer gives.
func (s *shipped) packed() ([]byte, error) {
	f, err := tries.Open("tries/" + s.set + ".bin.gz")
	if err != nil {
		return nil, fmt.Errorf("hyph: %s: %w", s.set, err)
	}
	defer f.Close()
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		return nil, fmt.Errorf("hyph: %s: embedded file cannot seek", s.set)
	}
	var size [4]byte // ISIZE: the inflated length (RFC 1952)
	if _, err := rs.Seek(-4, io.SeekEnd); err != nil {
		return nil, fmt.Errorf("hyph: %s: %w", s.set, err)
	}
	if _, err := io.ReadFull(rs, size[:]); err != nil {
		return nil, fmt.Errorf("hyph: %s: %w", s.set, err)
	}
	if _, err := rs.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("hyph: %s: %w", s.set, err)
	}
	z, err := gzip.NewReader(rs)
	if err != nil {
		return nil, fmt.Errorf("hyph: %s: %w", s.set, err)
	}
	data := make([]byte, binary.LittleEndian.Uint32(size[:]))
	if _, err := io.ReadFull(z, data); err != nil {
		return nil, fmt.Errorf("hyph: %s: %w", s.set, err)
	}
	if n, err := z.Read(make([]byte, 1)); n != 0 || err != io.EOF {
		return nil, fmt.Errorf("hyph: %s: longer than its gzip trailer says", s.set)
	}
	return data, nil
}
