package epub

import (
	"strings"
	"time"

	"github.com/offprint/offprint/internal/l10n"
)

// labels are the words offprint itself adds to a book, in one language.
type labels struct {
	// lang is the language the labels are written in. It differs from the
	// book's language when the book's language has no table (English is the
	// fallback); the renderer then marks the labels with lang.
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
	fonts       string // the fonts line of the attribution page
	fontLicense string // the font licence page
	converted   string // %s is "offprint VERSION"
	convertedOn string // %s is "offprint VERSION", %s the date
	and         string // the conjunction before the last name of a list

	// The labels of a book of several articles.
	aboutCollection string // heading of its attribution page
	editor, editors string // who compiled it (its Meta.Authors)
	articles        string // heading of the list of its articles
	// articleCount says how many articles it holds ("4 articles").
	articleCount func(n int) string
}

var labelTables = map[string]*labels{
	"en": {
		contents: "Contents", landmarks: "Guide", cover: "Cover", titlePage: "Title page",
		text: "Text", notes: "Notes", backToText: "Back to the text", noteRef: "Note %d",
		about: "About this article", title: "Title", author: "Author", authors: "Authors",
		published: "Published", publication: "Publication", original: "Original address",
		rights: "Rights", keywords: "Keywords", fonts: "Fonts: PT Serif, PT Sans and PT Mono by ParaType",
		fontLicense: "Font licence", converted: "Converted by %s.", convertedOn: "Converted by %s on %s.",
		and: "and", aboutCollection: "About this collection", articles: "Articles", articleCount: l10n.Count("article", "articles"),
		editor: "Editor", editors: "Editors",
	},
	"ru": {
		contents: "Содержание", landmarks: "Навигация", cover: "Обложка", titlePage: "Титульная страница",
		text: "Текст", notes: "Примечания", backToText: "Вернуться к тексту", noteRef: "Примечание %d",
		about: "Об этой статье", title: "Заглавие", author: "Автор", authors: "Авторы",
		published: "Опубликовано", publication: "Издание", original: "Адрес оригинала",
		rights: "Права", keywords: "Ключевые слова", fonts: "Шрифты: PT Serif, PT Sans и PT Mono, ParaType",
		fontLicense: "Лицензия шрифтов", converted: "Преобразовано программой %s.",
		convertedOn: "Преобразовано программой %s %s.", and: "и",
		aboutCollection: "Об этом сборнике", articles: "Статьи", articleCount: l10n.SlavicCount("статья", "статьи", "статей"),
		editor: "Составитель", editors: "Составители",
	},
	"uk": {
		contents: "Зміст", landmarks: "Навігація", cover: "Обкладинка", titlePage: "Титульна сторінка",
		text: "Текст", notes: "Примітки", backToText: "Повернутися до тексту", noteRef: "Примітка %d",
		about: "Про цю статтю", title: "Назва", author: "Автор", authors: "Автори",
		published: "Опубліковано", publication: "Видання", original: "Адреса оригіналу",
		rights: "Права", keywords: "Ключові слова", fonts: "Шрифти: PT Serif, PT Sans і PT Mono, ParaType",
		fontLicense: "Ліцензія шрифтів", converted: "Перетворено програмою %s.",
		convertedOn: "Перетворено програмою %s %s.", and: "і",
		aboutCollection: "Про цю збірку", articles: "Статті", articleCount: l10n.SlavicCount("стаття", "статті", "статей"),
		editor: "Упорядник", editors: "Упорядники",
	},
	"de": {
		contents: "Inhalt", landmarks: "Orientierung", cover: "Umschlag", titlePage: "Titelseite",
		text: "Text", notes: "Anmerkungen", backToText: "Zurück zum Text", noteRef: "Anmerkung %d",
		about: "Über diesen Artikel", title: "Titel", author: "Autor", authors: "Autoren",
		published: "Veröffentlicht", publication: "Publikation", original: "Originaladresse",
		rights: "Rechte", keywords: "Schlagwörter", fonts: "Schriften: PT Serif, PT Sans und PT Mono von ParaType",
		fontLicense: "Schriftlizenz", converted: "Umgewandelt mit %s.", convertedOn: "Umgewandelt mit %s am %s.",
		and: "und", aboutCollection: "Über diese Sammlung", articles: "Artikel", articleCount: l10n.Count("Artikel", "Artikel"),
		editor: "Herausgeber", editors: "Herausgeber",
	},
	"fr": {
		contents: "Table des matières", landmarks: "Repères", cover: "Couverture", titlePage: "Page de titre",
		text: "Texte", notes: "Notes", backToText: "Retour au texte", noteRef: "Note %d",
		about: "À propos de cet article", title: "Titre", author: "Auteur", authors: "Auteurs",
		published: "Publié le", publication: "Publication", original: "Adresse d’origine",
		rights: "Droits", keywords: "Mots-clés", fonts: "Polices : PT Serif, PT Sans et PT Mono de ParaType",
		fontLicense: "Licence des polices", converted: "Converti par %s.", convertedOn: "Converti par %s le %s.",
		and: "et", aboutCollection: "À propos de ce recueil", articles: "Articles", articleCount: l10n.Count("article", "articles"),
		editor: "Sous la direction de", editors: "Sous la direction de",
	},
	"es": {
		contents: "Índice", landmarks: "Puntos de referencia", cover: "Cubierta", titlePage: "Portada",
		text: "Texto", notes: "Notas", backToText: "Volver al texto", noteRef: "Nota %d",
		about: "Acerca de este artículo", title: "Título", author: "Autor", authors: "Autores",
		published: "Publicado", publication: "Publicación", original: "Dirección original",
		rights: "Derechos", keywords: "Palabras clave", fonts: "Tipografías: PT Serif, PT Sans y PT Mono de ParaType",
		fontLicense: "Licencia de las tipografías", converted: "Convertido por %s.",
		convertedOn: "Convertido por %s el %s.", and: "y",
		aboutCollection: "Acerca de esta colección", articles: "Artículos", articleCount: l10n.Count("artículo", "artículos"),
		editor: "Editor", editors: "Editores",
	},
	"it": {
		contents: "Indice", landmarks: "Punti di riferimento", cover: "Copertina", titlePage: "Frontespizio",
		text: "Testo", notes: "Note", backToText: "Torna al testo", noteRef: "Nota %d",
		about: "Informazioni sull’articolo", title: "Titolo", author: "Autore", authors: "Autori",
		published: "Pubblicato", publication: "Pubblicazione", original: "Indirizzo originale",
		rights: "Diritti", keywords: "Parole chiave", fonts: "Caratteri: PT Serif, PT Sans e PT Mono di ParaType",
		fontLicense: "Licenza dei caratteri", converted: "Convertito da %s.", convertedOn: "Convertito da %s il %s.",
		and: "e", aboutCollection: "Informazioni sulla raccolta", articles: "Articoli", articleCount: l10n.Count("articolo", "articoli"),
		editor: "Curatore", editors: "Curatori",
	},
	"pt": {
		contents: "Sumário", landmarks: "Pontos de referência", cover: "Capa", titlePage: "Folha de rosto",
		text: "Texto", notes: "Notas", backToText: "Voltar ao texto", noteRef: "Nota %d",
		about: "Sobre este artigo", title: "Título", author: "Autor", authors: "Autores",
		published: "Publicado", publication: "Publicação", original: "Endereço original",
		rights: "Direitos", keywords: "Palavras-chave", fonts: "Fontes: PT Serif, PT Sans e PT Mono da ParaType",
		fontLicense: "Licença das fontes", converted: "Convertido por %s.", convertedOn: "Convertido por %s em %s.",
		and: "e", aboutCollection: "Sobre esta coletânea", articles: "Artigos", articleCount: l10n.Count("artigo", "artigos"),
		editor: "Organizador", editors: "Organizadores",
	},
}

func init() {
	for lang, l := range labelTables {
		l.lang = lang
	}
}

// labelsFor returns the labels for a BCP 47 tag, by its primary language
// subtag, falling back to English.
func labelsFor(tag string) *labels {
	if l, ok := labelTables[primaryLanguage(tag)]; ok {
		return l
	}
	return labelTables["en"]
}

// formatDate writes a date the way the labels' language writes it
// ("14 March 2026", "14 марта 2026").
func (l *labels) formatDate(t time.Time) string {
	return l10n.Date(t, l.lang)
}

// list joins names as the language does: "A", "A and B", "A, B and C".
func (l *labels) list(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + l.and + " " + names[len(names)-1]
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
