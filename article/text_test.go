package article

import (
	"strings"
	"testing"
)

func TestHasText(t *testing.T) {
	for _, c := range []struct {
		name   string
		blocks []Block
		want   bool
	}{
		{"none", nil, false},
		{"blank paragraph", []Block{&Paragraph{Inlines: Plain(" \n\t")}}, false},
		{"rule only", []Block{&Rule{}}, false},
		{"after blanks", []Block{&Rule{}, &Paragraph{Inlines: Plain(" ")}, &Heading{Level: 2, Inlines: Plain("Word")}}, true},
		{"in a quote", []Block{&Quote{Blocks: []Block{&Paragraph{Inlines: Plain("quoted")}}}}, true},
	} {
		a := &Article{Blocks: c.blocks}
		if got := a.HasText(); got != c.want {
			t.Errorf("%s: HasText = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestWordCount(t *testing.T) {
	a := &Article{
		Blocks: []Block{
			&Heading{Level: 2, Inlines: Plain("Two words")},
			&Paragraph{Inlines: []Inline{&Text{Text: "one  two\tthree"}, &Strong{Inlines: Plain(" four")}, &NoteRef{ID: "n"}}},
			&Quote{Blocks: []Block{&Paragraph{Inlines: Plain("quoted words")}}, Attribution: Plain("— Someone")},
			&List{Items: []ListItem{{Blocks: []Block{&Paragraph{Inlines: Plain("item")}}}, {Blocks: []Block{&Paragraph{Inlines: Plain("   ")}}}}},
			&Rule{},
		},
		Notes: []Note{{ID: "n", Blocks: []Block{&Paragraph{Inlines: Plain("a note")}}}},
	}
	// 2 + 4 + 2 + 2 + 1 + 2
	if got := a.WordCount(); got != 13 {
		t.Errorf("WordCount = %d, want 13", got)
	}
	if got := (&Article{}).WordCount(); got != 0 {
		t.Errorf("empty article: WordCount = %d", got)
	}
}

// TestWordCountLength: a run of characters longer than any word, and text
// written without spaces, count by their length, so --max-words bounds what
// the layout costs whatever the spacing.
func TestWordCountLength(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       int
	}{
		{"word", "Fernwärmeversorgungsunternehmen", 1},
		{"40 letters", strings.Repeat("a", MaxWordRunes), 1},
		{"41 letters", strings.Repeat("a", MaxWordRunes+1), 2},
		{"a long word", strings.Repeat("abcdefghij", 100_000), 1_000_000 / MaxWordRunes},
		{"Cyrillic", strings.Repeat("ж", 3*MaxWordRunes), 3},
		{"Chinese", "猕猴桃直播带货", 7},
		{"Japanese", "観光列車が走る", 7},
		{"mixed", "2026年9月18日 NakhlaTech", 7},
		{"Korean words", "지방자치단체 전통 시장", 3},
	} {
		a := &Article{Blocks: []Block{&Paragraph{Inlines: Plain(tt.text)}}}
		if got := a.WordCount(); got != tt.want {
			t.Errorf("%s: WordCount = %d, want %d", tt.name, got, tt.want)
		}
	}
}
