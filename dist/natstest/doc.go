// Package natstest runs an embedded NATS server with JetStream for tests.
//
// Start gives each test its own server, listening on the loopback interface
// only, on a port the system picks, with JetStream storing its files in the
// test's t.TempDir(). The server stops when the test ends. Restart stops it
// and starts it again on the same address with the same files, which is how
// tests check that nothing is lost or duplicated when the server goes away
// mid-stream. JetStream returns a client whose connection reconnects on its
// own, so a test can keep using it across Restart; other processes connect
// to URL.
package natstest
