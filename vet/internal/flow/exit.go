package flow

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"
)

// Exit is how a path leaves a function.
type Exit int

// The ways out.
const (
	NotExit  Exit = iota
	Return        // a return statement or the end of the body
	Panic         // a call of panic
	NoReturn      // a call that never returns: os.Exit, log.Fatal, t.Fatal, runtime.Goexit
)

// ExitOf is how block b leaves its function, NotExit when it does not.
func ExitOf(info *types.Info, cfgs *ctrlflow.CFGs, b *cfg.Block) Exit {
	if !b.Live || len(b.Succs) > 0 {
		return NotExit
	}
	if len(b.Nodes) == 0 {
		return Return
	}
	switch n := b.Nodes[len(b.Nodes)-1].(type) {
	case *ast.ReturnStmt:
		return Return
	case *ast.ExprStmt:
		call, ok := ast.Unparen(n.X).(*ast.CallExpr)
		if !ok {
			return Return
		}
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
				return Panic
			}
		}
		if fn := typeutil.StaticCallee(info, call); fn != nil && cfgs.NoReturn(fn) {
			return NoReturn
		}
		if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && isNoReturn(fn) {
			return NoReturn
		}
	}
	return Return
}

// isNoReturn knows the testing methods that end the test goroutine, which
// ctrlflow does not see through testing.TB.
func isNoReturn(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != "testing" {
		return false
	}
	switch fn.Name() {
	case "Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow":
		return true
	}
	return false
}
