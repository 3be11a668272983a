package l10n

import (
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	d := time.Date(2026, time.March, 14, 23, 0, 0, 0, time.UTC)
	for tag, want := range map[string]string{
		"en": "14 March 2026", "en-GB": "14 March 2026", "": "14 March 2026", "zz": "14 March 2026",
		"ru": "14 марта 2026", "RU-ru": "14 марта 2026", "uk": "14 березня 2026",
		"de": "14. März 2026", "fr": "14 mars 2026", "es": "14 de marzo de 2026",
		"it": "14 marzo 2026", "pt_BR": "14 de março de 2026",
	} {
		if got := Date(d, tag); got != want {
			t.Errorf("Date(%q) = %q, want %q", tag, got, want)
		}
	}
}

func TestPrimary(t *testing.T) {
	for tag, want := range map[string]string{"en": "en", "en-GB": "en", " pt_BR ": "pt", "": "", "zh-Hant-TW": "zh"} {
		if got := Primary(tag); got != want {
			t.Errorf("Primary(%q) = %q, want %q", tag, got, want)
		}
	}
}
