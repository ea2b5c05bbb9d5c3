package flow

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
)

// Requires are the analyzers that Funcs needs.
var Requires = []*analysis.Analyzer{inspect.Analyzer, ctrlflow.Analyzer}

// A Func is one function body of the package: a declaration or a literal.
// A literal is a function of its own: it runs when it is called, not where
// it is written, and the variables it captures are its parameters.
type Func struct {
	Node  ast.Node // *ast.FuncDecl or *ast.FuncLit
	Body  *ast.BlockStmt
	CFG   *cfg.CFG
	Obj   *types.Func // nil for a literal
	Sig   *types.Signature
	Stack []ast.Node // the enclosing nodes, outermost first, the function last
}

// Funcs lists the package's function bodies, declarations and literals, in
// the order of the source.
func Funcs(pass *analysis.Pass) []*Func {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	cfgs := pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
	var out []*Func
	kinds := []ast.Node{(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)}
	ins.WithStack(kinds, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		f := &Func{Node: n, Stack: append([]ast.Node(nil), stack...)}
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body == nil {
				return true
			}
			f.Body = n.Body
			f.CFG = cfgs.FuncDecl(n)
			f.Obj, _ = pass.TypesInfo.Defs[n.Name].(*types.Func)
			if f.Obj != nil {
				f.Sig, _ = f.Obj.Type().(*types.Signature)
			}
		case *ast.FuncLit:
			f.Body = n.Body
			f.CFG = cfgs.FuncLit(n)
			f.Sig, _ = pass.TypesInfo.TypeOf(n).(*types.Signature)
		}
		if f.CFG != nil {
			out = append(out, f)
		}
		return true
	})
	return out
}

// Params are f's receiver (first, when it has one) and parameters.
func (f *Func) Params() []*types.Var {
	if f.Sig == nil {
		return nil
	}
	var ps []*types.Var
	if f.Sig.Recv() != nil {
		ps = append(ps, f.Sig.Recv())
	}
	for i := range f.Sig.Params().Len() {
		ps = append(ps, f.Sig.Params().At(i))
	}
	return ps
}

// Outer is the function that f is written in, for a literal; nil for a
// declaration.
func (f *Func) Outer(all []*Func) *Func {
	for i := len(f.Stack) - 2; i >= 0; i-- {
		switch f.Stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			for _, g := range all {
				if g.Node == f.Stack[i] {
					return g
				}
			}
			return nil
		}
	}
	return nil
}
