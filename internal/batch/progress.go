package batch

import (
	"io"
	"os"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"

	"github.com/offprint/offprint/internal/termsafe"
)

// IsTerminal reports whether w is a terminal a progress bar can be redrawn
// on: an *os.File (or anything with an Fd method) connected to a terminal,
// unless TERM is "dumb".
func IsTerminal(w io.Writer) bool {
	f, ok := w.(interface{ Fd() uintptr })
	if !ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	fd := f.Fd()
	return isatty.IsTerminal(fd) || isatty.IsCygwinTerminal(fd)
}

// refreshEvery is how often the bar is redrawn while nothing finishes, to
// keep its elapsed time current.
const refreshEvery = time.Second

// maxLabel is the most characters of a job's name the bar shows.
const maxLabel = 32

// progress draws the bar: the job the batch is waiting on, how many jobs
// have finished out of how many, and the time elapsed. A nil *progress
// draws nothing. Its methods are called from Run's goroutine only.
type progress struct {
	bar    *progressbar.ProgressBar
	jobs   []Job
	ticker *time.Ticker
	label  int  // index of the job the label names; -1 before the first
	hidden bool // cleared for OnDone and not redrawn since
}

// newProgress returns the bar for jobs, or nil when none is to be drawn.
func newProgress(opt Options, jobs []Job) *progress {
	if opt.Progress == nil || len(jobs) < 2 || !(opt.ForceProgress || IsTerminal(opt.Progress)) {
		return nil
	}
	bar := progressbar.NewOptions(len(jobs),
		progressbar.OptionSetWriter(opt.Progress),
		progressbar.OptionSetTheme(progressbar.ThemeASCII),
		progressbar.OptionSetWidth(20),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(false),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionUseANSICodes(true),
		progressbar.OptionClearOnFinish(),
	)
	return &progress{bar: bar, jobs: jobs, ticker: time.NewTicker(refreshEvery), label: -1, hidden: true}
}

// show names job i as the one being worked on and draws the bar if it is
// not on screen.
func (p *progress) show(i int) {
	if p == nil || (i == p.label && !p.hidden) {
		return
	}
	p.label, p.hidden = i, false
	p.bar.Describe(label(p.jobs[i].Name) + " ")
}

// step counts one more job finished.
func (p *progress) step() {
	if p != nil {
		p.bar.Add(1)
	}
}

// hide clears the bar from the screen until the next show.
func (p *progress) hide() {
	if p != nil && !p.hidden {
		p.bar.Clear()
		p.hidden = true
	}
}

// tick returns the channel that says when to redraw; nil without a bar.
func (p *progress) tick() <-chan time.Time {
	if p == nil {
		return nil
	}
	return p.ticker.C
}

// refresh redraws the bar to update its elapsed time.
func (p *progress) refresh() {
	if p != nil && !p.hidden {
		p.bar.Add(0)
	}
}

// close clears the bar for good.
func (p *progress) close() {
	if p == nil {
		return
	}
	p.ticker.Stop()
	p.bar.Clear()
	p.bar.Exit()
}

// label escapes a job's name for the terminal (see termsafe) and shortens
// it for the bar, keeping its end (the file name).
func label(name string) string {
	name = termsafe.String(name)
	r := []rune(name)
	if len(r) <= maxLabel {
		return name
	}
	return "…" + string(r[len(r)-maxLabel+1:])
}
