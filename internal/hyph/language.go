package hyph

import (
	_ "embed" // the packed tries
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
// encoding.go. The Hyphenators share them: they must not change.
var (
	//go:embed tries/af.bin
	afTrie []byte
	//go:embed tries/be.bin
	beTrie []byte
	//go:embed tries/bg.bin
	bgTrie []byte
	//go:embed tries/ca.bin
	caTrie []byte
	//go:embed tries/cs.bin
	csTrie []byte
	//go:embed tries/cy.bin
	cyTrie []byte
	//go:embed tries/da.bin
	daTrie []byte
	//go:embed tries/de.bin
	deTrie []byte
	//go:embed tries/el.bin
	elTrie []byte
	//go:embed tries/el-polyton.bin
	elPolytonTrie []byte
	//go:embed tries/en-GB.bin
	enGbTrie []byte
	//go:embed tries/en-US.bin
	enUsTrie []byte
	//go:embed tries/es.bin
	esTrie []byte
	//go:embed tries/et.bin
	etTrie []byte
	//go:embed tries/fi.bin
	fiTrie []byte
	//go:embed tries/fr.bin
	frTrie []byte
	//go:embed tries/fur.bin
	furTrie []byte
	//go:embed tries/grc.bin
	grcTrie []byte
	//go:embed tries/ga.bin
	gaTrie []byte
	//go:embed tries/gl.bin
	glTrie []byte
	//go:embed tries/hr.bin
	hrTrie []byte
	//go:embed tries/hsb.bin
	hsbTrie []byte
	//go:embed tries/hu.bin
	huTrie []byte
	//go:embed tries/id.bin
	idTrie []byte
	//go:embed tries/is.bin
	isTrie []byte
	//go:embed tries/it.bin
	itTrie []byte
	//go:embed tries/kmr.bin
	kmrTrie []byte
	//go:embed tries/la.bin
	laTrie []byte
	//go:embed tries/lt.bin
	ltTrie []byte
	//go:embed tries/lv.bin
	lvTrie []byte
	//go:embed tries/mk.bin
	mkTrie []byte
	//go:embed tries/mn.bin
	mnTrie []byte
	//go:embed tries/nl.bin
	nlTrie []byte
	//go:embed tries/no.bin
	noTrie []byte
	//go:embed tries/oc.bin
	ocTrie []byte
	//go:embed tries/pl.bin
	plTrie []byte
	//go:embed tries/pms.bin
	pmsTrie []byte
	//go:embed tries/pt-BR.bin
	ptBrTrie []byte
	//go:embed tries/pt-PT.bin
	ptPtTrie []byte
	//go:embed tries/rm.bin
	rmTrie []byte
	//go:embed tries/ro.bin
	roTrie []byte
	//go:embed tries/ru.bin
	ruTrie []byte
	//go:embed tries/sk.bin
	skTrie []byte
	//go:embed tries/sl.bin
	slTrie []byte
	//go:embed tries/sr-Cyrl.bin
	srCyrlTrie []byte
	//go:embed tries/sr-Latn.bin
	srLatnTrie []byte
	//go:embed tries/sv.bin
	svTrie []byte
	//go:embed tries/tr.bin
	trTrie []byte
	//go:embed tries/uk.bin
	ukTrie []byte
	//go:embed tries/zu.bin
	zuTrie []byte
)

// shipped is a pattern set embedded in offprint, decoded on first use.
type shipped struct {
	// set names the set: its file is assets/hyph/hyph_<set>.dic (with
	// "_" for "-") and its trie tries/<set>.bin.
	set  string
	data []byte // tries/<set>.bin
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
	{set: "af", data: afTrie, left: 1, right: 2, script: unicode.Latin},                // Afrikaans
	{set: "be", data: beTrie, left: 2, right: 2, script: unicode.Cyrillic},             // Belarusian
	{set: "bg", data: bgTrie, left: 2, right: 2, script: unicode.Cyrillic},             // Bulgarian
	{set: "ca", data: caTrie, left: 2, right: 2, script: unicode.Latin},                // Catalan
	{set: "cs", data: csTrie, left: 2, right: 3, script: unicode.Latin},                // Czech
	{set: "cy", data: cyTrie, left: 2, right: 3, script: unicode.Latin},                // Welsh
	{set: "da", data: daTrie, left: 2, right: 2, script: unicode.Latin},                // Danish
	{set: "de", data: deTrie, left: 2, right: 2, script: unicode.Latin},                // German
	{set: "el", data: elTrie, left: 1, right: 1, script: unicode.Greek},                // Greek (monotonic)
	{set: "el-polyton", data: elPolytonTrie, left: 1, right: 1, script: unicode.Greek}, // Greek (polytonic)
	{set: "en-GB", data: enGbTrie, left: 2, right: 3, script: unicode.Latin},           // British English
	{set: "en-US", data: enUsTrie, left: 2, right: 3, script: unicode.Latin},           // American English
	{set: "es", data: esTrie, left: 2, right: 2, script: unicode.Latin},                // Spanish
	{set: "et", data: etTrie, left: 2, right: 3, script: unicode.Latin},                // Estonian
	{set: "fi", data: fiTrie, left: 2, right: 2, script: unicode.Latin},                // Finnish
	{set: "fr", data: frTrie, left: 2, right: 3, script: unicode.Latin},                // French
	{set: "fur", data: furTrie, left: 2, right: 2, script: unicode.Latin},              // Friulian
	{set: "ga", data: gaTrie, left: 2, right: 3, script: unicode.Latin},                // Irish
	{set: "gl", data: glTrie, left: 2, right: 2, script: unicode.Latin},                // Galician
	{set: "grc", data: grcTrie, left: 1, right: 1, script: unicode.Greek},              // Ancient Greek
	{set: "hr", data: hrTrie, left: 2, right: 2, script: unicode.Latin},                // Croatian
	{set: "hsb", data: hsbTrie, left: 2, right: 2, script: unicode.Latin},              // Upper Sorbian
	{set: "hu", data: huTrie, left: 2, right: 2, script: unicode.Latin},                // Hungarian
	{set: "id", data: idTrie, left: 2, right: 2, script: unicode.Latin},                // Indonesian
	{set: "is", data: isTrie, left: 2, right: 2, script: unicode.Latin},                // Icelandic
	{set: "it", data: itTrie, left: 2, right: 2, script: unicode.Latin},                // Italian
	{set: "kmr", data: kmrTrie, left: 2, right: 2, script: unicode.Latin},              // Kurmanji (Northern Kurdish)
	{set: "la", data: laTrie, left: 2, right: 2, script: unicode.Latin},                // Latin
	{set: "lt", data: ltTrie, left: 2, right: 2, script: unicode.Latin},                // Lithuanian
	{set: "lv", data: lvTrie, left: 2, right: 2, script: unicode.Latin},                // Latvian
	{set: "mk", data: mkTrie, left: 2, right: 2, script: unicode.Cyrillic},             // Macedonian
	{set: "mn", data: mnTrie, left: 2, right: 2, script: unicode.Cyrillic},             // Mongolian (Cyrillic)
	{set: "nl", data: nlTrie, left: 2, right: 2, script: unicode.Latin},                // Dutch
	{set: "no", data: noTrie, left: 2, right: 2, script: unicode.Latin},                // Norwegian (Bokmål and Nynorsk)
	{set: "oc", data: ocTrie, left: 2, right: 2, script: unicode.Latin},                // Occitan
	{set: "pl", data: plTrie, left: 2, right: 2, script: unicode.Latin},                // Polish
	{set: "pms", data: pmsTrie, left: 2, right: 2, script: unicode.Latin},              // Piedmontese
	{set: "pt-BR", data: ptBrTrie, left: 2, right: 3, script: unicode.Latin},           // Brazilian Portuguese
	{set: "pt-PT", data: ptPtTrie, left: 2, right: 3, script: unicode.Latin},           // European Portuguese
	{set: "rm", data: rmTrie, left: 2, right: 2, script: unicode.Latin},                // Romansh
	{set: "ro", data: roTrie, left: 2, right: 2, script: unicode.Latin},                // Romanian
	{set: "ru", data: ruTrie, left: 2, right: 2, script: unicode.Cyrillic},             // Russian
	{set: "sk", data: skTrie, left: 2, right: 3, script: unicode.Latin},                // Slovak
	{set: "sl", data: slTrie, left: 2, right: 2, script: unicode.Latin},                // Slovenian
	{set: "sr-Cyrl", data: srCyrlTrie, left: 2, right: 2, script: unicode.Cyrillic},    // Serbian in Cyrillic
	{set: "sr-Latn", data: srLatnTrie, left: 2, right: 2, script: unicode.Latin},       // Serbian in Latin
	{set: "sv", data: svTrie, left: 2, right: 2, script: unicode.Latin},                // Swedish
	{set: "tr", data: trTrie, left: 2, right: 2, script: unicode.Latin},                // Turkish
	{set: "uk", data: ukTrie, left: 2, right: 2, script: unicode.Cyrillic},             // Ukrainian
	{set: "zu", data: zuTrie, left: 2, right: 2, script: unicode.Latin},                // Zulu
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
func (s *shipped) load() (*Hyphenator, error) { return unmarshal(s.data) }
