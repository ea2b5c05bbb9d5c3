// Package lostunlock reports a lock that some path out of a function
// leaves held: a fearless guard (from Mutex.Lock, RwLock.Read, ...) or a
// sync.Mutex or sync.RWMutex.
//
// Rust releases a guard when it goes out of scope, on every path, panics
// included; Go releases a lock only where the code says so. The analyzer
// follows each lock along the paths of the function's control-flow graph:
// early returns, loops, defer, closures called at once or deferred, and
// helpers that unlock (facts from the fearlesslocks analyzer, across
// packages). A path ends a hold with the Unlock, a deferred Unlock, or by
// handing the guard on: returning it, storing or sending it, giving it to
// a goroutine or to a function that releases it. A guard that came with
// ErrPoisoned is still valid and must still be unlocked; a panic path
// (a call of panic between Lock and a plain Unlock) leaves a guard's lock
// held, never poisoned, for whoever recovers. (A sync lock on a panic path
// is not reported: sync has no poisoning, and such a panic is most often
// an assertion that ends the program.)
//
// A sync lock on a path out is reported only when the function releases
// the same lock somewhere, or would: a function that only locks (a lock
// helper) hands the lock to its caller, and one that unlocks a lock it did
// not take (called with it held) may take it again before it returns.
//
// The report is at the call that takes the lock, with a fix that adds
// defer g.Unlock() where that is mechanical (a fearless guard in a
// variable; its Unlock is idempotent, so an explicit Unlock may stay).
package lostunlock

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/fearlessgo/fearless/vet/internal/flow"
	"github.com/fearlessgo/fearless/vet/internal/locks"
	"github.com/fearlessgo/fearless/vet/internal/report"
)

// Analyzer is the lostunlock analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "lostunlock",
	Doc:      "report a lock (a fearless guard, sync.Mutex, sync.RWMutex) not released on some path out of the function",
	URL:      "https://pkg.go.dev/github.com/fearlessgo/fearless/vet/lostunlock",
	Requires: append([]*analysis.Analyzer{locks.Analyzer}, flow.Requires...),
	Run:      run,
}

func init() { report.Flag(Analyzer) }

func run(pass *analysis.Pass) (any, error) {
	if report.Skip(pass) {
		return nil, nil
	}
	in := pass.ResultOf[locks.Analyzer].(*locks.Info)
	for _, f := range in.Funcs {
		res := in.Results[f.Node]
		if res == nil {
			continue
		}
		// A sync lock that every path to the function's last return
		// holds is what the function is for (TryLock, a lock helper
		// with a result); its early ways out are where it gives up.
		lastExit := lastReturn(pass, f)
		helper := map[string]bool{}
		for _, l := range res.Leaks {
			if l.Sync && l.Exit == flow.Return && lastExit != token.NoPos && l.At >= lastExit && !res.Freed[l.At][l.Key] {
				helper[l.Key] = true
			}
		}
		first := map[string]locks.Leak{}
		for _, l := range res.Leaks {
			if helper[l.Key] {
				continue
			}
			if l.Sync && (!res.Released[l.Key] || res.EntryReleased[l.Key] || l.Exit == flow.Panic) {
				continue
			}
			k := fmt.Sprint(l.Pos, l.Key)
			if o, ok := first[k]; !ok || better(l, o) {
				first[k] = l
			}
		}
		var leaks []locks.Leak
		for _, l := range first {
			leaks = append(leaks, l)
		}
		sort.Slice(leaks, func(i, j int) bool { return leaks[i].Pos < leaks[j].Pos })
		for _, l := range leaks {
			reportLeak(pass, l)
		}
	}
	return nil, nil
}

// lastReturn is where the textually last way out of f leaves, when it is
// a success: its last return statement (unless that returns an error that
// is surely not nil), or the end of its body when control can fall off it.
func lastReturn(pass *analysis.Pass, f *flow.Func) token.Pos {
	var last *ast.ReturnStmt
	ast.Inspect(f.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if last == nil || n.Pos() > last.Pos() {
				last = n
			}
		}
		return true
	})
	if f.Sig == nil || f.Sig.Results().Len() == 0 {
		return f.Body.Rbrace
	}
	if last == nil {
		return token.NoPos
	}
	for _, r := range last.Results {
		t := pass.TypesInfo.TypeOf(r)
		if t != nil && types.Identical(t, errorType) && failure(pass, r) {
			return token.NoPos // a failure: not what the function is for
		}
	}
	return last.Pos()
}

var errorType = types.Universe.Lookup("error").Type()

// failure reports whether e is surely an error that is not nil: a package's
// error variable (ErrClosed) or a call (errors.New, fmt.Errorf). A local
// err may be nil.
func failure(pass *analysis.Pass, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return true
	case *ast.SelectorExpr:
		return failure(pass, e.Sel)
	case *ast.Ident:
		v, ok := pass.TypesInfo.Uses[e].(*types.Var)
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	}
	return false
}

// better prefers a return to a panic, then the earlier exit.
func better(a, b locks.Leak) bool {
	if (a.Exit == flow.Return) != (b.Exit == flow.Return) {
		return a.Exit == flow.Return
	}
	return a.At < b.At
}

func reportLeak(pass *analysis.Pass, l locks.Leak) {
	where := report.Where(pass, l.Pos, l.At)
	unlock := "Unlock"
	if l.Mode == "r" {
		unlock = "RUnlock"
	}
	switch {
	case l.Sync:
		report.At(pass, l.Pos, nil, "%s is not unlocked on the path that returns at %s; unlock it on that path too, or use defer %s.%s()", l.Taker, where, l.Name, unlock)
	case l.Guard == nil:
		report.At(pass, l.Pos, nil, "the guard from %s is dropped without Unlock, so the lock stays held; keep it in a variable and defer its Unlock()", l.Taker)
	default:
		var fixes []analysis.SuggestedFix
		if !l.Try {
			text := fmt.Sprintf("defer %s.Unlock()", l.Name)
			fixes = append(fixes, report.InsertAfter(pass, "add "+text, l.Stmt, l.StmtEnd, text))
		}
		if l.Exit == flow.Panic {
			report.At(pass, l.Pos, fixes, "guard %s from %s stays locked if the panic at %s happens; add defer %s.Unlock() after it", l.Name, l.Taker, where, l.Name)
			return
		}
		poisoned := ""
		if l.Err != nil {
			poisoned = " (a guard that comes with ErrPoisoned holds the lock too)"
		}
		report.At(pass, l.Pos, fixes, "guard %s from %s is not unlocked on the path that returns at %s%s; add defer %s.Unlock() after it", l.Name, l.Taker, where, poisoned, l.Name)
	}
}
