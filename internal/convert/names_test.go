package convert

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// TestNamesClaimOrder: whatever order the turns arrive in, each claims in
// turn order, so the names depend on the input order alone; released turns
// claim nothing.
func TestNamesClaimOrder(t *testing.T) {
	tests := []struct {
		name  string
		bases []string // "" releases the turn
		want  []string
	}{
		{"same", []string{"t", "t", "t"}, []string{"t", "t-2", "t-3"}},
		{"mixed", []string{"a", "b", "a", "b", "a"}, []string{"a", "b", "a-2", "b-2", "a-3"}},
		{"failures", []string{"", "t", "", "t"}, []string{"", "t", "", "t-2"}},
		{"suffix taken", []string{"t-2", "t", "t"}, []string{"t-2", "t", "t-3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var first []string
			// Arrival orders: forwards, backwards, and interleaved.
			for _, order := range [][]int{ascending(len(tt.bases)), descending(len(tt.bases)), interleaved(len(tt.bases))} {
				n := NewNames()
				got := make([]string, len(tt.bases))
				var wg sync.WaitGroup
				for k, turn := range order {
					wg.Add(1)
					go func() {
						defer wg.Done()
						time.Sleep(time.Duration(k) * time.Millisecond) // arrive in this order
						if tt.bases[turn] == "" {
							n.Release(turn)
							return
						}
						s, err := n.claim(context.Background(), turn, tt.bases[turn])
						if err != nil {
							t.Error(err)
						}
						got[turn] = s
					}()
				}
				wg.Wait()
				if !slices.Equal(got, tt.want) {
					t.Errorf("order %v: names %q, want %q", order, got, tt.want)
				}
				if first == nil {
					first = got
				}
			}
		})
	}
}

func ascending(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

func descending(n int) []int {
	s := ascending(n)
	slices.Reverse(s)
	return s
}

func interleaved(n int) []int {
	var s []int
	for i := 1; i < n; i += 2 {
		s = append(s, i)
	}
	for i := 0; i < n; i += 2 {
		s = append(s, i)
	}
	return s
}

// TestNamesClaimCancelled: a turn waiting for an earlier one that never
// ends gives up when its context is done, and releases itself.
func TestNamesClaimCancelled(t *testing.T) {
	n := NewNames()
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := n.claim(ctx, 1, "t")
		errc <- err
	}()
	cancel()
	select {
	case err := <-errc:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err %v, want context.Canceled", err)
		}
	case <-time.After(20 * time.Second): // hang detector
		t.Fatal("claim did not return after cancellation")
	}
	// Turn 1 was released: turn 2 claims as soon as turn 0 ends.
	n.Release(0)
	if s, err := n.claim(context.Background(), 2, "t"); err != nil || s != "t" {
		t.Fatalf("turn 2: %q, %v", s, err)
	}
}

// sameTitle returns n inputs titled title whose bodies say which they are.
func sameTitle(title string, n int) []Input {
	var ins []Input
	for i := range n {
		ins = append(ins, Input{
			Name: fmt.Sprintf("a%d.txt", i),
			Data: fmt.Appendf(nil, "%s\n\nBody of input number %d, which says so plainly.\n\nA second paragraph for input %d.\n", title, i, i),
		})
	}
	return ins
}

// convertRun converts ins as offprint's command line does: in parallel,
// with one Names registry, turn i for input i. It returns the outputs in
// dir and each input's error.
func convertRun(t *testing.T, dir string, ins []Input, force bool) (map[string][]byte, []error) {
	t.Helper()
	names := NewNames()
	errs := make([]error, len(ins))
	var wg sync.WaitGroup
	for i := len(ins) - 1; i >= 0; i-- { // the last input first
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = Convert(ins[i], Options{OutDir: dir, Force: force, Names: names, Turn: i, NoCover: true})
		}()
	}
	wg.Wait()
	files := map[string][]byte{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		files[e.Name()], _ = os.ReadFile(filepath.Join(dir, e.Name()))
	}
	return files, errs
}

// TestConvertSameNames: inputs whose titles slug alike get distinct files
// in input order, with and without --force, on every run the same; the
// EPUB and the PDF of one name come from the same input; --force replaces
// only what was there before the run.
func TestConvertSameNames(t *testing.T) {
	tests := []struct {
		name   string
		titles []string
		want   []string // stems, in input order
	}{
		{"same title", []string{"Same Title", "Same Title", "Same Title"}, []string{"same-title", "same-title-2", "same-title-3"}},
		{"emoji and punctuation", []string{"😚😚", "!!!", "…"}, []string{"article", "article-2", "article-3"}},
		{"slug alike", []string{"Same, Title!", "same title", "SAME TITLE?"}, []string{"same-title", "same-title-2", "same-title-3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ins []Input
			for i, title := range tt.titles {
				ins = append(ins, sameTitle(title, len(tt.titles))[i])
			}
			var want []string
			for _, s := range tt.want {
				want = append(want, s+".epub", s+".pdf")
			}
			slices.Sort(want)
			// Each input converted alone: what its files must hold.
			refs := make([]map[string][]byte, len(ins))
			for i, in := range ins {
				res, err := Convert(in, Options{OutDir: t.TempDir(), NoCover: true})
				if err != nil {
					t.Fatal(err)
				}
				refs[i] = map[string][]byte{}
				for _, p := range res.Paths {
					refs[i][filepath.Ext(p)], _ = os.ReadFile(p)
				}
			}
			var first map[string][]byte
			for run := 0; run < 3; run++ {
				for _, force := range []bool{false, true} {
					dir := t.TempDir()
					files, errs := convertRun(t, dir, ins, force)
					for i, err := range errs {
						if err != nil {
							t.Fatalf("force=%v: input %d: %v", force, i, err)
						}
					}
					if got := sortedKeys(files); !slices.Equal(got, want) {
						t.Fatalf("force=%v: files %v, want %v", force, got, want)
					}
					for i, s := range tt.want {
						for _, ext := range []string{".epub", ".pdf"} {
							if !bytes.Equal(files[s+ext], refs[i][ext]) {
								t.Errorf("force=%v: %s%s is not input %d's", force, s, ext, i)
							}
						}
					}
					if first == nil {
						first = files
					} else {
						for name, data := range first {
							if !bytes.Equal(data, files[name]) {
								t.Errorf("run %d force=%v: %s differs from the first run", run, force, name)
							}
						}
					}
				}
			}
		})
	}
}

// TestForceReplacesOnlyWhatWasThere: without --force a name taken before
// the run fails (that input alone, not its namesakes); with --force the
// old file is replaced, and the run's namesakes still get their own names.
func TestForceReplacesOnlyWhatWasThere(t *testing.T) {
	for _, force := range []bool{false, true} {
		t.Run(fmt.Sprintf("force=%v", force), func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "same-title.epub"), []byte("old"), 0o644)
			files, errs := convertRun(t, dir, sameTitle("Same Title", 3), force)
			if force {
				if errs[0] != nil || string(files["same-title.epub"]) == "old" {
					t.Errorf("input 0: %v; old file kept: %v", errs[0], string(files["same-title.epub"]) == "old")
				}
			} else if !errors.Is(errs[0], ErrExists) || string(files["same-title.epub"]) != "old" {
				t.Errorf("input 0: %v, want ErrExists and the old file kept", errs[0])
			}
			for i := 1; i < 3; i++ {
				if errs[i] != nil {
					t.Errorf("input %d: %v", i, errs[i])
				}
			}
			for _, name := range []string{"same-title-2.epub", "same-title-2.pdf", "same-title-3.epub", "same-title-3.pdf"} {
				if files[name] == nil {
					t.Errorf("%s missing", name)
				}
			}
		})
	}
}

func sortedKeys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
