package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/mail"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/spf13/pflag"

	offconfig "github.com/offprint/offprint/internal/config"
	"github.com/offprint/offprint/internal/convert"
	"github.com/offprint/offprint/internal/device"
	offmail "github.com/offprint/offprint/internal/mail"
	"github.com/offprint/offprint/internal/termsafe"
)

// delivery is where the outputs go once written: --send-to (e-mail) and
// --to-device / --device (a mounted e-reader). Its flags are defined by
// addDeliveryFlags; check resolves them before any input is read, keep
// collects the outputs as inputs finish, and run delivers them.
type delivery struct {
	sendTo       []string
	smtpInsecure bool
	toDevice     bool
	devicePath   string

	targets []mailTarget
	mailOpt offmail.Options
	// passwordCommand gives the password when OFFPRINT_SMTP_PASSWORD is
	// not set; run at delivery time.
	passwordCommand string
	device          *device.Device

	mu      sync.Mutex
	written map[int]writtenArticle
}

// mailTarget is one --send-to.
type mailTarget struct {
	to      string
	kind    offmail.Kind
	formats []string // nil: every format written
	limits  offmail.Limits
}

// writtenArticle is one input's (or the bundle's) outputs.
type writtenArticle struct {
	title string
	paths []string
}

// mailTLS, when set, is the TLS configuration mail is sent with (tests
// trust their own server's certificate).
var mailTLS *tls.Config

// lookPath and runCommand run password-command; tests replace them.
var runCommand = func(ctx context.Context, command string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", command)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, fmt.Errorf("%w: %s", err, msg)
		}
		return nil, err
	}
	return out, nil
}

// mountRoots lists where --to-device looks for e-readers; tests replace it.
var mountRoots = device.MountRoots

// addDeliveryFlags defines the delivery flags on fs.
func addDeliveryFlags(fs *pflag.FlagSet, d *delivery) {
	fs.StringArrayVar(&d.sendTo, "send-to", nil, "mail the outputs to `ADDRESS` or to a DEVICE named in the config file (repeat for several)")
	fs.BoolVar(&d.smtpInsecure, "smtp-insecure", false, "allow an SMTP server without TLS (a local relay)")
	fs.BoolVar(&d.toDevice, "to-device", false, "copy the outputs onto the e-reader mounted under /media/$USER, /run/media/$USER or /Volumes")
	fs.StringVar(&d.devicePath, "device", "", "copy the outputs onto the e-reader mounted at `PATH`")
}

// check resolves the delivery flags, before any input is read: the
// addresses and devices named, the SMTP server, the device to copy to,
// and the formats that must be written for them (added to the default
// formats when --format was not given). Errors are usage errors.
func (d *delivery) check(cfg *config, formatGiven bool, getenv func(string) string) error {
	o := &cfg.options
	formats := o.Formats
	if len(formats) == 0 {
		formats = slices.Clone(convert.OutputFormats)
	}
	need := func(flag, who string, want []string, best bool) error {
		if len(want) == 0 {
			return nil
		}
		if best && !formatGiven {
			// A device gets the format it reads best.
			if !slices.Contains(formats, want[0]) {
				formats = append(formats, want[0])
			}
			return nil
		}
		for _, f := range want {
			if slices.Contains(formats, f) {
				return nil
			}
		}
		if formatGiven {
			return fmt.Errorf("%s %s: it takes %s, which --format does not include", flag, who, strings.Join(want, " or "))
		}
		for _, f := range want {
			if !slices.Contains(formats, f) {
				formats = append(formats, f)
			}
		}
		return nil
	}
	if len(d.sendTo) > 0 {
		if err := d.checkMail(cfg, getenv, need); err != nil {
			return err
		}
	} else if d.smtpInsecure {
		return errors.New("--smtp-insecure: only with --send-to")
	}
	if d.toDevice || d.devicePath != "" {
		dev, err := findDevice(d.devicePath, getenv)
		if err != nil {
			return err
		}
		d.device = dev
		if dev.Kind == device.Kindle && !dev.KOReader && formatGiven && !slices.Contains(formats, convert.PDF) {
			return fmt.Errorf("--to-device: the %s reads no EPUB copied over USB; add pdf to --format, or mail the EPUB with --send-to", dev.Describe())
		}
		if err := need("--to-device", dev.Describe(), dev.Formats(), true); err != nil {
			return err
		}
	}
	// Keep the written formats in offprint's order: epub, kepub, pdf.
	var ordered []string
	for _, f := range convert.KnownFormats {
		if slices.Contains(formats, f) {
			ordered = append(ordered, f)
		}
	}
	if !formatGiven && (len(d.targets) > 0 || d.device != nil) {
		o.Formats = ordered
	}
	return nil
}

// checkMail resolves --send-to: the config file, each target, the SMTP
// server and the sender.
func (d *delivery) checkMail(cfg *config, getenv func(string) string, need func(flag, who string, want []string, best bool) error) error {
	path, err := offconfig.Path(getenv)
	if err != nil {
		return fmt.Errorf("--send-to: %w", err)
	}
	conf, err := offconfig.Load(path)
	if err != nil {
		return err
	}
	for _, arg := range d.sendTo {
		t, err := resolveTarget(arg, conf)
		if err != nil {
			return err
		}
		if err := need("--send-to", t.to, t.formats, false); err != nil {
			return err
		}
		d.targets = append(d.targets, t)
	}
	raw, from := getenv("OFFPRINT_SMTP_URL"), "OFFPRINT_SMTP_URL"
	if raw == "" {
		raw, from = conf.SMTP.URL, "url in [smtp] of "+path
	}
	if raw == "" {
		return fmt.Errorf("--send-to: no SMTP server: set OFFPRINT_SMTP_URL=smtp://USER@HOST:587 or url in [smtp] of %s", path)
	}
	srv, err := offmail.ParseURL(raw)
	if err != nil {
		return fmt.Errorf("--send-to: %s: %w", from, err)
	}
	srv.Insecure = d.smtpInsecure
	srv.TLSConfig = mailTLS
	srv.Password = getenv("OFFPRINT_SMTP_PASSWORD")
	if srv.Password == "" && srv.Username != "" {
		d.passwordCommand = strings.TrimSpace(conf.SMTP.PasswordCommand)
		if d.passwordCommand == "" {
			return fmt.Errorf("--send-to: no password for %s: set OFFPRINT_SMTP_PASSWORD or password-command in [smtp] of %s", srv.Username, path)
		}
	}
	sender := conf.SMTP.From
	if sender == "" && strings.Contains(srv.Username, "@") {
		sender = srv.Username
	}
	if sender == "" {
		return fmt.Errorf("--send-to: no sender address: set from in [smtp] of %s", path)
	}
	a, err := mail.ParseAddress(sender)
	if err != nil {
		return fmt.Errorf("--send-to: from %q in %s: not an e-mail address", sender, path)
	}
	d.mailOpt = offmail.Options{Server: srv, From: a.Address, Date: cfg.options.Date, Version: versionString()}
	return nil
}

// resolveTarget turns one --send-to argument into a target: an address, or
// the name of a [devices.NAME] table.
func resolveTarget(arg string, conf *offconfig.Config) (mailTarget, error) {
	var t mailTarget
	if strings.Contains(arg, "@") {
		addr, err := plainAddress(arg)
		if err != nil {
			return t, fmt.Errorf("--send-to %q: %w", arg, err)
		}
		t.to, t.kind = addr, offmail.KindOf(addr)
		t.formats, t.limits = t.kind.Formats(), t.kind.Limits()
		return t, nil
	}
	dev, ok := conf.Devices[arg]
	if !ok {
		var names []string
		for n := range conf.Devices {
			names = append(names, n)
		}
		sort.Strings(names)
		where := conf.Path
		if where == "" {
			where = "the config file"
		}
		known := "none"
		if len(names) > 0 {
			known = strings.Join(names, ", ")
		}
		return t, fmt.Errorf("--send-to %q: not an address, and no [devices.%s] in %s (devices: %s)", arg, arg, where, known)
	}
	where := fmt.Sprintf("devices.%s in %s", arg, conf.Path)
	addr, err := plainAddress(dev.Address)
	if err != nil {
		return t, fmt.Errorf("--send-to %s: address %q of %s: %w", arg, dev.Address, where, err)
	}
	t.to = addr
	switch {
	case dev.Kind != "":
		if t.kind, err = offmail.ParseKind(dev.Kind); err != nil {
			return t, fmt.Errorf("--send-to %s: %s: %w", arg, where, err)
		}
	case offmail.KindOf(addr) != offmail.Other:
		t.kind = offmail.KindOf(addr)
	default:
		t.kind = offmail.Other
		for _, k := range offmail.Kinds {
			if strings.HasPrefix(strings.ToLower(arg), string(k)) {
				t.kind = k
			}
		}
	}
	t.formats, t.limits = t.kind.Formats(), t.kind.Limits()
	if len(dev.Formats) > 0 {
		t.formats = nil
		for _, f := range dev.Formats {
			f = strings.ToLower(strings.TrimSpace(f))
			if !slices.Contains(convert.KnownFormats, f) {
				return t, fmt.Errorf("--send-to %s: format %q of %s: want epub, kepub or pdf", arg, f, where)
			}
			t.formats = append(t.formats, f)
		}
	}
	if t.kind == offmail.Kindle && slices.Contains(t.formats, convert.KEPUB) {
		return t, fmt.Errorf("--send-to %s: %s: Send to Kindle rejects KEPUB; send epub", arg, where)
	}
	if dev.MaxMessageMB > 0 {
		t.limits.MaxMessageBytes = int64(dev.MaxMessageMB * 1e6)
	}
	if dev.MaxAttachments > 0 {
		t.limits.MaxAttachments = dev.MaxAttachments
	}
	return t, nil
}

// plainAddress checks an e-mail address and returns it bare.
func plainAddress(s string) (string, error) {
	a, err := mail.ParseAddress(s)
	if err != nil || strings.ContainsAny(a.Address, " \t\r\n<>") {
		return "", errors.New("not an e-mail address")
	}
	return a.Address, nil
}

// findDevice returns the e-reader at path, or the one mounted when path
// is "".
func findDevice(path string, getenv func(string) string) (*device.Device, error) {
	if path != "" {
		dev, err := device.Detect(path)
		if err != nil {
			return nil, fmt.Errorf("--device: %w", err)
		}
		return dev, nil
	}
	roots := mountRoots(getenv)
	devs, _ := device.Find(roots)
	switch len(devs) {
	case 0:
		return nil, fmt.Errorf("--to-device: no e-reader found under %s; connect one, or name it with --device PATH", strings.Join(roots, ", "))
	case 1:
		return devs[0], nil
	}
	var found []string
	for _, d := range devs {
		found = append(found, d.Describe())
	}
	return nil, fmt.Errorf("--to-device: several e-readers are connected (%s); name one with --device PATH", strings.Join(found, "; "))
}

// active tells whether anything is to be delivered.
func (d *delivery) active() bool {
	return len(d.targets) > 0 || d.device != nil
}

// keep records the outputs of turn, the article titled title.
func (d *delivery) keep(turn int, title string, paths []string) {
	if !d.active() {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.written == nil {
		d.written = map[int]writtenArticle{}
	}
	d.written[turn] = writtenArticle{title: title, paths: paths}
}

// articles returns what was written, in input order.
func (d *delivery) articles() []writtenArticle {
	d.mu.Lock()
	defer d.mu.Unlock()
	turns := make([]int, 0, len(d.written))
	for t := range d.written {
		turns = append(turns, t)
	}
	sort.Ints(turns)
	out := make([]writtenArticle, len(turns))
	for i, t := range turns {
		out[i] = d.written[t]
	}
	return out
}

// formatOf is the output format of a path written.
func formatOf(path string) string {
	for _, f := range convert.KnownFormats {
		if strings.HasSuffix(path, convert.Extension(f)) && (f != convert.EPUB || !strings.HasSuffix(path, convert.Extension(convert.KEPUB))) {
			return f
		}
	}
	return ""
}

// run delivers what was written and returns the run's exit status: code,
// or 1 when a delivery failed (each failure one line on stderr; the files
// stay written).
func (d *delivery) run(ctx context.Context, cfg *config, e env, code int) int {
	if !d.active() || ctx.Err() != nil {
		return code
	}
	arts := d.articles()
	if len(arts) == 0 {
		return code
	}
	failed := false
	report := func(flag string, err error) {
		failed = true
		fmt.Fprintf(e.stderr, "offprint: %s: %s\n", flag, oneLine(err.Error()))
	}
	if d.device != nil {
		for _, a := range arts {
			var formats []string
			for _, p := range a.paths {
				formats = append(formats, formatOf(p))
			}
			f, err := d.device.Choose(formats)
			if err != nil {
				report("--to-device", fmt.Errorf("%s: %w", termsafe.String(a.title), err))
				continue
			}
			src := a.paths[slices.Index(formats, f)]
			dest, err := d.device.Copy(src, device.CopyOptions{Force: cfg.options.Force})
			if err != nil {
				report("--to-device", err)
				continue
			}
			if !cfg.quiet {
				fmt.Fprintln(e.stdout, termsafe.String(dest))
			}
		}
	}
	if len(d.targets) > 0 {
		if d.mailOpt.Server.Password == "" && d.passwordCommand != "" {
			pw, err := password(ctx, d.passwordCommand)
			if err != nil {
				report("--send-to", err)
				return exitInput
			}
			d.mailOpt.Server.Password = pw
		}
		for _, t := range d.targets {
			var files []offmail.File
			for _, a := range arts {
				for _, p := range a.paths {
					if t.formats == nil || slices.Contains(t.formats, formatOf(p)) {
						files = append(files, offmail.File{Path: p, Title: a.title})
					}
				}
			}
			if len(files) == 0 {
				continue
			}
			err := offmail.Send(ctx, offmail.Delivery{To: t.to, Kind: t.kind, Limits: t.limits, Files: files}, d.mailOpt)
			var me *offmail.Error
			if errors.As(err, &me) {
				report("--send-to "+me.Address, errors.New(me.Reason))
				continue
			}
			if err != nil {
				report("--send-to "+t.to, err)
				continue
			}
			if !cfg.quiet {
				var names []string
				for _, f := range files {
					names = append(names, filepath.Base(f.Path))
				}
				fmt.Fprintf(e.stderr, "offprint: sent to %s: %s\n", termsafe.String(t.to), termsafe.String(strings.Join(names, ", ")))
			}
		}
	}
	if failed {
		return exitInput
	}
	return code
}

// password runs password-command and returns the first line it prints.
func password(ctx context.Context, command string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	out, err := runCommand(ctx, command)
	if err != nil {
		return "", fmt.Errorf("password-command failed: %w", err)
	}
	line, _, _ := bufio.NewReader(bytes.NewReader(out)).ReadLine()
	pw := strings.TrimRight(string(line), "\r")
	if pw == "" {
		return "", errors.New("password-command printed no password")
	}
	return pw, nil
}
