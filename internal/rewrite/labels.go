package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// branches records, for each label of the file, which branch statements
// (break, continue, goto) name it.
func (r *rewriter) branches() {
	r.labelUses = map[types.Object]map[token.Token]bool{}
	ast.Inspect(r.file, func(n ast.Node) bool {
		if br, ok := n.(*ast.BranchStmt); ok && br.Label != nil {
			if obj := r.info.Uses[br.Label]; obj != nil {
				if r.labelUses[obj] == nil {
					r.labelUses[obj] = map[token.Token]bool{}
				}
				r.labelUses[obj][br.Tok] = true
			}
		}
		return true
	})
}

// labeledSelect places the label of a select that became block, the block
// that evaluates its channels and then switches on the case chosen:
//
//   - break L leaves the switch, so the label goes on the switch;
//   - goto L runs the select again, channels evaluated anew as Go does,
//     so the label stays on the block;
//   - when goto and break both name L, L stays on the block and the
//     breaks name a new label of the switch.
func (r *rewriter) labeledSelect(n *ast.LabeledStmt, b *ast.BlockStmt) ast.Stmt {
	obj := r.info.Defs[n.Label]
	uses := r.labelUses[obj]
	last := len(b.List) - 1
	if !uses[token.GOTO] {
		b.List[last] = &ast.LabeledStmt{Label: n.Label, Stmt: b.List[last]}
		return b
	}
	if uses[token.BREAK] {
		inner := r.fresh("l")
		ast.Inspect(b.List[last], func(x ast.Node) bool {
			if br, ok := x.(*ast.BranchStmt); ok && br.Tok == token.BREAK && br.Label != nil && r.info.Uses[br.Label] == obj {
				br.Label = &ast.Ident{NamePos: br.Label.NamePos, Name: inner}
			}
			return true
		})
		b.List[last] = &ast.LabeledStmt{Label: &ast.Ident{NamePos: n.Label.NamePos, Name: inner}, Stmt: b.List[last]}
	}
	return n
}
