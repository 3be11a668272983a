// Package mail delivers offprint's outputs by e-mail: to Send to Kindle,
// Send-to-PocketBook or any address, through an SMTP server that requires
// STARTTLS or implicit TLS (github.com/wneessen/go-mail).
//
//	srv, err := mail.ParseURL("smtp://me@mail.example.org:587")
//	if err != nil {
//		return err
//	}
//	srv.Password = os.Getenv("OFFPRINT_SMTP_PASSWORD")
//	to := "me_123@kindle.com"
//	kind := mail.KindOf(to) // mail.Kindle: EPUB only, 50 MB and 25 files a message
//	err = mail.Send(ctx, mail.Delivery{
//		To:     to,
//		Limits: kind.Limits(),
//		Files:  []mail.File{{Path: "out/night-library.epub", Title: "Night Library"}},
//	}, mail.Options{Server: srv, From: "me@example.org"})
//	if err != nil {
//		return err // "mail: me_123@kindle.com: 535 5.7.8 authentication failed"
//	}
//
// Each file is attached under its own (ASCII) name with its MIME type
// (application/epub+zip, application/kepub+zip, application/pdf), the
// article's title given as the RFC 2231 name beside it. Files that do not
// fit one message under the recipient's limits go in several; a single
// file over the size limit is refused with the reason, and the others are
// still sent. Message-ID, Date and the MIME boundary come from Options and
// the content, so the same delivery builds the same message.
package mail

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"

	"net"
	netmail "net/mail"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	gomail "github.com/wneessen/go-mail"
)

// Kind is the kind of e-reader an address belongs to, which decides the
// formats it is sent and the limits of its service.
type Kind string

// The kinds of recipient.
const (
	// Kindle is Amazon's Send to Kindle (…@kindle.com): EPUB (it rejects
	// KEPUB and converts PDF badly), 50 MB and 25 attachments a message.
	Kindle Kind = "kindle"
	// PocketBook is Send-to-PocketBook (…@pbsync.com): EPUB and PDF.
	PocketBook Kind = "pocketbook"
	// Kobo is a Kobo e-reader's own address (a relay): KEPUB.
	Kobo Kind = "kobo"
	// Other is any other address: every output written.
	Other Kind = "other"
)

// Kinds lists every kind, for messages.
var Kinds = []Kind{Kindle, PocketBook, Kobo, Other}

// ParseKind parses a kind's name ("kindle", "pocketbook", "kobo", "other").
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if strings.EqualFold(s, string(k)) {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown kind %q (want kindle, pocketbook, kobo or other)", s)
}

// KindOf guesses the kind of an address from its domain: kindle.com,
// free.kindle.com and kindle.cn are Kindle, pbsync.com is PocketBook, and
// anything else is Other.
func KindOf(address string) Kind {
	at := strings.LastIndexByte(address, '@')
	domain := strings.ToLower(strings.TrimSuffix(address[at+1:], "."))
	switch domain {
	case "kindle.com", "free.kindle.com", "kindle.cn":
		return Kindle
	case "pbsync.com":
		return PocketBook
	}
	return Other
}

// Formats returns the output formats a kind is sent by default, or nil for
// Other (every format written).
func (k Kind) Formats() []string {
	switch k {
	case Kindle:
		return []string{"epub"}
	case PocketBook:
		return []string{"epub", "pdf"}
	case Kobo:
		return []string{"kepub"}
	}
	return nil
}

// Limits bound the messages sent to one recipient.
type Limits struct {
	// MaxMessageBytes is the largest message, headers and encoded
	// attachments included.
	MaxMessageBytes int64
	// MaxAttachments is the most files a message carries.
	MaxAttachments int
}

// Limits returns a kind's limits: Send to Kindle's 50 MB and 25
// attachments; 25 MB (the common limit of mail providers) and 25
// attachments for the others.
func (k Kind) Limits() Limits {
	if k == Kindle {
		return Limits{MaxMessageBytes: 50_000_000, MaxAttachments: 25}
	}
	return Limits{MaxMessageBytes: 25_000_000, MaxAttachments: 25}
}

// service names a kind's mail service in messages.
func (k Kind) service() string {
	switch k {
	case Kindle:
		return "Send to Kindle"
	case PocketBook:
		return "Send-to-PocketBook"
	}
	return "the recipient"
}

// Server is an SMTP server and how to log in to it.
type Server struct {
	// Host and Port are the server's address.
	Host string
	Port int
	// ImplicitTLS connects with TLS from the start (smtps://, usually port
	// 465); otherwise STARTTLS is required (smtp://, usually 587).
	ImplicitTLS bool
	// Insecure allows a connection without TLS (a local relay): STARTTLS
	// is then used only when offered, and its certificate not checked.
	Insecure bool
	// Username and Password log in; no Username sends without logging in.
	Username, Password string
	// TLSConfig, when set, is the TLS configuration (tests give their own
	// root certificates); ServerName is filled in from Host.
	TLSConfig *tls.Config
	// Timeout bounds the connection and each command; zero means a minute.
	Timeout time.Duration
}

// ParseURL parses an SMTP server URL: smtp://USER@HOST:PORT (STARTTLS,
// default port 587) or smtps://USER@HOST:PORT (implicit TLS, default 465).
// The user may be percent-encoded (me%40example.org). A password in the URL
// is refused: it belongs in the environment or a password command.
func ParseURL(s string) (Server, error) {
	var srv Server
	u, err := url.Parse(s)
	if err != nil {
		return srv, fmt.Errorf("mail: SMTP URL: %w", errors.Unwrap(err))
	}
	switch u.Scheme {
	case "smtp":
		srv.Port = 587
	case "smtps":
		srv.Port, srv.ImplicitTLS = 465, true
	default:
		return srv, fmt.Errorf("mail: SMTP URL %q: want smtp://USER@HOST:PORT or smtps://USER@HOST:PORT", redact(u))
	}
	if u.Opaque != "" || u.Hostname() == "" {
		return srv, fmt.Errorf("mail: SMTP URL %q: no host", redact(u))
	}
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return srv, fmt.Errorf("mail: SMTP URL %q: want no path, query or fragment", redact(u))
	}
	if _, has := u.User.Password(); has {
		return srv, fmt.Errorf("mail: SMTP URL %q: a password in the URL is refused; set OFFPRINT_SMTP_PASSWORD or password-command", redact(u))
	}
	srv.Host = u.Hostname()
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return srv, fmt.Errorf("mail: SMTP URL %q: bad port", redact(u))
		}
		srv.Port = n
	}
	srv.Username = u.User.Username()
	return srv, nil
}

// redact hides a URL's password for messages.
func redact(u *url.URL) string {
	return u.Redacted()
}

// File is an output to attach.
type File struct {
	// Path is the written file; its base name is the attachment's name.
	Path string
	// Title is the article's title, the attachment's RFC 2231 name.
	Title string
	// MediaType is the MIME type; empty means by the name (MediaType).
	MediaType string
}

// MediaType returns the MIME type of an output by its name:
// application/kepub+zip for NAME.kepub.epub, application/epub+zip,
// application/pdf, else application/octet-stream.
func MediaType(name string) string {
	n := strings.ToLower(name)
	switch {
	case strings.HasSuffix(n, ".kepub.epub"):
		return "application/kepub+zip"
	case strings.HasSuffix(n, ".epub"):
		return "application/epub+zip"
	case strings.HasSuffix(n, ".pdf"):
		return "application/pdf"
	}
	return "application/octet-stream"
}

// Delivery is what one recipient is sent.
type Delivery struct {
	// To is the recipient's address.
	To string
	// Kind names the recipient's service in messages (Send to Kindle);
	// empty means KindOf(To).
	Kind Kind
	// Limits bound each message; zero fields mean Kind's limits.
	Limits Limits
	// Files are attached in this order, as many a message as Limits allow.
	Files []File
}

// Options are the settings every delivery of a run shares.
type Options struct {
	// Server is the SMTP server.
	Server Server
	// From is the sender's address.
	From string
	// Date is the messages' date; zero means now.
	Date time.Time
	// Version is offprint's version, for the User-Agent header and the
	// body.
	Version string
}

// Error is a failed delivery, one line: "mail: ADDRESS: reason". Err is
// the cause (the server's answer, a connection error, ErrTooLarge).
type Error struct {
	Address string
	Reason  string
	Err     error
}

func (e *Error) Error() string { return "mail: " + e.Address + ": " + e.Reason }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// ErrTooLarge is wrapped by the Error for a file too large for one message.
var ErrTooLarge = errors.New("file too large for one message")

// Send mails d.Files to d.To, in as many messages as d.Limits need, over
// one connection. A file too large for a message on its own is left out
// and the others are sent; the error then names it. Any error is an *Error.
func Send(ctx context.Context, d Delivery, opt Options) error {
	kind := d.Kind
	if kind == "" {
		kind = KindOf(d.To)
	}
	lim := d.Limits
	def := kind.Limits()
	if lim.MaxMessageBytes <= 0 {
		lim.MaxMessageBytes = def.MaxMessageBytes
	}
	if lim.MaxAttachments <= 0 {
		lim.MaxAttachments = def.MaxAttachments
	}
	fail := func(err error, format string, a ...any) error {
		return &Error{Address: d.To, Reason: fmt.Sprintf(format, a...), Err: err}
	}
	if len(d.Files) == 0 {
		return nil
	}
	if opt.Date.IsZero() {
		opt.Date = time.Now()
	}
	parts := make([]part, len(d.Files))
	for i, f := range d.Files {
		data, err := os.ReadFile(f.Path)
		if err != nil {
			return fail(err, "%v", err)
		}
		parts[i] = part{File: f, data: data}
	}
	batches, refused, err := plan(d.To, parts, lim, opt)
	if err != nil {
		return fail(err, "%v", err)
	}
	var msgs []*gomail.Msg
	for i, b := range batches {
		m, err := build(d.To, b, i+1, len(batches), opt)
		if err != nil {
			return fail(err, "%v", err)
		}
		msgs = append(msgs, m)
	}
	if len(msgs) > 0 {
		if err := deliver(ctx, opt.Server, msgs); err != nil {
			return fail(err, "%s", serverAnswer(err))
		}
	}
	if refused != nil {
		return fail(ErrTooLarge, "%s is %s as e-mail, over %s's %s a message; not sent (copy it over USB with --to-device)",
			filepath.Base(refused.f.Path), megabytes(refused.size), kind.service(), megabytes(lim.MaxMessageBytes))
	}
	return nil
}

// part is a file to attach, read.
type part struct {
	File
	data []byte
}

// refusal is a file too large for a message.
type refusal struct {
	f    File
	size int64
}

// plan packs the parts, in order, into batches within lim: each message's
// size is that of the message with no attachment plus, for each part, what
// it adds alone (measured by building the messages). A part too large
// alone is left out; the first such is returned.
func plan(to string, parts []part, lim Limits, opt Options) ([][]part, *refusal, error) {
	base, err := size(to, nil, opt)
	if err != nil {
		return nil, nil, err
	}
	// Room for the subject and body lines of a message of several articles.
	const slack = 4096
	var (
		batches [][]part
		cur     []part
		curSize int64
		first   *refusal
	)
	for _, p := range parts {
		alone, err := size(to, []part{p}, opt)
		if err != nil {
			return nil, nil, err
		}
		add := alone - base
		if alone+slack > lim.MaxMessageBytes {
			if first == nil {
				first = &refusal{f: p.File, size: alone}
			}
			continue
		}
		if len(cur) > 0 && (len(cur) >= lim.MaxAttachments || curSize+add+slack > lim.MaxMessageBytes) {
			batches = append(batches, cur)
			cur, curSize = nil, 0
		}
		if len(cur) == 0 {
			curSize = base
		}
		cur = append(cur, p)
		curSize += add
	}
	if len(cur) > 0 {
		batches = append(batches, cur)
	}
	return batches, first, nil
}

// size is the size of the message carrying parts.
func size(to string, parts []part, opt Options) (int64, error) {
	m, err := build(to, parts, 1, 1, opt)
	if err != nil {
		return 0, err
	}
	var c counter
	if _, err := m.WriteTo(&c); err != nil {
		return 0, err
	}
	return int64(c), nil
}

type counter int64

func (c *counter) Write(p []byte) (int, error) { *c += counter(len(p)); return len(p), nil }

// build makes message n of total to `to` carrying parts.
func build(to string, parts []part, n, total int, opt Options) (*gomail.Msg, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%d\x00%d\x00%d\x00", to, opt.From, opt.Date.Unix(), n, total)
	for _, p := range parts {
		fmt.Fprintf(h, "%s\x00%s\x00", filepath.Base(p.Path), p.Title)
		s := sha256.Sum256(p.data)
		h.Write(s[:])
	}
	sum := hex.EncodeToString(h.Sum(nil))
	m := gomail.NewMsg(gomail.WithNoDefaultUserAgent(), gomail.WithBoundary("offprint-"+sum[:32]))
	if err := m.From(opt.From); err != nil {
		return nil, fmt.Errorf("sender %q: %w", opt.From, err)
	}
	if err := m.To(to); err != nil {
		return nil, fmt.Errorf("recipient: %w", err)
	}
	m.Subject(subject(parts, n, total))
	m.SetDateWithValue(opt.Date)
	m.SetMessageIDWithValue(sum[32:56] + ".offprint@" + domainOf(opt.From))
	ua := "offprint"
	if opt.Version != "" {
		ua += " " + opt.Version
	}
	m.SetUserAgent(ua)
	m.SetBodyString(gomail.TypeTextPlain, body(parts, ua))
	for _, p := range parts {
		name := filepath.Base(p.Path)
		mt := p.MediaType
		if mt == "" {
			mt = MediaType(name)
		}
		title := fileTitle(p.Title, name)
		m.AttachReadSeeker(name, bytes.NewReader(p.data), func(f *gomail.File) {
			f.ContentType = gomail.ContentType(mt)
			f.Header.Set("Content-Type", mt+";\r\n "+param("name", name, title))
			f.Header.Set("Content-Disposition", "attachment;\r\n "+param("filename", name, title))
		})
	}
	return m, nil
}

// subject is the title of a message's one article, or "N articles: A;
// B; …", with " (n/total)" when a delivery takes several messages.
func subject(parts []part, n, total int) string {
	var titles []string
	seen := map[string]bool{}
	for _, p := range parts {
		t := clean(p.Title)
		if t == "" {
			t = filepath.Base(p.Path)
		}
		if !seen[t] {
			seen[t] = true
			titles = append(titles, t)
		}
	}
	s := "offprint"
	switch len(titles) {
	case 0:
	case 1:
		s = titles[0]
	default:
		s = fmt.Sprintf("%d articles: %s", len(titles), strings.Join(titles, "; "))
	}
	s = truncate(s, 150)
	if total > 1 {
		s += fmt.Sprintf(" (%d/%d)", n, total)
	}
	return s
}

// body is the message's text: what is attached.
func body(parts []part, ua string) string {
	var b strings.Builder
	for _, p := range parts {
		fmt.Fprintf(&b, "%s (%s)\n", clean(p.Title), filepath.Base(p.Path))
	}
	fmt.Fprintf(&b, "\nSent by %s.\n", ua)
	return b.String()
}

// fileTitle is the RFC 2231 name of an attachment: the title, made safe
// for a file name, with the output's extension.
func fileTitle(title, name string) string {
	ext := filepath.Ext(name)
	if strings.HasSuffix(strings.ToLower(name), ".kepub.epub") {
		ext = name[len(name)-len(".kepub.epub"):]
	}
	t := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' {
			return '-'
		}
		return r
	}, clean(title))
	t = strings.Trim(truncate(t, 100), ". ")
	if t == "" {
		return name
	}
	return t + ext
}

// clean drops control and format characters (bidi overrides included) and
// folds white space.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError {
			if unicode.IsSpace(r) {
				return ' '
			}
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// truncate cuts s to at most n runes, ending it with "…" when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// param writes a MIME parameter twice: attr="ascii" for every reader, and
// attr*=UTF-8”… (RFC 2231) with the title, in continuations of at most 60
// characters (attr*0*=…; attr*1*=…), folded onto lines of their own.
func param(attr, ascii, title string) string {
	s := attr + `="` + ascii + `"`
	enc := pct(title)
	if len(enc) <= 60 {
		return s + ";\r\n " + attr + "*=UTF-8''" + enc
	}
	for i := 0; enc != ""; i++ {
		n := min(60, len(enc))
		// Do not split a %XX triplet.
		if j := strings.LastIndexByte(enc[:n], '%'); j >= 0 && j > n-3 {
			n = j
		}
		chunk := enc[:n]
		enc = enc[n:]
		if i == 0 {
			chunk = "UTF-8''" + chunk
		}
		s += ";\r\n " + attr + "*" + strconv.Itoa(i) + "*=" + chunk
	}
	return s
}

// pct percent-encodes s for an RFC 2231 extended value: attribute
// characters stay, every other byte is %XX.
func pct(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// domainOf is the domain of an address, for Message-IDs.
func domainOf(addr string) string {
	if a, err := netmail.ParseAddress(addr); err == nil {
		addr = a.Address
	}
	if at := strings.LastIndexByte(addr, '@'); at >= 0 && at+1 < len(addr) {
		return addr[at+1:]
	}
	return "offprint.invalid"
}

// megabytes formats a size for messages: "52.4 MB".
func megabytes(n int64) string {
	return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB"
}

// deliver sends the messages over one connection to srv.
func deliver(ctx context.Context, srv Server, msgs []*gomail.Msg) error {
	timeout := srv.Timeout
	if timeout <= 0 {
		timeout = time.Minute
	}
	tc := &tls.Config{MinVersion: tls.VersionTLS12}
	if srv.TLSConfig != nil {
		tc = srv.TLSConfig.Clone()
	}
	tc.ServerName = srv.Host
	opts := []gomail.Option{gomail.WithPort(srv.Port), gomail.WithTimeout(timeout), gomail.WithTLSConfig(tc)}
	switch {
	case srv.ImplicitTLS:
		opts = append(opts, gomail.WithSSL())
	case srv.Insecure:
		tc.InsecureSkipVerify = true
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if srv.Username != "" {
		auth := gomail.SMTPAuthAutoDiscover
		opts = append(opts, gomail.WithSMTPAuth(auth), gomail.WithUsername(srv.Username), gomail.WithPassword(srv.Password))
	}
	c, err := gomail.NewClient(srv.Host, opts...)
	if err != nil {
		return err
	}
	if err := c.DialWithContext(ctx); err != nil {
		return err
	}
	defer c.Close()
	for _, m := range msgs {
		if err := ctx.Err(); err != nil {
			return context.Cause(ctx)
		}
		if err := c.Send(m); err != nil {
			return err
		}
	}
	return nil
}

// serverAnswer is the part of a delivery error worth a line: the server's
// reply, or what kept us from reaching it, without go-mail's list of
// recipients and message IDs.
func serverAnswer(err error) string {
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Op == "dial" {
		return fmt.Sprintf("cannot reach the server %s: %v", oe.Addr, oe.Err)
	}
	s := err.Error()
	for _, cut := range []string{", affected recipient(s): ", ", affected message ID: "} {
		if i := strings.Index(s, cut); i >= 0 {
			s = s[:i]
		}
	}
	// net/textproto quotes the server's text (535 "5.7.8 …"): show it as
	// the server wrote it. The caller escapes what reaches a terminal.
	s = quotedReply.ReplaceAllStringFunc(s, func(m string) string {
		if text, err := strconv.Unquote(m[4:]); err == nil {
			return m[:4] + text
		}
		return m
	})
	return strings.Join(strings.Fields(s), " ")
}

// quotedReply is an SMTP reply as net/textproto's Error formats it.
var quotedReply = regexp.MustCompile(`\b[2-5]\d\d "(?:[^"\\]|\\.)*"`)
