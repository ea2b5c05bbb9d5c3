package natsch_test

import (
	"context"
	"fmt"
	"iter"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/dist/natsch"
	"github.com/fearlessgo/fearless/dist/natstest"
	"github.com/fearlessgo/fearless/internal/leak"
	"github.com/fearlessgo/fearless/mpsc"
)

// The contract tests run each test of one table against two factories:
// mpsc's channels in one process, and natsch's on an embedded server. A
// test that passes on both says that natsch keeps mpsc's meaning.

type sender interface {
	Send(int) error
	Clone() sender
	Close()
}

type syncSender interface {
	sender
	TrySend(int) error
	SendTimeout(int, time.Duration) error
	SendContext(context.Context, int) error
	CloneSync() syncSender
}

type receiver interface {
	Recv() (int, error)
	TryRecv() (int, error)
	RecvTimeout(time.Duration) (int, error)
	RecvContext(context.Context) (int, error)
	Iter() iter.Seq[int]
	Close()
}

// A factory makes channels of int with one sender and one receiver.
type factory struct {
	name string
	// setup prepares what the channels of one test need.
	setup func(t *testing.T) env
}

type env interface {
	channel() (sender, receiver)
	syncChannel(bound int) (syncSender, receiver)
}

var factories = []factory{
	{"mpsc", func(t *testing.T) env { return mpscEnv{} }},
	{"natsch", func(t *testing.T) env { return &natsEnv{t: t, s: natstest.Start(t)} }},
}

// eachFactory runs body once per factory, as a subtest with leak checks.
func eachFactory(t *testing.T, body func(t *testing.T, e env)) {
	for _, f := range factories {
		t.Run(f.name, func(t *testing.T) {
			leak.Check(t)
			body(t, f.setup(t))
		})
	}
}

type mpscEnv struct{}

func (mpscEnv) channel() (sender, receiver) {
	tx, rx := mpsc.Channel[int]()
	return mpscSender{tx}, rx
}

func (mpscEnv) syncChannel(bound int) (syncSender, receiver) {
	tx, rx := mpsc.SyncChannel[int](bound)
	return mpscSyncSender{tx}, rx
}

type mpscSender struct{ *mpsc.Sender[int] }

func (s mpscSender) Clone() sender { return mpscSender{s.Sender.Clone()} }

type mpscSyncSender struct{ *mpsc.SyncSender[int] }

func (s mpscSyncSender) Clone() sender         { return s.CloneSync() }
func (s mpscSyncSender) CloneSync() syncSender { return mpscSyncSender{s.SyncSender.Clone()} }

type natsEnv struct {
	t *testing.T
	s *natstest.Server
}

var names atomic.Int64

func (e *natsEnv) name() string { return fmt.Sprintf("c%d", names.Add(1)) }

func (e *natsEnv) channel() (sender, receiver) {
	e.t.Helper()
	tx, rx, err := natsch.Channel[int](e.s.JetStream(), e.name())
	if err != nil {
		e.t.Fatal(err)
	}
	return natsSender{tx}, rx
}

func (e *natsEnv) syncChannel(bound int) (syncSender, receiver) {
	e.t.Helper()
	tx, rx, err := natsch.SyncChannel[int](e.s.JetStream(), e.name(), bound)
	if err != nil {
		e.t.Fatal(err)
	}
	return natsSyncSender{tx}, rx
}

type natsSender struct{ *natsch.Sender[int] }

func (s natsSender) Clone() sender { return natsSender{s.Sender.Clone()} }

type natsSyncSender struct{ *natsch.SyncSender[int] }

func (s natsSyncSender) Clone() sender         { return s.CloneSync() }
func (s natsSyncSender) CloneSync() syncSender { return natsSyncSender{s.SyncSender.Clone()} }

// kinds are the three kinds of channel, each made by a factory's env.
var kinds = []struct {
	name string
	make func(e env) (sender, receiver)
}{
	{"unbounded", func(e env) (sender, receiver) { return e.channel() }},
	{"bounded", func(e env) (sender, receiver) { return e.syncChannel(4) }},
	{"rendezvous", func(e env) (sender, receiver) { return e.syncChannel(0) }},
}

// eachKind runs body once per factory and kind of channel.
func eachKind(t *testing.T, kinds2 int, body func(t *testing.T, mk func() (sender, receiver))) {
	eachFactory(t, func(t *testing.T, e env) {
		for _, k := range kinds[:kinds2] {
			t.Run(k.name, func(t *testing.T) { body(t, func() (sender, receiver) { return k.make(e) }) })
		}
	})
}
