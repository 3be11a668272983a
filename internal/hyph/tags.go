package hyph

import (
	"slices"
	"strings"
	"sync"
	"unicode"
)

// ForLanguage returns the Hyphenator for a BCP 47 language tag such as
// "de", "de-CH", "en-GB", "pt-BR", "sr-Latn" or "nob" (two- and
// three-letter codes, any case, "-" or "_"). ok is false for languages
// whose patterns offprint does not ship, and for a script the patterns do
// not cover ("mn-Mong", "el-Latn").
//
// A tag falls back to the patterns of its language: de-CH and de-AT use
// German's, fr-CA French's, es-MX Spanish's. English is American unless
// the region is one of the Commonwealth's or Ireland (en-GB, en-AU,
// en-NZ, en-IE, en-ZA, en-IN, …: British patterns); Canada keeps the
// American ones, as TeX's babel does. Portuguese is European unless the
// region is BR. nb, nn and no share the Norwegian patterns; sh, bs and
// cnr use the Serbian ones. Serbian is hyphenated with the Cyrillic
// patterns for sr-Cyrl, the Latin ones for sr-Latn, and, when the tag
// names no script, with the patterns of each word's own script. Greek
// (el) words written with polytonic accents and breathings are hyphenated
// with the polytonic patterns, the others with the monotonic ones;
// el-polyton uses the polytonic patterns only, grc (Ancient Greek) its own.
//
// The patterns are loaded once per process, from a trie packed at
// development time, in a fraction of a millisecond; the Hyphenator is
// shared and safe for concurrent use.
func ForLanguage(tag string) (h *Hyphenator, ok bool) {
	switch name := setFor(tag); name {
	case "":
		return nil, false
	case "sr":
		h = serbian()
	case "el":
		h = greek()
	default:
		h = setNamed(name).hyphenator()
	}
	return h, h != nil
}

// Sets returns the names of the shipped pattern sets, sorted: "af", "be",
// …, "en-GB", "en-US", …, "sr-Cyrl", "sr-Latn", ….
func Sets() []string {
	names := make([]string, len(shippedSets))
	for i, s := range shippedSets {
		names[i] = s.set
	}
	slices.Sort(names)
	return names
}

// aliases maps ISO 639-2/3 codes (both the bibliographic and terminology
// forms) and retired or macrolanguage codes to the code the sets use.
var aliases = map[string]string{
	"afr": "af", "bel": "be", "bul": "bg", "cat": "ca", "ces": "cs", "cze": "cs",
	"cym": "cy", "wel": "cy", "dan": "da", "deu": "de", "ger": "de", "ell": "el",
	"gre": "el", "eng": "en", "spa": "es", "est": "et", "ekk": "et", "fin": "fi",
	"fra": "fr", "fre": "fr", "gle": "ga", "glg": "gl", "hrv": "hr", "hun": "hu",
	"ind": "id", "in": "id", "isl": "is", "ice": "is", "ita": "it", "lit": "lt",
	"lav": "lv", "lvs": "lv", "mkd": "mk", "mac": "mk", "mon": "mn", "khk": "mn",
	"nld": "nl", "dut": "nl", "nor": "no", "nob": "no", "nno": "no", "nb": "no",
	"nn": "no", "pol": "pl", "por": "pt", "ron": "ro", "rum": "ro", "mo": "ro",
	"rus": "ru", "slk": "sk", "slo": "sk", "slv": "sl", "srp": "sr", "sh": "sr",
	"hbs": "sr", "bs": "sr", "bos": "sr", "cnr": "sr", "swe": "sv", "tur": "tr",
	"ukr": "uk", "zul": "zu", "oci": "oc", "roh": "rm", "lat": "la", "ku": "kmr",
}

// polytonic holds the characters only polytonic Greek uses: the letters
// of the Greek Extended block and the combining breathings, perispomeni
// and ypogegrammeni.
var polytonic = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x0313, Hi: 0x0314, Stride: 1},
		{Lo: 0x0342, Hi: 0x0345, Stride: 1},
		{Lo: 0x1f00, Hi: 0x1fff, Stride: 1},
	},
}

// americanEnglish lists the regions whose English spelling is American:
// the United States and its territories, the Philippines, Liberia, the
// states in free association with the US, and Canada (whose spelling
// mixes both, and which TeX's babel hyphenates as American).
var americanEnglish = []string{"us", "as", "gu", "mp", "pr", "um", "vi", "ph", "lr", "mh", "fm", "pw", "ca"}

// scripts maps the script subtags of the sets' scripts to their tables.
var scripts = map[string]*unicode.RangeTable{
	"latn": unicode.Latin, "cyrl": unicode.Cyrillic, "grek": unicode.Greek,
}

// setFor returns the name of the pattern set for a language tag, "sr" for
// Serbian by each word's script, "el" for Greek by each word's spelling,
// or "" when none fits.
func setFor(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	tag = strings.ReplaceAll(tag, "_", "-")
	subtags := strings.Split(tag, "-")
	lang := subtags[0]
	if a, ok := aliases[lang]; ok {
		lang = a
	}
	var script, region string
	polyton := false
	for _, s := range subtags[1:] {
		if len(s) == 1 {
			break // an extension or private use: the rest is not the language
		}
		switch {
		case s == "polyton":
			polyton = true
		case len(s) == 4 && isAlpha(s) && script == "" && region == "":
			script = s
		case (len(s) == 2 && isAlpha(s) || len(s) == 3 && isDigits(s)) && region == "":
			region = s
		}
	}
	if script != "" && scripts[script] == nil {
		return "" // Arabic-script Serbo-Croatian, traditional Mongolian, …
	}
	name := lang
	switch lang {
	case "en":
		name = "en-GB"
		if region == "" || slices.Contains(americanEnglish, region) {
			name = "en-US"
		}
	case "pt":
		name = "pt-PT"
		if region == "br" {
			name = "pt-BR"
		}
	case "el":
		if polyton {
			name = "el-polyton"
		} else if script == "" || script == "grek" {
			return "el" // by each word's spelling
		}
	case "sr":
		switch script {
		case "latn":
			return "sr-Latn"
		case "cyrl":
			return "sr-Cyrl"
		case "":
			return "sr"
		}
		return ""
	}
	s := setNamed(name)
	if s == nil || script != "" && scripts[script] != s.script {
		return ""
	}
	return name
}

func isAlpha(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// The Serbian Hyphenator for text in either script and the Greek one for
// either spelling, made on first use.
var (
	serbianOnce, greekOnce sync.Once
	serbianH, greekH       *Hyphenator
)

// serbian returns the Hyphenator that hyphenates Serbian words in Cyrillic
// with the Cyrillic patterns and words in Latin letters with the Latin
// ones, or nil if either fails to load.
func serbian() *Hyphenator {
	serbianOnce.Do(func() {
		cyr, lat := setNamed("sr-Cyrl").hyphenator(), setNamed("sr-Latn").hyphenator()
		if cyr != nil && lat != nil {
			serbianH = cyr.withOther(lat, unicode.Latin)
		}
	})
	return serbianH
}

// greek returns the Hyphenator that hyphenates Greek words written with
// polytonic accents and breathings with the polytonic patterns and the
// others with the monotonic ones, or nil if either fails to load.
func greek() *Hyphenator {
	greekOnce.Do(func() {
		mono, poly := setNamed("el").hyphenator(), setNamed("el-polyton").hyphenator()
		if mono != nil && poly != nil {
			greekH = mono.withOther(poly, polytonic)
		}
	})
	return greekH
}
