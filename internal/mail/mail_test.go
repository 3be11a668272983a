package mail_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	netmail "net/mail"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/offprint/offprint/internal/mail"
	"github.com/offprint/offprint/internal/mail/mailtest"
)

var date = time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC)

// writeFiles writes files of the given sizes (filled with a pattern that
// base64 cannot shrink) named names into a temporary folder.
func writeFiles(t *testing.T, names []string, size int) []mail.File {
	t.Helper()
	dir := t.TempDir()
	var files []mail.File
	for i, n := range names {
		data := make([]byte, size)
		for j := range data {
			data[j] = byte(j*7 + i*13)
		}
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		stem, _, _ := strings.Cut(n, ".")
		files = append(files, mail.File{Path: p, Title: "Ночная библиотека — " + stem})
	}
	return files
}

func server(srv *mailtest.Server, tlsMode mailtest.TLSMode, user, pass string) mail.Server {
	return mail.Server{
		Host: srv.Host(), Port: srv.Port(), ImplicitTLS: tlsMode == mailtest.Implicit,
		Username: user, Password: pass,
		TLSConfig: &tls.Config{RootCAs: srv.RootCAs()},
		Timeout:   20 * time.Second,
	}
}

// attachment is what the test reads of a received attachment.
type attachment struct {
	mediaType, filename, title, disposition string
	data                                    []byte
}

// parse reads a received message: its headers and attachments.
func parse(t *testing.T, data []byte) (netmail.Header, string, []attachment) {
	t.Helper()
	m, err := netmail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	mt, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" {
		t.Fatalf("Content-Type %q (%v), want multipart/mixed", m.Header.Get("Content-Type"), err)
	}
	mr := multipart.NewReader(m.Body, params["boundary"])
	var text string
	var atts []attachment
	asciiName := regexp.MustCompile(`(?:^|;)\s*filename="([^"]*)"`)
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(p)
		if err != nil {
			t.Fatal(err)
		}
		ct := p.Header.Get("Content-Type")
		pmt, _, err := mime.ParseMediaType(ct)
		if err != nil {
			t.Fatalf("part Content-Type %q: %v", ct, err)
		}
		if pmt == "text/plain" {
			text = string(decode(t, p.Header.Get("Content-Transfer-Encoding"), body))
			continue
		}
		cd := p.Header.Get("Content-Disposition")
		disp, dparams, err := mime.ParseMediaType(cd)
		if err != nil {
			t.Fatalf("Content-Disposition %q: %v", cd, err)
		}
		a := attachment{mediaType: pmt, title: dparams["filename"], disposition: disp}
		if m := asciiName.FindStringSubmatch(cd); m != nil {
			a.filename = m[1]
		}
		a.data = decode(t, p.Header.Get("Content-Transfer-Encoding"), body)
		atts = append(atts, a)
	}
	return m.Header, text, atts
}

func decode(t *testing.T, enc string, body []byte) []byte {
	t.Helper()
	switch strings.ToLower(enc) {
	case "base64":
		var out bytes.Buffer
		dec := newBase64(bytes.NewReader(body))
		if _, err := io.Copy(&out, dec); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	case "quoted-printable":
		b, err := io.ReadAll(newQP(bytes.NewReader(body)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	return body
}

// TestSend: a delivery over STARTTLS and over implicit TLS, logged in,
// arrives as one message whose attachments are the files, byte for byte,
// with their MIME types, ASCII names and titles as RFC 2231 names.
func TestSend(t *testing.T) {
	for _, tc := range []struct {
		name string
		tls  mailtest.TLSMode
	}{
		{"STARTTLS", mailtest.StartTLS},
		{"implicit TLS", mailtest.Implicit},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := mailtest.Start(t, mailtest.Options{TLS: tc.tls, Username: "me@example.org", Password: "pa:ss wörd"})
			files := writeFiles(t, []string{"night-library.epub", "night-library.kepub.epub", "night-library.pdf"}, 3000)
			err := mail.Send(context.Background(), mail.Delivery{To: "reader@pbsync.com", Files: files},
				mail.Options{Server: server(srv, tc.tls, "me@example.org", "pa:ss wörd"), From: "me@example.org", Date: date, Version: "1.2"})
			if err != nil {
				t.Fatal(err)
			}
			msgs := srv.Messages()
			if len(msgs) != 1 {
				t.Fatalf("%d messages, want 1", len(msgs))
			}
			if msgs[0].From != "me@example.org" || len(msgs[0].To) != 1 || msgs[0].To[0] != "reader@pbsync.com" {
				t.Errorf("envelope %q -> %q", msgs[0].From, msgs[0].To)
			}
			h, text, atts := parse(t, msgs[0].Data)
			if d, err := h.Date(); err != nil || !d.Equal(date) {
				t.Errorf("Date %q, want %v", h.Get("Date"), date)
			}
			if id := h.Get("Message-Id"); !strings.HasSuffix(id, "@example.org>") {
				t.Errorf("Message-ID %q", id)
			}
			subj, _ := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
			if subj != "Ночная библиотека — night-library" { // one article in three formats
				t.Errorf("Subject %q", subj)
			}
			if ua := h.Get("User-Agent"); ua != "offprint 1.2" {
				t.Errorf("User-Agent %q", ua)
			}
			if !strings.Contains(text, "night-library.pdf") {
				t.Errorf("body %q does not list the files", text)
			}
			want := []struct{ mt, ext string }{
				{"application/epub+zip", ".epub"}, {"application/kepub+zip", ".kepub.epub"}, {"application/pdf", ".pdf"},
			}
			if len(atts) != len(files) {
				t.Fatalf("%d attachments, want %d", len(atts), len(files))
			}
			for i, a := range atts {
				data, _ := os.ReadFile(files[i].Path)
				if !bytes.Equal(a.data, data) {
					t.Errorf("attachment %d: %d bytes differ from the file's %d", i, len(a.data), len(data))
				}
				if a.mediaType != want[i].mt {
					t.Errorf("attachment %d: type %q, want %q", i, a.mediaType, want[i].mt)
				}
				if a.filename != filepath.Base(files[i].Path) || a.disposition != "attachment" {
					t.Errorf("attachment %d: %s; filename %q, want %q", i, a.disposition, a.filename, filepath.Base(files[i].Path))
				}
				if a.title != files[i].Title+want[i].ext {
					t.Errorf("attachment %d: RFC 2231 name %q, want %q", i, a.title, files[i].Title+want[i].ext)
				}
			}
		})
	}
}

// TestSplit: files beyond the attachment or size limit go in further
// messages, in order, each subject numbered.
func TestSplit(t *testing.T) {
	names := []string{"a.epub", "b.epub", "c.epub", "d.epub", "e.epub"}
	for _, tc := range []struct {
		name   string
		limits mail.Limits
		want   [][]string
	}{
		{"2 attachments", mail.Limits{MaxMessageBytes: 10_000_000, MaxAttachments: 2}, [][]string{{"a.epub", "b.epub"}, {"c.epub", "d.epub"}, {"e.epub"}}},
		{"size", mail.Limits{MaxMessageBytes: 100_000, MaxAttachments: 25}, [][]string{{"a.epub", "b.epub", "c.epub"}, {"d.epub", "e.epub"}}},
		{"all in one", mail.Limits{}, [][]string{names}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := mailtest.Start(t, mailtest.Options{TLS: mailtest.StartTLS})
			files := writeFiles(t, names, 20_000) // ~27 kB encoded each
			err := mail.Send(context.Background(), mail.Delivery{To: "me@kindle.com", Files: files, Limits: tc.limits},
				mail.Options{Server: server(srv, mailtest.StartTLS, "", ""), From: "me@example.org", Date: date})
			if err != nil {
				t.Fatal(err)
			}
			msgs := srv.Messages()
			if len(msgs) != len(tc.want) {
				t.Fatalf("%d messages, want %d", len(msgs), len(tc.want))
			}
			for i, m := range msgs {
				h, _, atts := parse(t, m.Data)
				var got []string
				for _, a := range atts {
					got = append(got, a.filename)
				}
				if strings.Join(got, " ") != strings.Join(tc.want[i], " ") {
					t.Errorf("message %d carries %q, want %q", i+1, got, tc.want[i])
				}
				if lim := tc.limits.MaxMessageBytes; lim > 0 && int64(len(m.Data)) > lim {
					t.Errorf("message %d is %d bytes, over %d", i+1, len(m.Data), lim)
				}
				subj, _ := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
				if len(msgs) > 1 && !strings.HasSuffix(subj, ")") {
					t.Errorf("subject %q not numbered", subj)
				}
			}
		})
	}
}

// TestTooLarge: a file over the limit on its own is refused with the
// reason; the others are sent.
func TestTooLarge(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{TLS: mailtest.StartTLS})
	small := writeFiles(t, []string{"small.epub"}, 1000)
	big := writeFiles(t, []string{"big.pdf"}, 200_000)
	err := mail.Send(context.Background(), mail.Delivery{To: "me@kindle.com", Files: append(big, small...), Limits: mail.Limits{MaxMessageBytes: 100_000}},
		mail.Options{Server: server(srv, mailtest.StartTLS, "", ""), From: "me@example.org", Date: date})
	if !errors.Is(err, mail.ErrTooLarge) {
		t.Fatalf("err %v, want ErrTooLarge", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "big.pdf") || !strings.Contains(msg, "Send to Kindle") || !strings.HasPrefix(msg, "mail: me@kindle.com: ") {
		t.Errorf("message %q", msg)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 {
		t.Fatalf("%d messages, want the small file's", len(msgs))
	}
	if _, _, atts := parse(t, msgs[0].Data); len(atts) != 1 || atts[0].filename != "small.epub" {
		t.Errorf("sent %v", atts)
	}
}

// TestFailures: each failure is one line naming the address and what the
// server answered (or why it could not be reached); nothing is delivered.
func TestFailures(t *testing.T) {
	down, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	downAddr := down.Addr().(*net.TCPAddr)
	down.Close()
	for _, tc := range []struct {
		name   string
		opt    mailtest.Options
		server func(*mailtest.Server) mail.Server
		want   string
	}{
		{"wrong password", mailtest.Options{TLS: mailtest.StartTLS, Username: "me", Password: "right"},
			func(s *mailtest.Server) mail.Server { return server(s, mailtest.StartTLS, "me", "wrong") }, "535 5.7.8"},
		{"no login", mailtest.Options{TLS: mailtest.StartTLS, Username: "me", Password: "right"},
			func(s *mailtest.Server) mail.Server { return server(s, mailtest.StartTLS, "", "") }, "530 5.7.0"},
		{"message too large", mailtest.Options{TLS: mailtest.StartTLS, MaxMessageBytes: 2000},
			func(s *mailtest.Server) mail.Server { return server(s, mailtest.StartTLS, "", "") }, "552"},
		{"no STARTTLS offered", mailtest.Options{TLS: mailtest.NoTLS},
			func(s *mailtest.Server) mail.Server { return server(s, mailtest.StartTLS, "", "") }, "STARTTLS"},
		{"untrusted certificate", mailtest.Options{TLS: mailtest.StartTLS},
			func(s *mailtest.Server) mail.Server {
				srv := server(s, mailtest.StartTLS, "", "")
				srv.TLSConfig = nil
				return srv
			}, "certificate"},
		{"server down", mailtest.Options{TLS: mailtest.StartTLS},
			func(s *mailtest.Server) mail.Server {
				srv := server(s, mailtest.StartTLS, "", "")
				srv.Port = downAddr.Port
				return srv
			}, "cannot reach the server 127.0.0.1:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := mailtest.Start(t, tc.opt)
			files := writeFiles(t, []string{"a.epub"}, 5000)
			err := mail.Send(context.Background(), mail.Delivery{To: "me@kindle.com", Files: files},
				mail.Options{Server: tc.server(srv), From: "me@example.org", Date: date})
			var me *mail.Error
			if !errors.As(err, &me) {
				t.Fatalf("err %v, want a *mail.Error", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "mail: me@kindle.com: ") || !strings.Contains(msg, tc.want) || strings.ContainsAny(msg, "\r\n") {
				t.Errorf("message %q, want one line naming the address and %q", msg, tc.want)
			}
			if n := len(srv.Messages()); n != 0 {
				t.Errorf("%d messages delivered", n)
			}
		})
	}
}

// TestInsecure: with Insecure a relay without TLS takes the message.
func TestInsecure(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{TLS: mailtest.NoTLS})
	s := server(srv, mailtest.NoTLS, "", "")
	s.Insecure = true
	files := writeFiles(t, []string{"a.pdf"}, 100)
	if err := mail.Send(context.Background(), mail.Delivery{To: "me@example.net", Files: files}, mail.Options{Server: s, From: "me@example.org", Date: date}); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Messages()); n != 1 {
		t.Errorf("%d messages, want 1", n)
	}
}

// TestReproducible: the same delivery with the same date sends the same
// bytes (boundary and Message-ID from the content).
func TestReproducible(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{TLS: mailtest.StartTLS})
	files := writeFiles(t, []string{"a.epub", "a.pdf"}, 4000)
	for i := 0; i < 2; i++ {
		if err := mail.Send(context.Background(), mail.Delivery{To: "me@pbsync.com", Files: files},
			mail.Options{Server: server(srv, mailtest.StartTLS, "", ""), From: "me@example.org", Date: date}); err != nil {
			t.Fatal(err)
		}
	}
	msgs := srv.Messages()
	if len(msgs) != 2 || !bytes.Equal(msgs[0].Data, msgs[1].Data) {
		t.Error("two sends of the same delivery differ")
	}
}

func TestParseURL(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    mail.Server
		wantErr string
	}{
		{"smtp://me@mail.example.org:2525", mail.Server{Host: "mail.example.org", Port: 2525, Username: "me"}, ""},
		{"smtp://me%40example.org@mail.example.org", mail.Server{Host: "mail.example.org", Port: 587, Username: "me@example.org"}, ""},
		{"smtps://mail.example.org", mail.Server{Host: "mail.example.org", Port: 465, ImplicitTLS: true}, ""},
		{"smtp://[::1]:25", mail.Server{Host: "::1", Port: 25}, ""},
		{"smtp://me:secret@mail.example.org", mail.Server{}, "password in the URL is refused"},
		{"http://mail.example.org", mail.Server{}, "want smtp://"},
		{"smtp://", mail.Server{}, "no host"},
		{"smtp://mail.example.org:99999", mail.Server{}, "port"},
		{"smtp://mail.example.org/path", mail.Server{}, "no path"},
		{"mail.example.org:587", mail.Server{}, "want smtp://"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := mail.ParseURL(tc.in)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err %v, want %q", err, tc.wantErr)
				}
				if strings.Contains(err.Error(), "secret") {
					t.Errorf("the error shows the password: %v", err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("got %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

func TestKinds(t *testing.T) {
	for _, tc := range []struct {
		addr    string
		kind    mail.Kind
		formats string
	}{
		{"me_123@kindle.com", mail.Kindle, "epub"},
		{"me@Free.Kindle.com", mail.Kindle, "epub"},
		{"me@pbsync.com", mail.PocketBook, "epub pdf"},
		{"me@example.org", mail.Other, ""},
	} {
		k := mail.KindOf(tc.addr)
		if k != tc.kind || strings.Join(k.Formats(), " ") != tc.formats {
			t.Errorf("%s: %s %v, want %s %s", tc.addr, k, k.Formats(), tc.kind, tc.formats)
		}
	}
	if l := mail.Kindle.Limits(); l.MaxMessageBytes != 50_000_000 || l.MaxAttachments != 25 {
		t.Errorf("Kindle limits %+v", l)
	}
	if mail.MediaType("a.kepub.epub") != "application/kepub+zip" || mail.MediaType("A.EPUB") != "application/epub+zip" || mail.MediaType("a.pdf") != "application/pdf" {
		t.Error("MediaType")
	}
}

func newBase64(r io.Reader) io.Reader { return base64.NewDecoder(base64.StdEncoding, r) }

func newQP(r io.Reader) io.Reader { return quotedprintable.NewReader(r) }
