package reader

import (
	"errors"
	"strings"
	"testing"
)

// TestTooComplex reads an input of many empty blocks in each format: Read
// refuses it with ErrTooComplex, and passes MaxBlocks and MaxNodes on to
// every reader.
func TestTooComplex(t *testing.T) {
	tests := []struct {
		name, data string
		opt        Options
	}{
		{"a.md", "# T\n\n" + strings.Repeat("-\n", DefaultMaxBlocks+1), Options{}},
		{"a.md", "# T\n\n" + strings.Repeat("-\n", 11), Options{MaxBlocks: 10}},
		{"a.md", "# T\n\n" + strings.Repeat("a\n", 11), Options{MaxNodes: 10}},
		{"a.txt", "Title\n\n" + strings.Repeat("a\n\n", DefaultMaxBlocks+1), Options{}},
		{"a.txt", "Title\n\n" + strings.Repeat("a\n\n", 11), Options{MaxBlocks: 10}},
		{"a.txt", "Title\n\n" + strings.Repeat("a\n", 11), Options{MaxNodes: 10}},
		{"a.html", "<p>Text</p>" + strings.Repeat("<i></i>", DefaultMaxNodes), Options{}},
		{"a.html", strings.Repeat("<p>Some text.</p>", 11), Options{MaxBlocks: 10}},
		{"a.html", strings.Repeat("<p>Some text.</p>", 11), Options{MaxNodes: 10}},
	}
	for _, tt := range tests {
		_, err := Read(tt.name, []byte(tt.data), tt.opt)
		if !errors.Is(err, ErrTooComplex) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s (%d bytes, %+v): err = %v, want ErrTooComplex", tt.name, len(tt.data), tt.opt, err)
		}
	}
	for _, name := range []string{"a.md", "a.txt", "a.html"} {
		data := "<p>Title</p>\n\n" + strings.Repeat("<p>Some text.</p>\n\n", 11)
		if name == "a.md" {
			data = "# Title\n\n" + strings.Repeat("Some text.\n\n", 11)
		}
		if _, err := Read(name, []byte(data), Options{MaxBlocks: -1, MaxNodes: -1}); err != nil {
			t.Errorf("%s without limits: %v", name, err)
		}
	}
}
