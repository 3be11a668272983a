package epub

import (
	"strings"
	"time"

	"github.com/offprint/offprint/internal/l10n"
)

// labels are the words offprint itself adds to a book, in one language.
// They come from internal/l10n's table, which the PDF shares; the fields
// are named as the renderer reads them.
type labels struct {
	w l10n.Words

	// lang is the language the labels are written in. It differs from the
	// book's language when the book's language has no words of its own
	// (English is the fallback); the renderer then marks the labels with
	// lang.
	lang string

	contents    string // heading of the table of contents
	landmarks   string // heading of the (hidden) landmarks list
	cover       string // the cover page
	titlePage   string // the title page
	text        string // the start of the body text
	notes       string // heading of the endnotes
	backToText  string // accessible name of a note's back-link
	noteRef     string // accessible name of a note reference, %d is the number
	about       string // heading of the attribution page
	title       string
	author      string
	authors     string
	published   string
	publication string // the site or publication name
	original    string // the source URL
	rights      string
	keywords    string
	fontLicense string // the font licence page

	// The labels of a book of several articles.
	aboutCollection string // heading of its attribution page
	editor, editors string // who compiled it (its Meta.Authors)
	articles        string // heading of the list of its articles
	// articleCount says how many articles it holds ("4 articles").
	articleCount func(n int) string
}

// labelsFor returns the labels for a BCP 47 tag, falling back to English
// (see l10n.For).
func labelsFor(tag string) *labels {
	w := l10n.For(tag)
	return &labels{
		w: w, lang: w.Lang,
		contents: w.Contents, landmarks: w.Landmarks, cover: w.Cover, titlePage: w.TitlePage, text: w.Text,
		notes: w.Notes, backToText: w.BackToText, noteRef: w.NoteRef, about: w.About, title: w.Title,
		author: w.Author, authors: w.Authors, published: w.Published, publication: w.Publication,
		original: w.Original, rights: w.Rights, keywords: w.Keywords, fontLicense: w.FontLicense,
		aboutCollection: w.AboutCollection, editor: w.Editor, editors: w.Editors, articles: w.Articles,
		articleCount: w.ArticleCount,
	}
}

// formatDate writes a date the way the labels' language writes it
// ("14 March 2026", "14 марта 2026 г.").
func (l *labels) formatDate(t time.Time) string { return l.w.Date(t) }

// list joins names as the language does: "A", "A and B", "A, B and C".
func (l *labels) list(names []string) string { return l.w.List(names) }

// fonts names the embedded typefaces: "Fonts: PT Serif, PT Sans and PT
// Mono by ParaType".
func (l *labels) fonts(faces ...l10n.Typefaces) string { return l.w.FontsLine(faces...) }

// converted says how the book was made: by producer and, unless date is
// zero, when.
func (l *labels) converted(producer string, date time.Time) string {
	return l.w.ConvertedBy(producer, date)
}

// primaryLanguage returns the primary language subtag of a BCP 47 tag, in
// lower case ("en" for "en-GB").
func primaryLanguage(tag string) string { return l10n.Primary(tag) }

// sameLanguage reports whether two tags name the same primary language.
func sameLanguage(a, b string) bool { return primaryLanguage(a) == primaryLanguage(b) }

// rtlLanguages are the primary languages written right to left.
var rtlLanguages = map[string]bool{
	"ar": true, "arc": true, "ckb": true, "dv": true, "fa": true, "he": true, "iw": true,
	"ps": true, "sd": true, "syr": true, "ug": true, "ur": true, "yi": true,
}

// direction returns "rtl" for a language written right to left, else "ltr".
func direction(tag string) string {
	if rtlLanguages[primaryLanguage(tag)] || strings.Contains(strings.ToLower(tag), "-arab") ||
		strings.Contains(strings.ToLower(tag), "-hebr") {
		return "rtl"
	}
	return "ltr"
}
