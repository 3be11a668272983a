package convert

import (
	"strings"
	"testing"
)

func TestFileStem(t *testing.T) {
	tests := []struct {
		title, lang, want string
	}{
		{"Outcomes of the CSTO Summit in Bishkek Through the Lens of the Looming Great War", "en",
			"outcomes-of-the-csto-summit-in-bishkek-through-the-lens-of"},
		{"В Новосибирске открылась первая городская библиотека, работающая по ночам", "ru",
			"v-novosibirske-otkrylas-pervaia-gorodskaia-biblioteka"},
		{"../../etc/passwd", "en", "etc-passwd"},
		{"😚😚", "en", "article"},
		{"", "", "article"},
		{"Why <script>alert(\"x\")</script> & \"Quotes\"", "en", "why-script-alert-x-script-and-quotes"},
		{strings.Repeat("x", 200), "en", strings.Repeat("x", 60)},
		{"Café society in Lisbon", "pt", "cafe-society-in-lisbon"},
	}
	for _, tt := range tests {
		got := FileStem(tt.title, tt.lang)
		if got != tt.want {
			t.Errorf("FileStem(%q) = %q, want %q", tt.title, got, tt.want)
		}
		if len(got) > maxStem || strings.ContainsAny(got, "/\\.") {
			t.Errorf("FileStem(%q) = %q: too long or unsafe", tt.title, got)
		}
	}
}
