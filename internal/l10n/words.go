package l10n

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Words are the words offprint writes itself into a book, in one
// language: the headings and labels of the EPUB and the PDF, the
// sentences of the attribution page, the page footer, the date and the
// count of articles. Format strings take their arguments as the field's
// comment says; some use indexed verbs (%[2]s) so that a language may put
// them in its own order.
type Words struct {
	// Lang is the tag of the language the words are written in: "de",
	// "pt-BR", "sr-Latn", "en". It differs from the tag asked for when that
	// language has no words of its own (English is the fallback) or is a
	// variant of one that has ("de-CH" gets "de"); a renderer marks the
	// words with it when it is not the book's language.
	Lang string

	Contents    string // heading of the table of contents
	Landmarks   string // heading of the EPUB's (hidden) list of landmarks
	Cover       string // the cover page
	TitlePage   string // the title page
	Text        string // the start of the body text
	Notes       string // heading of the endnotes
	BackToText  string // accessible name of a note's link back to the text
	NoteRef     string // accessible name of a note reference: %d is its number
	About       string // heading of an article's attribution
	Title       string // attribution label: the title
	Author      string // attribution label: one author
	Authors     string // attribution label: several authors
	Published   string // attribution label: the date of publication
	Publication string // attribution label: the site or publication
	Original    string // attribution label: the source address
	Rights      string // attribution label: the rights
	Keywords    string // attribution label: the keywords
	FontLicense string // heading of the page with the embedded fonts' licence

	// PublishedIn says where an article was published: %s is the site
	// ("Published in %s").
	PublishedIn string
	// Source labels the source address, colon and space included
	// ("Source: ", French "Source : ").
	Source string
	// By comes before the authors' names ("by"); empty where the names
	// stand alone, in languages whose preposition would decline them.
	By string
	// And joins the last two names of a list ("A, B and C").
	And string
	// Page is the page footer: "page %d of %d".
	Page string
	// Fonts introduces the embedded typefaces: %s is the list of them
	// ("Fonts: %s"); FontsBy is one foundry's typefaces in it: %[1]s the
	// names, %[2]s the foundry ("%[1]s by %[2]s").
	Fonts, FontsBy string
	// SetIn names the typefaces a PDF is set in: %[1]s is the serif, %[2]s
	// the sans, %[3]s their foundry ("Set in %[1]s and %[2]s by %[3]s.").
	SetIn string
	// Converted and ConvertedOn say how the book was made: %[1]s is the
	// program and its version, %[2]s the date ("Converted by %[1]s on
	// %[2]s.").
	Converted, ConvertedOn string

	// The words of a book of several articles.
	AboutCollection string // heading of its attribution page
	Articles        string // heading of the list of its articles
	Editor, Editors string // who compiled it (its Meta.Authors)

	// articles are the forms of "article" after a number, plural the
	// language's plural rule, cal its calendar.
	articles Forms
	plural   pluralRule
	cal      calendar
}

// Date writes the calendar date of t in the words' language, by CLDR's
// long date format: "4 December 2026", "4. Dezember 2026", "4 декабря
// 2026 г.", "2026. december 4.".
func (w Words) Date(t time.Time) string { return w.cal.format(t) }

// Plural returns the plural category of the count n in the words'
// language.
func (w Words) Plural(n int) Category {
	if w.plural == nil || n < 0 {
		return Other
	}
	return w.plural(n)
}

// ArticleCount says how many articles a book holds: "1 article", "4
// articles", "5 статей", "22 artykuły".
func (w Words) ArticleCount(n int) string {
	return fmt.Sprintf("%d %s", n, w.articles.form(w.Plural(n)))
}

// List joins names as the language does: "A", "A and B", "A, B and C".
func (w Words) List(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	last := names[len(names)-1]
	and := w.And
	switch {
	case w.Lang == "es" && spanishE(last):
		and = "e" // "Ana e Isabel"
	case w.Lang == "cy" && strings.ContainsRune("AEIOUWYÂÊÎÔÛŴŶaeiouwyâêîôûŵŷ", firstRune(last)):
		and = "ac" // "Siân ac Owain"
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + and + " " + last
}

// firstRune returns the first rune of s, or 0.
func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// spanishE reports whether Spanish writes "e" for "y" before s: before the
// sound i (Isabel, Hilario), not before a diphthong (hierro, Hiayra).
func spanishE(s string) bool {
	l := strings.ToLower(s)
	l = strings.TrimPrefix(l, "h")
	return (strings.HasPrefix(l, "i") || strings.HasPrefix(l, "í")) &&
		!strings.HasPrefix(l, "ia") && !strings.HasPrefix(l, "ie") && !strings.HasPrefix(l, "io") && !strings.HasPrefix(l, "iu")
}

// Typefaces are the typefaces of one foundry.
type Typefaces struct {
	Names   []string // "PT Serif", "PT Sans", "PT Mono"
	Foundry string   // "ParaType"
}

// FontsLine names the embedded typefaces, by foundry: "Fonts: PT Serif, PT
// Sans and PT Mono by ParaType".
func (w Words) FontsLine(faces ...Typefaces) string {
	groups := make([]string, 0, len(faces))
	for _, f := range faces {
		groups = append(groups, fmt.Sprintf(w.FontsBy, w.List(f.Names), f.Foundry))
	}
	return fmt.Sprintf(w.Fonts, strings.Join(groups, "; "))
}

// SetInFaces is the PDF colophon's sentence on its typefaces: "Set in PT
// Serif and PT Sans by ParaType.".
func (w Words) SetInFaces(serif, sans, foundry string) string {
	return fmt.Sprintf(w.SetIn, serif, sans, foundry)
}

// ConvertedBy says how the book was made: by producer ("offprint 1.2") and,
// unless date is zero, when. A date that ends with a full stop ("4 декабря
// 2026 г.") ends the sentence with it.
func (w Words) ConvertedBy(producer string, date time.Time) string {
	if date.IsZero() {
		return fmt.Sprintf(w.Converted, producer)
	}
	d := w.Date(date)
	s := fmt.Sprintf(w.ConvertedOn, producer, d)
	if strings.HasSuffix(d, ".") {
		s = strings.Replace(s, d+".", d, 1)
	}
	return s
}

// For returns the words of the language of a BCP 47 tag (case and "_" do
// not matter). A tag falls back to its language ("de-AT" and "de-CH" to
// "de", "en-GB" to "en"), Portuguese to the European words unless the
// region is Brazil, Norwegian ("no") to Bokmål, Serbian to Cyrillic unless
// the script is Latin ("sr-Latn"), and a language without words of its own
// to English. The Words returned are a copy: changing them changes
// nothing else.
func For(tag string) Words {
	return *lookup(tag)
}

// lookup returns the table entry for a tag.
func lookup(tag string) *Words {
	tag = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
	parts := strings.Split(tag, "-")
	lang := parts[0]
	if a, ok := aliases[lang]; ok {
		lang = a
	}
	var script, region string
	for _, p := range parts[1:] {
		if len(p) == 1 {
			break // an extension or private use: the rest is not the language
		}
		switch {
		case len(p) == 4 && script == "" && region == "":
			script = p
		case (len(p) == 2 || len(p) == 3 && p[0] >= '0' && p[0] <= '9') && region == "":
			region = p
		}
	}
	key := lang
	switch lang {
	case "pt":
		if region == "br" {
			key = "pt-BR"
		}
	case "sr":
		if script == "latn" {
			key = "sr-Latn"
		}
	case "sh", "cnr": // Serbo-Croatian and Montenegrin, in Latin script
		key = "sr-Latn"
	case "bs": // Bosnian: the Croatian words, ijekavian and in Latin script
		key = "hr"
	case "de":
		if region == "at" {
			key = "de-AT"
		}
	}
	if w, ok := table[key]; ok {
		return w
	}
	return table["en"]
}

// Languages returns the tags of the languages with words of their own, in
// order.
func Languages() []string {
	tags := make([]string, 0, len(table))
	for t := range table {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	return tags
}

// aliases maps ISO 639-2 and 639-3 codes (bibliographic and terminology
// forms) and retired or macrolanguage codes to the codes of the table.
var aliases = map[string]string{
	"afr": "af", "bel": "be", "bul": "bg", "cat": "ca", "ces": "cs", "cze": "cs", "cym": "cy", "wel": "cy",
	"dan": "da", "deu": "de", "ger": "de", "ell": "el", "gre": "el", "eng": "en", "spa": "es", "est": "et",
	"ekk": "et", "fin": "fi", "fra": "fr", "fre": "fr", "gle": "ga", "glg": "gl", "hrv": "hr", "hun": "hu",
	"ind": "id", "in": "id", "isl": "is", "ice": "is", "ita": "it", "lit": "lt", "lav": "lv", "lvs": "lv",
	"mkd": "mk", "mac": "mk", "mon": "mn", "khk": "mn", "nld": "nl", "dut": "nl", "nor": "nb", "no": "nb",
	"nob": "nb", "nno": "nn", "pol": "pl", "por": "pt", "ron": "ro", "rum": "ro", "mo": "ro", "rus": "ru",
	"slk": "sk", "slo": "sk", "slv": "sl", "srp": "sr", "hbs": "sh", "bos": "bs", "swe": "sv", "tur": "tr",
	"ukr": "uk", "vie": "vi", "hsb": "hsb", "oci": "oc", "roh": "rm", "lat": "la",
	"grc": "el", // Ancient Greek: the furniture in Modern Greek
}
