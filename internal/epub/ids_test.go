package epub

import (
	"testing"
	"time"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/l10n"
)

func TestHeadingID(t *testing.T) {
	for in, want := range map[string]string{
		"How it works": "how-it-works",
		"Как устроена ночная смена": "kak-ustroena-nochnaia-smena",
		"2026: a year": "h-2026-a-year",
		"📚":            "section",
		"Notes":        "h-notes",
		"FN: first":    "h-fn-first",
		"A very long heading indeed that goes on and on and on well beyond any sensible length": "a-very-long-heading-indeed-that-goes-on-and-on",
	} {
		if got := headingID(in); got != want {
			t.Errorf("headingID(%q) = %q, want %q", in, got, want)
		}
	}
	if got := unicodeSlug("Как устроена, ночная смена!"); got != "как-устроена-ночная-смена" {
		t.Errorf("unicodeSlug: %q", got)
	}
}

func TestNoteIDs(t *testing.T) {
	var ids idSet
	ids.take("notes")
	got := noteIDs([]article.Note{{ID: "1"}, {ID: "a b"}, {ID: "x"}, {ID: "3"}}, &ids)
	want := map[string]string{"1": "fn-1", "a b": "fn-2", "x": "fn-x", "3": "fn-3"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("note %q: id %q, want %q", k, got[k], v)
		}
	}
	// A number that another note already took as its own identifier.
	ids = idSet{}
	got = noteIDs([]article.Note{{ID: "2"}, {ID: "?"}}, &ids)
	if got["2"] != "fn-2" || got["?"] != "fn-2-2" {
		t.Errorf("ids %v", got)
	}
	if refID("fn-x", 1) != "fnref-x" || refID("fn-x", 3) != "fnref-x.3" {
		t.Error("refID")
	}
}

func TestLabels(t *testing.T) {
	d := time.Date(2026, 3, 14, 23, 0, 0, 0, time.UTC)
	for lang, want := range map[string]string{
		"en": "14 March 2026", "en-GB": "14 March 2026", "ru": "14 марта 2026\u202fг.", "de": "14. März 2026",
		"fr": "14 mars 2026", "es": "14 de marzo de 2026", "uk": "14 березня 2026\u202fр.", "ja": "14 March 2026",
	} {
		if got := labelsFor(lang).formatDate(d); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	if labelsFor("RU").contents != "Содержание" || labelsFor("zz").contents != "Contents" {
		t.Error("contents label")
	}
	for _, lang := range l10n.Languages() {
		if l := labelsFor(lang); l.lang != lang || l.contents == "" || l.notes == "" || l.about == "" {
			t.Errorf("label table %s is incomplete", lang)
		}
	}
	en := labelsFor("en")
	if en.list([]string{"A"}) != "A" || en.list([]string{"A", "B", "C"}) != "A, B and C" {
		t.Error("list")
	}
	if direction("he") != "rtl" || direction("ar-EG") != "rtl" || direction("az-Arab") != "rtl" || direction("en") != "ltr" {
		t.Error("direction")
	}
	if fileAs("Наталья Маркова") != "Маркова, Наталья" || fileAs("Madonna") != "Madonna" || fileAs("Doe, Jane") != "Doe, Jane" {
		t.Error("fileAs")
	}
}
