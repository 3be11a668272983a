package html

import (
	"encoding/json"
	"strings"

	"github.com/offprint/offprint/internal/lazyre"
)

// ldArticle is what offprint takes from a schema.org JSON-LD description of
// an article.
type ldArticle struct {
	Headline    string
	Authors     []string
	Date        string
	Section     string
	Publisher   string
	Language    string
	URL         string
	Description string
	Keywords    []string
	License     string
}

// ldArticleType matches the schema.org types that describe an article.
var ldArticleType = lazyre.New(`(?i)^(?:https?://schema\.org/)?(?:\w*Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|Report|APIReference)$`)

// parseJSONLD returns the first article described by the scripts, with the
// language of any object (a WebPage's inLanguage) when the article has none.
func parseJSONLD(scripts []string) *ldArticle {
	var objs []map[string]any
	for _, s := range scripts {
		var v any
		if err := json.Unmarshal([]byte(unwrapJSON(s)), &v); err != nil {
			continue
		}
		collectObjects(v, &objs, 0)
	}
	var art map[string]any
	lang := ""
	for _, o := range objs {
		if art == nil && isArticle(o) {
			art = o
		}
		if lang == "" {
			lang = ldName(o["inLanguage"])
		}
	}
	if art == nil {
		if lang == "" {
			return nil
		}
		return &ldArticle{Language: lang}
	}
	a := &ldArticle{
		Headline:    ldString(art["headline"]),
		Authors:     ldNames(art["author"]),
		Date:        ldString(art["datePublished"]),
		Section:     ldString(art["articleSection"]),
		Language:    ldName(art["inLanguage"]),
		URL:         ldURL(art["url"]),
		Description: ldString(art["description"]),
		Keywords:    ldKeywords(art["keywords"]),
		License:     ldURL(art["license"]),
	}
	if a.Headline == "" {
		a.Headline = ldString(art["name"])
	}
	if len(a.Authors) == 0 {
		a.Authors = ldNames(art["creator"])
	}
	if a.Date == "" {
		a.Date = ldString(art["dateCreated"])
	}
	if a.URL == "" {
		a.URL = ldURL(art["mainEntityOfPage"])
	}
	if pubs := ldNames(art["publisher"]); len(pubs) > 0 {
		a.Publisher = pubs[0]
	}
	if a.Language == "" {
		a.Language = lang
	}
	return a
}

// unwrapJSON removes what old pages wrap scripts in (HTML comments, CDATA
// markers, "//" lines) by keeping the text from the first { or [ to the
// last } or ].
func unwrapJSON(s string) string {
	s = strings.ReplaceAll(s, "<![CDATA[", "")
	s = strings.ReplaceAll(s, "]]>", "")
	i := strings.IndexAny(s, "{[")
	j := strings.LastIndexAny(s, "}]")
	if i < 0 || j < i {
		return ""
	}
	return s[i : j+1]
}

// collectObjects appends the objects in v, expanding arrays and @graph.
func collectObjects(v any, objs *[]map[string]any, depth int) {
	if depth > 4 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			collectObjects(e, objs, depth+1)
		}
	case map[string]any:
		*objs = append(*objs, x)
		if g, ok := x["@graph"]; ok {
			collectObjects(g, objs, depth+1)
		}
	}
}

func isArticle(o map[string]any) bool {
	switch t := o["@type"].(type) {
	case string:
		return ldArticleType().MatchString(t)
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok && ldArticleType().MatchString(s) {
				return true
			}
		}
	}
	return false
}

// ldString returns a string value, or the first string of a list.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return ldString(x["@value"])
	}
	return ""
}

// ldName returns a string value or the name of an object.
func ldName(v any) string {
	if o, ok := v.(map[string]any); ok {
		for _, k := range []string{"name", "alternateName", "@value"} {
			if s := ldString(o[k]); s != "" {
				return s
			}
		}
		return ""
	}
	return ldString(v)
}

// ldNames returns the names of a person or organisation, given as a string,
// an object or a list of either.
func ldNames(v any) []string {
	var names []string
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			names = append(names, ldNames(e)...)
		}
	default:
		if s := ldName(x); s != "" {
			names = append(names, s)
		}
	}
	return names
}

// ldURL returns a URL given as a string or as an object's @id or url.
func ldURL(v any) string {
	if o, ok := v.(map[string]any); ok {
		if s := ldString(o["url"]); s != "" {
			return s
		}
		return ldString(o["@id"])
	}
	return ldString(v)
}

// ldKeywords returns keywords given as a comma-separated string or a list.
func ldKeywords(v any) []string {
	switch x := v.(type) {
	case string:
		return splitList(x)
	case []any:
		var ks []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				ks = append(ks, splitList(s)...)
			}
		}
		return ks
	}
	return nil
}

// splitList splits a comma- or semicolon-separated list, trimming items.
func splitList(s string) []string {
	var out []string
	for _, k := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if k = fold(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}
