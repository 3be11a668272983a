package hyph

import (
	"os"
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
// algorithm: every substring of the dotted word looked up in a map of the
// file's patterns. Exceptions are left out of both.
func TestAgainstReference(t *testing.T) {
	for _, tag := range []string{"en", "ru"} {
		h := mustLang(t, tag)
		bare := *h
		bare.exceptions = nil
		data, _ := assets.HyphenationPatterns(tag)
		ref := newReference(string(data), h.foldYo)
		words := corpusWords(t)
		words = append(words, "hyphenation", "Ёжик", "подъезд", "ï", "naïve", "coöperate", "fiancée")
		checked := 0
		for _, w := range words {
			want := ref.points(w, h.left, h.right)
			got := bare.Points(w)
			if !equalInts(got, want) {
				t.Errorf("%s: Points(%q) = %v, reference %v", tag, w, got, want)
			}
			if len(want) > 0 {
				checked++
			}
		}
		if checked < 50 {
			t.Errorf("%s: only %d words with breaks compared", tag, checked)
		}
	}
}

// reference is a slow, obviously correct Liang hyphenator.
type reference struct {
	patterns map[string][]int // letters -> value before each letter and after the last
	foldYo   bool
}

func newReference(data string, foldYo bool) *reference {
	ref := &reference{patterns: map[string][]int{}, foldYo: foldYo}
	lines := strings.Split(data, "\n")
	for _, line := range lines[1:] {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "%") || strings.ContainsAny(line, `/\{}-`) ||
			strings.Contains(line, "HYPHENMIN") {
			continue
		}
		var letters []rune
		vals := []int{0}
		for _, r := range line {
			if r >= '0' && r <= '9' {
				vals[len(vals)-1] = int(r - '0')
			} else {
				letters = append(letters, r)
				vals = append(vals, 0)
			}
		}
		ref.patterns[string(letters)] = vals
	}
	return ref
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
		tag  string
		lang string
	}{
		{"en", "en"}, {"en-GB", "en"}, {"en-US", "en"}, {"EN_us", "en"}, {" en ", "en"},
		{"ru", "ru"}, {"ru-RU", "ru"}, {"RU", "ru"},
		{"de", ""}, {"", ""}, {"uk", ""}, {"english", ""},
	} {
		h, ok := ForLanguage(tt.tag)
		if ok != (tt.lang != "") || ok != (h != nil) {
			t.Errorf("ForLanguage(%q) = %v, %v", tt.tag, h, ok)
			continue
		}
		if ok && h != mustLang(t, tt.lang) {
			t.Errorf("ForLanguage(%q) is not the shared %s hyphenator", tt.tag, tt.lang)
		}
	}
}

func TestConcurrent(t *testing.T) {
	words := corpusWords(t)
	var wg sync.WaitGroup
	results := make([][]string, 4)
	for g := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tag := []string{"en", "ru-RU", "en-GB", "ru"}[g]
			h, _ := ForLanguage(tag)
			for _, w := range words {
				results[g] = append(results[g], h.Hyphenate(w, "|"))
			}
		}()
	}
	wg.Wait()
	for g := 2; g < 4; g++ {
		for i := range words {
			if results[g][i] != results[g-2][i] {
				t.Fatalf("goroutine %d: %q, goroutine %d: %q", g, results[g][i], g-2, results[g-2][i])
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
			name: "non-standard patterns skipped",
			data: "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nc1k/k=k,1,2\na1b\n",
			word: "ackab", want: "acka-b",
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
