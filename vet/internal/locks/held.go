package locks

import (
	"go/token"
	"go/types"
)

// Held is a lock that some path holds, or, with Pos 0, only a note: that a
// deferred call will release it when the function returns, or (Freed) that
// a path released it.
type Held struct {
	Key      string    // the lock within the function
	Class    string    // the lock across functions, "" when unknown
	Name     string    // as the source writes it: "s.mu", "g"
	Pos      token.Pos // the call that took it
	Deferred bool      // a deferred call releases it at the end
	Entry    bool      // held when the function started (the function of a With)
	Sync     bool      // a sync lock; else a fearless guard
	Try      bool      // taken by a TryLock that may have failed
	Guard    *types.Var
	Err      *types.Var // the error that came with the guard
	Param    int        // the parameter the lock is reached from, -1 for a package variable, -2 for none
	Sel      string
	Mode     string
	Stmt     token.Pos // the start of the statement that took it
	StmtEnd  token.Pos
	Taker    string     // what took it, as written: "m.Lock()"
	Lock     string     // the lock, as written: "m", "s.mu"
	LockKey  string     // the lock object within the function, whatever the mode
	Root     *types.Var // the variable LockKey starts from
	Freed    bool       // a note that a path released it
}

// holding is whether h is a lock held, rather than a note.
func (h Held) holding() bool { return h.Pos != token.NoPos || h.Entry }
