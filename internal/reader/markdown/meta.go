package markdown

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/lazyre"
)

// Metadata keys, in order of preference: when a block holds several keys for
// one field, the first one listed wins, whatever their order in the block.
// Keys are matched case-insensitively; unknown keys are ignored.
var (
	titleKeys       = []string{"title"}
	subtitleKeys    = []string{"subtitle"}
	authorKeys      = []string{"author", "authors"}
	dateKeys        = []string{"date", "published", "publishdate"}
	languageKeys    = []string{"lang", "language"}
	descriptionKeys = []string{"description", "abstract", "summary"}
	keywordKeys     = []string{"keywords", "tags"}
	rightsKeys      = []string{"rights", "license", "licence", "copyright"}
	sourceKeys      = []string{"source", "url", "source_url"}
	sectionKeys     = []string{"section", "category", "categories"}
	siteKeys        = []string{"site", "site_name", "sitename", "publisher"}
)

// metaReader turns a YAML mapping into article.Meta.
type metaReader struct {
	fields map[string]*yaml.Node // lower-cased key → value; first occurrence wins
	plain  func(string) string   // Markdown → plain text
	warn   func(string)
}

func newMetaReader(root *yaml.Node, plain func(string) string, warn func(string)) *metaReader {
	m := &metaReader{fields: make(map[string]*yaml.Node), plain: plain, warn: warn}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := deref(root.Content[i])
		if k.Kind != yaml.ScalarNode {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(k.Value))
		if _, dup := m.fields[key]; !dup {
			m.fields[key] = deref(root.Content[i+1])
		}
	}
	return m
}

// node returns the value of the first of keys that is present and not null.
func (m *metaReader) node(keys []string) (string, *yaml.Node) {
	for _, k := range keys {
		n := m.fields[k]
		if n == nil || n.Kind == 0 || n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			continue
		}
		return k, n
	}
	return "", nil
}

// list returns the plain-text items of a scalar or a sequence of scalars
// (items of a sequence may also be mappings with a "name", as pandoc's
// author lists are). A scalar gives one item unless split is set, in which
// case it is split at commas and semicolons.
func (m *metaReader) list(keys []string, split bool) []string {
	key, n := m.node(keys)
	if n == nil {
		return nil
	}
	var raw []string
	switch n.Kind {
	case yaml.ScalarNode:
		if split {
			raw = strings.FieldsFunc(n.Value, func(r rune) bool { return r == ',' || r == ';' })
		} else {
			raw = []string{n.Value}
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			c = deref(c)
			switch c.Kind {
			case yaml.ScalarNode:
				raw = append(raw, c.Value)
			case yaml.MappingNode:
				if name := mappingValue(c, "name"); name != "" {
					raw = append(raw, name)
				}
			}
		}
	case yaml.MappingNode:
		if name := mappingValue(n, "name"); name != "" {
			raw = []string{name}
		}
	}
	if len(raw) == 0 && !(n.Kind == yaml.SequenceNode && len(n.Content) == 0) {
		m.warn(fmt.Sprintf("markdown: metadata %q is neither text nor a list of text; ignored", key))
		return nil
	}
	var out []string
	seen := make(map[string]bool, len(raw))
	for _, s := range raw {
		s = m.plain(s)
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// text returns the plain text of a scalar, or of a sequence of scalars
// joined with ", ".
func (m *metaReader) text(keys []string) string {
	key, n := m.node(keys)
	if n == nil {
		return ""
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return m.plain(n.Value)
	case yaml.SequenceNode:
		return strings.Join(m.list([]string{key}, false), ", ")
	}
	m.warn(fmt.Sprintf("markdown: metadata %q is not text; ignored", key))
	return ""
}

func mappingValue(n *yaml.Node, key string) string {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		if k.Kind == yaml.ScalarNode && strings.EqualFold(k.Value, key) && v.Kind == yaml.ScalarNode {
			return v.Value
		}
	}
	return ""
}

// meta reads every field the model knows.
func (m *metaReader) meta() article.Meta {
	md := article.Meta{
		Title:       m.text(titleKeys),
		Subtitle:    m.text(subtitleKeys),
		Authors:     m.list(authorKeys, false),
		Description: m.text(descriptionKeys),
		Keywords:    m.list(keywordKeys, true),
		Rights:      m.text(rightsKeys),
		SiteName:    m.text(siteKeys),
	}
	// "categories: [Politics, World]": the first is the section.
	if l := m.list(sectionKeys, false); len(l) > 0 {
		md.Section = l[0]
	}
	if _, n := m.node(dateKeys); n != nil {
		if n.Kind == yaml.ScalarNode {
			if t, ok := parseDate(n.Value); ok {
				md.Date = t
			} else {
				m.warn(fmt.Sprintf("markdown: metadata date %q is not a date offprint knows; ignored", n.Value))
			}
		}
	}
	if s := m.text(languageKeys); s != "" {
		if tag, ok := languageTag(s); ok {
			md.Language = tag
		} else {
			m.warn(fmt.Sprintf("markdown: metadata language %q is not a BCP 47 tag; ignored", s))
		}
	}
	if s := m.text(sourceKeys); s != "" {
		if u := webURL(s); u != nil {
			md.SourceURL = u.String()
		} else {
			m.warn(fmt.Sprintf("markdown: metadata source %q is not an http(s) address; ignored", s))
		}
	}
	return md
}

// languageTag canonicalises a language tag ("en_gb" → "en-GB").
func languageTag(s string) (string, bool) {
	tag, err := language.Parse(strings.ReplaceAll(strings.TrimSpace(s), "_", "-"))
	if err != nil || tag == language.Und {
		return "", false
	}
	return tag.String(), true
}

// dateLayouts are the date forms metadata blocks use in practice: ISO 8601
// and RFC 3339 (what YAML itself calls a timestamp), a few slash and dot
// forms, and English month names. Dates without a zone are taken as UTC.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	"02.01.2006",
	"January 2, 2006",
	"Jan 2, 2006",
	"January 2 2006",
	"Jan 2 2006",
	"2 January 2006",
	"2 Jan 2006",
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
	time.RFC1123Z,
	time.RFC1123,
	"January 2006",
	"2006-01",
	"2006",
}

var ordinalRE = lazyre.New(`\b(\d{1,2})(?:st|nd|rd|th)\b`)

// parseDate reads a date in one of dateLayouts.
func parseDate(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	s = ordinalRE().ReplaceAllString(s, "$1") // "March 14th, 2026"
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
