package mpsc

// How long the waits of this package look before they park, in rounds of
// internal/backoff's policy.
const (
	// waitYields is how many times a wait yields the processor before it
	// parks. Spinning first does not pay: a goroutine woken by a send is
	// queued on the sender's processor and runs only once the sender
	// stops. A blocked sender yields less (sendYields), and a receiver of
	// an unbounded channel not at all (see Receiver.yields).
	waitYields = 4
	// sendYields is how many times a blocked Send yields before it parks.
	// The goroutine it waits for is the one receiver, but what a yield lets
	// run is mostly the other blocked senders, which only yield in turn:
	// with several senders, more yields made a full buffer and a rendezvous
	// slower (BenchmarkBounded1024, bench's chan/rendezvous/mpsc).
	sendYields = 1
	// handWaitSpins is how many rounds a sender whose value a receiver is
	// sending spins before it parks: the receiver is a few steps away.
	handWaitSpins = 6
)
