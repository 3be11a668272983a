package article

import (
	"errors"
	"testing"
)

func TestCollectionValidate(t *testing.T) {
	good := &Article{Meta: Meta{Title: "A"}, Blocks: []Block{&Paragraph{Inlines: Plain("text")}}}
	bad := &Article{Meta: Meta{Title: "B"}}
	tests := []struct {
		name string
		c    *Collection
		want error
	}{
		{"ok", &Collection{Meta: Meta{Title: "Week 12"}, Articles: []*Article{good}}, nil},
		{"no title", &Collection{Articles: []*Article{good}}, ErrNoTitle},
		{"empty", &Collection{Meta: Meta{Title: "Week 12"}}, ErrEmptyCollection},
		{"bad article", &Collection{Meta: Meta{Title: "Week 12"}, Articles: []*Article{good, bad}}, ErrNoBody},
	}
	for _, tt := range tests {
		err := tt.c.Validate()
		if (tt.want == nil) != (err == nil) || tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("%s: Validate() = %v, want %v", tt.name, err, tt.want)
		}
	}
	if s := Single(good); !s.IsSingle() || s.Meta.Title != "A" {
		t.Errorf("Single: %+v", s)
	}
	if c := (&Collection{Meta: Meta{Title: "Week 12"}, Articles: []*Article{good}}); c.IsSingle() {
		t.Error("a titled bundle of one article is not single")
	}
}

func TestHasNoteRef(t *testing.T) {
	deep := []Inline{&Text{Text: "a"}, &Emphasis{Inlines: []Inline{&Link{Inlines: []Inline{&NoteRef{ID: "1"}}}}}}
	if !HasNoteRef(deep) {
		t.Error("nested note reference not found")
	}
	if HasNoteRef([]Inline{&Text{Text: "a"}, &Strong{Inlines: Plain("b")}, &Code{Text: "[^1]"}}) {
		t.Error("note reference found where there is none")
	}
}
