package l10n

import (
	"fmt"
	"strings"
	"time"
)

// calendar is how one language writes a date.
type calendar struct {
	months [12]string // month names as they follow a day number
	format string     // day, month name, year
}

var calendars = map[string]calendar{
	"en": {[12]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}, "%d %s %d"},
	"ru": {[12]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
		"августа", "сентября", "октября", "ноября", "декабря"}, "%d %s %d"},
	"uk": {[12]string{"січня", "лютого", "березня", "квітня", "травня", "червня", "липня",
		"серпня", "вересня", "жовтня", "листопада", "грудня"}, "%d %s %d"},
	"de": {[12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
		"August", "September", "Oktober", "November", "Dezember"}, "%d. %s %d"},
	"fr": {[12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
		"août", "septembre", "octobre", "novembre", "décembre"}, "%d %s %d"},
	"es": {[12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
		"agosto", "septiembre", "octubre", "noviembre", "diciembre"}, "%d de %s de %d"},
	"it": {[12]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
		"agosto", "settembre", "ottobre", "novembre", "dicembre"}, "%d %s %d"},
	"pt": {[12]string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
		"agosto", "setembro", "outubro", "novembro", "dezembro"}, "%d de %s de %d"},
}

// Date writes the calendar date of t as a reader of the language tag
// writes it: "14 March 2026", "14 марта 2026", "14. März 2026", "14 de
// marzo de 2026". Languages without rules of their own get English's.
func Date(t time.Time, tag string) string {
	c, ok := calendars[Primary(tag)]
	if !ok {
		c = calendars["en"]
	}
	return fmt.Sprintf(c.format, t.Day(), c.months[t.Month()-1], t.Year())
}

// Primary returns the primary language subtag of a BCP 47 tag, in lower
// case: "en" for "en-GB", "pt" for "pt_BR".
func Primary(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}
