package txt

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// byline is what a byline line says.
type byline struct {
	authors []string
	section string
	date    time.Time
	dated   bool // a date was given, perhaps one that could not be placed
}

func (b *byline) empty() bool { return len(b.authors) == 0 && b.section == "" && !b.dated }

// bylinePrefixes introduce authors. They are matched case-insensitively at
// the start of a segment; a prefix allows a one-word author ("By Reuters").
var bylinePrefixes = []string{
	"written by ", "words by ", "text by ", "story by ", "posted by ", "reporting by ", "reported by ",
	"by ", "author: ", "authors: ", "author ", "text: ", "автор: ", "авторы: ", "автор ", "текст: ",
	"текст ", "von ", "par ", "por ", "door ",
}

// datePrefixes introduce dates.
var datePrefixes = []string{
	"published on ", "published: ", "published ", "posted on ", "posted: ", "posted ", "updated on ",
	"updated: ", "updated ", "last updated: ", "last updated ", "first published ", "date: ",
	"опубликовано: ", "опубликовано ", "обновлено: ", "обновлено ", "дата публикации: ", "дата: ",
	"veröffentlicht am ", "veröffentlicht: ", "aktualisiert am ", "publié le ", "mis à jour le ",
	"publicado el ", "publicado: ", "actualizado el ",
}

// parseByline parses a byline: authors, a section and a date, in any order,
// separated by "·", "|", "•", " — ", " – ", " - " or " / ":
//
//	Наталья Маркова Politics
//	By Jane Doe · Business · 3 May 2025
//	Jane Doe, John Roe | Science
//	Politics / Jane Doe
//
// ok is false when any part of the line is none of these; the line is then
// body text.
func parseByline(line string) (b byline, ok bool) {
	if utf8.RuneCountInString(line) > 200 {
		return b, false
	}
	for _, seg := range bylineSegments(line) {
		if !b.addSegment(seg) {
			return byline{}, false
		}
	}
	if b.empty() {
		return b, false
	}
	// A lone word is a byline only as a known section ("Politics").
	if len(b.authors) == 0 && !b.dated && !sections[strings.ToLower(b.section)] {
		return byline{}, false
	}
	return b, true
}

// bylineSegments splits a byline at its separators.
func bylineSegments(line string) []string {
	s := line
	for _, sep := range []string{" — ", " – ", " - ", " / ", " // ", " :: "} {
		s = strings.ReplaceAll(s, sep, "|")
	}
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == '|' || r == '·' || r == '•' || r == '∙' || r == '‧' || r == '⋅'
	})
}

// addSegment adds what one segment says to b; it reports false when the
// segment is not part of a byline.
func (b *byline) addSegment(seg string) bool {
	seg = strings.TrimSpace(strings.Trim(strings.TrimSpace(seg), ",;"))
	if seg == "" {
		return true
	}
	lower := strings.ToLower(seg)
	for _, p := range datePrefixes {
		if strings.HasPrefix(lower, p) {
			return b.addDate(seg[len(p):])
		}
	}
	if b.addDate(seg) || readingTime(lower) {
		return true
	}
	prefixed := false
	for _, p := range bylinePrefixes {
		if strings.HasPrefix(lower, p) {
			seg, prefixed = strings.TrimSpace(seg[len(p):]), true
			break
		}
	}
	// "Martin Untersinger (avec Damien Leloup et Morgane Tual)"
	seg = strings.NewReplacer("(", ", ", ")", ", ").Replace(seg)
	words := strings.Fields(seg)
	for len(words) > 0 && strings.Trim(words[len(words)-1], ",;") == "" {
		words = words[:len(words)-1]
	}
	if len(words) > 0 {
		words[len(words)-1] = strings.TrimRight(words[len(words)-1], ",;")
	}
	// A date after the names: "Jane Doe 3 May 2025".
	for k := 1; k <= 5 && k < len(words); k++ {
		if t, ok := parseDate(strings.Join(words[len(words)-k:], " ")); ok && hasDigit(words[len(words)-k:]) {
			b.setDate(t)
			words = words[:len(words)-k]
			break
		}
	}
	if len(words) == 0 {
		return prefixed
	}
	// A section of several words known by name: "Arts & Culture".
	var section string
	for k := 3; k >= 1; k-- {
		if k <= len(words) && sections[strings.ToLower(strings.Join(words[len(words)-k:], " "))] {
			section = strings.Join(words[len(words)-k:], " ")
			words = words[:len(words)-k]
			if len(words) > 0 {
				words[len(words)-1] = strings.TrimRight(words[len(words)-1], ",;")
			}
			break
		}
	}
	if len(words) == 0 {
		b.setSection(section)
		return true
	}
	authors, tail, ok := parseAuthors(words, prefixed, section != "")
	if !ok {
		// A section alone: "Politics", "World News".
		if !prefixed && section == "" && len(words) <= 3 && isSection(words) &&
			(len(words) == 1 || sections[strings.ToLower(strings.Join(words, " "))]) {
			b.setSection(strings.Join(words, " "))
			return true
		}
		return false
	}
	if tail != "" && section != "" {
		return false
	}
	b.authors = append(b.authors, authors...)
	if tail != "" {
		section = tail
	}
	b.setSection(section)
	return true
}

func (b *byline) addDate(s string) bool {
	if isRelativeDate(s) {
		b.dated = true
		return true
	}
	t, ok := parseDate(s)
	if ok {
		b.setDate(t)
	}
	return ok
}

func (b *byline) setDate(t time.Time) {
	if !b.dated || b.date.IsZero() {
		b.date = t
	}
	b.dated = true
}

func (b *byline) setSection(s string) {
	if b.section == "" {
		b.section = s
	}
}

// parseAuthors reads names joined by commas and conjunctions, the last
// perhaps followed by a section of one to three words ("Jane Doe and John
// Roe Science"). Parts naming a role ("Staff Writer") and a place after
// "in" are dropped.
func parseAuthors(words []string, prefixed, sectioned bool) (authors []string, section string, ok bool) {
	parts := splitAuthors(words)
	for i, p := range parts {
		p = dropPlace(p)
		if len(p) == 0 || isRole(p) {
			if i == 0 {
				return nil, "", false
			}
			continue
		}
		if i < len(parts)-1 || sectioned {
			if !isName(p, prefixed) {
				return nil, "", false
			}
			authors = append(authors, strings.Join(p, " "))
			continue
		}
		name, sect, ok := splitNameSection(p, prefixed)
		if !ok {
			// "Jane Doe, Culture": a section after a comma.
			if i > 0 && len(p) <= 3 && isSection(p) {
				section = strings.Join(p, " ")
				continue
			}
			return nil, "", false
		}
		authors = append(authors, name)
		section = sect
	}
	return authors, section, len(authors) > 0
}

// authorJoiners join names.
var authorJoiners = wordSet(`and & и und et y e та і i og och en with avec con mit при участии`)

// splitAuthors splits words at commas and conjunctions.
func splitAuthors(words []string) [][]string {
	var parts [][]string
	var cur []string
	for _, w := range words {
		if authorJoiners[strings.ToLower(w)] {
			parts, cur = append(parts, cur), nil
			continue
		}
		if strings.HasSuffix(w, ",") {
			if w = strings.TrimSuffix(w, ","); w != "" {
				cur = append(cur, w)
			}
			parts, cur = append(parts, cur), nil
			continue
		}
		cur = append(cur, w)
	}
	parts = append(parts, cur)
	out := parts[:0]
	for _, p := range parts {
		if len(p) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// splitNameSection splits the last part of a byline into a name of two to
// four words and a section of the remaining zero to three, choosing the
// likeliest split: a known section, then a two-word name (the commonest),
// then a single capitalised section word after it.
func splitNameSection(words []string, prefixed bool) (name, section string, ok bool) {
	best := -1.0
	for k := 1; k <= 4 && k <= len(words); k++ {
		nw, sw := words[:k], words[k:]
		if len(sw) > 3 || !isName(nw, prefixed) || len(sw) > 0 && !isSection(sw) {
			continue
		}
		score := 0.0
		switch {
		case len(sw) > 0 && sections[strings.ToLower(strings.Join(sw, " "))]:
			score += 10
		case len(sw) > 0:
			score += 1
		default:
			score += 1.5
		}
		if k == 2 {
			score += 2
		}
		if k >= 3 && hasMiddle(nw) {
			score += 4 // "John F. Kennedy", "Иван Иванович Петров"
		}
		if score > best {
			best, name, section, ok = score, strings.Join(nw, " "), strings.Join(sw, " "), true
		}
	}
	return name, section, ok
}

// Name particles: lower-case words inside names.
var particles = wordSet(`de da di do dos das du del della der den van von ter ten la le y bin ibn al el zu af av
	st. ben bat mac`)

// notNames are capitalised words that begin sentences and headings, not
// names.
var notNames = wordSet(`the a an in on at of for and with this that these how why what when where who new by
	from to our my your his her its their we it he she they is are was were not no all more about after
	в на по как что это он она мы они не из за о и с к у для после почему зачем где когда кто новый
	der die das ein eine le la les un une el los las`)

// isName reports whether words are a personal name: two to four
// capitalised words (one after "By"), initials ("J.", "J.R.R.") and
// particles ("van", "de") allowed, hyphenated and apostrophe names too.
func isName(words []string, prefixed bool) bool {
	min := 2
	if prefixed {
		min = 1
	}
	if len(words) < min || len(words) > 4 {
		return false
	}
	for i, w := range words {
		lw := strings.ToLower(w)
		if particles[lw] {
			if i == 0 || i == len(words)-1 {
				return false
			}
			continue
		}
		if notNames[lw] || !isNameWord(stripNamePrefix(w)) {
			return false
		}
		if i == len(words)-1 && isInitial(w) && len(words) > 1 {
			return false // "John F." is not a whole name
		}
	}
	return true
}

// isNameWord reports whether w is a capitalised name word or an initial.
func isNameWord(w string) bool {
	if isInitial(w) {
		return true
	}
	letters := 0
	first := true
	prev := ' '
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			if first && !unicode.IsUpper(r) {
				return false
			}
			if (prev == '-' || prev == '\'' || prev == '’') && !unicode.IsLetter(r) {
				return false
			}
			letters++
		case unicode.IsMark(r):
		case r == '-' || r == '\'' || r == '’':
			if first || prev == '-' || prev == '\'' || prev == '’' {
				return false
			}
		default:
			return false
		}
		first = false
		prev = r
	}
	return letters >= 2 && unicode.IsLetter(prev)
}

// stripNamePrefix removes a lower-case prefix joined to a name:
// "d'Artagnan", "al-Hassan", "ibn-Saud".
func stripNamePrefix(w string) string {
	for _, p := range []string{"d'", "d’", "l'", "l’", "al-", "el-", "ibn-", "bin-", "ben-", "da-", "de-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p) {
			return w[len(p):]
		}
	}
	return w
}

// isInitial reports whether w is one or more initials: "J.", "J.R.R.",
// "Дж.", "J.-P.".
func isInitial(w string) bool {
	if !strings.HasSuffix(w, ".") {
		return false
	}
	for _, p := range strings.Split(strings.TrimSuffix(w, "."), ".") {
		p = strings.TrimPrefix(p, "-")
		r, size := utf8.DecodeRuneInString(p)
		if size == 0 || !unicode.IsUpper(r) || utf8.RuneCountInString(p) > 3 {
			return false
		}
		for _, c := range p[size:] {
			if !unicode.IsLower(c) {
				return false
			}
		}
	}
	return true
}

// hasMiddle reports whether a name of three or more words has an initial,
// a particle or a Russian patronymic inside: then it is one name, not a
// name and a section.
func hasMiddle(words []string) bool {
	for _, w := range words[1:] {
		lw := strings.ToLower(w)
		if isInitial(w) || particles[lw] || isPatronymic(lw) {
			return true
		}
	}
	return false
}

func isPatronymic(lw string) bool {
	for _, suf := range []string{"ович", "евич", "ьич", "овна", "евна", "ична", "инична"} {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

// isSection reports whether words can be a section name: the first word
// capitalised, the others words too ("Arts and culture"), no patronymic.
func isSection(words []string) bool {
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if i == 0 && !unicode.IsUpper(r) {
			return false
		}
		if isPatronymic(strings.ToLower(w)) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && !unicode.IsMark(c) && c != '-' && c != '&' && c != '\'' && c != '’' {
				return false
			}
		}
	}
	return len(words) > 0
}

// roles are words of job titles after a name: "Jane Doe, Staff Writer".
var roles = wordSet(`correspondent reporter editor writer contributor columnist journalist staff bureau chief
	photographer analyst producer корреспондент обозреватель редактор журналист колумнист фотограф аналитик
	спецкор корреспондентка обозревательница редакция redaktion rédaction redacción`)

func isRole(words []string) bool {
	for _, w := range words {
		if roles[strings.ToLower(strings.Trim(w, ".,"))] {
			return true
		}
	}
	return false
}

// dropPlace removes a trailing place: "Jane Doe in Berlin", "in Moscow".
func dropPlace(words []string) []string {
	for i := 0; i < len(words)-1; i++ {
		switch strings.ToLower(words[i]) {
		case "in", "from", "из", "aus", "à", "en", "desde":
			if n := len(words) - i - 1; n <= 2 && isSection(words[i+1:]) && (i == 0 || i >= 2) {
				return words[:i]
			}
		}
	}
	return words
}

// readingTime reports whether s is a reading time or a view count: "5 min
// read", "Время чтения: 3 минуты", "1 234 views".
func readingTime(s string) bool {
	f := strings.Fields(strings.NewReplacer(":", " ", "-", " ").Replace(s))
	if len(f) < 2 || len(f) > 5 {
		return false
	}
	num := false
	for _, w := range f {
		w = strings.Trim(w, ".,")
		if _, ok := ordinal(w); ok {
			num = true
			continue
		}
		switch w {
		case "min", "mins", "minute", "minutes", "read", "reading", "time", "мин", "минута", "минуты", "минут",
			"время", "чтения", "чтение", "lesezeit", "lecture", "lectura", "views", "просмотров", "просмотра",
			"просмотр", "aufrufe", "vues", "visitas":
		default:
			return false
		}
	}
	return num
}

func hasDigit(words []string) bool {
	for _, w := range words {
		if strings.ContainsAny(w, "0123456789") {
			return true
		}
	}
	return false
}

// sections are common section (rubric) names, lower case.
var sections = phraseSet(`
	politics|business|economy|economics|finance|markets|money|technology|tech|science|health|culture|arts|
	art|books|music|film|movies|tv|television|entertainment|sport|sports|football|travel|lifestyle|life|
	style|fashion|food|opinion|opinions|comment|analysis|world|world news|us news|uk news|europe|asia|africa|
	americas|middle east|news|local|national|international|education|environment|climate|society|media|
	law|crime|religion|history|obituaries|weather|motoring|cars|real estate|property|housing|careers|jobs|
	games|gaming|video|photo|photos|features|interview|interviews|review|reviews|letters|editorial|columns|
	blog|blogs|security|defence|defense|military|energy|transport|innovation|startups|ai|space|nature|family|
	parenting|wellness|home|design|architecture|literature|theatre|theater|dance|city|regions|science & tech|
	arts & culture|arts and culture|science and technology|business & economy|world politics|
	россия|политика|экономика|бизнес|финансы|общество|культура|наука|технологии|наука и техника|спорт|
	здоровье|мир|в мире|происшествия|криминал|образование|москва|регионы|мнения|мнение|колонки|аналитика|
	интервью|авто|недвижимость|туризм|путешествия|стиль|новости|город|история|религия|медиа|армия|оборона|
	безопасность|экология|технологии и медиа|наука и технологии|
	politik|wirtschaft|kultur|wissenschaft|panorama|meinung|gesellschaft|technik|digital|reise|gesundheit|
	ausland|inland|politique|économie|société|sciences|idées|planète|política|economía|sociedad|deportes|
	internacional|opinión|ciencia|tecnología|mundo|cultura|politica|economia|cronaca|esteri|scienza`)
