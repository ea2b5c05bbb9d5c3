package mpsc

// How long the waits of this package look before they park, in rounds of
// internal/backoff's policy.
const (
	// waitYields is how many times a wait yields the processor before it
	// parks. Spinning first does not pay: a goroutine woken by a send is
	// queued on the sender's processor and runs only once the sender
	// stops. A sender waiting for room in a full buffer yields less (see
	// SyncSender.yields), and a receiver of an unbounded channel not at
	// all (see Receiver.yields).
	waitYields = 4
	// handWaitSpins is how many rounds a sender whose value a receiver is
	// sending spins before it parks: the receiver is a few steps away.
	handWaitSpins = 6
)
