package main

import (
	"bytes"
	"crypto/tls"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"net"
	netmail "net/mail"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/offprint/offprint/internal/mail/mailtest"
)

const sampleStem = "outcomes-of-the-csto-summit-in-bishkek-through-the-lens-of"

// deliverRun runs offprint with the environment vars (and
// SOURCE_DATE_EPOCH), trusting the test server's certificate.
func deliverRun(t *testing.T, srv *mailtest.Server, vars map[string]string, args ...string) (int, string, string) {
	t.Helper()
	if srv != nil {
		mailTLS = &tls.Config{RootCAs: srv.RootCAs()}
		t.Cleanup(func() { mailTLS = nil })
	}
	var out, errb bytes.Buffer
	code := run(args, env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
		getenv: func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return "1700000000"
			}
			return vars[k]
		},
	})
	return code, out.String(), errb.String()
}

// writeConfig writes config.toml under a new XDG_CONFIG_HOME and returns
// that folder.
func writeConfig(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "offprint"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "offprint", "config.toml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// received parses a received message into its Subject and attachments:
// file name -> (media type, bytes).
func received(t *testing.T, data []byte) (string, map[string]struct {
	mediaType string
	data      []byte
}) {
	t.Helper()
	m, err := netmail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	subj, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	_, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]struct {
		mediaType string
		data      []byte
	}{}
	name := regexp.MustCompile(`filename="([^"]*)"`)
	mr := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		mt, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if mt == "text/plain" {
			continue
		}
		n := name.FindStringSubmatch(p.Header.Get("Content-Disposition"))
		if n == nil {
			t.Fatalf("attachment without a file name: %v", p.Header)
		}
		b, err := io.ReadAll(p)
		if err != nil {
			t.Fatal(err)
		}
		dec, err := io.ReadAll(base64Decoder(bytes.NewReader(b)))
		if err != nil {
			t.Fatal(err)
		}
		out[n[1]] = struct {
			mediaType string
			data      []byte
		}{mt, dec}
	}
	return subj, out
}

// TestSendTo: --send-to an address and to a named device mails each the
// formats it takes, over STARTTLS, logged in; the attachments are the files
// written, byte for byte, with their MIME types.
func TestSendTo(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{TLS: mailtest.StartTLS, Username: "me@example.org", Password: "s3cret"})
	xdg := writeConfig(t, `
[smtp]
url = "smtp://me%40example.org@127.0.0.1:`+strconv.Itoa(srv.Port())+`"

[devices.kindle]
address = "me_123@kindle.com"

[devices.kobo]
address = "relay@example.net"
kind = "kobo"
`)
	dir := t.TempDir()
	vars := map[string]string{"XDG_CONFIG_HOME": xdg, "OFFPRINT_SMTP_PASSWORD": "s3cret"}
	code, stdout, stderr := deliverRun(t, srv, vars, "-o", dir, "--send-to", "kindle", "--send-to", "pocket@pbsync.com", "--send-to", "kobo")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// kobo adds kepub to the default formats.
	if got := outputs(t, dir); !slices.Equal(got, []string{sampleStem + ".epub", sampleStem + ".kepub.epub", sampleStem + ".pdf"}) {
		t.Errorf("wrote %q", got)
	}
	if strings.Count(stdout, "\n") != 3 {
		t.Errorf("stdout %q", stdout)
	}
	want := map[string][]string{
		"me_123@kindle.com": {sampleStem + ".epub"},
		"pocket@pbsync.com": {sampleStem + ".epub", sampleStem + ".pdf"},
		"relay@example.net": {sampleStem + ".kepub.epub"},
	}
	types := map[string]string{".epub": "application/epub+zip", ".pdf": "application/pdf"}
	msgs := srv.Messages()
	if len(msgs) != len(want) {
		t.Fatalf("%d messages, want %d", len(msgs), len(want))
	}
	for _, m := range msgs {
		subj, atts := received(t, m.Data)
		if subj != "Outcomes of the CSTO Summit in Bishkek Through the Lens of the Looming Great War" {
			t.Errorf("subject %q", subj)
		}
		names := want[m.To[0]]
		if len(atts) != len(names) {
			t.Errorf("%s got %d attachments, want %q", m.To[0], len(atts), names)
		}
		for _, n := range names {
			a, ok := atts[n]
			if !ok {
				t.Errorf("%s: no %s", m.To[0], n)
				continue
			}
			file, err := os.ReadFile(filepath.Join(dir, n))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.data, file) {
				t.Errorf("%s: %s differs from the file written", m.To[0], n)
			}
			wantType := types[filepath.Ext(n)]
			if strings.HasSuffix(n, ".kepub.epub") {
				wantType = "application/kepub+zip"
			}
			if a.mediaType != wantType {
				t.Errorf("%s: %s is %s, want %s", m.To[0], n, a.mediaType, wantType)
			}
		}
	}
}

// TestSendToFailures: a delivery that fails is one line naming the address
// and the server's answer; the files stay written and the exit status is 1.
func TestSendToFailures(t *testing.T) {
	down, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	downPort := down.Addr().(*net.TCPAddr).Port
	down.Close()
	for _, tc := range []struct {
		name     string
		opt      mailtest.Options
		password string
		port     func(*mailtest.Server) int
		want     string
	}{
		{"wrong password", mailtest.Options{TLS: mailtest.StartTLS, Username: "me", Password: "right"}, "wrong", nil, "535 5.7.8 Authentication credentials invalid"},
		{"server down", mailtest.Options{TLS: mailtest.StartTLS}, "x", func(*mailtest.Server) int { return downPort }, "cannot reach the server"},
		{"message too large", mailtest.Options{TLS: mailtest.StartTLS, MaxMessageBytes: 10_000}, "x", nil, "552"},
		{"no TLS", mailtest.Options{TLS: mailtest.NoTLS}, "x", nil, "STARTTLS"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := mailtest.Start(t, tc.opt)
			port := srv.Port()
			if tc.port != nil {
				port = tc.port(srv)
			}
			dir := t.TempDir()
			vars := map[string]string{
				"HOME":                   t.TempDir(),
				"OFFPRINT_SMTP_URL":      "smtp://" + tc.opt.Username + "@127.0.0.1:" + strconv.Itoa(port),
				"OFFPRINT_SMTP_PASSWORD": tc.password,
			}
			// No from in a config: the login is no address, so name one.
			xdg := writeConfig(t, "[smtp]\nfrom = \"me@example.org\"\n")
			vars["XDG_CONFIG_HOME"] = xdg
			code, _, stderr := deliverRun(t, srv, vars, "-o", dir, "--send-to", "reader@pbsync.com")
			if code != exitInput {
				t.Errorf("exit %d, want 1", code)
			}
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if len(lines) != 1 || !strings.HasPrefix(lines[0], "offprint: --send-to reader@pbsync.com: ") || !strings.Contains(lines[0], tc.want) {
				t.Errorf("stderr %q, want one line naming the address and %q", stderr, tc.want)
			}
			if got := outputs(t, dir); len(got) != 2 {
				t.Errorf("files written %q, want the EPUB and PDF kept", got)
			}
		})
	}
}

// TestSendToUsage: problems with --send-to and its configuration are
// usage errors (exit 2), found before any input is read: nothing is
// written.
func TestSendToUsage(t *testing.T) {
	good := "[smtp]\nurl = \"smtp://me@example.org@127.0.0.1:1\"\n"
	for _, tc := range []struct {
		name   string
		config string
		vars   map[string]string
		args   []string
		want   string
	}{
		{"unknown device", good, nil, []string{"--send-to", "kindle"}, `no [devices.kindle]`},
		{"bad address", good, nil, []string{"--send-to", "me@@x"}, "not an e-mail address"},
		{"no server", "", nil, []string{"--send-to", "me@kindle.com"}, "no SMTP server"},
		{"password in URL", "", map[string]string{"OFFPRINT_SMTP_URL": "smtp://me:pw@127.0.0.1"}, []string{"--send-to", "me@kindle.com"}, "password in the URL is refused"},
		{"no password", "[smtp]\nurl = \"smtp://me@127.0.0.1\"\nfrom = \"me@example.org\"\n", nil, []string{"--send-to", "me@kindle.com"}, "no password"},
		{"unknown key", "[smtp]\nurll = \"x\"\n", nil, []string{"--send-to", "me@kindle.com"}, "unknown key smtp.urll"},
		{"TOML error", "[smtp\n", nil, []string{"--send-to", "me@kindle.com"}, "line 2: expected '.' or ']'"},
		{"kindle kepub", good + "[devices.k]\naddress = \"me@kindle.com\"\nformats = [\"kepub\"]\n", nil, []string{"--send-to", "k"}, "rejects KEPUB"},
		{"format missing", good, map[string]string{"OFFPRINT_SMTP_PASSWORD": "x"}, []string{"-f", "pdf", "--send-to", "me@kindle.com"}, "takes epub, which --format does not include"},
		{"insecure alone", good, nil, []string{"--smtp-insecure"}, "only with --send-to"},
		{"hostile device name", good, nil, []string{"--send-to", "\x1b[31mred"}, `\x1b`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vars := map[string]string{"XDG_CONFIG_HOME": writeConfig(t, tc.config), "OFFPRINT_SMTP_PASSWORD": "x"}
			if tc.name == "no password" {
				delete(vars, "OFFPRINT_SMTP_PASSWORD")
			}
			for k, v := range tc.vars {
				vars[k] = v
			}
			dir := t.TempDir()
			code, _, stderr := deliverRun(t, nil, vars, append([]string{"-o", dir}, tc.args...)...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, tc.want)
			}
			if strings.Contains(stderr, "\x1b") {
				t.Errorf("stderr carries an escape: %q", stderr)
			}
			if got := outputs(t, dir); len(got) != 0 {
				t.Errorf("wrote %q", got)
			}
		})
	}
}

// TestPasswordCommand: the password comes from password-command's first
// line; a failing command is one line, exit 1, files kept.
func TestPasswordCommand(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{TLS: mailtest.StartTLS, Username: "me", Password: "from-command"})
	for _, tc := range []struct {
		name, command string
		code          int
		want          string
	}{
		{"ok", "printf 'from-command\\nignored\\n'", exitOK, ""},
		{"fails", "echo nope >&2; exit 3", exitInput, "password-command failed: exit status 3: nope"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			xdg := writeConfig(t, "[smtp]\nurl = \"smtp://me@127.0.0.1:"+strconv.Itoa(srv.Port())+"\"\nfrom = \"me@example.org\"\npassword-command = \""+strings.ReplaceAll(tc.command, `\`, `\\`)+"\"\n")
			dir := t.TempDir()
			code, _, stderr := deliverRun(t, srv, map[string]string{"XDG_CONFIG_HOME": xdg}, "-o", dir, "--send-to", "a@example.net")
			if code != tc.code || (tc.want != "" && !strings.Contains(stderr, tc.want)) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tc.code, tc.want)
			}
			if len(outputs(t, dir)) != 2 {
				t.Error("files not kept")
			}
		})
	}
}

// TestSendToRealServer sends through the SMTP server CI starts on
// 127.0.0.1 (python3 -m aiosmtpd, port in OFFPRINT_TEST_SMTP_PORT, no TLS:
// --smtp-insecure). Under CI the variable must be set; elsewhere the test
// is skipped without it.
func TestSendToRealServer(t *testing.T) {
	port := os.Getenv("OFFPRINT_TEST_SMTP_PORT")
	if port == "" {
		if os.Getenv("CI") == "true" || os.Getenv("CI") == "1" {
			t.Fatal("OFFPRINT_TEST_SMTP_PORT is not set: .ci/run starts aiosmtpd and sets it")
		}
		t.Skip("OFFPRINT_TEST_SMTP_PORT not set (.ci/run starts a real SMTP server)")
	}
	dir := t.TempDir()
	vars := map[string]string{
		"XDG_CONFIG_HOME":   writeConfig(t, "[smtp]\nfrom = \"ci@example.org\"\n"),
		"OFFPRINT_SMTP_URL": "smtp://127.0.0.1:" + port,
	}
	code, _, stderr := deliverRun(t, nil, vars, "-o", dir, "-f", "epub", "--smtp-insecure", "--send-to", "reader@example.org")
	if code != exitOK || !strings.Contains(stderr, "sent to reader@example.org: "+sampleStem+".epub") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// fakeDevice makes the folders of an e-reader of the given layout.
func fakeDevice(t *testing.T, root string, dirs ...string) string {
	t.Helper()
	for _, d := range dirs {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestToDevice: --device and --to-device copy the format each e-reader
// reads best into its books folder, the same bytes as the file written.
func TestToDevice(t *testing.T) {
	for _, tc := range []struct {
		name string
		dirs []string
		args []string
		want string // path under the device, "" for a refusal
		err  string
	}{
		{"Kobo", []string{".kobo"}, nil, sampleStem + ".kepub.epub", ""},
		{"Kobo given epub", []string{".kobo"}, []string{"-f", "epub"}, sampleStem + ".epub", ""},
		{"Kindle", []string{"documents", "system"}, nil, "documents/" + sampleStem + ".pdf", ""},
		{"Kindle with KOReader", []string{"documents", "system", "koreader"}, nil, "documents/" + sampleStem + ".epub", ""},
		{"Kindle given epub", []string{"documents", "system"}, []string{"-f", "epub"}, "", "reads no EPUB copied over USB; add pdf to --format, or mail the EPUB with --send-to"},
		{"PocketBook", []string{"system/explorer-3", "Books"}, nil, "Books/" + sampleStem + ".epub", ""},
		{"KOReader", []string{"koreader"}, nil, sampleStem + ".epub", ""},
		{"not a device", []string{"music"}, nil, "", "no e-reader here"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := fakeDevice(t, t.TempDir(), tc.dirs...)
			dir := t.TempDir()
			code, stdout, stderr := deliverRun(t, nil, nil, append([]string{"-o", dir, "--device", root}, tc.args...)...)
			if tc.want == "" {
				if code != exitUsage || !strings.Contains(stderr, tc.err) {
					t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, tc.err)
				}
				return
			}
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			dest := filepath.Join(root, tc.want)
			if !strings.HasSuffix(stdout, dest+"\n") {
				t.Errorf("stdout %q does not end with %s", stdout, dest)
			}
			got, err := os.ReadFile(dest)
			if err != nil {
				t.Fatal(err)
			}
			written, err := os.ReadFile(filepath.Join(dir, filepath.Base(dest)))
			if err != nil || !bytes.Equal(got, written) {
				t.Errorf("the device's copy differs from the file written (%v)", err)
			}
			// Only the book: no temporary file left on the device.
			entries, _ := os.ReadDir(filepath.Dir(dest))
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".") && e.Name() != ".kobo" {
					t.Errorf("left %s on the device", e.Name())
				}
			}
			// Again without --force: the book is there already.
			code, _, stderr = deliverRun(t, nil, nil, append([]string{"-o", t.TempDir(), "--device", root}, tc.args...)...)
			if code != exitInput || !strings.Contains(stderr, "already on the device") {
				t.Errorf("second copy: exit %d, %q", code, stderr)
			}
		})
	}
}

// TestToDeviceFind: --to-device finds the one e-reader mounted, and
// refuses none or several.
func TestToDeviceFind(t *testing.T) {
	media := t.TempDir()
	mountRoots = func(func(string) string) []string { return []string{filepath.Join(media, "none"), media} }
	t.Cleanup(func() { mountRoots = mountRootsDefault })
	code, _, stderr := deliverRun(t, nil, nil, "-o", t.TempDir(), "--to-device")
	if code != exitUsage || !strings.Contains(stderr, "no e-reader found under") {
		t.Errorf("none: exit %d, %q", code, stderr)
	}
	fakeDevice(t, filepath.Join(media, "KOBOeReader"), ".kobo")
	fakeDevice(t, filepath.Join(media, "USB stick"), "photos")
	code, stdout, stderr := deliverRun(t, nil, nil, "-o", t.TempDir(), "--to-device")
	if code != exitOK || !strings.Contains(stdout, filepath.Join(media, "KOBOeReader", sampleStem+".kepub.epub")) {
		t.Errorf("one: exit %d, %q %q", code, stdout, stderr)
	}
	fakeDevice(t, filepath.Join(media, "Kindle"), "documents", "system")
	code, _, stderr = deliverRun(t, nil, nil, "-o", t.TempDir(), "--to-device")
	if code != exitUsage || !strings.Contains(stderr, "several e-readers") {
		t.Errorf("two: exit %d, %q", code, stderr)
	}
}

var mountRootsDefault = mountRoots

func base64Decoder(r io.Reader) io.Reader { return base64.NewDecoder(base64.StdEncoding, r) }
