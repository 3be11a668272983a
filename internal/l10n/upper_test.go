package l10n

import "testing"

func TestUpper(t *testing.T) {
	for _, tt := range []struct {
		tag, in, want string
	}{
		{"en", "Environment", "ENVIRONMENT"},
		{"de", "Straße", "STRASSE"},
		{"el", "Περιβάλλον", "ΠΕΡΙΒΑΛΛΟΝ"},
		{"el", "Μαΐου", "ΜΑΪΟΥ"},                       // a written diaeresis stays
		{"el", "τσάι", "ΤΣΑΪ"},                         // the dropped accent parted the vowels
		{"el", "προϋπόθεση", "ΠΡΟΫΠΟΘΕΣΗ"},             // diaeresis kept, accent dropped
		{"el", "είναι", "ΕΙΝΑΙ"},                       // a diphthong: no diaeresis
		{"el", "ἄνθρωπος ᾠδή", "ΑΝΘΡΩΠΟΣ ΩΔΗ"},         // polytonic: breathings, accents, subscript
		{"en", "Κοινωνία section", "ΚΟΙΝΩΝΙΑ SECTION"}, // Greek letters whatever the tag
		{"tr", "İstanbul’da iş", "İSTANBUL’DA İŞ"},
		{"en", "istanbul", "ISTANBUL"},
		{"vi", "Thời sự", "THỜI SỰ"},
		{"ru", "Политика", "ПОЛИТИКА"},
	} {
		if got := Upper(tt.in, tt.tag); got != tt.want {
			t.Errorf("Upper(%q, %q) = %q, want %q", tt.in, tt.tag, got, tt.want)
		}
	}
}
