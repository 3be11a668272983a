package l10n

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// dec4 is the fixed date of the tests: 4 December 2026.
var dec4 = time.Date(2026, time.December, 4, 23, 30, 0, 0, time.UTC)

// TestDates checks each language's long date against CLDR's long date
// format for 4 December 2026 (and a day of two digits in another month).
func TestDates(t *testing.T) {
	mar14 := time.Date(2026, time.March, 14, 0, 0, 0, 0, time.UTC)
	tests := []struct{ tag, dec4, mar14 string }{
		{"en", "4 December 2026", "14 March 2026"},
		{"af", "04 Desember 2026", "14 Maart 2026"},
		{"be", "4 снежня 2026\u202fг.", "14 сакавіка 2026\u202fг."},
		{"bg", "4 декември 2026\u202fг.", "14 март 2026\u202fг."},
		{"ca", "4 de desembre del 2026", "14 de març del 2026"},
		{"cs", "4. prosince 2026", "14. března 2026"},
		{"cy", "4 Rhagfyr 2026", "14 Mawrth 2026"},
		{"da", "4. december 2026", "14. marts 2026"},
		{"de", "4. Dezember 2026", "14. März 2026"},
		{"de-AT", "4. Dezember 2026", "14. März 2026"},
		{"el", "4 Δεκεμβρίου 2026", "14 Μαρτίου 2026"},
		{"es", "4 de diciembre de 2026", "14 de marzo de 2026"},
		{"et", "4. detsember 2026", "14. märts 2026"},
		{"fi", "4. joulukuuta 2026", "14. maaliskuuta 2026"},
		{"fr", "4 décembre 2026", "14 mars 2026"},
		{"ga", "4 Nollaig 2026", "14 Márta 2026"},
		{"gl", "4 de decembro de 2026", "14 de marzo de 2026"},
		{"hr", "4. prosinca 2026.", "14. ožujka 2026."},
		{"hsb", "4. decembra 2026", "14. měrca 2026"},
		{"hu", "2026. december 4.", "2026. március 14."},
		{"id", "4 Desember 2026", "14 Maret 2026"},
		{"is", "4. desember 2026", "14. mars 2026"},
		{"it", "4 dicembre 2026", "14 marzo 2026"},
		{"la", "4 Decembris 2026", "14 Martii 2026"},
		{"lt", "2026 m. gruodžio 4 d.", "2026 m. kovo 14 d."},
		{"lv", "2026. gada 4. decembris", "2026. gada 14. marts"},
		{"mk", "4 декември 2026\u202fг.", "14 март 2026\u202fг."},
		{"mn", "2026\u202fоны арван хоёрдугаар сарын 4", "2026\u202fоны гуравдугаар сарын 14"},
		{"nb", "4. desember 2026", "14. mars 2026"},
		{"nn", "4. desember 2026", "14. mars 2026"},
		{"nl", "4 december 2026", "14 maart 2026"},
		{"oc", "4 de decembre de 2026", "14 de març de 2026"},
		{"pl", "4 grudnia 2026", "14 marca 2026"},
		{"pt", "4 de dezembro de 2026", "14 de março de 2026"},
		{"pt-BR", "4 de dezembro de 2026", "14 de março de 2026"},
		{"rm", "4 da december 2026", "14 da mars 2026"},
		{"ro", "4 decembrie 2026", "14 martie 2026"},
		{"ru", "4 декабря 2026\u202fг.", "14 марта 2026\u202fг."},
		{"sk", "4. decembra 2026", "14. marca 2026"},
		{"sl", "4. december 2026", "14. marec 2026"},
		{"sr", "4. децембар 2026.", "14. март 2026."},
		{"sr-Latn", "4. decembar 2026.", "14. mart 2026."},
		{"sv", "4 december 2026", "14 mars 2026"},
		{"tr", "4 Aralık 2026", "14 Mart 2026"},
		{"uk", "4 грудня 2026\u202fр.", "14 березня 2026\u202fр."},
		{"vi", "4 tháng 12, 2026", "14 tháng 3, 2026"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		seen[tt.tag] = true
		w := For(tt.tag)
		if got := w.Date(dec4); got != tt.dec4 {
			t.Errorf("%s: Date = %q, want %q", tt.tag, got, tt.dec4)
		}
		if got := Date(mar14, tt.tag); got != tt.mar14 {
			t.Errorf("%s: Date = %q, want %q", tt.tag, got, tt.mar14)
		}
	}
	for _, tag := range Languages() {
		if !seen[tag] {
			t.Errorf("%s: no date test", tag)
		}
	}
	if got := For("de-AT").Date(time.Date(2026, time.January, 4, 0, 0, 0, 0, time.UTC)); got != "4. Jänner 2026" {
		t.Errorf("de-AT January: %q", got)
	}
}

// TestFallback checks which entry a tag resolves to.
func TestFallback(t *testing.T) {
	for tag, want := range map[string]string{
		"": "en", "zz": "en", "en-US": "en", "EN_gb": "en", "de": "de", "de-CH": "de", "de-LI": "de",
		"de-AT": "de-AT", "pt": "pt", "pt-PT": "pt", "pt-BR": "pt-BR", "pt_br": "pt-BR", "no": "nb", "nb-NO": "nb",
		"nn": "nn", "sr": "sr", "sr-Cyrl-RS": "sr", "sr-Latn": "sr-Latn", "sr-Latn-RS": "sr-Latn", "sh": "sr-Latn",
		"ru-RU": "ru", " uk ": "uk", "deu": "de", "nob": "nb", "nno": "nn", "bs": "hr", "cnr": "sr-Latn",
		"zu": "en", "grc": "el", "x-private": "en", "de-x-foo": "de", "el-polyton": "el", "zh-Hant-TW": "en", "in": "id", "fr-CA": "fr", "es-419": "es",
	} {
		if got := For(tag).Lang; got != want {
			t.Errorf("For(%q).Lang = %q, want %q", tag, got, want)
		}
	}
	w := For("de")
	w.Contents = "changed"
	if For("de").Contents != "Inhalt" {
		t.Error("For returns the table's entry, not a copy")
	}
}

// TestWordsComplete checks that every language has every word, that each
// format has the verbs its users give it, and that no entry but English's
// is English's by mistake.
func TestWordsComplete(t *testing.T) {
	want := map[string]int{ // field → number of %s or %d verbs
		"NoteRef": 1, "Page": 2, "PublishedIn": 1, "Fonts": 1, "FontsBy": 2, "SetIn": 3, "Converted": 1, "ConvertedOn": 2,
	}
	en := For("en")
	// The languages offprint hyphenates have words of their own.
	for _, tag := range strings.Fields("af be bg ca cs cy da de el en es et fi fr ga gl hr hsb hu id is it la lt lv mk mn " +
		"nb nn nl oc pl pt pt-BR rm ro ru sk sl sr sr-Latn sv tr uk vi") {
		if got := For(tag).Lang; got != tag {
			t.Errorf("%s: falls back to %s", tag, got)
		}
	}
	for _, tag := range Languages() {
		w := For(tag)
		v := reflect.ValueOf(w)
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() || f.Type.Kind() != reflect.String {
				continue
			}
			s := v.Field(i).String()
			if s == "" && f.Name != "By" {
				t.Errorf("%s: %s is empty", tag, f.Name)
			}
			verbs := strings.Count(s, "%s") + strings.Count(s, "%d")
			verbs += strings.Count(s, "%[1]s") + strings.Count(s, "%[2]s") + strings.Count(s, "%[3]s")
			if verbs != want[f.Name] {
				t.Errorf("%s: %s = %q has %d verbs, want %d", tag, f.Name, s, verbs, want[f.Name])
			}
			if tag != "en" && f.Name != "Lang" && s == reflect.ValueOf(en).Field(i).String() &&
				!allowedSame[tag+" "+f.Name] && len(s) > 8 {
				t.Errorf("%s: %s is the English %q", tag, f.Name, s)
			}
		}
		if !strings.HasSuffix(w.Source, " ") {
			t.Errorf("%s: Source %q does not end with a space", tag, w.Source)
		}
		if w.ArticleCount(1) == "" || w.ArticleCount(5) == "" {
			t.Errorf("%s: no article count", tag)
		}
	}
}

// allowedSame are words a language writes as English does.
var allowedSame = map[string]bool{"fr Publication": true}

// TestArticleCount checks the plural forms, by CLDR's rules.
func TestArticleCount(t *testing.T) {
	tests := map[string]map[int]string{
		"en":    {0: "0 articles", 1: "1 article", 2: "2 articles", 21: "21 articles"},
		"fr":    {0: "0 article", 1: "1 article", 2: "2 articles", 1000000: "1000000 d’articles"},
		"pt-BR": {0: "0 artigo", 1: "1 artigo", 2: "2 artigos"},
		"pt":    {0: "0 artigos", 1: "1 artigo", 2: "2 artigos"},
		"es":    {1: "1 artículo", 5: "5 artículos", 2000000: "2000000 de artículos"},
		"ru":    {1: "1 статья", 2: "2 статьи", 5: "5 статей", 11: "11 статей", 21: "21 статья", 22: "22 статьи", 112: "112 статей"},
		"uk":    {1: "1 стаття", 3: "3 статті", 14: "14 статей", 101: "101 стаття"},
		"be":    {1: "1 артыкул", 4: "4 артыкулы", 7: "7 артыкулаў"},
		"pl":    {1: "1 artykuł", 2: "2 artykuły", 5: "5 artykułów", 12: "12 artykułów", 21: "21 artykułów", 22: "22 artykuły"},
		"cs":    {1: "1 článek", 3: "3 články", 5: "5 článků", 22: "22 článků"},
		"sk":    {1: "1 článok", 4: "4 články", 5: "5 článkov"},
		"lt":    {1: "1 straipsnis", 2: "2 straipsniai", 9: "9 straipsniai", 10: "10 straipsnių", 11: "11 straipsnių", 21: "21 straipsnis"},
		"lv":    {0: "0 rakstu", 1: "1 raksts", 2: "2 raksti", 10: "10 rakstu", 11: "11 rakstu", 21: "21 raksts"},
		"ro":    {1: "1 articol", 2: "2 articole", 19: "19 articole", 20: "20 de articole", 101: "101 articole", 120: "120 de articole"},
		"hsb":   {1: "1 nastawk", 2: "2 nastawkaj", 3: "3 nastawki", 5: "5 nastawkow", 101: "101 nastawk"},
		"sl":    {1: "1 članek", 2: "2 članka", 3: "3 članki", 5: "5 člankov", 101: "101 članek", 102: "102 članka"},
		"hr":    {1: "1 članak", 2: "2 članka", 5: "5 članaka", 21: "21 članak", 12: "12 članaka"},
		"sr":    {1: "1 чланак", 3: "3 чланка", 11: "11 чланака"},
		"is":    {1: "1 grein", 21: "21 grein", 11: "11 greinar"},
		"hu":    {1: "1 cikk", 4: "4 cikk"},
		"fi":    {1: "1 artikkeli", 4: "4 artikkelia"},
		"vi":    {1: "1 bài viết", 4: "4 bài viết"},
		"de":    {1: "1 Artikel", 4: "4 Artikel"},
	}
	for tag, cases := range tests {
		w := For(tag)
		for n, want := range cases {
			if got := w.ArticleCount(n); got != want {
				t.Errorf("%s: ArticleCount(%d) = %q, want %q", tag, n, got, want)
			}
		}
	}
}

// TestSentences checks the sentences built from formats.
func TestSentences(t *testing.T) {
	pt := Typefaces{Names: []string{"PT Serif", "PT Sans", "PT Mono"}, Foundry: "ParaType"}
	tests := []struct{ got, want string }{
		{For("en").SetInFaces("PT Serif", "PT Sans", "ParaType"), "Set in PT Serif and PT Sans by ParaType."},
		{For("de").SetInFaces("PT Serif", "PT Sans", "ParaType"), "Gesetzt aus der PT Serif und der PT Sans von ParaType."},
		{For("ru").SetInFaces("PT Serif", "PT Sans", "ParaType"), "Набрано шрифтами PT Serif и PT Sans компании ParaType."},
		{For("fr").SetInFaces("PT Serif", "PT Sans", "ParaType"), "Composé en PT Serif et PT Sans de ParaType."},
		{For("es").SetInFaces("PT Serif", "PT Sans", "ParaType"), "Compuesto en PT Serif y PT Sans de ParaType."},
		{For("el").SetInFaces("Noto Serif", "Noto Sans", "Google"), "Στοιχειοθετήθηκε με τις γραμματοσειρές Noto Serif και Noto Sans (Google)."},
		{For("en").FontsLine(pt), "Fonts: PT Serif, PT Sans and PT Mono by ParaType"},
		{For("en").FontsLine(pt, Typefaces{Names: []string{"Noto Serif"}, Foundry: "Google"}),
			"Fonts: PT Serif, PT Sans and PT Mono by ParaType; Noto Serif by Google"},
		{For("ru").FontsLine(pt), "Шрифты: PT Serif, PT Sans и PT Mono, ParaType"},
		{For("fr").FontsLine(pt), "Polices\u00a0: PT Serif, PT Sans et PT Mono de ParaType"},
		{For("en").ConvertedBy("offprint 1.2", time.Time{}), "Converted by offprint 1.2."},
		{For("en").ConvertedBy("offprint 1.2", dec4), "Converted by offprint 1.2 on 4 December 2026."},
		{For("ru").ConvertedBy("offprint 1.2", dec4), "Преобразовано программой offprint 1.2 4 декабря 2026\u202fг."},
		{For("hr").ConvertedBy("offprint 1.2", dec4), "Pretvoreno programom offprint 1.2 4. prosinca 2026."},
		{For("hu").ConvertedBy("offprint", dec4), "Átalakította: offprint, 2026. december 4."},
		{For("tr").ConvertedBy("offprint", dec4), "4 Aralık 2026 tarihinde offprint ile dönüştürüldü."},
		{For("en").List([]string{"A", "B", "C"}), "A, B and C"},
		{For("es").List([]string{"Ana", "Isabel"}), "Ana e Isabel"},
		{For("es").List([]string{"Ana", "Hierro"}), "Ana y Hierro"},
		{For("es").List([]string{"Ana", "Luis"}), "Ana y Luis"},
		{For("pl").List([]string{"Anna"}), "Anna"},
		{For("pl").List(nil), ""},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got  %q\nwant %q", tt.got, tt.want)
		}
	}
}

func TestPatterns(t *testing.T) {
	for pattern, want := range map[string]string{
		"d MMMM y":        "4 December 2026",
		"dd.MM.y":         "04.December.2026",
		"'it''s' d":       "it's 4",
		"''d''":           "'4'",
		"y 'unterminated": "2026 unterminated",
		"":                "",
	} {
		c := calendar{pattern: pattern, months: For("en").cal.months}
		if got := c.format(dec4); got != want {
			t.Errorf("%q: %q, want %q", pattern, got, want)
		}
	}
}
