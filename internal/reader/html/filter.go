package html

import (
	"net"
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/net/publicsuffix"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/lazyre"
)

// The filter removes what readability lets through of the page around the
// article: share buttons, "Related"/"Read more" link lists, comment
// sections, cookie notices, advertising labels. Its rules look at the shape
// of a block (how much of it is links, how long it is) and at words common
// to such furniture in the main European languages, never at one site.

var (
	// relatedHeading introduces a list of links to other articles.
	relatedHeading = lazyre.New(`(?i)^(?:related(?: articles?| stories| posts| content| links| reading| coverage)?|read (?:more|also|next)|more (?:on|from|about|in|stories|news)\b.*|recommended(?: for you| reading| stories)?|you (?:may|might) (?:also )?(?:like|be interested in)|further reading|more stories|most (?:read|popular|viewed|shared)|popular(?: now| stories)?|trending(?: now)?|top stories|latest(?: news| stories)?|editor'?s picks|читайте (?:также|ещё|еще)|смотрите также|по теме|ещё по теме|еще по теме|похожие(?: материалы| статьи| новости)?|популярное|самое (?:читаемое|популярное)|lire (?:aussi|également)|à lire (?:aussi|également)|sur le même sujet|les plus lus|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|meistgelesen|leer más|lea también|te puede interesar|noticias relacionadas|lo más leído|leggi anche|potrebbe interessarti|i più letti)$`)

	// relatedLead opens a paragraph that is a link to another article
	// ("Lire aussi : …", "Read more: …", "Читайте также: …").
	relatedLead = lazyre.New(`(?i)^(?:related|read (?:more|also|next)|see also|more|lire(?: aussi| également)?|à lire (?:aussi|également)|voir aussi|lesen sie (?:auch|mehr)|mehr zum thema|siehe auch|leer más|lea también|ver también|leggi anche|читайте(?: также| ещё| еще)?|смотрите также|по теме)\s*:`)

	// commentsHeading introduces the readers' comments.
	commentsHeading = lazyre.New(`(?i)^(?:\d+\s+)?(?:comments?|reader comments|leave a (?:comment|reply)|add a comment|join the (?:discussion|conversation)|kommentare|leserkommentare|commentaires|comentarios|commenti|komentarze|комментарии|написать комментарий)(?:\s*[(\[]?\d+[)\]]?)?$`)

	// adLabel is the whole text of an advertising slot.
	adLabel = lazyre.New(`(?i)^(?:advertisement|advertising|ads?|sponsored(?: content)?|promoted|anzeige|werbung|publicité|publicidad|pubblicità|реклама|(?:story|article) continues below(?: advertisement)?|continue reading (?:the main story|below)|scroll to continue(?: with content)?)$`)

	// readMore is the whole text of a link that leads away from the article.
	readMore = lazyre.New(`(?i)^(?:read more|read the full (?:story|article)|continue reading|see more|view (?:more|all)|more|читать (?:далее|полностью|ещё|еще)|подробнее|lire la suite|en savoir plus|weiterlesen|mehr lesen|leer más|seguir leyendo|leggi (?:tutto|di più))(?:\s*(?:»|›|→|>|\.\.\.|…))?$`)

	// cookieWords accompany "cookie" in a consent notice.
	cookieWords = lazyre.New(`(?i)\b(?:accept|consent|agree|privacy|we use|this (?:site|website) uses|settings|preferences|einverstanden|akzeptieren|zustimm|datenschutz|accepter|consentement|utilise|aceptar|utiliza|политик|согла|использу)`)
)

// shareWords may make up a row of share buttons; socialWords are the
// networks, shareVerbs the invitations.
var (
	socialWords = tagSet("facebook", "twitter", "x", "linkedin", "whatsapp", "telegram", "vk", "vkontakte",
		"ok", "odnoklassniki", "pinterest", "reddit", "messenger", "viber", "xing", "tumblr", "pocket",
		"flipboard", "threads", "bluesky", "mastodon", "email", "e-mail", "mail", "sms", "print",
		"вконтакте", "одноклассники", "телеграм", "почта")
	shareVerbs = tagSet("share", "shares", "tweet", "partager", "partagez", "teilen", "compartir",
		"compartilhar", "partilhar", "condividi", "поделиться", "поделитесь", "udostępnij", "delen",
		"dela", "paylaş", "sdílet")
	shareFiller = tagSet("this", "article", "story", "page", "post", "on", "via", "to", "the", "by",
		"copy", "link", "save", "in", "en", "sur", "auf", "per", "в", "на", "и", "cet", "article", "diesen",
		"artikel", "este", "artículo", "статьей", "статьёй", "ссылкой", "ссылку", "скопировать")
)

// filterBoilerplate returns blocks without the page furniture described
// above. The article's metadata says which site it is on (its source URL)
// and who wrote it: a list of links to the same site is furniture, a list
// of links to others is the article's sources; a line that only names the
// authors and a date is the byline, which the title page carries.
func filterBoilerplate(blocks []article.Block, meta *article.Meta) []article.Block {
	site := ""
	if u, err := url.Parse(meta.SourceURL); err == nil {
		site = siteHost(u.Host)
	}
	blocks = dropBylines(blocks, meta.Authors)
	var out []article.Block
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		if h, ok := b.(*article.Heading); ok {
			text := headingKey(article.InlineText(h.Inlines))
			switch {
			case commentsHeading().MatchString(text):
				// Skip the section: everything up to the next heading of
				// the same or a higher rank.
				for i+1 < len(blocks) && !outranks(blocks[i+1], h.Level) {
					i++
				}
				continue
			case relatedHeading().MatchString(text):
				if end, ok := cardSection(blocks, i); ok {
					i = end
					continue
				}
				j := i
				for j+1 < len(blocks) && linkDensity(blocks[j+1]) >= 0.5 {
					j++
				}
				if j > i || i == len(blocks)-1 || outranks(blocks[i+1], 6) {
					i = j
					continue
				}
			}
		}
		if furniture(b) {
			continue
		}
		if p, ok := b.(*article.Paragraph); ok && isCredit(article.InlineText(p.Inlines)) {
			creditPicture(out, p)
			continue
		}
		if n := storyLinks(blocks[i:], site); n >= 2 {
			i += n - 1
			continue
		}
		out = append(out, b)
	}
	out = trimLinkLists(out, site)
	return tidyEdges(out)
}

// cardSection reports whether the section under the "Related" heading at
// blocks[i] is a row of cards: each other story's title is a heading that
// is a link, with a picture, a teaser and a date about it. It returns the
// index of the section's last block: the one before the next heading of the
// same or a higher rank.
func cardSection(blocks []article.Block, i int) (int, bool) {
	level := blocks[i].(*article.Heading).Level
	cards := 0
	j := i
	for j+1 < len(blocks) && !outranks(blocks[j+1], level) {
		j++
		if _, ok := blocks[j].(*article.Heading); ok {
			if linkDensity(blocks[j]) < 0.9 {
				return i, false
			}
			cards++
		}
	}
	return j, cards > 0
}

// headingKey prepares a heading's text for the patterns: trimmed of
// punctuation at the ends and of a count ("Comments (2)").
func headingKey(s string) string {
	return strings.TrimFunc(fold(s), func(r rune) bool {
		return unicode.IsPunct(r) && r != ')' && r != ']' || unicode.IsSpace(r) || unicode.IsSymbol(r)
	})
}

// outranks reports whether b is a heading of level at most level.
func outranks(b article.Block, level int) bool {
	h, ok := b.(*article.Heading)
	return ok && h.Level <= level
}

// furniture reports whether a block on its own is page furniture.
func furniture(b article.Block) bool {
	text := fold(article.BlockText(b))
	switch b.(type) {
	case *article.Paragraph, *article.List:
	default:
		return false
	}
	if text == "" {
		return true
	}
	if len(text) > 600 {
		return false
	}
	key := headingKey(text)
	if adLabel().MatchString(key) {
		return true
	}
	if readMore().MatchString(key) && linkDensity(b) > 0.9 {
		return true
	}
	if relatedLead().MatchString(text) && linkDensity(b) >= 0.5 {
		return true
	}
	if strings.Contains(strings.ToLower(text), "cookie") && cookieWords().MatchString(text) {
		return true
	}
	return shareRow(text) || shareLinks(b)
}

// shareRow reports whether text is nothing but share invitations and names
// of networks ("Share: Facebook Twitter Email", "Поделиться: VK OK").
func shareRow(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
	if len(words) == 0 || len(words) > 20 {
		return false
	}
	social, verb := 0, false
	for _, w := range words {
		switch {
		case socialWords[w]:
			social++
		case shareVerbs[w]:
			verb = true
		case shareFiller[w]:
		default:
			return false
		}
	}
	return social >= 2 || verb && (social >= 1 || len(words) <= 3)
}

// shareLinks reports whether a block's links all lead to sharing endpoints.
func shareLinks(b article.Block) bool {
	urls := linkURLs(b)
	if len(urls) < 2 {
		return false
	}
	for _, u := range urls {
		l := strings.ToLower(u)
		if !(strings.Contains(l, "share") || strings.Contains(l, "intent/tweet") ||
			strings.Contains(l, "sharer") || strings.HasPrefix(l, "mailto:?") ||
			strings.Contains(l, "/send?text") || strings.Contains(l, "pinterest.com/pin/create")) {
			return false
		}
	}
	return true
}

// trimLinkLists drops lists made only of links before the first paragraph
// (breadcrumbs, tag lists) and after the last one (related articles), when
// they lead to the article's own site (or it is not known). A list of links
// to other sites there is the article's sources.
func trimLinkLists(blocks []article.Block, site string) []article.Block {
	firstP, lastP := -1, -1
	for i, b := range blocks {
		if _, ok := b.(*article.Paragraph); ok && linkDensity(b) < 0.5 {
			if firstP < 0 {
				firstP = i
			}
			lastP = i
		}
	}
	if firstP < 0 {
		return blocks
	}
	var out []article.Block
	for i, b := range blocks {
		if l, ok := b.(*article.List); ok && (i < firstP || i > lastP) && linkList(l) && !elsewhere(l, site) {
			continue
		}
		out = append(out, b)
	}
	return out
}

// linkList reports whether every item of a list is one link and nothing
// else.
func linkList(l *article.List) bool {
	for _, it := range l.Items {
		if len(it.Blocks) != 1 || linkDensity(it.Blocks[0]) < 0.9 {
			return false
		}
	}
	return len(l.Items) > 0
}

// creditLine matches a photo credit on its own: "© Provided by Business
// Insider", "Photo: Reuters", "(Bild: Hersteller)", "JIM WATSON/AFP/Getty
// Images".
var creditLine = lazyre.New(`(?i)^(?:` +
	`(?:©|\(c\)|copyright\b)\s*\S.*|` +
	`\(?(?:photo(?:graph)?s?(?:\s+credit)?|pictures?|images?|credits?|fotos?|bild(?:er)?|quelle|crédits?(?:\s+photo)?|фото)\s*:\s*[^:]+?\)?|` +
	`[\pL\pM.' -]{2,40}(?:\s*/\s*[\pL\pM.' -]{2,40}){0,3}\s*/\s*(?:getty images|afp|reuters|ap|epa|dpa|shutterstock|istock(?:photo)?|imago|alamy|bloomberg|xinhua)` +
	`)$`)

// isCredit reports whether a paragraph is nothing but a photo credit.
func isCredit(text string) bool {
	text = fold(text)
	return text != "" && len(text) <= 120 && creditLine().MatchString(text)
}

// creditPicture gives a photo credit standing as a paragraph to the
// picture just before it, as part of its caption. A credit with no picture
// before it (one that was not embedded, or never was) is orphaned: it goes.
func creditPicture(out []article.Block, credit *article.Paragraph) {
	if len(out) == 0 {
		return
	}
	img, ok := out[len(out)-1].(*article.Image)
	if !ok || strings.Contains(fold(article.InlineText(img.Caption)), fold(article.InlineText(credit.Inlines))) {
		return
	}
	if len(img.Caption) > 0 {
		img.Caption = append(img.Caption, &article.Text{Text: " "})
	}
	img.Caption = append(img.Caption, credit.Inlines...)
}

// storyLinks returns how many paragraphs at the head of blocks are each
// nothing but one link to another page of the article's own site, when
// there are at least two: a list of related stories set as lines of text.
// A single such line is left alone ("Read the full transcript").
func storyLinks(blocks []article.Block, site string) int {
	if site == "" {
		return 0
	}
	n := 0
	for _, b := range blocks {
		p, ok := b.(*article.Paragraph)
		if !ok || !storyLink(p, site) {
			break
		}
		n++
	}
	if n < 2 {
		return 0
	}
	return n
}

// storyLink reports whether a paragraph is one link, and nothing else, to
// a page of the site.
func storyLink(p *article.Paragraph, site string) bool {
	urls := linkURLs(p)
	if len(urls) != 1 || linkDensity(p) < 0.95 || len(strings.Fields(article.InlineText(p.Inlines))) > 20 {
		return false
	}
	u, err := url.Parse(urls[0])
	if err != nil {
		return false
	}
	return siteHost(u.Host) == site && strings.Trim(u.Path, "/") != ""
}

// elsewhere reports whether most links of a block lead away from the site.
func elsewhere(b article.Block, site string) bool {
	if site == "" {
		return false
	}
	away := 0
	urls := linkURLs(b)
	for _, l := range urls {
		if u, err := url.Parse(l); err == nil && siteHost(u.Host) != site {
			away++
		}
	}
	return 2*away > len(urls)
}

// siteHost names the site a host belongs to: the label before its public
// suffix, lower case ("bbc" for www.bbc.co.uk and for bbc.com, "example"
// for blog.example.org), or the address itself for an IP address or a
// local name.
func siteHost(h string) string {
	h = strings.ToLower(h)
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.Contains(h[i:], "]") {
		h = h[:i]
	}
	h = strings.Trim(h, "[].")
	if h == "" || net.ParseIP(h) != nil {
		return h
	}
	d, err := publicsuffix.EffectiveTLDPlusOne(h)
	if err != nil {
		return h
	}
	label, _, _ := strings.Cut(d, ".")
	return label
}

// bylineWords may stand in a byline beside the names and the date.
var bylineWords = tagSet("by", "and", "von", "und", "par", "et", "por", "y", "di", "e", "от", "и",
	"updated", "published", "posted", "on", "at", "am", "pm", "min", "mins", "read", "ago",
	"hours", "hour", "minutes", "days", "day", "utc", "gmt", "et", "pt", "est", "pst", "cet", "bst")

// bylineMonth matches a month's name as bylines write it.
var bylineMonth = lazyre.New(`^(?i:` + months + `)$`)

// dropBylines removes the byline from the head of the text: a short line,
// before the first paragraph of prose, that names the article's authors
// and otherwise holds nothing but a date, a time and words such as "by" or
// "updated" ("Sarah Gooding March 9, 2017 13", a comment count included).
func dropBylines(blocks []article.Block, authors []string) []article.Block {
	if len(authors) == 0 {
		return blocks
	}
	out := blocks[:0:0]
	for i, b := range blocks {
		p, ok := b.(*article.Paragraph)
		if !ok {
			out = append(out, b)
			continue
		}
		text := article.InlineText(p.Inlines)
		if isBylineLine(text, authors) {
			continue
		}
		out = append(out, b)
		if len(strings.Fields(text)) >= 12 {
			return append(out, blocks[i+1:]...)
		}
	}
	return out
}

// isBylineLine reports whether text names one of the authors and holds
// nothing else but a date and byline words.
func isBylineLine(text string, authors []string) bool {
	if len(text) > 200 {
		return false
	}
	k := " " + matchKey(text) + " "
	named := false
	for _, a := range authors {
		if ak := matchKey(a); ak != "" && strings.Contains(k, " "+ak+" ") {
			k = strings.ReplaceAll(k, " "+ak+" ", " ")
			named = true
		}
	}
	if !named {
		return false
	}
	for _, w := range strings.Fields(k) {
		if !bylineWords[w] && !bylineMonth().MatchString(w) && strings.Trim(w, "0123456789") != "" {
			return false
		}
	}
	return true
}

// tidyEdges removes rules at the ends and repeated rules, and headings
// with nothing after them.
func tidyEdges(blocks []article.Block) []article.Block {
	var out []article.Block
	for _, b := range blocks {
		if _, ok := b.(*article.Rule); ok {
			if len(out) == 0 {
				continue
			}
			if _, prev := out[len(out)-1].(*article.Rule); prev {
				continue
			}
		}
		out = append(out, b)
	}
	for len(out) > 0 {
		switch out[len(out)-1].(type) {
		case *article.Rule, *article.Heading:
			out = out[:len(out)-1]
			continue
		}
		break
	}
	return out
}

// linkDensity is the share of a block's text that is link text.
func linkDensity(b article.Block) float64 {
	var all, linked int
	var count func(ins []article.Inline, inLink bool)
	count = func(ins []article.Inline, inLink bool) {
		for _, in := range ins {
			switch x := in.(type) {
			case *article.Text:
				n := len(strings.TrimSpace(x.Text))
				all += n
				if inLink {
					linked += n
				}
			case *article.Code:
				all += len(x.Text)
				if inLink {
					linked += len(x.Text)
				}
			case *article.Emphasis:
				count(x.Inlines, inLink)
			case *article.Strong:
				count(x.Inlines, inLink)
			case *article.Strike:
				count(x.Inlines, inLink)
			case *article.Link:
				count(x.Inlines, true)
			}
		}
	}
	article.WalkBlocks([]article.Block{b}, func(x article.Block) bool {
		switch y := x.(type) {
		case *article.Paragraph:
			count(y.Inlines, false)
		case *article.Heading:
			count(y.Inlines, false)
		}
		return true
	})
	if all == 0 {
		return 0
	}
	return float64(linked) / float64(all)
}

// linkURLs returns the URLs of the links in a block.
func linkURLs(b article.Block) []string {
	var urls []string
	var collect func(ins []article.Inline)
	collect = func(ins []article.Inline) {
		for _, in := range ins {
			switch x := in.(type) {
			case *article.Link:
				urls = append(urls, x.URL)
			case *article.Emphasis:
				collect(x.Inlines)
			case *article.Strong:
				collect(x.Inlines)
			case *article.Strike:
				collect(x.Inlines)
			}
		}
	}
	article.WalkBlocks([]article.Block{b}, func(x article.Block) bool {
		if p, ok := x.(*article.Paragraph); ok {
			collect(p.Inlines)
		}
		return true
	})
	return urls
}
