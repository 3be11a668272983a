package hyph

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/offprint/offprint/assets"
	"golang.org/x/text/unicode/norm"
)

func mustLang(t testing.TB, tag string) *Hyphenator {
	t.Helper()
	h, ok := ForLanguage(tag)
	if !ok || h == nil {
		t.Fatalf("ForLanguage(%q): no hyphenator", tag)
	}
	return h
}

// TestLiangExample checks the algorithm against the worked example of
// The TeXbook, appendix H: the eight patterns that match "hyphenation" give
// the values .h0y3p0h0e2n5a4t2i0o0n. and so hy-phen-ation.
func TestLiangExample(t *testing.T) {
	data := "UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 3\n" +
		"hy3ph\nhe2n\nhena4\nhen5at\n1na\nn2at\n1tio\n2io\no2n\n"
	h, err := New([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if got := h.Hyphenate("hyphenation", "-"); got != "hy-phen-ation" {
		t.Errorf("got %q, want hy-phen-ation", got)
	}
	// The values are the same with no minimums: .h0y3p0h0e2n5a4t2i0o0n.
	if got := h.WithMinimums(1, 1).Hyphenate("hyphenation", "-"); got != "hy-phen-ation" {
		t.Errorf("minimums 1/1: got %q, want hy-phen-ation", got)
	}
	// "nation": 1na puts 1 before the first letter (never a break), n2at
	// closes n|a, 1tio opens a|t, 2io and o2n close the rest:
	// .n2a1t2i0o2n. gives na-tion.
	if got := h.WithMinimums(1, 1).Hyphenate("nation", "-"); got != "na-tion" {
		t.Errorf("nation: got %q, want na-tion", got)
	}
}

func TestEnglish(t *testing.T) {
	h := mustLang(t, "en")
	if l, r := h.Minimums(); l != 2 || r != 3 {
		t.Errorf("Minimums() = %d, %d; want 2, 3 (from the file)", l, r)
	}
	// What TeX's US patterns give with \lefthyphenmin=2, \righthyphenmin=3.
	tests := []struct{ word, want string }{
		{"hyphenation", "hy-phen-ation"},
		{"algorithm", "al-go-rithm"},
		{"typography", "ty-pog-ra-phy"},
		{"computer", "com-puter"},
		{"responsibility", "re-spon-si-bil-ity"},
		{"encyclopedia", "en-cy-clo-pe-dia"},
		{"multiplication", "mul-ti-pli-ca-tion"},
		{"democracy", "democ-racy"},
		{"table", "ta-ble"},
		{"present", "present"}, // deliberately ambiguous, left alone
		{"project", "project"},
		{"Hyphenation", "Hy-phen-ation"},
		{"HYPHENATION", "HY-PHEN-ATION"},
		{"hYpHeNaTiOn", "hY-pHeN-aTiOn"},
		{"everybody's", "ev-ery-body's"},
		{"everybody’s", "ev-ery-body’s"},
		{"don't", "don't"},
		{"O'Connell", "O'Con-nell"},
		{"self-determination", "self-de-ter-mi-na-tion"},
		{"(hyphenation),", "(hy-phen-ation),"},
		{"“typography”", "“ty-pog-ra-phy”"},
		{"algorithm2typography", "al-go-rithm2ty-pog-ra-phy"},
		{"", ""},
		{"a", "a"},
		{"I", "I"},
		{"cat", "cat"},
		{"12345", "12345"},
		{"...", "..."},
		{"Новосибирске", "Новосибирске"}, // no English pattern matches Cyrillic
	}
	for _, tt := range tests {
		if got := h.Hyphenate(tt.word, "-"); got != tt.want {
			t.Errorf("Hyphenate(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestRussian(t *testing.T) {
	h := mustLang(t, "ru")
	if l, r := h.Minimums(); l != 2 || r != 2 {
		t.Errorf("Minimums() = %d, %d; want 2, 2", l, r)
	}
	tests := []struct{ word, want string }{
		{"безопасность", "без-опас-ность"},
		{"библиотека", "биб-лио-те-ка"},
		{"Новосибирске", "Но-во-си-бир-ске"},
		{"НОВОСИБИРСКЕ", "НО-ВО-СИ-БИР-СКЕ"},
		{"круглосуточных", "круг-ло-су-точ-ных"},
		{"читального", "чи-таль-но-го"},
		{"«библиотека»,", "«биб-лио-те-ка»,"},
		{"ёлочка", "ёлоч-ка"},
		{"Ёлочка", "Ёлоч-ка"},
		// Exceptions from the file's \hyphenation block.
		{"бизнесмен", "биз-нес-мен"},
		{"Бизнесмен", "Биз-нес-мен"},
		{"бездн", "бездн"},
		{"вопль", "вопль"},
		{"я", "я"},
		{"он", "он"},
		{"hyphenation", "hyphenation"},
	}
	for _, tt := range tests {
		if got := h.Hyphenate(tt.word, "-"); got != tt.want {
			t.Errorf("Hyphenate(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// TestFileExceptions checks that the \hyphenation block of the Russian file
// overrides the patterns: at least one of its words is hyphenated
// differently by the patterns alone, and every word follows the block.
func TestFileExceptions(t *testing.T) {
	h := mustLang(t, "ru")
	bare := *h
	bare.exceptions = nil
	words := fileExceptions(t)
	if len(words) < 100 {
		t.Fatalf("found %d exceptions in the Russian file, want over 100", len(words))
	}
	differ := 0
	for _, w := range words {
		plain := strings.ReplaceAll(w, "-", "")
		want := allowed(w, h)
		if got := h.Hyphenate(plain, "-"); got != want {
			t.Errorf("Hyphenate(%q) = %q, want %q", plain, got, want)
		}
		if bare.Hyphenate(plain, "-") != want {
			differ++
		}
	}
	if differ == 0 {
		t.Error("the exceptions change nothing; were they parsed?")
	}
}

// allowed returns the exception w ("во-ткать") with the breaks that the
// minimums forbid removed.
func allowed(w string, h *Hyphenator) string {
	parts := strings.Split(w, "-")
	n := utf8.RuneCountInString(strings.Join(parts, ""))
	var b strings.Builder
	letters := 0
	for i, p := range parts {
		if i > 0 && letters >= h.left && n-letters >= h.right {
			b.WriteByte('-')
		}
		b.WriteString(p)
		letters += utf8.RuneCountInString(p)
	}
	return b.String()
}

func fileExceptions(t *testing.T) []string {
	data, _ := assets.HyphenationPatterns("ru")
	_, block, ok := strings.Cut(string(data), `\hyphenation{`)
	if !ok {
		t.Fatal(`no \hyphenation block in the Russian patterns`)
	}
	block, _, _ = strings.Cut(block, "}")
	return strings.Fields(block)
}

func TestExceptions(t *testing.T) {
	en := mustLang(t, "en")
	h := en.WithExceptions("pro-ject", "Off-Print", "present", "bad entry", "x-ray's", "-")
	tests := []struct{ word, want string }{
		{"project", "pro-ject"},
		{"Project", "Pro-ject"},
		{"PROJECT,", "PRO-JECT,"},
		{"offprint", "off-print"},
		{"present", "present"},
		{"projects", "projects"}, // only the exact word
		{"hyphenation", "hy-phen-ation"},
	}
	for _, tt := range tests {
		if got := h.Hyphenate(tt.word, "-"); got != tt.want {
			t.Errorf("Hyphenate(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	if got := en.Hyphenate("offprint", "-"); got == "off-print" && en.Hyphenate("project", "-") == "pro-ject" {
		t.Error("WithExceptions changed the shared hyphenator")
	}
	if got := en.Hyphenate("project", "-"); got != "project" {
		t.Errorf("shared hyphenator: project = %q after WithExceptions", got)
	}
	// Exceptions keep the minimums: "a-ble" cannot break after one letter.
	if got := en.WithExceptions("a-ble").Hyphenate("able", "-"); got != "able" {
		t.Errorf("a-ble: got %q, want able (left minimum 2)", got)
	}
	// Russian exceptions fold ё like the words they match.
	ru := mustLang(t, "ru").WithExceptions("ёл-ка")
	if got := ru.WithMinimums(1, 1).Hyphenate("Ёлка", "-"); got != "Ёл-ка" {
		t.Errorf("ёл-ка: got %q, want Ёл-ка", got)
	}
}

func TestMinimums(t *testing.T) {
	for _, tag := range []string{"en", "ru"} {
		h := mustLang(t, tag)
		for _, m := range [][2]int{{2, 3}, {2, 2}, {1, 1}, {3, 4}, {5, 5}} {
			hm := h.WithMinimums(m[0], m[1])
			for _, w := range corpusWords(t) {
				for _, p := range hm.Points(w) {
					before, after := runLetters(w[:p], true), runLetters(w[p:], false)
					if before < m[0] || after < m[1] {
						t.Errorf("%s %v: %q broken as %q|%q", tag, m, w, w[:p], w[p:])
					}
				}
			}
		}
	}
	// Lower minimums only add points.
	h := mustLang(t, "en").WithMinimums(1, 1)
	if got := h.Hyphenate("hyphenation", "-"); !strings.HasPrefix(got, "hy-phen-ation") {
		t.Errorf("minimums 1/1: %q", got)
	}
	if l, r := mustLang(t, "en").WithMinimums(0, -3).Minimums(); l != 1 || r != 1 {
		t.Errorf("WithMinimums(0, -3).Minimums() = %d, %d; want 1, 1", l, r)
	}
}

// runLetters counts the letters of the letter run that touches the end
// (fromEnd) or the start of s.
func runLetters(s string, fromEnd bool) int {
	rs := []rune(s)
	n := 0
	for i := range rs {
		r := rs[i]
		if fromEnd {
			r = rs[len(rs)-1-i]
		}
		if !unicode.IsLetter(r) {
			break
		}
		n++
	}
	return n
}

// TestAgainstReference compares the trie with a direct reading of Liang's
// algorithm, for every shipped set: every substring of the dotted word
// looked up in a map of the file's patterns. Exceptions are left out of
// both. The words are those of the corpus and, so that every set meets
// words its patterns match, made-up words: two patterns' letters joined.
func TestAgainstReference(t *testing.T) {
	corpus := corpusWords(t)
	corpus = append(corpus, "hyphenation", "Ёжик", "подъезд", "ï", "naïve", "coöperate", "fiancée")
	for _, s := range shippedSets {
		t.Run(s.set, func(t *testing.T) {
			h := s.hyphenator()
			bare := *h
			bare.exceptions = nil
			data, _ := assets.HyphenationPatterns(s.set)
			ref := newReference(string(data), h.foldYo)
			words := append(ref.madeUpWords(300), inScript(corpus, s.script)...)
			checked := 0
			for _, w := range words {
				want := ref.points(w, h.left, h.right)
				got := bare.Points(w)
				if !equalInts(got, want) {
					t.Errorf("Points(%q) = %v, reference %v", w, got, want)
				}
				if len(want) > 0 {
					checked++
				}
			}
			if checked < 50 {
				t.Errorf("only %d words with breaks compared", checked)
			}
		})
	}
}

// inScript returns the words of words that start with a letter of script,
// and one in ten of the others.
func inScript(words []string, script *unicode.RangeTable) []string {
	var out []string
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
		if unicode.Is(script, r) || i%10 == 0 {
			out = append(out, w)
		}
	}
	return out
}

// reference is a slow, obviously correct Liang hyphenator.
type reference struct {
	patterns map[string][]int // letters -> value before each letter and after the last
	keys     []string         // the patterns' letters, in file order
	foldYo   bool
}

// twoDigits finds a malformed pattern.
var twoDigits = regexp.MustCompile(`[0-9][0-9]`)

// newReference reads a pattern file's patterns as New documents it: only
// those after NEXTLEVEL if there is one, a non-standard pattern's odd
// values raised by one.
func newReference(data string, foldYo bool) *reference {
	ref := &reference{patterns: map[string][]int{}, foldYo: foldYo}
	lines := strings.Split(data, "\n")[1:]
	for i, line := range lines {
		if strings.TrimSpace(line) == "NEXTLEVEL" {
			lines = lines[i+1:]
			break
		}
	}
	for _, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "%") || strings.HasPrefix(line, "#") ||
			strings.ContainsAny(line, `\{}-`) || strings.Contains(line, "HYPHENMIN") || strings.HasPrefix(line, "NOHYPHEN") {
			continue
		}
		line, _, odd := strings.Cut(line, "/")
		if twoDigits.MatchString(line) {
			continue // malformed, as TeX would say: Indonesian's "mil12112211"
		}
		var letters []rune
		vals := []int{0}
		for _, r := range strings.ToLower(line) {
			if r >= '0' && r <= '9' {
				v := int(r - '0')
				if odd && v%2 == 1 {
					v++
				}
				vals[len(vals)-1] = v
			} else {
				letters = append(letters, r)
				vals = append(vals, 0)
			}
		}
		key := string(letters)
		if old, ok := ref.patterns[key]; ok {
			for k := range vals {
				vals[k] = max(vals[k], old[k])
			}
		} else {
			ref.keys = append(ref.keys, key)
		}
		ref.patterns[key] = vals
	}
	return ref
}

// madeUpWords returns about n words made of two patterns' letters each,
// dots dropped.
func (ref *reference) madeUpWords(n int) []string {
	var words []string
	k := len(ref.keys)
	for i := 0; i < k; i += k/n + 1 {
		w := strings.Trim(ref.keys[i], ".") + strings.Trim(ref.keys[(i*7+3)%k], ".")
		if !strings.Contains(w, ".") {
			words = append(words, w)
		}
	}
	return words
}

func (ref *reference) points(word string, left, right int) []int {
	var out []int
	rs := []rune(word)
	offsets := make([]int, len(rs)+1)
	for i, off := 0, 0; i < len(rs); i++ {
		offsets[i] = off
		off += utf8.RuneLen(rs[i])
	}
	for i := 0; i < len(rs); {
		if !unicode.IsLetter(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && unicode.IsLetter(rs[j]) {
			j++
		}
		letters := rs[i:j]
		dotted := []rune{'.'}
		for _, r := range letters {
			r = unicode.ToLower(r)
			if ref.foldYo && r == 'ё' {
				r = 'е'
			}
			dotted = append(dotted, r)
		}
		dotted = append(dotted, '.')
		vals := make([]int, len(dotted)+1)
		for a := 0; a < len(dotted); a++ {
			for b := a + 1; b <= len(dotted); b++ {
				if p, ok := ref.patterns[string(dotted[a:b])]; ok {
					for k, v := range p {
						vals[a+k] = max(vals[a+k], v)
					}
				}
			}
		}
		n := len(letters)
		for k := left; k <= n-right; k++ {
			if vals[k+1]%2 == 1 {
				out = append(out, offsets[i+k])
			}
		}
		i = j
	}
	return out
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// corpusWords returns the words of the English and Russian corpus texts.
func corpusWords(t testing.TB) []string {
	t.Helper()
	var words []string
	seen := map[string]bool{}
	for _, name := range []string{"csto-summit-bishkek.txt", "night-library.txt", "reading-offline.md"} {
		data, err := os.ReadFile("../../testdata/corpus/" + name)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range strings.Fields(string(data)) {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	return words
}

// langCorpus returns the text of each article of testdata/corpus/lang by
// the language tag of its metadata.
func langCorpus(t testing.TB) map[string]string {
	t.Helper()
	files, err := filepath.Glob("../../testdata/corpus/lang/*.md")
	if err != nil || len(files) < 10 {
		t.Fatalf("corpus/lang: %d files, %v", len(files), err)
	}
	texts := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, rest, ok := strings.Cut(string(data), "\nlang: "); ok {
			tag, _, _ := strings.Cut(rest, "\n")
			texts[strings.TrimSpace(tag)] += string(data)
		}
	}
	return texts
}

// unhyphenated lists the corpus languages offprint has no patterns for:
// Vietnamese, whose words are single syllables that are not broken (TeX's
// hyph-vi has no patterns either), and those written in scripts whose
// lines break without hyphens or that need other shaping first.
var unhyphenated = []string{"vi", "ar", "fa", "he", "hi", "ja", "ko", "th", "zh"}

// TestCorpusLanguages checks that every language of the corpus but those
// of unhyphenated has patterns that break most of its long words, and
// that they break words of each language where its dictionaries do.
func TestCorpusLanguages(t *testing.T) {
	for tag, text := range langCorpus(t) {
		h, ok := ForLanguage(tag)
		if ok == slices.Contains(unhyphenated, tag) {
			t.Errorf("%s: patterns %v, but it is listed as unhyphenated %v", tag, ok, !ok)
		}
		if !ok {
			continue
		}
		long, broken := 0, 0
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if utf8.RuneCountInString(w) >= 9 {
				long++
				if len(h.Points(w)) > 0 {
					broken++
				}
			}
		}
		if long < 20 || broken*10 < long*9 {
			t.Errorf("%s: %d of %d words of 9 letters or more hyphenated, want 90%%", tag, broken, long)
		}
	}
	for _, tt := range []struct{ tag, word, want string }{
		{"en-GB", "hyphenation", "hy-phen-a-tion"},
		{"en-US", "hyphenation", "hy-phen-ation"},
		{"de", "Kopfsteinpflaster", "Kopf-stein-pflas-ter"},
		{"de-AT", "Gesamtkosten", "Ge-samt-kos-ten"},
		{"fr", "température", "tem-pé-ra-ture"},
		{"fr", "profondément", "pro-fon-dé-ment"},
		{"es", "aprovechamiento", "apro-ve-cha-mien-to"},
		{"it", "complessivamente", "com-ples-si-va-men-te"},
		{"pt-BR", "quilômetros", "qui-lô-me-tros"},
		{"pt", "governação", "go-ver-na-ção"},
		{"pl", "mieszkańców", "miesz-kań-ców"},
		{"nl", "keukentafelgesprekken", "keu-ken-ta-fel-ge-sprek-ken"},
		{"cs", "nejpravděpodobněji", "nej-prav-dě-po-dob-něji"},
		{"sk", "ministerstvo", "mi-nis-ter-stvo"},
		{"tr", "mühendisler", "mü-hen-dis-ler"},
		{"fi", "kansainvälisesti", "kan-sain-vä-li-ses-ti"},
		{"el", "Παπαδοπούλου", "Πα-πα-δο-πού-λου"},
		{"el", "εγκατάσταση", "ε-γκα-τά-στα-ση"}, // LibreOffice's patterns: ε-γκα-τάστα-ση
		{"uk", "дореволюційних", "до-ре-во-лю-цій-них"},
		{"ru", "библиотека", "биб-лио-те-ка"},
		{"sv", "järnvägsstationen", "järn-vägs-sta-tio-nen"},
		{"nb", "jernbanestasjonen", "jern-bane-sta-sjo-nen"},
		{"hu", "könyvtárban", "könyv-tár-ban"},
		{"hu", "hosszú", "hosszú"}, // hosz-szú: a spelling change, not a plain break
		{"ro", "guvernului", "gu-ver-nu-lui"},
		{"lt", "vyriausybė", "vy-riau-sy-bė"},
		{"lv", "pašvaldības", "pa-šval-dī-bas"},
		{"et", "raudteejaam", "raud-tee-jaam"},
		{"hr", "Hrvatska", "Hr-vat-ska"},
		{"ca", "investigació", "in-ves-ti-ga-ció"},
		{"gl", "goberno", "go-ber-no"},
		{"gl", "económico", "eco-nó-mi-co"},           // LibreOffice's patterns: económi-co
		{"bg", "разпределение", "раз-пре-де-ле-ние"},  // LibreOffice's also broke разп-ре-
		{"bg", "предупреждавам", "предуп-реж-да-вам"}, // not пре-дуп-, across the prefix пред-
		{"nb", "Armstrong", "Arm-strong"},             // hyph-no.tex's exceptions
		{"pt", "software", "soft-ware"},               // hyph-pt's exceptions
		{"sr-Latn", "Beograd", "Beo-grad"},
		{"sr", "Београд", "Бео-град"},
		{"mk", "владата", "вла-да-та"},
		{"zu", "uhulumeni", "uhu-lu-me-ni"},
	} {
		if got := mustLang(t, tt.tag).Hyphenate(tt.word, "-"); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.tag, got, tt.want)
		}
	}
}

func TestCombiningMarks(t *testing.T) {
	ru := mustLang(t, "ru")
	en := mustLang(t, "en")
	for _, tt := range []struct {
		h    *Hyphenator
		word string
	}{
		{ru, "ёлочка"}, {ru, "Новосибирский"}, {ru, "подъездной"}, {en, "naïveté"}, {en, "coöperation"},
	} {
		nfd := norm.NFD.String(tt.word)
		if nfd == tt.word {
			t.Fatalf("%q has no decomposition", tt.word)
		}
		got := norm.NFC.String(tt.h.Hyphenate(nfd, "-"))
		want := tt.h.Hyphenate(tt.word, "-")
		if got != want {
			t.Errorf("NFD %q: %q, want %q as for NFC", tt.word, got, want)
		}
	}
}

// TestLongWord: a run of more than MaxLetters letters is not hyphenated,
// costs no allocation whatever its length, and leaves the runs of letters
// around it hyphenated; a run of MaxLetters letters is.
func TestLongWord(t *testing.T) {
	en := mustLang(t, "en")
	atMax := strings.Repeat("hyphenation", MaxLetters)[:MaxLetters]
	if pts := en.Points(atMax); len(pts) < MaxLetters/11 {
		t.Errorf("%d points in a %d-letter word of hyphenations, want at least %d", len(pts), MaxLetters, MaxLetters/11)
	}
	for _, n := range []int{MaxLetters + 1, 20_000, 1 << 20} {
		word := strings.Repeat("hyphenation", n/11+1)[:n]
		if pts := en.Points(word); pts != nil {
			t.Errorf("%d letters: %d points, want none", n, len(pts))
		}
		if a := testing.AllocsPerRun(3, func() { en.Points(word) }); a != 0 {
			t.Errorf("%d letters: %g allocations, want 0", n, a)
		}
		if a := testing.AllocsPerRun(3, func() { en.Hyphenate(word, "-") }); a != 0 {
			t.Errorf("Hyphenate, %d letters: %g allocations, want 0", n, a)
		}
		mixed := "hyphenation-" + word + "'hyphenation"
		if got, want := en.Hyphenate(mixed, "-"), "hy-phen-ation-"+word+"'hy-phen-ation"; got != want {
			t.Errorf("%d letters between two words: %.60q…, want %.60q…", n, got, want)
		}
	}
	data, err := os.ReadFile("../../testdata/corpus/edge/longword.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range strings.Fields(string(data)) {
		en.Points(w)
		mustLang(t, "ru").Points(w)
	}
}

func TestForLanguage(t *testing.T) {
	for _, tt := range []struct {
		tag string
		set string // "" for none, "sr" for Serbian by script, "el" for Greek by spelling
	}{
		{"el-polyton", "el-polyton"}, {"el-GR-polyton", "el-polyton"}, {"el-Grek", "el"}, {"grc", "grc"},
		{"en", "en-US"}, {"en-US", "en-US"}, {"EN_us", "en-US"}, {" en ", "en-US"}, {"eng", "en-US"},
		{"en-CA", "en-US"}, {"en-PH", "en-US"}, {"en-Latn-US", "en-US"}, {"en-US-x-twain", "en-US"},
		{"en-GB", "en-GB"}, {"en-AU", "en-GB"}, {"en-NZ", "en-GB"}, {"en-IE", "en-GB"}, {"en-ZA", "en-GB"},
		{"en-IN", "en-GB"}, {"en-150", "en-GB"}, {"en-Latn-GB", "en-GB"}, {"en-GB-oxendict", "en-GB"},
		{"ru", "ru"}, {"ru-RU", "ru"}, {"RU", "ru"}, {"rus", "ru"},
		{"de", "de"}, {"de-DE", "de"}, {"de-CH", "de"}, {"de-AT", "de"}, {"de-1996", "de"}, {"ger", "de"}, {"deu", "de"},
		{"fr", "fr"}, {"fr-CA", "fr"}, {"fre", "fr"}, {"es-MX", "es"}, {"es-419", "es"}, {"it-CH", "it"},
		{"pt", "pt-PT"}, {"pt-PT", "pt-PT"}, {"pt-AO", "pt-PT"}, {"pt-BR", "pt-BR"}, {"pt_br", "pt-BR"}, {"por", "pt-PT"},
		{"no", "no"}, {"nb", "no"}, {"nn", "no"}, {"nb-NO", "no"}, {"nob", "no"}, {"nno", "no"},
		{"sr", "sr"}, {"sr-RS", "sr"}, {"sr-ME", "sr"}, {"srp", "sr"}, {"sh", "sr"}, {"bs", "sr"},
		{"sr-Latn", "sr-Latn"}, {"sr-Latn-RS", "sr-Latn"}, {"sr-Cyrl", "sr-Cyrl"}, {"sr-Cyrl-BA", "sr-Cyrl"},
		{"el", "el"}, {"el-GR", "el"}, {"gre", "el"}, {"uk", "uk"}, {"ukr", "uk"}, {"fi", "fi"}, {"fin", "fi"},
		{"tr", "tr"}, {"tur", "tr"}, {"hu", "hu"}, {"cs", "cs"}, {"cze", "cs"}, {"sk", "sk"}, {"pl", "pl"},
		{"nl-BE", "nl"}, {"dut", "nl"}, {"sv-FI", "sv"}, {"in", "id"}, {"mo", "ro"}, {"mn", "mn"}, {"mn-Cyrl", "mn"},
		{"", ""}, {"english", ""}, {"vi", ""}, {"ja", ""}, {"xx", ""}, {"-", ""}, {"en-", "en-US"},
		{"ku", "kmr"}, {"kmr", "kmr"}, {"ku-Arab", ""}, {"lat", "la"}, {"oci", "oc"}, {"rm", "rm"}, {"hsb", "hsb"},
		{"mn-Mong", ""}, {"ru-Latn", ""}, {"el-Latn", ""}, {"sr-Arab", ""}, {"de-Latn", "de"}, {"uk-Cyrl", "uk"},
	} {
		h, ok := ForLanguage(tt.tag)
		if ok != (tt.set != "") || ok != (h != nil) {
			t.Errorf("ForLanguage(%q) = %v, %v; want set %q", tt.tag, h, ok, tt.set)
			continue
		}
		switch {
		case !ok:
		case tt.set == "sr":
			if h != serbian() {
				t.Errorf("ForLanguage(%q) is not the shared Serbian hyphenator", tt.tag)
			}
		case tt.set == "el":
			if h != greek() {
				t.Errorf("ForLanguage(%q) is not the shared Greek hyphenator", tt.tag)
			}
		case h != setNamed(tt.set).hyphenator():
			t.Errorf("ForLanguage(%q) is not the shared %s hyphenator", tt.tag, tt.set)
		}
	}
	if got := Sets(); len(got) < 50 || !slices.IsSorted(got) {
		t.Errorf("Sets() = %v: not 50 or more, sorted", got)
	}
	for _, set := range Sets() {
		if h, ok := ForLanguage(set); !ok || h == nil {
			t.Errorf("set %s: no hyphenator for its own name", set)
		}
	}
}

// TestSerbianScripts checks that Serbian without a script hyphenates each
// word with the patterns of its script.
func TestSerbianScripts(t *testing.T) {
	sr := mustLang(t, "sr")
	cyr, lat := mustLang(t, "sr-Cyrl"), mustLang(t, "sr-Latn")
	for _, tt := range []struct{ word, want string }{
		{"Југославија", "Ју-го-сла-ви-ја"},
		{"Jugoslavija", "Ju-go-sla-vi-ja"},
		{"републици", "ре-пу-бли-ци"},
		{"republici", "re-pu-bli-ci"},
	} {
		if got := sr.Hyphenate(tt.word, "-"); got != tt.want {
			t.Errorf("sr: %q, want %q", got, tt.want)
		}
	}
	if got, want := sr.Hyphenate("Jugoslavija-Југославија", "-"), lat.Hyphenate("Jugoslavija", "-")+"-"+cyr.Hyphenate("Југославија", "-"); got != want {
		t.Errorf("sr, a word in both scripts: %q, want %q", got, want)
	}
	if got := cyr.Hyphenate("Jugoslavija", "-"); got != "Jugoslavija" {
		t.Errorf("sr-Cyrl hyphenates Latin letters: %q", got)
	}
	// The minimums and exceptions apply to both scripts.
	if got := sr.WithMinimums(3, 3).Hyphenate("Jugoslavija", "-"); got != "Jugo-sla-vija" {
		t.Errorf("sr 3/3: %q, want Jugo-sla-vija", got)
	}
	if got := sr.WithExceptions("jugoslavija").Hyphenate("Jugoslavija", "-"); got != "Jugoslavija" {
		t.Errorf("sr with an exception: %q, want Jugoslavija", got)
	}
}

// TestGreekSpellings checks that Greek words with polytonic accents and
// breathings, precomposed or combining, are hyphenated with the polytonic
// patterns, and the others with the monotonic ones, which differ (ε-γκα-,
// monotonic, εγ-κα-, polytonic).
func TestGreekSpellings(t *testing.T) {
	for _, tt := range []struct{ tag, word, want string }{
		{"el", "εγκατάσταση", "ε-γκα-τά-στα-ση"},
		{"el", "ἀνθρώπου", "ἀν-θρώ-που"},
		{"el", "Ἀθηναῖοι", "Ἀ-θη-ναῖ-οι"},
		{"el", "ἐγκατάστασις", "ἐγ-κα-τά-στα-σις"},
		{"el", norm.NFD.String("ἐγκατάστασις"), norm.NFD.String("ἐγ-κα-τά-στα-σις")},
		{"el-polyton", "εγκατάσταση", "εγ-κα-τά-στα-ση"},
		{"grc", "ἐκκλησία", "ἐκ-κλη-σί-α"},
	} {
		if got := mustLang(t, tt.tag).Hyphenate(tt.word, "-"); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.tag, got, tt.want)
		}
	}
	if mono, poly := mustLang(t, "el").Hyphenate("εγκατάσταση", "-"), mustLang(t, "el-polyton").Hyphenate("εγκατάσταση", "-"); mono == poly {
		t.Errorf("the monotonic and polytonic patterns agree on εγκατάσταση (%s): the test shows nothing", mono)
	}
}

// TestTeXMinimums checks that the shipped sets keep TeX's minimums, not
// the files' own (LibreOffice's Swedish and Icelandic say 1 and 2,
// Catalan 1 and 1).
func TestTeXMinimums(t *testing.T) {
	for _, tt := range []struct {
		tag         string
		left, right int
	}{
		{"en-US", 2, 3}, {"en-GB", 2, 3}, {"de", 2, 2}, {"fr", 2, 3}, {"it", 2, 2}, {"es", 2, 2},
		{"pt-BR", 2, 3}, {"pt-PT", 2, 3}, {"pl", 2, 2}, {"cs", 2, 3}, {"sk", 2, 3}, {"nl", 2, 2},
		{"fi", 2, 2}, {"tr", 2, 2}, {"el", 1, 1}, {"sv", 2, 2}, {"is", 2, 2}, {"ca", 2, 2},
		{"da", 2, 2}, {"hu", 2, 2}, {"ru", 2, 2}, {"uk", 2, 2}, {"af", 1, 2}, {"et", 2, 3}, {"mn", 2, 2},
		{"el-polyton", 1, 1}, {"grc", 1, 1}, {"cy", 2, 3}, {"ga", 2, 3}, {"la", 2, 2},
	} {
		if l, r := mustLang(t, tt.tag).Minimums(); l != tt.left || r != tt.right {
			t.Errorf("%s: minimums %d, %d; want TeX's %d, %d", tt.tag, l, r, tt.left, tt.right)
		}
	}
}

func TestConcurrent(t *testing.T) {
	words := corpusWords(t)
	for _, text := range langCorpus(t) {
		words = append(words, strings.Fields(text)...)
	}
	// Goroutine g and g+4 ask for the same set by different tags, at once,
	// the first time each set is used in this test binary or not.
	tags := []string{"en", "ru-RU", "sr", "fi", "en-US", "ru", "sr-RS", "fi-FI"}
	var wg sync.WaitGroup
	results := make([][]string, len(tags))
	for g := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h, _ := ForLanguage(tags[g])
			for _, w := range words {
				results[g] = append(results[g], h.Hyphenate(w, "|"))
			}
		}()
	}
	wg.Wait()
	for g := 4; g < len(tags); g++ {
		for i := range words {
			if results[g][i] != results[g-4][i] {
				t.Fatalf("%s: %q, %s: %q", tags[g], results[g][i], tags[g-4], results[g-4][i])
			}
		}
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		name, data string
		word, want string
		err        string
	}{
		{name: "empty", data: "", err: "no character set"},
		{name: "header only", data: "UTF-8\nLEFTHYPHENMIN 2\n", err: "no hyphenation patterns"},
		{name: "bad minimum", data: "UTF-8\nLEFTHYPHENMIN two\na1b\n", err: "bad LEFTHYPHENMIN"},
		{name: "unknown charset", data: "EBCDIC-XYZ\na1b\n", err: "unknown character set"},
		{name: "invalid UTF-8", data: "UTF-8\na1\xffb\n", err: "not valid UTF-8"},
		{
			name: "minimums and comments",
			data: "UTF-8\r\n% comment\r\nLEFTHYPHENMIN 1\r\nRIGHTHYPHENMIN 1\r\n\r\na1b\r\n",
			word: "abab", want: "a-ba-b",
		},
		{
			name: "defaults are TeX's 2 and 3",
			data: "UTF-8\na1b\n",
			word: "ababab", want: "aba-bab",
		},
		{
			name: "a non-standard pattern makes no break",
			data: "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nc1k/k=k,1,2\na1b\n",
			word: "ackab", want: "acka-b",
		},
		{
			// Hungarian "s1sz/sz=sz,1,3": "asszony" is "asz-szony"; a plain
			// break that 1s puts before the s must not be made.
			name: "a non-standard pattern forbids the breaks it changes",
			data: "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n1s\ns1sz/sz=sz,1,3\n",
			word: "asszony", want: "a-sszony",
		},
		{
			name: "a higher odd value beats a non-standard pattern",
			data: "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\ns3s\ns1sz/sz=sz,1,3\n",
			word: "asszony", want: "as-szony",
		},
		{
			name: "a non-standard pattern's even values are kept",
			data: "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n1z\ns2z/sz=sz,1,3\n",
			word: "aszo", want: "aszo",
		},
		{
			name: "NEXTLEVEL keeps the second level",
			data: "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nb1c\nNEXTLEVEL\na1b\n",
			word: "abc", want: "a-bc",
		},
		{
			name: "duplicates keep the larger value",
			data: "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\na1b\na2b\nb1c\nb1c\n",
			word: "abc", want: "ab-c",
		},
		{
			name: "exception block",
			data: "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\na1b\n\\hyphenation{\nab-ab\n}\nb1a\n",
			word: "abab", want: "ab-ab",
		},
		{
			name: "Latin-1 file",
			data: "ISO8859-1\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n\xe91t\n",
			word: "été", want: "é-té",
		},
		{
			name: "BOM",
			data: "\uFEFFUTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nx1y\n",
			word: "xyx", want: "x-yx",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := New([]byte(tt.data))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.HasPrefix(err.Error(), "hyph: ") {
					t.Fatalf("err = %v, want hyph: …%s…", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := h.Hyphenate(tt.word, "-"); got != tt.want {
				t.Errorf("Hyphenate(%q) = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

func TestZeroHyphenator(t *testing.T) {
	var h Hyphenator
	if got := h.Points("hyphenation"); got != nil {
		t.Errorf("zero Hyphenator: %v", got)
	}
	var nilH *Hyphenator
	if got := nilH.Hyphenate("hyphenation", "-"); got != "hyphenation" {
		t.Errorf("nil Hyphenator: %q", got)
	}
}

func TestPointsAllocations(t *testing.T) {
	h := mustLang(t, "en")
	if n := testing.AllocsPerRun(100, func() { h.Points("cat") }); n != 0 {
		t.Errorf("Points on a short word: %v allocations, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { h.Points("hyphenation") }); n > 1 {
		t.Errorf("Points on a hyphenated word: %v allocations, want 1 (the result)", n)
	}
}

func BenchmarkPoints(b *testing.B) {
	for _, tag := range []string{"en", "ru"} {
		b.Run(tag, func(b *testing.B) {
			h := mustLang(b, tag)
			var words []string
			for _, w := range corpusWords(b) {
				if n := runLetters(w, false); n > 0 && (tag == "en") == (w[0] < utf8.RuneSelf) {
					words = append(words, w)
				}
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				h.Points(words[i%len(words)])
			}
		})
	}
	b.Run("longword", func(b *testing.B) {
		h := mustLang(b, "en")
		word := strings.Repeat("hyphenation", 2000)[:20000]
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			h.Points(word)
		}
	})
}

func BenchmarkNew(b *testing.B) {
	for _, tag := range []string{"en", "ru"} {
		b.Run(tag, func(b *testing.B) {
			data, _ := assets.HyphenationPatterns(tag)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := New(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
