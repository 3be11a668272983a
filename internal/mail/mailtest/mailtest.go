// Package mailtest runs an SMTP server in the test's process, on
// 127.0.0.1 (github.com/emersion/go-smtp), for the tests of e-mail
// delivery: STARTTLS or implicit TLS with a certificate made for the test,
// PLAIN authentication, a message size limit, and every message received
// kept for the test to read.
//
//	srv := mailtest.Start(t, mailtest.Options{TLS: mailtest.StartTLS, Username: "me", Password: "secret"})
//	// … send to srv.Host():srv.Port() trusting srv.RootCAs() …
//	msgs := srv.Messages()
//	m, err := mail.ReadMessage(bytes.NewReader(msgs[0].Data))
package mailtest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// TLSMode is how the server offers TLS.
type TLSMode int

// The TLS modes.
const (
	// NoTLS offers no TLS at all.
	NoTLS TLSMode = iota
	// StartTLS offers STARTTLS.
	StartTLS
	// Implicit speaks TLS from the start (smtps).
	Implicit
)

// Options configure the server.
type Options struct {
	TLS TLSMode
	// Username and Password, when set, are the only login accepted (AUTH
	// PLAIN); mail without logging in is then refused.
	Username, Password string
	// MaxMessageBytes is the largest message accepted; zero means no limit.
	MaxMessageBytes int64
}

// Message is a message the server received.
type Message struct {
	From string
	To   []string
	Data []byte
}

// Server is a running test SMTP server.
type Server struct {
	addr  *net.TCPAddr
	roots *x509.CertPool
	mu    sync.Mutex
	msgs  []Message
}

// Start starts a server on a free port of 127.0.0.1, stopped when the test
// ends.
func Start(t testing.TB, opt Options) *Server {
	t.Helper()
	s := &Server{}
	cert, roots := certificate(t)
	s.roots = roots
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &session{srv: s, opt: opt}, nil
	}))
	srv.Domain = "localhost"
	srv.MaxMessageBytes = opt.MaxMessageBytes
	srv.ReadTimeout, srv.WriteTimeout = 30*time.Second, 30*time.Second
	srv.AllowInsecureAuth = opt.TLS == NoTLS
	var l net.Listener
	var err error
	tc := &tls.Config{Certificates: []tls.Certificate{cert}}
	switch opt.TLS {
	case StartTLS:
		srv.TLSConfig = tc
		l, err = net.Listen("tcp", "127.0.0.1:0")
	case Implicit:
		l, err = tls.Listen("tcp", "127.0.0.1:0", tc)
	default:
		l, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		t.Fatal(err)
	}
	s.addr = l.Addr().(*net.TCPAddr)
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return s
}

// Host is the server's address, 127.0.0.1.
func (s *Server) Host() string { return s.addr.IP.String() }

// Port is the server's port.
func (s *Server) Port() int { return s.addr.Port }

// Addr is "127.0.0.1:PORT".
func (s *Server) Addr() string { return net.JoinHostPort(s.Host(), strconv.Itoa(s.Port())) }

// RootCAs holds the certificate the server's TLS certificate is signed
// with (itself): trust it to connect.
func (s *Server) RootCAs() *x509.CertPool { return s.roots }

// Messages returns the messages received so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

type session struct {
	srv    *Server
	opt    Options
	authed bool
	cur    Message
}

func (s *session) AuthMechanisms() []string {
	if s.opt.Username == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (s *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, username, password string) error {
		if username != s.opt.Username || password != s.opt.Password {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "Authentication credentials invalid"}
		}
		s.authed = true
		return nil
	}), nil
}

func (s *session) Mail(from string, opts *smtp.MailOptions) error {
	if s.opt.Username != "" && !s.authed {
		return &smtp.SMTPError{Code: 530, EnhancedCode: smtp.EnhancedCode{5, 7, 0}, Message: "Authentication required"}
	}
	s.cur = Message{From: from}
	return nil
}

func (s *session) Rcpt(to string, opts *smtp.RcptOptions) error {
	s.cur.To = append(s.cur.To, to)
	return nil
}

func (s *session) Data(r io.Reader) error {
	var b bytes.Buffer
	if _, err := io.Copy(&b, r); err != nil {
		var se *smtp.SMTPError
		if errors.As(err, &se) {
			return se
		}
		return err
	}
	s.cur.Data = b.Bytes()
	s.srv.mu.Lock()
	s.srv.msgs = append(s.srv.msgs, s.cur)
	s.srv.mu.Unlock()
	return nil
}

func (s *session) Reset()        { s.cur = Message{} }
func (s *session) Logout() error { return nil }

// certificate makes a self-signed certificate for 127.0.0.1 and localhost.
func certificate(t testing.TB) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "offprint test SMTP server"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		DNSNames:              []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(c)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: c}, pool
}
