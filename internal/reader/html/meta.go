package html

import (
	stdhtml "html"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/itlightning/dateparse"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/lazyre"
)

// buildMeta gathers the article's metadata from the page's own statements,
// falling back on what readability found.
func buildMeta(p *page, ld *ldArticle, rd *readability.Article, pageURL *url.URL) article.Meta {
	if ld == nil {
		ld = &ldArticle{}
	}
	var m article.Meta

	m.SiteName = clean(first(p.prop("og:site_name"), ld.Publisher, p.prop("application-name"), rd.SiteName()))

	m.Title = stripSiteName(pickTitle(p, ld, rd, m.SiteName), m.SiteName)

	m.Authors = authors(p, ld, rd)

	m.Section = clean(first(p.prop("article:section", "og:article:section"), ld.Section,
		p.prop("section", "parsely-section", "article.section", "category")))

	m.Date = parseDate(ld.Date, p.prop("article:published_time", "og:article:published_time"),
		p.prop("datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
			"dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created", "dcterms.date",
			"sailthru.date", "parsely-pub-date", "article.published"),
		p.itemprop("datePublished"), rawPublished(rd))

	m.Description = clean(first(ld.Description, p.prop("og:description"), p.prop("description"),
		p.prop("twitter:description"), p.prop("dc.description")))
	if m.Description == "" && rd.Node != nil {
		m.Description = leadSentences(leadParagraph(rd.Node))
	}

	m.Keywords = keywords(p, ld)

	m.Rights = clean(first(p.prop("dc.rights", "dcterms.rights", "copyright", "rights"), ld.License))

	m.SourceURL = first(absoluteURL(p.prop("og:url"), pageURL), absoluteURL(p.canonical, pageURL),
		absoluteURL(ld.URL, pageURL))
	if m.SourceURL == "" && pageURL != nil {
		m.SourceURL = pageURL.String()
	}

	m.Language = first(normalizeLanguage(p.lang), normalizeLanguage(p.prop("http-equiv:content-language")),
		normalizeLanguage(p.prop("language", "dc.language", "dcterms.language", "content-language")),
		normalizeLanguage(p.prop("og:locale")), normalizeLanguage(ld.Language), normalizeLanguage(rd.Language()))
	return m
}

// pickTitle returns the article's title. The titles a page states for
// itself (JSON-LD headline, og:title, twitter:title, Dublin Core, microdata)
// are taken in that order when the page shows them: as a heading (h1) or
// within its <title>. Otherwise the page's heading, when the <title>
// (with the site's name taken off) is that heading; otherwise the stated titles after all, JSON-LD's headline
// last: it is not always a title (Wikipedia's is the subject's short
// description, "constitutional monarchy in Oceania").
func pickTitle(p *page, ld *ldArticle, rd *readability.Article, site string) string {
	stated := []string{clean(ld.Headline), clean(p.prop("og:title")), clean(p.prop("twitter:title")),
		clean(p.prop("dc.title", "dcterms.title")), clean(p.itemprop("headline"))}
	docTitle := clean(p.title)
	shown := func(t string) bool {
		k := matchKey(t)
		if k == "" {
			return false
		}
		for _, h := range p.h1 {
			if matchKey(h) == k {
				return true
			}
		}
		return strings.Contains(" "+matchKey(docTitle)+" ", " "+k+" ")
	}
	for _, t := range stated {
		if shown(t) {
			return t
		}
	}
	own := stripSiteName(docTitle, site)
	if strings.EqualFold(own, site) {
		own = ""
	}
	for _, h := range p.h1 {
		if h = clean(h); h != "" && (matchKey(h) == matchKey(own) || titleOf(docTitle, h)) {
			return h
		}
	}
	h1 := ""
	if len(p.h1) > 0 {
		h1 = clean(p.h1[0])
	}
	return first(stated[1], stated[2], stated[3], stated[4], own, stated[0], clean(rd.Title()), h1)
}

// titleOf reports whether a page's <title> is heading h and something
// else (the site's name) on one side of a separator: "New Zealand -
// Wikipedia" for "New Zealand".
func titleOf(docTitle, h string) bool {
	lt, lh := strings.ToLower(docTitle), strings.ToLower(h)
	if rest, ok := strings.CutPrefix(lt, lh); ok && titleSepStart().MatchString(rest) {
		return true
	}
	if rest, ok := strings.CutSuffix(lt, lh); ok && titleSepEnd().MatchString(rest) {
		return true
	}
	return false
}

var (
	titleSepStart = lazyre.New(`^` + titleSeparator + `\S`)
	titleSepEnd   = lazyre.New(`\S` + titleSeparator + `$`)
)

// authors returns the article's authors. The page states them in JSON-LD,
// <meta name=author> and its kin, article:author (when it is a name, not a
// profile URL) or microdata, the first of which that names anyone is taken;
// but when the byline the page shows names other people than a <meta> or
// microdata author (a column's name, the site's), the visible byline wins. A
// page that states no author has its visible byline read, and then the
// byline readability spotted in the text.
func authors(p *page, ld *ldArticle, rd *readability.Article) []string {
	visible := visibleByline(p.bylines)
	if names := bylineNames(ld.Authors); len(names) > 0 {
		return names // structured data names the article's own authors
	}
	for _, src := range [][]string{
		p.propAll("author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl"),
		p.propAll("article:author", "og:article:author"),
		{p.itemprop("author")},
	} {
		if names := bylineNames(src); len(names) > 0 {
			if len(visible) > 0 && !shownInBylines(names, p.bylines) {
				return visible
			}
			return names
		}
	}
	if len(visible) > 0 {
		return visible
	}
	var names []string
	for _, n := range bylineNames([]string{rd.Byline()}) {
		if !strings.Contains(strings.ToLower(n), "author") { // a "Follow Author" button
			names = append(names, n)
		}
	}
	return names
}

// bylineNames returns the names in a list of bylines, each once.
func bylineNames(src []string) []string {
	var names []string
	seen := map[string]bool{}
	for _, s := range src {
		for _, name := range cleanByline(clean(s)) {
			if k := strings.ToLower(name); !seen[k] {
				seen[k] = true
				names = append(names, name)
			}
		}
	}
	return names
}

func keywords(p *page, ld *ldArticle) []string {
	var ks []string
	if v := p.prop("keywords", "news_keywords"); v != "" {
		ks = splitList(v)
	} else if tags := p.propAll("article:tag", "og:article:tag"); len(tags) > 0 {
		for _, t := range tags {
			ks = append(ks, splitList(t)...)
		}
	} else {
		ks = ld.Keywords
	}
	var out []string
	seen := map[string]bool{}
	for _, k := range ks {
		k = clean(k)
		if lk := strings.ToLower(k); k != "" && !seen[lk] && utf8.RuneCountInString(k) <= 100 {
			seen[lk] = true
			out = append(out, k)
		}
		if len(out) == 30 {
			break
		}
	}
	return out
}

// rawPublished returns readability's publication date in a form parseDate
// takes again (readability parses it with the local time zone).
func rawPublished(rd *readability.Article) string {
	t, err := rd.PublishedTime()
	if err != nil {
		return ""
	}
	return t.Format(time.RFC3339)
}

// parseDate returns the first of the candidates that parses as a date.
// Dates without a zone are taken as UTC; a stated offset is kept.
func parseDate(candidates ...string) time.Time {
	for _, s := range candidates {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
			if ok := saneYear(t); ok {
				return t
			}
			continue
		}
		t, err := dateparse.ParseIn(s, time.UTC, dateparse.RetryAmbiguousDateWithSwap(true))
		if err == nil && saneYear(t) {
			return t
		}
	}
	return time.Time{}
}

func saneYear(t time.Time) bool { return t.Year() >= 1000 && t.Year() <= 9999 }

// clean folds white space, undoes a second level of HTML escaping (some
// sites escape their meta values twice) and drops control characters.
func clean(s string) string {
	if strings.Contains(s, "&") {
		s = stdhtml.UnescapeString(s)
	}
	return fold(stripControls(s))
}

// first returns the first non-empty string.
func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// titleSeparator may stand between a title and the site's name: a bar,
// bullet or guillemet, or a dash or colon set off by spaces (so that
// "Medium-rare" keeps its hyphen).
const titleSeparator = `(?:\s*[|·•»/\\]+\s*|\s+[-–—:]+\s+)`

// stripSiteName removes the site's name from either end of a title
// ("Obama admits … - BBC News", "Le Monde | Le projet …").
func stripSiteName(title, site string) string {
	if title == "" || site == "" || strings.EqualFold(title, site) {
		return title
	}
	q := regexp.QuoteMeta(site)
	for _, re := range []string{
		`(?i)^(.+?)` + titleSeparator + q + `$`,
		`(?i)^` + q + titleSeparator + `(.+)$`,
	} {
		if m := regexp.MustCompile(re).FindStringSubmatch(title); m != nil && strings.TrimSpace(m[1]) != "" {
			return strings.TrimSpace(m[1])
		}
	}
	return title
}

// absoluteURL resolves ref against base and returns it if it is an http(s)
// URL, otherwise "".
func absoluteURL(ref string, base *url.URL) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	} else if u.Scheme == "" && strings.HasPrefix(ref, "//") {
		u.Scheme = "https"
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.RawQuery = escapeQuery(u.RawQuery)
	s := u.String()
	if !utf8.ValidString(s) {
		return ""
	}
	return s
}

// leadParagraph returns the text of the article's first paragraph of prose,
// which describes an article that has no description of its own (as
// readability's excerpt does): the first <p> of ten words or more, or a
// whole sentence of four or more, that is not mostly a link, outside figures, quotations, lists, tables and asides,
// where captions, credits and related links stand.
func leadParagraph(root *xhtml.Node) string {
	text := ""
	walk(root, func(n *xhtml.Node) bool {
		if text != "" || n.Type != xhtml.ElementNode {
			return false
		}
		switch n.DataAtom {
		case atom.Figure, atom.Figcaption, atom.Blockquote, atom.Ul, atom.Ol, atom.Dl, atom.Table,
			atom.Aside, atom.Header, atom.Footer, atom.Nav, atom.Pre, atom.Script, atom.Style:
			return false
		case atom.P:
			t := clean(textContent(n))
			words := len(strings.Fields(t))
			if (words >= 10 || words >= 4 && sentenceEnd(t, 0) == len(t)) && 2*linkTextLen(n) < len(t) {
				text = t
			}
			return false
		}
		return true
	})
	return text
}

// linkTextLen returns the length of the text inside links in n.
func linkTextLen(n *xhtml.Node) int {
	total := 0
	walk(n, func(c *xhtml.Node) bool {
		if c.Type == xhtml.ElementNode && c.DataAtom == atom.A {
			total += len(clean(textContent(c)))
			return false
		}
		return true
	})
	return total
}

// maxLead is the longest description leadSentences makes, in bytes.
const maxLead = 300

// leadSentences returns the first sentence of a paragraph, or its first
// two when the first is short (under 80 bytes), as a description: at most
// maxLead bytes, cut at a word with an ellipsis when a sentence is longer.
func leadSentences(p string) string {
	end := sentenceEnd(p, 0)
	if end > 0 && end < 80 {
		if e2 := sentenceEnd(p, end); e2 > 0 {
			end = e2
		}
	}
	if end <= 0 {
		end = len(p)
	}
	if end <= maxLead {
		return strings.TrimSpace(p[:end])
	}
	cut := strings.LastIndexByte(p[:maxLead], ' ')
	if cut <= 0 {
		cut = maxLead
		for cut > 0 && !utf8.RuneStart(p[cut]) {
			cut--
		}
	}
	return strings.TrimRight(p[:cut], " ,;:-–—") + "…"
}

// sentenceEnd returns the index just after the sentence that starts at
// from: its full stop, question or exclamation mark (and closing quotes or
// brackets) followed by a space and a capital letter, a digit or an opening
// quote, or by the end of the text. A stop after a one- to three-letter
// capitalised word ("Mr.", "Dr.", "U.S.") or an initial does not end a
// sentence. It returns -1 when no sentence ends.
func sentenceEnd(p string, from int) int {
	for i := from; i < len(p); i++ {
		switch p[i] {
		case '.', '!', '?':
		default:
			if !strings.HasPrefix(p[i:], "…") && !strings.HasPrefix(p[i:], "。") {
				continue
			}
		}
		j := i + 1
		for j < len(p) && !utf8.RuneStart(p[j]) {
			j++
		}
		for j < len(p) {
			r, size := utf8.DecodeRuneInString(p[j:])
			if !strings.ContainsRune(`"')]»”’`, r) {
				break
			}
			j += size
		}
		if j >= len(p) {
			return len(p)
		}
		if p[j] != ' ' || j+1 >= len(p) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(p[j+1:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune(`"'«“‘„¿¡(`, r) {
			continue
		}
		if p[i] == '.' && abbreviation(p[from:i]) {
			continue
		}
		return j
	}
	return -1
}

// abbreviation reports whether text ends in a word that a full stop after
// it abbreviates rather than ends: a capitalised word of one to three
// letters, or letters separated by stops ("U.S").
func abbreviation(text string) bool {
	w := text[strings.LastIndexAny(text, " (\u00a0")+1:]
	if w == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && (utf8.RuneCountInString(w) <= 3 || strings.Contains(w, "."))
}
