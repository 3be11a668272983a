package article

import "testing"

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
