package html

import (
	stdhtml "html"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/itlightning/dateparse"

	"github.com/offprint/offprint/article"
)

// buildMeta gathers the article's metadata from the page's own statements,
// falling back on what readability found.
func buildMeta(p *page, ld *ldArticle, rd *readability.Article, pageURL *url.URL) article.Meta {
	if ld == nil {
		ld = &ldArticle{}
	}
	var m article.Meta

	m.SiteName = clean(first(p.prop("og:site_name"), ld.Publisher, p.prop("application-name"), rd.SiteName()))

	m.Title = clean(first(ld.Headline, p.prop("og:title"), p.prop("twitter:title"),
		p.prop("dc.title", "dcterms.title"), p.itemprop("headline"), rd.Title(), p.title))
	m.Title = stripSiteName(m.Title, m.SiteName)
	if m.Title == "" && len(p.h1) > 0 {
		m.Title = clean(p.h1[0])
	}

	m.Authors = authors(p, ld, rd)

	m.Section = clean(first(p.prop("article:section", "og:article:section"), ld.Section,
		p.prop("section", "parsely-section", "article.section", "category")))

	m.Date = parseDate(ld.Date, p.prop("article:published_time", "og:article:published_time"),
		p.prop("datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
			"dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created", "dcterms.date",
			"sailthru.date", "parsely-pub-date", "article.published"),
		p.itemprop("datePublished"), rawPublished(rd))

	m.Description = clean(first(p.prop("og:description"), p.prop("description"),
		p.prop("twitter:description"), ld.Description, p.prop("dc.description")))

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

// authors returns the article's authors from the first source that names
// any: JSON-LD, <meta name=author> and its kin, article:author (when it is a
// name, not a profile URL), and the byline readability spotted in the text.
func authors(p *page, ld *ldArticle, rd *readability.Article) []string {
	sources := [][]string{
		ld.Authors,
		p.propAll("author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl"),
		p.propAll("article:author", "og:article:author"),
		{p.itemprop("author")},
		{rd.Byline()},
	}
	for _, src := range sources {
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
		if len(names) > 0 {
			return names
		}
	}
	return nil
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
