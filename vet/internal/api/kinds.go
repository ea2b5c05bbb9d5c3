package api

import "strings"

// Lock is what a call does to a lock.
type Lock int

// The lock operations.
const (
	NoLock  Lock = iota
	Acquire      // takes the lock, blocking
	TryAcq       // may take the lock, without blocking
	Release      // releases it
	Briefly      // takes and releases it within the call (Load, Set, With)
	Borrows      // takes a guard and gives it back held (Condvar.Wait)
)

// syncOps are the sync methods on a lock, by Name; the mode is "r" for
// a read lock and "" for an exclusive one.
var syncOps = map[string]struct {
	op   Lock
	mode string
}{
	"sync.Mutex.Lock":       {Acquire, ""},
	"sync.Mutex.TryLock":    {TryAcq, ""},
	"sync.Mutex.Unlock":     {Release, ""},
	"sync.RWMutex.Lock":     {Acquire, ""},
	"sync.RWMutex.TryLock":  {TryAcq, ""},
	"sync.RWMutex.Unlock":   {Release, ""},
	"sync.RWMutex.RLock":    {Acquire, "r"},
	"sync.RWMutex.TryRLock": {TryAcq, "r"},
	"sync.RWMutex.RUnlock":  {Release, "r"},
}

// SyncOp is what the sync method name does, and the mode it does it in.
func SyncOp(name string) (Lock, string) {
	o, ok := syncOps[name]
	if !ok {
		return NoLock, ""
	}
	return o.op, o.mode
}

// lockOps are the methods of fearless's locks, by Name.
var lockOps = map[string]Lock{
	Shared + ".Mutex.Lock":        Acquire,
	Shared + ".Mutex.TryLock":     TryAcq,
	Shared + ".RwLock.Read":       Acquire,
	Shared + ".RwLock.Write":      Acquire,
	Shared + ".RwLock.TryRead":    TryAcq,
	Shared + ".RwLock.TryWrite":   TryAcq,
	Shared + ".Mutex.With":        Briefly,
	Shared + ".Mutex.Load":        Briefly,
	Shared + ".Mutex.Set":         Briefly,
	Shared + ".Mutex.Replace":     Briefly,
	Shared + ".RwLock.Load":       Briefly,
	Shared + ".RwLock.Set":        Briefly,
	Shared + ".RwLock.Replace":    Briefly,
	Shared + ".MutexGuard.Unlock": Release,
	Shared + ".ReadGuard.Unlock":  Release,
	Shared + ".WriteGuard.Unlock": Release,
}

// LockOp is what the fearless method name does to a lock or a guard.
func LockOp(name string) Lock { return lockOps[name] }

// IsGuard reports whether t is a fearless guard type (through a pointer).
func IsGuard(t string) bool {
	switch t {
	case Shared + ".MutexGuard", Shared + ".ReadGuard", Shared + ".WriteGuard":
		return true
	}
	return false
}

// IsCondWait reports whether name is a Condvar wait, which takes a guard,
// releases its lock while it waits and returns with the lock held again.
func IsCondWait(name string) bool {
	return strings.HasPrefix(name, Shared+".Condvar.Wait")
}

// IsSender reports whether t (a TypeName) is an mpsc sender.
func IsSender(t string) bool { return t == Mpsc+".Sender" || t == Mpsc+".SyncSender" }

// IsReceiver reports whether t (a TypeName) is an mpsc receiver.
func IsReceiver(t string) bool { return t == Mpsc+".Receiver" }

// MakesChannel reports whether name makes an mpsc channel.
func MakesChannel(name string) bool { return name == Mpsc+".Channel" || name == Mpsc+".SyncChannel" }

// SendArg is the index of the argument that a send method sends, or -1
// when name does not send: mpsc's Send, TrySend, SendTimeout and
// SendContext, and session.Put.
func SendArg(name string) int {
	switch name {
	case Mpsc + ".Sender.Send", Mpsc + ".SyncSender.Send", Mpsc + ".SyncSender.TrySend", Mpsc + ".SyncSender.SendTimeout":
		return 0
	case Mpsc + ".SyncSender.SendContext", Mpsc + ".Sender.SendContext", Session + ".Put":
		return 1
	}
	return -1
}

// IsSessionChan reports whether t (a TypeName) is a session endpoint.
func IsSessionChan(t string) bool { return t == Session+".Chan" }

// SessionStep reports whether name is a session operation that consumes its
// first argument, an endpoint (Put, Take, Left, Right, Branch, Enter, Zero,
// Succ, Close).
func SessionStep(name string) bool {
	switch strings.TrimPrefix(name, Session+".") {
	case "Put", "Take", "Left", "Right", "Branch", "Enter", "Zero", "Succ", "Close":
		return strings.HasPrefix(name, Session+".")
	}
	return false
}

// Spawns reports whether name starts a goroutine that runs a function
// argument: the thread and pool packages' Go, Spawn and Submit.
func Spawns(name string) bool {
	switch name {
	case Thread + ".Spawn", Thread + ".Go", Thread + ".SpawnWith", Thread + ".ScopedSpawn",
		Thread + ".ScopeHandle.Go", Pool + ".Pool.Go", Pool + ".Submit",
		"golang.org/x/sync/errgroup.Group.Go", "golang.org/x/sync/errgroup.Group.TryGo",
		"sync.WaitGroup.Go":
		return true
	}
	return false
}
