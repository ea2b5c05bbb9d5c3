package natstest_test

import (
	"context"
	"fmt"
	"os"

	"github.com/fearlessgo/fearless/dist/natstest"
	"github.com/nats-io/nats.go/jetstream"
)

// New runs a server outside a test; in a test, Start(t) does the same and
// stops it at cleanup.
func ExampleNew() {
	dir, _ := os.MkdirTemp("", "natstest-example")
	defer os.RemoveAll(dir)
	srv := natstest.New(dir)
	defer srv.Stop()
	js := srv.JetStream()
	ctx := context.Background()
	js.CreateStream(ctx, jetstream.StreamConfig{Name: "S", Subjects: []string{"s"}})
	js.Publish(ctx, "s", []byte("kept across a restart"))
	srv.Restart()
	s, _ := js.Stream(ctx, "S")
	m, _ := s.GetMsg(ctx, 1)
	fmt.Println(string(m.Data))
	// Output: kept across a restart
}
