package natsch_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/dist/internal/proctest"
	"github.com/fearlessgo/fearless/dist/natsch"
	"github.com/fearlessgo/fearless/dist/natstest"
	"github.com/nats-io/nats.go/jetstream"
)

// TestHelperProcess is not a test: it is the body of the helper processes.
func TestHelperProcess(t *testing.T) {
	role := proctest.Role()
	if role == "" {
		t.Skip("run by the multi-process tests")
	}
	setting := proctest.Setting
	num := func(k string) int {
		n, _ := strconv.Atoi(setting(k))
		return n
	}
	nc, err := natstest.Dial(setting("URL"))
	if err != nil {
		proctest.Fail("connect: %v", err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		proctest.Fail("jetstream: %v", err)
	}
	ctx := context.Background()
	name := setting("CHANNEL")
	var opts []natsch.Option
	if d, err := time.ParseDuration(setting("LEASE")); err == nil {
		opts = append(opts, natsch.Lease(d))
	}
	switch role {
	case "sender":
		// Sends COUNT values tagged with ID, then closes.
		tx, err := natsch.OpenSender[int64](ctx, js, name, opts...)
		if err != nil {
			proctest.Fail("open: %v", err)
		}
		proctest.Say("ready")
		id := int64(num("ID"))
		for i := range num("COUNT") {
			if err := tx.Send(id<<32 | int64(i)); err != nil {
				proctest.Fail("send %d: %v", i, err)
			}
		}
		tx.Close()
		proctest.Say("done")
	case "sender-forever":
		// Sends until killed, saying each value the server accepted.
		tx, err := natsch.OpenSender[int64](ctx, js, name, opts...)
		if err != nil {
			proctest.Fail("open: %v", err)
		}
		proctest.Say("ready")
		for i := int64(0); ; i++ {
			if err := tx.Send(i); err != nil {
				proctest.Fail("send %d: %v", i, err)
			}
			proctest.Say("sent %d", i)
		}
	case "receiver":
		// Receives until disconnected; writes what it got to OUT.
		rx, err := natsch.OpenReceiver[int64](ctx, js, name, opts...)
		if err != nil {
			proctest.Fail("open: %v", err)
		}
		proctest.Say("ready")
		var got []int64
		for v := range rx.Iter() {
			got = append(got, v)
		}
		_, err = rx.Recv()
		rx.Close()
		var b bytes.Buffer
		binary.Write(&b, binary.LittleEndian, got)
		if err := os.WriteFile(setting("OUT"), b.Bytes(), 0o644); err != nil {
			proctest.Fail("write: %v", err)
		}
		proctest.Say("done %d %v", len(got), err)
	case "holder":
		// Receives one value, says which, and holds the values it
		// fetched until killed.
		rx, err := natsch.OpenReceiver[int64](ctx, js, name, opts...)
		if err != nil {
			proctest.Fail("open: %v", err)
		}
		proctest.Say("ready")
		v, err := rx.Recv()
		if err != nil {
			proctest.Fail("recv: %v", err)
		}
		proctest.Say("got %d", v)
		select {}
	default:
		proctest.Fail("unknown role %q", role)
	}
	os.Exit(0)
}

// readValues reads what a receiver helper wrote.
func readValues(t *testing.T, path string) []int64 {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	vs := make([]int64, len(data)/8)
	if err := binary.Read(bytes.NewReader(data), binary.LittleEndian, vs); err != nil {
		t.Fatal(err)
	}
	return vs
}
