package natsch

import "errors"

// The errors of this package, besides mpsc's sentinels (mpsc.ErrDisconnected,
// mpsc.ErrEmpty, mpsc.ErrTimeout, mpsc.ErrFull, mpsc.ErrClosed), which the
// handles return with the meaning they have in mpsc. Match them with
// errors.Is.
var (
	// ErrNoChannel: an Open call named a channel that does not exist, or
	// no longer does (both its sides are gone and it was removed).
	ErrNoChannel = errors.New("natsch: no such channel")
	// ErrInUse: Channel or SyncChannel named a channel that exists and
	// still has senders or receivers.
	ErrInUse = errors.New("natsch: channel name in use")
	// ErrKind: an Open call for the wrong kind of channel: OpenSender on a
	// bounded one, or OpenSyncSender on an unbounded one.
	ErrKind = errors.New("natsch: wrong kind of channel")
	// ErrDecode: Recv took a value that the codec could not decode. The
	// value is acknowledged, so that it does not come again.
	ErrDecode = errors.New("natsch: value does not decode")
)
