package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"golang.org/x/text/language"
)

// Limits on the work Detect does: it reads at most maxWords words (a
// prefix of a long text decides as well as the whole), and ignores tokens
// longer than maxWordLen letters, which are not words of any language.
const (
	maxWords   = 1000
	maxWordLen = 40
)

// minConfidence is the least whatlanggo confidence Detect relies on. A tie
// between the two best languages has confidence 0, so an answer that could
// depend on whatlanggo's map iteration order is never used.
const minConfidence = 0.5

// Detect returns the BCP 47 primary language tag of text ("en", "ru",
// "de", …), or "" when it cannot tell: no letters, or no evidence for any
// language. See the package comment for how it decides.
func Detect(text string) string {
	t := split(text)
	sc := t.dominant()
	switch sc {
	case scriptNone:
		return ""
	case scriptLatin:
		return detectLatin(t.words[scriptLatin])
	case scriptCyrillic:
		return detectCyrillic(t.words[scriptCyrillic], t.runes[scriptCyrillic])
	case scriptHan:
		// Japanese mixes kanji with kana; Chinese has no kana.
		if kana := t.letters[scriptKana]; kana > 0 && kana*10 >= t.letters[scriptHan] {
			return "ja"
		}
		return "zh"
	}
	if tag := fixedTags[sc]; tag != "" {
		return tag
	}
	tag, conf := trigramGuess(t.words[sc], whatlanggo.Options{})
	if conf < minConfidence {
		return ""
	}
	return tag
}

// tokens are the words of a text sorted by script, with letter counts.
type tokens struct {
	words   [numScripts][]string // lower-cased
	letters [numScripts]int
	runes   [numScripts]map[rune]int // letter frequencies, Cyrillic only
}

// split cuts text into lower-cased words (runs of letters and marks) and
// counts the letters of each script. Han and kana letters are counted but
// not made into words: those scripts do not separate words by spaces.
func split(text string) *tokens {
	t := &tokens{}
	t.runes[scriptCyrillic] = make(map[rune]int)
	var (
		b      strings.Builder
		sc     = scriptNone
		n      int // letters in b
		nWords int
	)
	flush := func() {
		if n > 0 && n <= maxWordLen && sc != scriptNone {
			t.words[sc] = append(t.words[sc], b.String())
			t.letters[sc] += n
			nWords++
		}
		b.Reset()
		sc, n = scriptNone, 0
	}
	for _, r := range text {
		if nWords >= maxWords {
			break
		}
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			flush()
			continue
		}
		s := scriptOf(r)
		if s == scriptHan || s == scriptKana {
			flush()
			t.letters[s]++
			continue
		}
		if sc == scriptNone {
			sc = s
		}
		if s == scriptCyrillic && n < maxWordLen {
			t.runes[scriptCyrillic][unicode.ToLower(r)]++
		}
		if n <= maxWordLen {
			b.WriteRune(unicode.ToLower(r))
		}
		n++
	}
	flush()
	return t
}

// dominant returns the script with the most letters, kana counted with Han.
func (t *tokens) dominant() script {
	best, most := scriptNone, 0
	for s := scriptLatin; s < numScripts; s++ {
		n := t.letters[s]
		switch s {
		case scriptKana:
			continue
		case scriptHan:
			n += t.letters[scriptKana]
		}
		if n > most {
			best, most = s, n
		}
	}
	return best
}

// detectLatin decides among Latin-script languages.
func detectLatin(words []string) string {
	n := len(words)
	s := latinWeights.score(words, len(latinProfiles))
	best, second := top2(s, nil)
	// A clear majority of one language's function words.
	if s[best] >= 2 && s[best] >= 2*s[second] && s[best] >= 0.15*float64(n) {
		return latinProfiles[best].tag
	}
	// A short text: a distinctive function word or two beat trigrams.
	distinct := s[best] >= 1 && s[best] >= s[second]+0.5
	if distinct && n < 20 {
		return latinProfiles[best].tag
	}
	tag, conf := trigramGuess(words, whatlanggo.Options{})
	if conf >= minConfidence && n >= 6 {
		return tag
	}
	if distinct {
		return latinProfiles[best].tag
	}
	// Function words shared by several languages, and trigrams pick one.
	if s[best] > 0 && conf > 0 {
		for i, p := range latinProfiles {
			if p.tag == tag && s[i] == s[best] {
				return tag
			}
		}
	}
	sig, foreign := latinSignature(words)
	if sig != "" && !foreign {
		return sig
	}
	// Plain (mostly ASCII) letters and nothing against English: a title
	// like "Night Library" is far likelier English than anything else.
	english := s[best] == s[0]
	if !foreign && english && mostlyASCII(words) && (tag == "en" || conf < minConfidence) {
		return "en"
	}
	if conf >= minConfidence {
		return tag
	}
	return ""
}

// latinSignature returns the language of our profiles that letters peculiar
// to it (ß, ñ, ã, …) point to, if exactly one; foreign reports letters of a
// language we have no profile for (ł, ř, ő, å, …).
func latinSignature(words []string) (tag string, foreign bool) {
	for _, w := range words {
		for _, r := range w {
			if r < 0x80 {
				continue
			}
			var t string
			switch r {
			case 'ß', 'ä', 'ö', 'ü':
				t = "de"
			case 'ñ':
				t = "es"
			case 'ã', 'õ':
				t = "pt"
			case 'œ', 'ê', 'û', 'î', 'ù':
				t = "fr"
			case 'ò', 'ì':
				t = "it"
			case 'ł', 'ą', 'ę', 'ś', 'ź', 'ż', 'ń', 'ć', 'ř', 'ě', 'ů', 'č', 'š', 'ž', 'ő', 'ű', 'ğ', 'ş', 'ı',
				'ș', 'ț', 'ă', 'å', 'ø', 'æ', 'đ', 'ơ', 'ư', 'ā', 'ē', 'ī', 'ū', 'ė', 'į', 'ų', 'þ', 'ð':
				foreign = true
				continue
			default:
				continue
			}
			if tag != "" && tag != t {
				return "", foreign
			}
			tag = t
		}
	}
	return tag, foreign
}

// detectCyrillic decides among Cyrillic-script languages: first by the
// letters of each alphabet, then by function words, then by trigrams, and
// failing all by the likeliest, Russian.
func detectCyrillic(words []string, freq map[rune]int) string {
	total := 0
	for _, c := range freq {
		total += c
	}
	pen := make([]int, len(cyrillicProfiles))
	least := -1
	for i, p := range cyrillicProfiles {
		for _, r := range absentLetters[p.tag] {
			pen[i] += freq[r]
		}
		if least < 0 || pen[i] < least {
			least = pen[i]
		}
	}
	// Allow a stray foreign letter or two in a long text (a quoted name).
	tolerance := least + total/100
	cand := make([]bool, len(cyrillicProfiles))
	var white map[whatlanggo.Lang]bool
	nCand, first := 0, -1
	for i, p := range cyrillicProfiles {
		if pen[i] <= tolerance {
			cand[i] = true
			nCand++
			if first < 0 {
				first = i
			}
			if white == nil {
				white = make(map[whatlanggo.Lang]bool)
			}
			white[whatlanggo.CodeToLang(iso3[p.tag])] = true
		}
	}
	if nCand == 1 {
		return cyrillicProfiles[first].tag
	}
	s := cyrillicWeights.score(words, len(cyrillicProfiles))
	best, second := top2(s, cand)
	if s[best] >= 1 && (second < 0 || s[best] >= s[second]+0.5) {
		return cyrillicProfiles[best].tag
	}
	if tag, conf := trigramGuess(words, whatlanggo.Options{Whitelist: white}); conf >= minConfidence {
		return tag
	}
	return cyrillicProfiles[first].tag
}

// absentLetters lists, for each Cyrillic profile, letters its alphabet
// lacks: a text full of them is not in that language.
var absentLetters = map[string]string{
	"ru": "іїєґўјљњћђџѓќѕ",
	"uk": "ыэъёўјљњћђџѓќѕ",
	"bg": "ыэёіїєґўјљњћђџѓќѕ",
	"be": "ищъїєґјљњћђџѓќѕ",
	"sr": "йщъыьэюяёіїєґўѓќѕ",
	"mk": "йщъыьэюяёђћіїєґў",
}

// iso3 gives whatlanggo's codes for the Cyrillic profiles.
var iso3 = map[string]string{"ru": "rus", "uk": "ukr", "bg": "bul", "be": "bel", "sr": "srp", "mk": "mkd"}

// top2 returns the indexes of the best and second-best scores among the
// candidates (all when cand is nil); ties go to the lower index. second is
// -1 when there is only one candidate.
func top2(s []float64, cand []bool) (best, second int) {
	best, second = -1, -1
	for i, v := range s {
		if cand != nil && !cand[i] {
			continue
		}
		switch {
		case best < 0 || v > s[best]:
			best, second = i, best
		case second < 0 || v > s[second]:
			second = i
		}
	}
	if second < 0 && cand == nil {
		second = best
	}
	return best, second
}

// trigramGuess asks whatlanggo and maps its answer to a BCP 47 tag.
func trigramGuess(words []string, opt whatlanggo.Options) (string, float64) {
	if len(words) == 0 {
		return "", 0
	}
	info := whatlanggo.DetectWithOptions(strings.Join(words, " "), opt)
	if info.Lang < 0 {
		return "", 0
	}
	tag := tagOf(info.Lang.Iso6393())
	if tag == "" {
		return "", 0
	}
	return tag, info.Confidence
}

// tagOf maps an ISO 639 code (two- or three-letter, such as whatlanggo's
// "rus" or "cmn") to the shortest BCP 47 primary language tag for it ("ru",
// "zh"), or "" when the code is not a language.
func tagOf(code string) string {
	t, err := language.Parse(code)
	if err != nil {
		return ""
	}
	b, conf := t.Base()
	if conf == language.No {
		return ""
	}
	if len(b.String()) == 3 {
		// An individual language of a macrolanguage: "arb" → "ar", "cmn" → "zh".
		if m, err := language.Macro.Parse(code); err == nil {
			if mb, c := m.Base(); c != language.No && utf8.RuneCountInString(mb.String()) == 2 {
				return mb.String()
			}
		}
	}
	return b.String()
}

// mostlyASCII reports whether nine letters in ten or more are ASCII, as in
// English with the odd "café" or "naïve".
func mostlyASCII(words []string) bool {
	ascii, all := 0, 0
	for _, w := range words {
		for _, r := range w {
			all++
			if r < 0x80 {
				ascii++
			}
		}
	}
	return ascii*10 >= all*9
}
