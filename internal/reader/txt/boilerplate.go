package txt

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Share-button vocabulary. A share line is made only of these words (and
// share counts), with at least one strong word: a network's name or a
// share verb. Weak words ("x", "ok", "link", "this article") appear in
// share lines but mean nothing alone.
var (
	shareNetworks = wordSet(`
		vk vkontakte вконтакте вк facebook twitter whatsapp telegram телеграм телеграмм viber вайбер
		linkedin reddit pinterest tumblr одноклассники livejournal жж flipboard pocket mastodon bluesky
		instagram youtube rutube дзен messenger weibo wechat qzone xing skype sms tiktok snapchat digg
		evernote gmail mail.ru ok.ru myspace hackernews threads`)
	shareVerbs = wordSet(`
		share shares sharing tweet retweet поделиться поделитесь репост репостнуть отправить teilen
		partager partagez compartir comparte compartilhar compartilhe condividi condividere delen
		udostępnij sdílet поширити поділитися email e-mail print печать распечатать версия`)
	shareWeak = wordSet(`
		x ok fb tg мой мир mail link copy copied скопировать скопирована ссылку ссылка ссылки копировать
		this article story page post news on via to in with the your friends a us or and
		статьей статьёй статьёю новостью материалом публикацией в на через по или и для
		google yandex яндекс dzen zen close закрыть more ещё еще for button buttons icon
		diesen artikel cet article este artículo auf sur en su per em op na w`)
)

// isShareLine reports whether line is a row of share buttons.
func isShareLine(line string) bool {
	if len(line) > 400 {
		return false
	}
	n, strong := 0, false
	all := eachShareWord(line, func(w string) bool {
		n++
		switch {
		case shareNetworks[w], shareVerbs[w]:
			strong = true
		case shareWeak[w], isCount(w):
		default:
			return false
		}
		return n <= 20
	})
	return all && strong
}

// isNetworkName reports whether line is one network's name alone, which is
// a share button only among other share buttons.
func isNetworkName(line string) bool {
	if len(line) > 40 {
		return false
	}
	n, network := 0, false
	eachShareWord(line, func(w string) bool {
		n++
		network = shareNetworks[w]
		return n == 1
	})
	return n == 1 && network
}

// eachShareWord calls fn with each lower-case word of line, split at white
// space and at punctuation other than the dots and hyphens inside names
// like "ok.ru", until fn returns false. It reports whether fn always
// returned true.
func eachShareWord(line string, fn func(string) bool) bool {
	sep := func(r rune) bool {
		return unicode.IsSpace(r) || r != '.' && r != '-' && (unicode.IsPunct(r) || unicode.IsSymbol(r))
	}
	for line != "" {
		i := strings.IndexFunc(line, func(r rune) bool { return !sep(r) })
		if i < 0 {
			break
		}
		line = line[i:]
		j := strings.IndexFunc(line, sep)
		if j < 0 {
			j = len(line)
		}
		w := strings.Trim(line[:j], ".-")
		line = line[j:]
		if w != "" && !fn(strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// isCount reports whether w is a number, like a share count ("12", "1.2k").
func isCount(w string) bool {
	w = strings.TrimRight(w, "kKmMкК")
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '.' {
			return false
		}
	}
	return true
}

// Trailer phrases. A trailer head is a line that is one of these phrases,
// maybe with a colon, an arrow or a count ("Comments (12)"). Everything
// from a trailer head on is dropped when what follows it is trailer
// material too: headlines of other articles (short lines without a full
// stop), share buttons, more trailer heads, or nothing. A comment prompt
// is never article text, so it cuts whatever follows.
var (
	// trailerTeaser introduce links to other articles.
	trailerTeaser = phraseSet(`
		read also|also read|read more|see also|more on this topic|more on this story|related|related articles|
		related stories|related news|related posts|related content|related coverage|related topics|
		you may also like|you might also like|you may be interested|recommended|recommended for you|
		recommended stories|most read|most popular|popular|trending|more stories|more news|latest news|
		top stories|editor's picks|don't miss|more from this author|
		читайте также|читать также|читайте еще|читайте ещё|смотрите также|см. также|по теме|ещё по теме|
		еще по теме|новости по теме|материалы по теме|похожие материалы|похожие новости|похожие статьи|
		другие новости|популярное|самое читаемое|самое популярное|лучшие материалы|рекомендуем|
		вам может быть интересно|это интересно|главное за день|новости партнеров|новости партнёров|
		mehr zum thema|lesen sie auch|lesen sie mehr|auch interessant|das könnte sie auch interessieren|
		weitere artikel|verwandte artikel|lire aussi|à lire aussi|voir aussi|sur le même sujet|articles liés|
		lee también|lea también|leer más|ver también|noticias relacionadas|te puede interesar|más noticias|
		leggi anche|potrebbe interessarti|articoli correlati`)
	// inlineTeaser introduce a link to another article inside the text.
	inlineTeaser = phraseSet(`
		read also|also read|see also|read more|читайте также|читать также|читайте еще|читайте ещё|
		смотрите также|см. также|по теме|lesen sie auch|lire aussi|à lire aussi|voir aussi|lee también|
		lea también|ver también|leggi anche`)
	// trailerOther end an article without being links to read.
	trailerOther = phraseSet(`
		comments|comment|tags|topics|
		комментарии|комментарий|теги|метки|обсуждение|
		kommentare|schlagwörter|commentaires|comentarios|commenti|etiquetas`)
	// trailerComment are comment prompts.
	trailerComment = phraseSet(`
		write a comment|leave a comment|add a comment|post a comment|add comment|post comment|
		show comments|view comments|load comments|join the conversation|join the discussion|
		comments are closed|sign in to comment|log in to comment|be the first to comment|
		написать комментарий|оставить комментарий|добавить комментарий|оставьте комментарий|
		напишите комментарий|показать комментарии|комментировать|войдите, чтобы оставить комментарий|
		kommentar schreiben|kommentieren|écrire un commentaire|laisser un commentaire|
		escribe un comentario|deja un comentario|scrivi un commento|lascia un commento`)
	// trailerPrefixes begin calls to subscribe and copyright notices.
	trailerPrefixes = []string{
		"subscribe to ", "subscribe for ", "sign up for ", "sign up to ", "follow us on ", "follow us ",
		"подписывайтесь на ", "подпишитесь на ", "подписывайтесь ", "присоединяйтесь к ", "следите за нами",
		"читайте нас в ", "читайте нас ", "abonnieren sie ", "folgen sie uns ", "abonnez-vous ", "suivez-nous ",
		"suscríbete ", "síguenos ", "©", "(c) ", "copyright ", "all rights reserved", "все права защищены",
	}
	// junkLines are dropped wherever they stand alone.
	junkLines = phraseSet(`
		advertisement|advertising|sponsored|sponsored content|ad|scroll to continue|continue reading|
		continue reading below|story continues below|story continues below advertisement|
		article continues below|article continues below advertisement|skip advertisement|
		copy link|link copied|копировать ссылку|скопировать ссылку|ссылка скопирована|
		реклама|продолжение ниже|продолжение следует ниже|anzeige|werbung|publicité|publicidad|pubblicità`)
)

// trailerKind tells what sort of line a line is, for trailer detection.
type trailerKind int

const (
	notTrailer    trailerKind = iota
	teaserHead                // "Read also:"
	otherHead                 // "Comments", "Tags:", "Subscribe to …"
	commentPrompt             // "Write a comment:", "Comments (12)"
)

// classifyTrailer returns the trailer kind of a line.
func classifyTrailer(line string) trailerKind {
	if len(line) > 400 || utf8.RuneCountInString(line) > 100 {
		return notTrailer
	}
	lower := strings.ToLower(line)
	for _, p := range trailerPrefixes {
		if strings.HasPrefix(lower, p) {
			return otherHead
		}
	}
	phrase, counted := trailerPhrase(lower)
	switch {
	case trailerComment[phrase]:
		return commentPrompt
	case counted && (phrase == "comments" || phrase == "comment" || phrase == "комментарии" ||
		phrase == "комментариев" || phrase == "комментария" || phrase == "комментарий" ||
		phrase == "kommentare" || phrase == "commentaires" || phrase == "comentarios" || phrase == "commenti"):
		return commentPrompt
	case trailerTeaser[phrase]:
		return teaserHead
	case trailerOther[phrase]:
		return otherHead
	}
	return notTrailer
}

// trailerPhrase strips a lower-case line of decoration: leading bullets
// and arrows, a trailing colon, ellipsis or arrow, and a count in
// parentheses or before or after the words ("(12)", "12 comments"). counted
// reports a count.
func trailerPhrase(lower string) (phrase string, counted bool) {
	s := strings.TrimSpace(lower)
	trim := func(s string) string {
		return strings.TrimFunc(s, func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune(":…»›→>▶►•·|-—–!*#", r)
		})
	}
	s = trim(s)
	s = strings.TrimSuffix(s, "...")
	s = trim(s)
	// A count: "(12)", "[12]", "12" at either end.
	if i := strings.LastIndexAny(s, "(["); i > 0 && (strings.HasSuffix(s, ")") || strings.HasSuffix(s, "]")) {
		if isCount(strings.TrimSpace(s[i+1 : len(s)-1])) {
			s, counted = trim(s[:i]), true
		}
	}
	if f := strings.Fields(s); len(f) > 1 {
		if isCount(f[len(f)-1]) {
			s, counted = strings.Join(f[:len(f)-1], " "), true
		} else if isCount(f[0]) {
			s, counted = strings.Join(f[1:], " "), true
		}
	}
	return trim(s), counted
}

func phraseOf(line string) string {
	p, _ := trailerPhrase(strings.ToLower(line))
	return p
}

// teaserLine reports whether line is a link to another article set in the
// text: "Read also: Headline of another article", "Читайте также: …".
func teaserLine(line string) bool {
	i := strings.IndexAny(line, ":")
	if i < 0 || utf8.RuneCountInString(line) > 200 {
		return false
	}
	head, rest := strings.ToLower(strings.TrimSpace(line[:i])), strings.TrimSpace(line[i+1:])
	if !inlineTeaser[head] || rest == "" {
		return false
	}
	return !strings.HasSuffix(rest, ".") || utf8.RuneCountInString(rest) <= 120 && !strings.Contains(rest, ". ")
}

// isJunkLine reports whether line is an advertisement marker or similar
// page furniture.
func isJunkLine(line string) bool {
	if len(line) > 240 || utf8.RuneCountInString(line) > 60 {
		return false
	}
	p, _ := trailerPhrase(strings.ToLower(line))
	return junkLines[p]
}

// dropBoilerplate blanks share rows, page furniture and in-text links to
// other articles, and cuts the trailer. It reports whether it dropped
// anything.
func dropBoilerplate(ls []string) bool {
	dropped := false
	drop := func(i int) {
		if ls[i] != "" {
			ls[i], dropped = "", true
		}
	}
	// Share rows, then single network names next to them (a column of
	// buttons), sweeping down and then up.
	share := make([]bool, len(ls))
	network := make([]bool, len(ls))
	for i, l := range ls {
		if l == "" {
			continue
		}
		network[i] = isNetworkName(l)
		share[i] = !network[i] && isShareLine(l) || isJunkLine(l)
	}
	for i, last := 0, -1; i < len(ls); i++ {
		if ls[i] == "" {
			continue
		}
		if network[i] && last >= 0 && share[last] {
			share[i] = true
		}
		last = i
	}
	for i, next := len(ls)-1, -1; i >= 0; i-- {
		if ls[i] == "" {
			continue
		}
		if network[i] && next >= 0 && share[next] {
			share[i] = true
		}
		next = i
	}
	for i := range ls {
		if share[i] {
			drop(i)
		}
	}

	// The trailer. For each line, whether it and all after it are trailer
	// material: loosely, heads and the headlines of other articles (short,
	// no full stop at the end; a sentence of text is not), and strictly,
	// heads alone, used when the head is the first line. Share rows are
	// blank by now.
	kind := make([]trailerKind, len(ls)) // of the lines left
	loose := make([]bool, len(ls)+1)
	strict := make([]bool, len(ls)+1)
	loose[len(ls)], strict[len(ls)] = true, true
	for j := len(ls) - 1; j >= 0; j-- {
		l := ls[j]
		if l == "" {
			loose[j], strict[j] = loose[j+1], strict[j+1]
			continue
		}
		kind[j] = classifyTrailer(l)
		switch {
		case kind[j] == commentPrompt:
			loose[j], strict[j] = true, true // comments follow
		case kind[j] != notTrailer:
			loose[j], strict[j] = loose[j+1], strict[j+1]
		default:
			loose[j] = loose[j+1] && (teaserLine(l) || isHeadline(l) && len(strings.Fields(l)) <= 25)
			strict[j] = false
		}
	}
	first := nextNonBlank(ls, -1)
	for i := first; i >= 0; i = nextNonBlank(ls, i) {
		k := kind[i]
		if k == notTrailer {
			if teaserLine(ls[i]) && i != first {
				drop(i)
			}
			continue
		}
		tail := loose[i+1]
		if i == first {
			tail = strict[i+1]
		}
		if k != commentPrompt && !tail {
			if k == teaserHead && i != first && inlineTeaser[phraseOf(ls[i])] {
				// A box linking to another article inside the text: the
				// head and the headline under it.
				if j := nextNonBlank(ls, i); j >= 0 && isHeadline(ls[j]) {
					drop(j)
				}
				drop(i)
			}
			continue
		}
		for j := i; j < len(ls); j++ {
			drop(j)
		}
		break
	}
	return dropped
}

// isHeadline reports whether line looks like the headline of a linked
// article: short, and no full stop at the end.
func isHeadline(line string) bool {
	return utf8.RuneCountInString(line) <= 160 && !strings.HasSuffix(line, ".") && !strings.HasSuffix(line, "…")
}

func nextNonBlank(ls []string, i int) int {
	for j := i + 1; j < len(ls); j++ {
		if ls[j] != "" {
			return j
		}
	}
	return -1
}

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func phraseSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, p := range strings.Split(s, "|") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			m[p] = true
		}
	}
	return m
}
