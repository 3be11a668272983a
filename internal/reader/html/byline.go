package html

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/offprint/offprint/internal/lazyre"
)

// bylinePrefix matches the word that introduces a byline in several
// languages ("By", "Par", "Von", "Автор:"), when a capitalised name follows.
// Prefixes that are also surnames ("Da Silva") count only in lower case.
var bylinePrefix = lazyre.New(`^(?:(?i:(?:(?:written|posted|words|text|story|reported|photos?)\s+)?by|par|von|por|przez|от|автор(?:ы)?|текст)|di|da|av|af|door)\s*[:\-–—]?\s+(\p{Lu})`)

// months are month names, in English, French, German, Spanish and Russian
// (genitive), as bylines write them before or after a day.
const months = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|` +
	`janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|` +
	`januar|februar|märz|juni|juli|oktober|dezember|` +
	`enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|` +
	`января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря`

// bylineTail matches what often follows the names in a byline, to the end:
// a date, a time, a "Published"/"Updated" label or a separator.
var bylineTail = lazyre.New(`(?i)(?:` +
	`\s*[|•·]|` +
	`[\s,]+(?:updated|published|posted|last\s+updated|aktualisiert|veröffentlicht|publié|mis\s+à\s+jour|actualizado|publicado|обновлено|опубликовано)(?:[\s:,.]|$)|` +
	`[\s,]+(?:` + months + `)\.?\s+\d{1,2}(?:\D|$)|` +
	`[\s,]+\d{1,2}\.?\s+(?:` + months + `)(?:[\s,.]|$)|` +
	`[\s,]+\d{4}-\d{2}-\d{2}|[\s,]+\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:\D|$)|[\s,]+\d{1,2}:\d{2}(?:\D|$)` +
	`).*$`)

// nameSeparator splits a byline that lists several people.
var nameSeparator = lazyre.New(`\s*(?:,|;|\s(?:and|&|und|et|y|e|и|i|och|og|ja)\s)\s*`)

// cleanByline turns a byline into author names: the introducing "By" and
// any trailing date go, and a list of names is split when every part looks
// like a person's name. A byline with parentheses ("Martin Untersinger (avec
// Damien Leloup et Morgane Tual)") stays one string: it says more than a
// list would.
func cleanByline(s string) []string {
	s = fold(s)
	if s == "" || isURL(s) {
		return nil
	}
	s = bylinePrefix().ReplaceAllString(s, "$1")
	if t := strings.TrimSpace(bylineTail().ReplaceAllString(s, "")); t != "" {
		s = t
	}
	s = strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == ';' || r == ':' || r == '-' || r == '–' || r == '—' || r == '|'
	})
	s = strings.TrimSuffix(s, " on")
	if s == "" || utf8.RuneCountInString(s) > 200 {
		return nil
	}
	if strings.ContainsAny(s, "()[]") {
		return []string{s}
	}
	parts := nameSeparator().Split(s, -1)
	if len(parts) < 2 {
		return []string{s}
	}
	for _, p := range parts {
		if !looksLikeName(p) {
			return []string{s}
		}
	}
	return parts
}

// looksLikeName reports whether s could be a person's name: two to five
// words, no digits, and the first and last words capitalised.
func looksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	if strings.ContainsAny(s, "0123456789@/") {
		return false
	}
	for _, w := range []string{words[0], words[len(words)-1]} {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isURL reports whether s is an address rather than a name (article:author
// is often a profile URL).
func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "//") || strings.HasPrefix(s, "www.")
}

// visibleByline returns the names of the first byline the page shows (see
// page.bylines) that names people: every name it lists looks like a
// person's. Bylines that are only a date or a job title name nobody, and
// neither does a button such as "Follow Author".
func visibleByline(bylines []string) []string {
	for _, b := range bylines {
		names := cleanByline(b)
		ok := len(names) > 0
		for _, n := range names {
			if !looksLikeName(n) || strings.Contains(strings.ToLower(n), "author") {
				ok = false
				break
			}
		}
		if ok {
			return names
		}
	}
	return nil
}

// shownInBylines reports whether any of the names appears in any of the
// page's visible bylines, or there are none to disagree with.
func shownInBylines(names, bylines []string) bool {
	if len(bylines) == 0 {
		return true
	}
	for _, b := range bylines {
		k := " " + matchKey(b) + " "
		for _, n := range names {
			if nk := matchKey(n); nk != "" && strings.Contains(k, " "+nk+" ") {
				return true
			}
		}
	}
	return false
}
