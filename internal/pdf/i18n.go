package pdf

import (
	"time"

	"github.com/offprint/offprint/internal/l10n"
)

// words are the words the PDF writes itself, in one language. They come
// from internal/l10n's table, which the EPUB shares; the fields are named
// as the layout code reads them.
type words struct {
	w l10n.Words

	notes     string // heading of the endnotes
	about     string // heading of the attribution
	page      string // footer: "page %d of %d"
	published string // "Published in %s"
	source    string // label of the source URL, colon and space included
	by        string // "by", or "" where names stand alone
	// The words of a collection of several articles: the contents page's
	// heading, its attribution's heading, the heading of its list of
	// articles, who compiled it (its Meta.Authors), and how many articles
	// it holds ("4 articles").
	contents, aboutCollection, articles string
	editor, editors                     string
	articleCount                        func(n int) string
	// lang is the language the words are in ("en" for the fallback).
	lang string
}

// wordsFor returns the words for a BCP 47 language tag.
func wordsFor(lang string) words {
	w := l10n.For(lang)
	return words{
		w: w, notes: w.Notes, about: w.About, page: w.Page, published: w.PublishedIn, source: w.Source, by: w.By,
		contents: w.Contents, aboutCollection: w.AboutCollection, articles: w.Articles,
		editor: w.Editor, editors: w.Editors, articleCount: w.ArticleCount, lang: w.Lang,
	}
}

// date formats t as a reader of the language writes a date: "14 March
// 2026", "14 марта 2026 г.", "14. März 2026", "14 de marzo de 2026".
func (w words) date(t time.Time) string { return w.w.Date(t) }

// conversion is the colophon's sentence on how the document was made:
// "Converted by offprint 1.2 on 4 December 2026." (without a date when it
// is zero).
func (w words) conversion(program string, date time.Time) string {
	if !date.IsZero() {
		date = date.UTC()
	}
	return w.w.ConvertedBy(program, date)
}

// setIn is the colophon's sentence on the typefaces: "Set in PT Serif and
// PT Sans by ParaType.".
func (w words) setIn(serif, sans, foundry string) string { return w.w.SetInFaces(serif, sans, foundry) }
