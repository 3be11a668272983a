package convert

import (
	"errors"
	"strings"
	"testing"
)

// TestWordLimitLength: the word limit counts a run of characters by its
// length and unspaced Chinese or Japanese by its characters, so one word of
// megabytes, or a page of text without spaces, cannot slip under
// --max-words with one "word" and take gigabytes to set.
func TestWordLimitLength(t *testing.T) {
	const max = 10_000
	for _, tt := range []struct {
		name, body string
		refused    bool
	}{
		{"prose under the limit", strings.Repeat("word ", max-100), false},
		{"one long word", "A " + strings.Repeat("abcdefghij", max*5) + " b", true},
		{"a long word under the limit", "A " + strings.Repeat("abcdefghij", max) + " b", false},
		{"Chinese without spaces", strings.Repeat("猕猴桃直播带货", max/5), true},
		{"Cyrillic word", strings.Repeat("ж", 50*max), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Name: "t.txt", Data: []byte("Title\n\n" + tt.body + "\n")}
			_, err := Read(in, Options{MaxWords: max, NoSmart: true})
			if tt.refused != errors.Is(err, ErrTooLong) {
				t.Errorf("refused = %v (%v), want %v", errors.Is(err, ErrTooLong), err, tt.refused)
			}
			if !tt.refused && err != nil {
				t.Fatal(err)
			}
		})
	}
}
