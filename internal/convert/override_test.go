package convert

import (
	"reflect"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
)

// TestOverrideApply checks that blank override values (empty or only white
// space) count as not given: they never replace what the reader found, and
// blank authors are dropped from the list.
func TestOverrideApply(t *testing.T) {
	found := article.Meta{
		Title: "Found", Subtitle: "Sub", Authors: []string{"Reader Author"}, Section: "News",
		Language: "en", SourceURL: "https://example.org/a", Rights: "CC0",
		Date: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC),
	}
	tests := []struct {
		name string
		o    Override
		want func(m *article.Meta)
	}{
		{"zero", Override{}, func(*article.Meta) {}},
		{"blank authors dropped", Override{Authors: []string{"Ann", "", " "}},
			func(m *article.Meta) { m.Authors = []string{"Ann"} }},
		{"authors trimmed", Override{Authors: []string{"\tAnn  ", "\u00a0", "Bob\n"}},
			func(m *article.Meta) { m.Authors = []string{"Ann", "Bob"} }},
		{"only blank authors: not given", Override{Authors: []string{"", "  ", "\t"}},
			func(*article.Meta) {}},
		{"blank texts: not given", Override{Title: "   ", Subtitle: "\t", Section: " ", Language: " ",
			SourceURL: " ", Rights: "\u00a0"}, func(*article.Meta) {}},
		{"texts trimmed", Override{Title: "  New Title ", Rights: " CC BY 4.0"},
			func(m *article.Meta) { m.Title, m.Rights = "New Title", "CC BY 4.0" }},
		{"all given", Override{Title: "T", Subtitle: "S", Section: "X", Language: "de", SourceURL: "https://x.org/",
			Rights: "R", Authors: []string{"A", "B"}, Date: time.Date(2020, 5, 6, 0, 0, 0, 0, time.UTC)},
			func(m *article.Meta) {
				*m = article.Meta{Title: "T", Subtitle: "S", Section: "X", Language: "de", SourceURL: "https://x.org/",
					Rights: "R", Authors: []string{"A", "B"}, Date: time.Date(2020, 5, 6, 0, 0, 0, 0, time.UTC)}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := found
			got.Authors = append([]string(nil), found.Authors...)
			want := got
			want.Authors = append([]string(nil), found.Authors...)
			tt.want(&want)
			tt.o.apply(&got)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("apply(%+v):\n got %+v\nwant %+v", tt.o, got, want)
			}
		})
	}
}

// TestOverrideApplyDoesNotAlias checks that the override's author list is
// copied, not shared with the article.
func TestOverrideApplyDoesNotAlias(t *testing.T) {
	o := Override{Authors: []string{"Ann", "Bob"}}
	var m article.Meta
	o.apply(&m)
	m.Authors[0] = "changed"
	if o.Authors[0] != "Ann" {
		t.Errorf("apply shares the override's authors with the article")
	}
}

// TestReadDropsBlankAuthors reads an article with blank author overrides
// through the whole reading step.
func TestReadDropsBlankAuthors(t *testing.T) {
	in := Input{Name: "a.md", Data: []byte("---\ntitle: T\nauthor: [Zoe, \" \"]\n---\n\nSome words here.\n")}
	tests := []struct {
		name    string
		authors []string
		want    []string
	}{
		{"reader's blank dropped", nil, []string{"Zoe"}},
		{"override's blanks dropped", []string{"Ann", "", " "}, []string{"Ann"}},
		{"only blanks: reader's kept", []string{"", " "}, []string{"Zoe"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Read(in, Options{Override: Override{Authors: tt.authors, Title: "  "}})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a.Meta.Authors, tt.want) || a.Meta.Title != "T" {
				t.Errorf("title %q, authors %q; want T, %q", a.Meta.Title, a.Meta.Authors, tt.want)
			}
		})
	}
}
