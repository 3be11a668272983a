package article

import (
	"reflect"
	"testing"
)

func TestCleanNames(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{nil, nil},
		{[]string{"Ann"}, []string{"Ann"}},
		{[]string{"Ann", "", " "}, []string{"Ann"}},
		{[]string{" Ann ", "\tBob\n", "\u00a0"}, []string{"Ann", "Bob"}},
		{[]string{"", " ", "\u202f"}, nil},
		{[]string{"Ann Lee", "Bob"}, []string{"Ann Lee", "Bob"}},
	}
	for _, tt := range tests {
		if got := CleanNames(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("CleanNames(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// A clean list is returned as it is, and a list to clean is not changed.
	in := []string{"Ann", "Bob"}
	if got := CleanNames(in); &got[0] != &in[0] {
		t.Error("a clean list was copied")
	}
	dirty := []string{" ", "Ann"}
	CleanNames(dirty)
	if dirty[0] != " " || dirty[1] != "Ann" {
		t.Errorf("CleanNames changed its argument: %q", dirty)
	}
}

// TestValidateTidiesAuthors checks that no validated article or collection,
// whatever its reader gave, has a blank author, and that Single's
// collection has none even before validation.
func TestValidateTidiesAuthors(t *testing.T) {
	newArticle := func(authors ...string) *Article {
		return &Article{
			Meta:   Meta{Title: "T", Authors: authors},
			Blocks: []Block{&Paragraph{Inlines: []Inline{&Text{Text: "Words."}}}},
		}
	}
	a := newArticle("Ann", "", " ", " Bob ")
	c := Single(a)
	if want := []string{"Ann", "Bob"}; !reflect.DeepEqual(c.Meta.Authors, want) {
		t.Errorf("Single: authors %q, want %q", c.Meta.Authors, want)
	}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	if want := []string{"Ann", "Bob"}; !reflect.DeepEqual(a.Meta.Authors, want) {
		t.Errorf("Validate: authors %q, want %q", a.Meta.Authors, want)
	}
	blank := newArticle("", "\t")
	if err := blank.Validate(); err != nil || blank.Meta.Authors != nil {
		t.Errorf("Validate: authors %q, %v; want none", blank.Meta.Authors, err)
	}
	col := &Collection{Meta: Meta{Title: "C", Authors: []string{" ", "Ed"}}, Articles: []*Article{newArticle("x", "")}}
	if err := col.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := [][]string{col.Meta.Authors, col.Articles[0].Meta.Authors}; !reflect.DeepEqual(got, [][]string{{"Ed"}, {"x"}}) {
		t.Errorf("Collection.Validate: authors %q", got)
	}
}
