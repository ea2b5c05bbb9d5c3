// Package vet is fearless vet: static checks for what Rust's compiler would
// have refused and Go's accepts, on fearless's types and, where the same
// mistake exists, on plain Go's.
//
// Each check is an analyzer on golang.org/x/tools/go/analysis, in a
// package of its own below this one, usable from go vet
// (go vet -vettool=$(which fearless-vet)), from gopls and from the
// fearless command (fearless vet ./...):
//
//	lostunlock     a lock not released on some path out of the function
//	guardescape    a guard, or the pointer from Get, used after Unlock or kept where it outlives the lock
//	unclosedsender a sender the function owns left open, or a receive loop that waits on its own open sender
//	lockorder      two locks taken in opposite orders in the package
//	sendmove       a value written by the sender after it was sent
//	sessionlinear  a session endpoint used after a step consumed it, or dropped before Close or Abort
//
// The analyzers follow paths, not lines: each runs a dataflow problem on
// the function's control-flow graph (package internal/flow), so that a lock
// released on one branch only is still held after it. What a function does
// to its caller's locks and senders travels to callers in other packages
// as analysis facts. A report is a sentence that says what is wrong and
// how to fix it, at the line the contract names; a deliberate mistake is
// kept quiet with a //fearless:allow comment (package internal/report).
package vet

import (
	"golang.org/x/tools/go/analysis"

	"github.com/fearlessgo/fearless/vet/guardescape"
	"github.com/fearlessgo/fearless/vet/lockorder"
	"github.com/fearlessgo/fearless/vet/lostunlock"
	"github.com/fearlessgo/fearless/vet/sendmove"
	"github.com/fearlessgo/fearless/vet/sessionlinear"
	"github.com/fearlessgo/fearless/vet/unclosedsender"
)

// Analyzers are the analyzers of fearless vet, in the order of the contract.
var Analyzers = []*analysis.Analyzer{
	lostunlock.Analyzer,
	guardescape.Analyzer,
	unclosedsender.Analyzer,
	lockorder.Analyzer,
	sendmove.Analyzer,
	sessionlinear.Analyzer,
}
