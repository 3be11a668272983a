package txt

import (
	"strings"
	"testing"
	"time"
)

func TestParseByline(t *testing.T) {
	tests := []struct {
		line    string
		ok      bool
		authors string // joined with "|"
		section string
		date    string // 2006-01-02, or "" for none
	}{
		// The corpus's form: a name and a section.
		{"Наталья Маркова Politics", true, "Наталья Маркова", "Politics", ""},
		{"Ирина Соколова Общество", true, "Ирина Соколова", "Общество", ""},
		{"Sam O'Neil & Анна Ли Technology", true, "Sam O'Neil|Анна Ли", "Technology", ""},
		{"Maria Lopes Culture", true, "Maria Lopes", "Culture", ""},
		{"Long Tester Science", true, "Long Tester", "Science", ""},
		{"Jane Doe Gardening", true, "Jane Doe", "Gardening", ""}, // a single word after two is a section
		{"Jane Doe World News", true, "Jane Doe", "World News", ""},
		{"Anna Maria Lopes Culture", true, "Anna Maria Lopes", "Culture", ""},
		{"Gabriel García Márquez Literature", true, "Gabriel García Márquez", "Literature", ""},
		{"Ludwig van Beethoven Music", true, "Ludwig van Beethoven", "Music", ""},
		{"Ana de Armas Film", true, "Ana de Armas", "Film", ""},
		{"Jean-Luc Picard Science & Tech", true, "Jean-Luc Picard", "Science & Tech", ""},
		{"Иван Иванович Петров", true, "Иван Иванович Петров", "", ""},
		{"Петров Иван Иванович", true, "Петров Иван Иванович", "", ""},
		{"John F. Kennedy", true, "John F. Kennedy", "", ""},
		{"Jane Doe", true, "Jane Doe", "", ""},

		// Prefixes, separators, several authors.
		{"By Jane Doe · Business · 3 May 2025", true, "Jane Doe", "Business", "2025-05-03"},
		{"By Jane Doe and John Roe", true, "Jane Doe|John Roe", "", ""},
		{"Jane Doe, John Roe | Science", true, "Jane Doe|John Roe", "Science", ""},
		{"Jane Doe, John Roe and Max Mustermann", true, "Jane Doe|John Roe|Max Mustermann", "", ""},
		{"Иван Петров и Мария Сидорова", true, "Иван Петров|Мария Сидорова", "", ""},
		{"Автор: Иван Петров", true, "Иван Петров", "", ""},
		{"Авторы: Иван Петров, Мария Сидорова", true, "Иван Петров|Мария Сидорова", "", ""},
		{"Текст: Иван Петров", true, "Иван Петров", "", ""},
		{"Jane Doe — 12.03.2024", true, "Jane Doe", "", "2024-03-12"},
		{"Politics / Jane Doe", true, "Jane Doe", "Politics", ""},
		{"Наука и техника / Иван Петров", true, "Иван Петров", "Наука и техника", ""},
		{"By Reuters", true, "Reuters", "", ""},
		{"By J.R.R. Tolkien", true, "J.R.R. Tolkien", "", ""},
		{"By JANE DOE", true, "JANE DOE", "", ""},
		{"Written by Jane Doe", true, "Jane Doe", "", ""},
		{"Von Max Mustermann | Politik", true, "Max Mustermann", "Politik", ""},
		{"Mary-Jane O'Connor, Culture", true, "Mary-Jane O'Connor", "Culture", ""},
		{"Jane Doe, Staff Writer", true, "Jane Doe", "", ""},
		{"John Roe, Political Correspondent, in Moscow", true, "John Roe", "", ""},
		{"Jane Doe in Berlin", true, "Jane Doe", "", ""},
		{"By Nathan Willis March 25, 2015", true, "Nathan Willis", "", "2015-03-25"},
		{"Martin Untersinger (avec Damien Leloup et Morgane Tual)", true, "Martin Untersinger|Damien Leloup|Morgane Tual", "", ""},
		{"Jane Doe with John Roe", true, "Jane Doe|John Roe", "", ""},
		{"Иван Петров при участии Марии Сидоровой", true, "Иван Петров|Марии Сидоровой", "", ""},
		{"Jean d'Ormesson", true, "Jean d'Ormesson", "", ""},
		{"Jane Doe and John Roe · Opinion · Sat 3 May 2025 10:00 BST", true, "Jane Doe|John Roe", "Opinion", "2025-05-03"},
		{"Ирина Соколова, Общество, 3 мая 2025 г.", true, "Ирина Соколова", "Общество", "2025-05-03"},
		{"Автор: Иван Петров | 03.05.2025 14:30", true, "Иван Петров", "", "2025-05-03"},
		{"Jane Doe | Jul 4, 2024", true, "Jane Doe", "", "2024-07-04"},
		{"Jane Doe 3 May 2025", true, "Jane Doe", "", "2025-05-03"},
		{"Published: May 3, 2025 | 5 min read", true, "", "", "2025-05-03"},
		{"Updated 3 May 2025, 14:30 GMT", true, "", "", "2025-05-03"},
		{"Опубликовано: 3 мая 2025, 14:30", true, "", "", "2025-05-03"},
		{"3 hours ago · Jane Doe", true, "Jane Doe", "", ""},
		{"Jane Doe · 03/05/2025", true, "Jane Doe", "", ""}, // a date, but day and month could be either
		{"Jane Doe · 25/12/2024", true, "Jane Doe", "", "2024-12-25"},

		// Dates alone.
		{"3 May 2025", true, "", "", "2025-05-03"},
		{"May 3, 2025", true, "", "", "2025-05-03"},
		{"2025-05-03", true, "", "", "2025-05-03"},
		{"2025-05-03T14:30:00+03:00", true, "", "", "2025-05-03"},
		{"3 мая 2025", true, "", "", "2025-05-03"},
		{"03.05.2025", true, "", "", "2025-05-03"},
		{"Saturday, 3rd May 2025", true, "", "", "2025-05-03"},
		{"3. Mai 2025", true, "", "", "2025-05-03"},
		{"3 de mayo de 2025", true, "", "", "2025-05-03"},

		// A known section alone.
		{"Politics", true, "", "Politics", ""},
		{"В мире", true, "", "В мире", ""},

		// Not bylines: body text and headings.
		{"Introduction", false, "", "", ""},
		{"The Night Shift", false, "", "", ""},
		{"Как устроена ночная смена", false, "", "", ""},
		{"Что дальше", false, "", "", ""},
		{"At the CSTO summit held in Bishkek.", false, "", "", ""},
		{"by jane doe", false, "", "", ""},
		{"Jean de", false, "", "", ""},
		{"2 min read", false, "", "", ""},
		{"Jane Doe said the summit was important", false, "", "", ""},
		{"In 2025 the river rose", false, "", "", ""},
		{"31 April 2025", false, "", "", ""},
		{"Prices rose 3% in May 2025", false, "", "", ""},
		{strings.Repeat("Jane Doe ", 40), false, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			b, ok := parseByline(tt.line)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v (%+v)", ok, tt.ok, b)
			}
			if got := strings.Join(b.authors, "|"); got != tt.authors {
				t.Errorf("authors %q, want %q", got, tt.authors)
			}
			if b.section != tt.section {
				t.Errorf("section %q, want %q", b.section, tt.section)
			}
			date := ""
			if !b.date.IsZero() {
				date = b.date.Format("2006-01-02")
			}
			if date != tt.date {
				t.Errorf("date %q, want %q", date, tt.date)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		ok   bool
		want string
	}{
		{"3 May 2025", true, "2025-05-03"},
		{"03 May, 2025", true, "2025-05-03"},
		{"May 3, 2025", true, "2025-05-03"},
		{"May 3 2025", true, "2025-05-03"},
		{"Mar. 3, 2025", true, "2025-03-03"},
		{"Sept 3, 2025", true, "2025-09-03"},
		{"Saturday, May 3, 2025 at 2:30 pm ET", true, "2025-05-03"},
		{"Sat 3 May 2025 10:00 BST", true, "2025-05-03"},
		{"2025-05-03", true, "2025-05-03"},
		{"2025/05/03", true, "2025-05-03"},
		{"2025-05-03T14:30:00Z", true, "2025-05-03"},
		{"2025-05-03 14:30", true, "2025-05-03"},
		{"03.05.2025", true, "2025-05-03"},
		{"3.5.2025", true, "2025-05-03"},
		{"03.05.2025, 14:30", true, "2025-05-03"},
		{"3 мая 2025", true, "2025-05-03"},
		{"3 мая 2025 г.", true, "2025-05-03"},
		{"3 мая 2025 года, 14:30 МСК", true, "2025-05-03"},
		{"суббота, 3 мая 2025", true, "2025-05-03"},
		{"3. Mai 2025", true, "2025-05-03"},
		{"3 mai 2025", true, "2025-05-03"},
		{"3 de mayo de 2025", true, "2025-05-03"},
		{"29 February 2024", true, "2024-02-29"},
		{"03/05/2025", true, ""}, // ambiguous
		{"13/05/2025", true, "2025-05-13"},
		{"05/13/2025", true, "2025-05-13"},
		{"29 February 2025", false, ""},
		{"31 April 2025", false, ""},
		{"May 2025", false, ""},
		{"2025", false, ""},
		{"May", false, ""},
		{"3 May", false, ""},
		{"3 May 2025 3 May 2025", false, ""},
		{"2025-13-01", false, ""},
		{"3 May 1066", false, ""},
		{"Jane Doe", false, ""},
		{"", false, ""},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if ok != tt.ok {
			t.Errorf("parseDate(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			continue
		}
		s := ""
		if !got.IsZero() {
			s = got.Format("2006-01-02")
			if got.Location() != time.UTC || got.Hour() != 0 {
				t.Errorf("parseDate(%q) = %v, want midnight UTC", tt.in, got)
			}
		}
		if s != tt.want {
			t.Errorf("parseDate(%q) = %q, want %q", tt.in, s, tt.want)
		}
	}
}
