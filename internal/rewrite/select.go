package rewrite

import (
	"go/ast"
	"go/token"
	"strconv"
)

// selectStmt turns a select statement into a call of gort.Select and a
// switch on the case it chose:
//
//	{
//		fearless_c1 := fearless_gort.In(ch)
//		fearless_c2 := fearless_gort.Out(out).Case(v)
//		switch fearless_s3 := fearless_gort.Select(false, fearless_c1.Case(), fearless_c2); fearless_s3.Index {
//		case 0:
//			x, ok := fearless_gort.Value(fearless_c1, fearless_s3)
//			...
//		case 1:
//			...
//		}
//	}
//
// Channels and sent values are evaluated once, in order, before the choice,
// as Go does; break in a case leaves the switch as it left the select.
func (r *rewriter) selectStmt(n *ast.SelectStmt) ast.Stmt {
	block := &ast.BlockStmt{Lbrace: n.Select}
	sel := &ast.Ident{NamePos: n.Select, Name: r.fresh("s")}
	var cases []ast.Expr
	hasDefault := false
	sw := &ast.SwitchStmt{
		Switch: n.Select,
		Init:   nil,
		Tag:    &ast.SelectorExpr{X: ast.NewIdent(sel.Name), Sel: ast.NewIdent("Index")},
		Body:   &ast.BlockStmt{},
	}
	index := 0
	for _, cl := range n.Body.List {
		cc := cl.(*ast.CommClause)
		clause := &ast.CaseClause{Body: cc.Body, Case: cc.Case, Colon: cc.Colon}
		if cc.Comm == nil {
			hasDefault = true
			sw.Body.List = append(sw.Body.List, clause)
			continue
		}
		name := &ast.Ident{NamePos: cc.Comm.Pos(), Name: r.fresh("c")}
		var init ast.Expr
		var recvInto *ast.AssignStmt
		switch s := cc.Comm.(type) {
		case *ast.SendStmt:
			init = method(call(r.gortAt(s.Pos(), "Out"), s.Chan), "Case", s.Value)
			cases = append(cases, ast.NewIdent(name.Name))
		case *ast.ExprStmt:
			init = call(r.gortAt(s.Pos(), "In"), ast.Unparen(s.X).(*ast.UnaryExpr).X)
			cases = append(cases, method(ast.NewIdent(name.Name), "Case"))
		case *ast.AssignStmt:
			init = call(r.gortAt(s.Rhs[0].Pos(), "In"), ast.Unparen(s.Rhs[0]).(*ast.UnaryExpr).X)
			cases = append(cases, method(ast.NewIdent(name.Name), "Case"))
			recvInto = r.received(s, name.Name, sel.Name)
		}
		block.List = append(block.List, &ast.AssignStmt{Lhs: []ast.Expr{name}, Tok: token.DEFINE, Rhs: []ast.Expr{init}})
		clause.List = []ast.Expr{&ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(index)}}
		if recvInto != nil {
			clause.Body = append([]ast.Stmt{recvInto}, clause.Body...)
		}
		sw.Body.List = append(sw.Body.List, clause)
		index++
	}
	if len(n.Body.List) == 0 {
		// select {} blocks forever; the loop keeps it a terminating statement.
		return &ast.ForStmt{For: n.Select, Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: call(r.gortAt(n.Select, "Block"))}}}}
	}
	if !hasDefault {
		// The last case becomes the default: Select returns one of the
		// cases, and a select whose every case ends in a return stays a
		// terminating statement, as Go requires of the end of a function.
		last := sw.Body.List[len(sw.Body.List)-1].(*ast.CaseClause)
		last.List = nil
	}
	args := append([]ast.Expr{ast.NewIdent(strconv.FormatBool(hasDefault))}, cases...)
	sw.Init = &ast.AssignStmt{Lhs: []ast.Expr{sel}, Tok: token.DEFINE, Rhs: []ast.Expr{call(r.gortAt(n.Select, "Select"), args...)}}
	block.List = append(block.List, sw)
	r.selectBlocks[block] = true
	return block
}

// received is the assignment a receive case makes, from what the select
// received.
func (r *rewriter) received(s *ast.AssignStmt, c, sel string) *ast.AssignStmt {
	allBlank := true
	for _, l := range s.Lhs {
		if id, ok := l.(*ast.Ident); !ok || id.Name != "_" {
			allBlank = false
		}
	}
	if allBlank && s.Tok == token.DEFINE {
		return nil
	}
	fn := "Got"
	if len(s.Lhs) == 2 {
		fn = "Value"
	}
	return &ast.AssignStmt{Lhs: s.Lhs, Tok: s.Tok, Rhs: []ast.Expr{call(r.gortAt(s.Rhs[0].Pos(), fn), ast.NewIdent(c), ast.NewIdent(sel))}}
}
