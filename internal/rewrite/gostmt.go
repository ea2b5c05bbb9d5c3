package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// goStmt turns go f(x, y) into
//
//	{
//		fearless_f1, fearless_a2, fearless_a3 := f, x, y
//		fearless_gort.GoAt(fearless_pos_x_go_1, func() { fearless_f1(fearless_a2, fearless_a3) })
//	}
//
// so that the function value and its arguments are evaluated where the go
// statement is, as Go evaluates them. Constants, nil and function literals
// stay where they are: evaluating them later changes nothing, and a
// constant keeps its untyped meaning.
func (r *rewriter) goStmt(n *ast.GoStmt) ast.Stmt {
	inner := &ast.CallExpr{Fun: n.Call.Fun, Args: append([]ast.Expr(nil), n.Call.Args...), Ellipsis: n.Call.Ellipsis}
	var names, values []ast.Expr
	if r.evaluatedLate(n.Call.Fun) {
		name := &ast.Ident{NamePos: n.Go, Name: r.fresh("f")}
		names, values = append(names, name), append(values, n.Call.Fun)
		inner.Fun = ast.NewIdent(name.Name)
	}
	if results := r.tuple(n.Call.Args); results > 1 {
		// go f(g()): g's results are the arguments, one name each.
		inner.Args = nil
		var lhs []ast.Expr
		for range results {
			name := &ast.Ident{NamePos: n.Go, Name: r.fresh("a")}
			lhs = append(lhs, name)
			inner.Args = append(inner.Args, ast.NewIdent(name.Name))
		}
		var list []ast.Stmt
		if len(names) > 0 {
			list = append(list, &ast.AssignStmt{Lhs: names, Tok: token.DEFINE, Rhs: values})
		}
		return &ast.BlockStmt{Lbrace: n.Go, List: append(list,
			&ast.AssignStmt{Lhs: lhs, Tok: token.DEFINE, Rhs: n.Call.Args},
			r.spawn(n.Go, inner))}
	}
	for i, a := range n.Call.Args {
		if r.stable(a) {
			continue
		}
		name := &ast.Ident{NamePos: n.Go, Name: r.fresh("a")}
		names, values = append(names, name), append(values, r.typed(a))
		inner.Args[i] = ast.NewIdent(name.Name)
	}
	spawn := r.spawn(n.Go, inner)
	if len(names) == 0 {
		return spawn
	}
	return &ast.BlockStmt{Lbrace: n.Go, List: []ast.Stmt{
		&ast.AssignStmt{Lhs: names, Tok: token.DEFINE, Rhs: values},
		spawn,
	}}
}

// typed returns a, converted to the type it has as an argument if it may
// be untyped: a comparison, a shift or a negation takes its type from
// where it is used, which a variable holding it would not. When the type
// has no name in the file, a stays as it is.
func (r *rewriter) typed(a ast.Expr) ast.Expr {
	maybeUntyped := false
	switch e := ast.Unparen(a).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.SHL, token.SHR:
			maybeUntyped = true
		}
	case *ast.UnaryExpr:
		maybeUntyped = e.Op == token.NOT
	}
	if !maybeUntyped {
		return a
	}
	if t := r.typeName(r.info.TypeOf(a)); t != nil {
		return &ast.CallExpr{Fun: t, Args: []ast.Expr{a}}
	}
	return a
}

// typeName is an expression naming t in the file: a basic type, a type
// of the package or of a package the file imports; nil otherwise.
func (r *rewriter) typeName(t types.Type) ast.Expr {
	switch t := t.(type) {
	case *types.Basic:
		if t.Info()&types.IsUntyped != 0 {
			return nil
		}
		return ast.NewIdent(t.Name())
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() == nil || obj.Parent() != obj.Pkg().Scope() || t.TypeArgs().Len() > 0 {
			return nil
		}
		if obj.Pkg() == r.pkg() {
			return ast.NewIdent(obj.Name())
		}
		for _, spec := range r.file.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil || path != obj.Pkg().Path() {
				continue
			}
			name := obj.Pkg().Name()
			if spec.Name != nil {
				name = spec.Name.Name
			}
			if name != "_" && name != "." {
				return &ast.SelectorExpr{X: ast.NewIdent(name), Sel: ast.NewIdent(obj.Name())}
			}
		}
	}
	return nil
}

// pkg is the package of the file.
func (r *rewriter) pkg() *types.Package {
	if obj := r.info.Defs[r.file.Name]; obj != nil {
		return obj.Pkg()
	}
	for _, obj := range r.info.Defs {
		if obj != nil {
			return obj.Pkg()
		}
	}
	return nil
}

// spawn is fearless_gort.GoAt(pos, func() { inner }), at the go
// statement's position: the goroutine is started at its line.
func (r *rewriter) spawn(pos token.Pos, inner *ast.CallExpr) ast.Stmt {
	return &ast.ExprStmt{X: call(r.gortAt(pos, "GoAt"), r.posOf(pos), &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{}},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: inner}}},
	})}
}

// tuple returns the number of results of the one argument of a call
// f(g()) that passes g's results on, or 0.
func (r *rewriter) tuple(args []ast.Expr) int {
	if len(args) != 1 {
		return 0
	}
	if t, ok := r.info.TypeOf(args[0]).(*types.Tuple); ok {
		return t.Len()
	}
	return 0
}

// evaluatedLate reports whether the function expression of a go statement
// has a value that must be taken at the statement: a method value (whose
// receiver is evaluated there) or any expression but a plain function name
// or literal.
func (r *rewriter) evaluatedLate(fun ast.Expr) bool {
	switch f := ast.Unparen(fun).(type) {
	case *ast.FuncLit:
		return false
	case *ast.Ident:
		_, isFunc := r.info.Uses[f].(*types.Func)
		_, isBuiltin := r.info.Uses[f].(*types.Builtin)
		return !isFunc && !isBuiltin && r.info.Uses[f] != nil
	case *ast.SelectorExpr:
		if sel, ok := r.info.Selections[f]; ok {
			return sel.Kind() == types.MethodVal || sel.Kind() == types.FieldVal
		}
		// A qualified identifier (pkg.F) or a call the rewriting made.
		if id, ok := f.X.(*ast.Ident); ok {
			if _, isPkg := r.info.Uses[id].(*types.PkgName); isPkg || id.Name == gortName {
				_, isVar := r.info.Uses[f.Sel].(*types.Var)
				return isVar
			}
		}
		return true
	case *ast.IndexExpr, *ast.IndexListExpr:
		if _, ok := r.info.Instances[indexed(f)]; ok {
			return false // an instantiated generic function
		}
		return true
	}
	return true
}

func indexed(e ast.Expr) *ast.Ident {
	switch x := e.(type) {
	case *ast.IndexExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			return id
		}
		if s, ok := x.X.(*ast.SelectorExpr); ok {
			return s.Sel
		}
	case *ast.IndexListExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			return id
		}
		if s, ok := x.X.(*ast.SelectorExpr); ok {
			return s.Sel
		}
	}
	return nil
}

// stable reports whether an argument has the same value wherever it is
// evaluated.
func (r *rewriter) stable(a ast.Expr) bool {
	if _, ok := ast.Unparen(a).(*ast.FuncLit); ok {
		return true
	}
	tv, ok := r.info.Types[a]
	return ok && (tv.Value != nil || tv.IsNil() || tv.IsType())
}
