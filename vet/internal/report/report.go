// Package report is how fearless vet's analyzers report: one sentence that
// says what is wrong and how to fix it, at the position the contract names,
// unless the line carries a directive that allows it.
//
// A deliberate mistake (a tour example that shows a deadlock) is kept quiet
// with a comment on the reported line (alone or at the end of its comment)
// or on the line above it:
//
//	//fearless:allow lockorder the tour shows this cycle on purpose
//
// naming the analyzer, then why. Each analyzer's flag -showallowed
// (-lockorder.showallowed under go vet) reports them anyway.
package report

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/fearlessgo/fearless/vet/internal/api"
)

// ShowAllowed makes At report what an allow directive keeps quiet.
var ShowAllowed bool

// Flag gives a its -showallowed flag.
func Flag(a *analysis.Analyzer) {
	a.Flags.BoolVar(&ShowAllowed, "showallowed", false, "report also what //fearless:allow comments keep quiet")
}

// Skip reports whether the analyzers leave the package alone (api.Exempt).
func Skip(pass *analysis.Pass) bool { return api.Exempt(pass.Pkg.Path()) }

// At reports the sentence at pos, with fixes, unless allowed there.
func At(pass *analysis.Pass, pos token.Pos, fixes []analysis.SuggestedFix, format string, args ...any) {
	if !ShowAllowed && allowed(pass, pos) {
		return
	}
	pass.Report(analysis.Diagnostic{
		Pos:            pos,
		Message:        fmt.Sprintf(format, args...),
		SuggestedFixes: fixes,
	})
}

const directive = "//fearless:allow "

func allowed(pass *analysis.Pass, pos token.Pos) bool {
	line := pass.Fset.Position(pos).Line
	for _, f := range pass.Files {
		if f.FileStart > pos || pos > f.FileEnd {
			continue
		}
		for _, g := range f.Comments {
			for _, c := range g.List {
				if allows(c, pass.Analyzer.Name) {
					l := pass.Fset.Position(c.Slash).Line
					if l == line || l == line-1 {
						return true
					}
				}
			}
		}
	}
	return false
}

func allows(c *ast.Comment, name string) bool {
	i := strings.Index(c.Text, directive)
	if i < 0 || !strings.HasPrefix(c.Text, "//") {
		return false
	}
	rest := c.Text[i+len(directive):]
	fields := strings.Fields(rest)
	return len(fields) > 0 && fields[0] == name
}

// Line is the line of pos, for sentences that point at another line.
func Line(pass *analysis.Pass, pos token.Pos) int { return pass.Fset.Position(pos).Line }

// Where is "line N" when pos is in the file of at, else "file:N".
func Where(pass *analysis.Pass, at, pos token.Pos) string {
	p, q := pass.Fset.Position(at), pass.Fset.Position(pos)
	if p.Filename == q.Filename {
		return fmt.Sprintf("line %d", q.Line)
	}
	return fmt.Sprintf("%s:%d", shortFile(q.Filename), q.Line)
}

func shortFile(name string) string {
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// InsertAfter is a fix that adds the statement text on a line of its own
// after the line where the statement from start to end ends (after its
// comment, if any), indented as the statement.
func InsertAfter(pass *analysis.Pass, message string, start, end token.Pos, text string) analysis.SuggestedFix {
	col := pass.Fset.Position(start).Column
	indent := strings.Repeat("\t", max(col-1, 0))
	if tf := pass.Fset.File(end); tf != nil {
		if line := tf.Line(end); line < tf.LineCount() {
			end = tf.LineStart(line+1) - 1
		}
	}
	return analysis.SuggestedFix{
		Message:   message,
		TextEdits: []analysis.TextEdit{{Pos: end, End: end, NewText: []byte("\n" + indent + text)}},
	}
}
