package pdf

import (
	"time"

	"github.com/offprint/offprint/internal/l10n"
)

// words are the few words the PDF writes itself, in one language.
type words struct {
	notes     string // heading of the endnotes
	about     string // heading of the attribution
	page      string // footer: "page %d of %d"
	published string // "Published in %s"
	source    string // label of the source URL
	by        string // "by"
	converted string // "Converted by %s"
	on        string // "on" before the conversion date
	setIn     string // the colophon's typefaces
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

var english = words{
	notes: "Notes", about: "About this article", page: "page %d of %d", published: "Published in %s",
	source: "Source", by: "by", converted: "Converted by %s", on: "on",
	setIn:    "Set in PT Serif and PT Sans by ParaType.",
	contents: "Contents", aboutCollection: "About this collection", articles: "Articles",
	editor: "Editor", editors: "Editors", articleCount: l10n.Count("article", "articles"),
}

// languages holds the languages with words of their own; others use
// English.
var languages = map[string]words{
	"en": english,
	"ru": {
		contents: "Содержание", aboutCollection: "Об этом сборнике", articles: "Статьи",
		editor: "Составитель", editors: "Составители", articleCount: l10n.SlavicCount("статья", "статьи", "статей"),
		notes: "Примечания", about: "Об этой статье", page: "стр. %d из %d", published: "Опубликовано: %s",
		source: "Источник", by: "", converted: "Преобразовано программой %s", on: "",
		setIn: "Набрано шрифтами PT Serif и PT Sans компании ParaType.",
	},
	"uk": {
		contents: "Зміст", aboutCollection: "Про цю збірку", articles: "Статті",
		editor: "Упорядник", editors: "Упорядники", articleCount: l10n.SlavicCount("стаття", "статті", "статей"),
		notes: "Примітки", about: "Про цю статтю", page: "стор. %d з %d", published: "Опубліковано: %s",
		source: "Джерело", converted: "Перетворено програмою %s",
	},
	"de": {
		contents: "Inhalt", aboutCollection: "Über diese Sammlung", articles: "Artikel",
		editor: "Herausgeber", editors: "Herausgeber", articleCount: l10n.Count("Artikel", "Artikel"),
		notes: "Anmerkungen", about: "Über diesen Artikel", page: "Seite %d von %d", published: "Erschienen in %s",
		source: "Quelle", converted: "Umgewandelt mit %s", on: "am",
		setIn: "Gesetzt aus der PT Serif und der PT Sans von ParaType.",
	},
	"fr": {
		contents: "Table des matières", aboutCollection: "À propos de ce recueil", articles: "Articles",
		editor: "Sous la direction de", editors: "Sous la direction de", articleCount: l10n.Count("article", "articles"),
		notes: "Notes", about: "À propos de cet article", page: "page %d sur %d", published: "Publié dans %s",
		source: "Source", converted: "Converti par %s", on: "le",
		setIn: "Composé en PT Serif et PT Sans de ParaType.",
	},
	"es": {
		contents: "Índice", aboutCollection: "Acerca de esta colección", articles: "Artículos",
		editor: "Editor", editors: "Editores", articleCount: l10n.Count("artículo", "artículos"),
		notes: "Notas", about: "Sobre este artículo", page: "página %d de %d", published: "Publicado en %s",
		source: "Fuente", converted: "Convertido con %s", on: "el",
		setIn: "Compuesto en PT Serif y PT Sans de ParaType.",
	},
}

// wordsFor returns the words for a BCP 47 language tag.
func wordsFor(lang string) words {
	base := l10n.Primary(lang)
	w, ok := languages[base]
	if !ok {
		w, base = english, "en"
	}
	w.lang = base
	return w
}

// date formats t as a reader of the language writes a date: "14 March
// 2026", "14 марта 2026", "14. März 2026", "14 de marzo de 2026".
func (w words) date(t time.Time) string { return l10n.Date(t, w.lang) }
