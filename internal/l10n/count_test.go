package l10n

import "testing"

func TestCount(t *testing.T) {
	en := Count("article", "articles")
	ru := SlavicCount("статья", "статьи", "статей")
	tests := []struct {
		got, want string
	}{
		{en(1), "1 article"}, {en(0), "0 articles"}, {en(4), "4 articles"},
		{ru(1), "1 статья"}, {ru(21), "21 статья"}, {ru(11), "11 статей"},
		{ru(3), "3 статьи"}, {ru(22), "22 статьи"}, {ru(12), "12 статей"},
		{ru(5), "5 статей"}, {ru(111), "111 статей"}, {ru(101), "101 статья"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
