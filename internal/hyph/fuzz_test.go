package hyph

import (
	"bytes"
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzPoints checks that Points never panics and returns increasing offsets
// at rune boundaries strictly inside the word, and that Hyphenate only adds
// separators.
func FuzzPoints(f *testing.F) {
	for _, s := range []string{"hyphenation", "Новосибирске", "don't", "naïveté", "ﬁnancial", "a-b-c", "İstanbul", "\xff\xfe",
		"Jugoslavija-Југославија", "asszony", "εγκατάσταση", "Fernwärmeversorgungsunternehmen"} {
		f.Add(s)
	}
	var hs []*Hyphenator
	for _, tag := range []string{"en", "ru", "sr", "hu", "el", "de"} {
		h, _ := ForLanguage(tag)
		hs = append(hs, h)
	}
	hs = append(hs, hs[0].WithMinimums(1, 1), hs[2].WithMinimums(1, 1))
	f.Fuzz(func(t *testing.T, word string) {
		for _, h := range hs {
			pts := h.Points(word)
			last := 0
			for _, p := range pts {
				if p <= last || p >= len(word) || !utf8.RuneStart(word[p]) {
					t.Fatalf("Points(%q) = %v: bad offset %d", word, pts, p)
				}
				last = p
			}
			if got := h.Hyphenate(word, ""); got != word {
				t.Fatalf("Hyphenate(%q, \"\") = %q", word, got)
			}
		}
	})
}

// FuzzUnmarshal checks that decoding trie data never panics, and that a
// Hyphenator decoded from any data that passes finds points inside the
// word without panicking. The data is sealed with its checksum, so that
// the fuzzer gets past it.
func FuzzUnmarshal(f *testing.F) {
	for _, name := range []string{"Liang", "merged and dense", "exceptions", "wide alphabet"} {
		h, err := New([]byte(smallSets[name]))
		if err != nil {
			f.Fatal(err)
		}
		data, err := marshal(h, "")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data[:len(data)-4], "hyphenation")
	}
	f.Fuzz(func(t *testing.T, body []byte, word string) {
		if _, err := unmarshal(body); err == nil {
			return // a checksum of its own: rare
		}
		h, err := unmarshal(seal(bytes.Clone(body)))
		if err != nil {
			if !errors.Is(err, errTrie) {
				t.Fatalf("error %v does not wrap errTrie", err)
			}
			return
		}
		for _, w := range []string{word, "hyphenation", "ab-ab", "ёлка", "tablet"} {
			last := 0
			for _, p := range h.WithMinimums(1, 1).Points(w) {
				if p <= last || p >= len(w) || !utf8.RuneStart(w[p]) {
					t.Fatalf("Points(%q): bad offset %d", w, p)
				}
				last = p
			}
		}
	})
}

// FuzzNew checks that parsing any pattern file never panics, and that a
// Hyphenator parsed from one finds points inside the word.
func FuzzNew(f *testing.F) {
	for _, data := range smallSets {
		f.Add([]byte(data), "hyphenation")
	}
	f.Add([]byte("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n1s\ns1sz/sz=sz,1,3\n9c1k/k=k,1,2\n"), "asszony")
	f.Add([]byte("UTF-8\n1-1\nNEXTLEVEL\na1b\nmil12112211\n\\hyphenation{\nab-ab\n}\n"), "abab")
	f.Fuzz(func(t *testing.T, data []byte, word string) {
		h, err := New(data)
		if err != nil {
			return
		}
		last := 0
		for _, p := range h.WithMinimums(1, 1).Points(word) {
			if p <= last || p >= len(word) || !utf8.RuneStart(word[p]) {
				t.Fatalf("Points(%q): bad offset %d", word, p)
			}
			last = p
		}
	})
}
