package examples

import (
	"github.com/fearlessgo/fearless/examples/boundedchannel"
	"github.com/fearlessgo/fearless/examples/forgotdrop"
	"github.com/fearlessgo/fearless/examples/multipleproducers"
	"github.com/fearlessgo/fearless/examples/producerconsumer"
	"github.com/fearlessgo/fearless/examples/rendezvous"
	"github.com/fearlessgo/fearless/examples/sendersreceivers"
	"github.com/fearlessgo/fearless/examples/severalmessages"
	"github.com/fearlessgo/fearless/examples/singlemessage"
	"github.com/fearlessgo/fearless/examples/tryrecv"
	"github.com/fearlessgo/fearless/examples/twoproducers"
	"github.com/fearlessgo/fearless/examples/unboundedchannel"
)

func init() {
	register(
		Example{Name: "single-message", Chapter: "channels", Run: singlemessage.Run,
			Concept: "mpsc::channel, send/recv: mpsc.Channel returns (*Sender, *Receiver); Send returns an error, Recv (value, error)"},
		Example{Name: "senders-receivers", Chapter: "channels", Run: sendersreceivers.Run,
			Concept: "a channel buffers, and tx.clone() feeds the same receiver: tx.Clone(); recv()'s Ok(10) is (10, nil)"},
		Example{Name: "several-messages", Chapter: "channels", Run: severalmessages.Run,
			Concept: "for received in rx: range over rx.Iter(), which ends when the sender is closed (Rust's drop)"},
		Example{Name: "multiple-producers", Chapter: "channels", Run: multipleproducers.Run,
			Concept: "multiple producers: a tx.Clone() per thread, and tx.Close() on the original (Rust's drop(tx))"},
		Example{Name: "two-producers", Chapter: "channels", Run: twoproducers.Run,
			Concept: "let tx1 = tx.clone(): two threads, one sender each; the loop over rx ends when both are closed"},
		Example{Name: "unbounded-channel", Chapter: "channels", Run: unboundedchannel.Run,
			Concept: "channel() is unbounded: Sender.Send never blocks, however far the receiver lags"},
		Example{Name: "bounded-channel", Chapter: "channels", Run: boundedchannel.Run,
			Concept: "sync_channel(3): mpsc.SyncChannel(3), whose Send blocks while three values wait"},
		Example{Name: "rendezvous", Chapter: "channels", Run: rendezvous.Run,
			Concept: "sync_channel(0), a rendezvous: mpsc.SyncChannel(0), whose Send returns once a receiver took the value"},
		Example{Name: "try-recv", Chapter: "channels", Run: tryrecv.Run,
			Concept: "try_recv/recv_timeout: TryRecv and RecvTimeout, matching ErrEmpty, ErrDisconnected, ErrTimeout with errors.Is"},
		Example{Name: "producer-consumer", Chapter: "channels", Run: producerconsumer.Run,
			Concept: "while let Ok(n) = rx.recv(): loop on Recv until it returns ErrDisconnected, then Join the consumer"},
		Example{Name: "forgot-drop", Chapter: "channels", Run: forgotdrop.Run,
			Concept: "forgetting drop(tx) hangs rx.iter(): an open original Sender keeps the channel alive; Close it after cloning"},
	)
}
