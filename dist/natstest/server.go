package natstest

import (
	"fmt"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// readyWait bounds how long Start and Restart wait for the server to accept
// connections: far longer than a server on loopback needs.
const readyWait = 30 * time.Second

// A Server is an embedded NATS server with JetStream, owned by one test.
// Its methods are safe for concurrent use.
type Server struct {
	t    testing.TB
	opts server.Options

	mu      sync.Mutex
	srv     *server.Server
	stopped bool

	connOnce sync.Once
	nc       *nats.Conn
	js       jetstream.JetStream
}

// Start starts a server for t: on 127.0.0.1 only, on a free port, with
// JetStream keeping its files in t.TempDir(). It fails t if the server
// does not start. The server, and the connection of JetStream, stop when
// t's cleanup runs.
func Start(t testing.TB) *Server {
	t.Helper()
	s := newServer(t.TempDir())
	s.t = t
	s.start()
	// Keep the port for Restart.
	s.opts.Port = s.srv.Addr().(*net.TCPAddr).Port
	t.Cleanup(s.stop)
	return s
}

// New starts a server outside a test, for examples and demonstrations,
// keeping its files in dir; Stop stops it. Its methods panic where those of
// a test's server fail the test.
func New(dir string) *Server {
	s := newServer(dir)
	s.start()
	s.opts.Port = s.srv.Addr().(*net.TCPAddr).Port
	return s
}

// Stop closes the connection of JetStream and shuts the server down. The
// server of Start stops at cleanup on its own.
func (s *Server) Stop() { s.stop() }

func newServer(dir string) *Server {
	return &Server{opts: server.Options{
		Host:      "127.0.0.1",
		Port:      server.RANDOM_PORT,
		NoLog:     true,
		NoSigs:    true,
		JetStream: true,
		StoreDir:  dir,
		// A test server needs no more; the defaults would take a share
		// of the machine's memory and disk.
		JetStreamMaxMemory: 64 << 20,
		JetStreamMaxStore:  1 << 30,
	}}
}

func (s *Server) helper() {
	if s.t != nil {
		s.t.Helper()
	}
}

func (s *Server) fatalf(format string, args ...any) {
	if s.t != nil {
		s.t.Helper()
		s.t.Fatalf(format, args...)
	}
	panic(fmt.Sprintf(format, args...))
}

func (s *Server) start() {
	s.helper()
	opts := s.opts
	srv, err := server.NewServer(&opts)
	if err != nil {
		s.fatalf("natstest: %v", err)
	}
	srv.Start()
	if !srv.ReadyForConnections(readyWait) {
		srv.Shutdown()
		s.fatalf("natstest: server not ready after %v", readyWait)
	}
	s.mu.Lock()
	s.srv = srv
	s.mu.Unlock()
}

// URL returns the address to connect to, as nats://127.0.0.1:port. It stays
// the same across Restart.
func (s *Server) URL() string {
	return fmt.Sprintf("nats://127.0.0.1:%d", s.opts.Port)
}

// Connect opens a new client connection to the server that reconnects
// without limit, as the one of JetStream does; it is closed at cleanup.
func (s *Server) Connect() *nats.Conn {
	s.helper()
	nc, err := Dial(s.URL())
	if err != nil {
		s.fatalf("natstest: %v", err)
	}
	if s.t != nil {
		s.t.Cleanup(nc.Close)
	}
	return nc
}

// Dial connects to url with the options a test client needs across a
// server restart: reconnect forever, quickly, keeping what is published
// meanwhile in the client's buffer. Helper processes of a test use it with
// the URL their parent passed on.
func Dial(url string) (*nats.Conn, error) {
	return nats.Connect(url,
		nats.MaxReconnects(-1),
		nats.ReconnectWait(20*time.Millisecond),
		nats.ReconnectJitter(0, 0),
		nats.RetryOnFailedConnect(true),
		nats.Timeout(5*time.Second),
	)
}

// JetStream returns a JetStream client on a connection that the server
// shares with the test: it reconnects across Restart and is closed at
// cleanup. Every call returns the same client.
func (s *Server) JetStream() jetstream.JetStream {
	s.helper()
	s.connOnce.Do(func() {
		nc, err := Dial(s.URL())
		if err != nil {
			s.fatalf("natstest: %v", err)
		}
		js, err := jetstream.New(nc)
		if err != nil {
			nc.Close()
			s.fatalf("natstest: %v", err)
		}
		s.nc, s.js = nc, js
	})
	return s.js
}

// Restart shuts the server down and starts it again on the same address
// with the same stored data. Clients see a disconnection and reconnect on
// their own.
func (s *Server) Restart() {
	s.helper()
	s.mu.Lock()
	srv := s.srv
	s.mu.Unlock()
	srv.Shutdown()
	srv.WaitForShutdown()
	s.start()
}

// stop closes the shared connection and shuts the server down.
func (s *Server) stop() {
	s.mu.Lock()
	stopped := s.stopped
	s.stopped = true
	s.mu.Unlock()
	if stopped {
		return
	}
	if s.nc != nil {
		s.nc.Close()
	}
	s.mu.Lock()
	srv := s.srv
	s.mu.Unlock()
	srv.Shutdown()
	srv.WaitForShutdown()
}
