// Package locks follows locks through a function: which locks each path
// holds at each point, where each was taken, and what the function does
// to the locks of its callers. lostunlock reports the locks still held on
// a path out; lockorder records which lock is taken while which is held.
//
// A lock is a sync.Mutex or sync.RWMutex, named by the path of the
// expression it is called on (s.mu, shards[i].mu), or a fearless guard,
// named by the variable that holds it. A path releases a lock with its
// Unlock; with a deferred Unlock, or a deferred function that calls it; or,
// for a guard, by handing it on: returning it, storing or sending it,
// giving it to a goroutine, or passing it to a function that releases it.
// A function's Summary, a fact, tells its callers in this and other
// packages which of their locks it releases (an unlock helper), which it
// returns holding (a lock helper) and which lock classes it takes.
package locks
