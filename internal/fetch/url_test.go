package fetch

import "testing"

func TestIsURL(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"https://example.com/2024/05/article.html", true},
		{"http://example.com", true},
		{"HTTPS://EXAMPLE.COM/A", true},
		{"hTtP://example.com:8080/a?b=c#d", true},
		{"http://127.0.0.1:8080/", true},
		{"http://[::1]/", true},
		{"https://user:pass@example.com/", true},
		{"https://пример.рф/статья", true},
		{"", false},
		{"example.com/article", false},
		{"www.example.com", false},
		{"article.html", false},
		{"./article.md", false},
		{"/home/me/article.md", false},
		{`C:\Users\me\article.html`, false},
		{"c:/Users/me/article.html", false},
		{"-", false},
		{"ftp://example.com/a", false},
		{"file:///etc/passwd", false},
		{"data:text/html,hi", false},
		{"mailto:me@example.com", false},
		{"https://", false},
		{"http:///path", false},
		{"http://:80/", false},
		{"https:example.com", false},
		{" https://example.com", false},
		{"http://exa mple.com/", false},
		{"http://[::1/", false},
	}
	for _, tt := range tests {
		if got := IsURL(tt.s); got != tt.want {
			t.Errorf("IsURL(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0 bytes", 1000: "1000 bytes", 1024: "1 KiB", 1536: "1536 bytes",
		64 << 20: "64 MiB", 20 << 20: "20 MiB", 3 << 10: "3 KiB",
	} {
		if got := size(n); got != want {
			t.Errorf("size(%d) = %q, want %q", n, got, want)
		}
	}
}
