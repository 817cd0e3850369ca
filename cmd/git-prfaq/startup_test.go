package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoPatternCompiledAtStart: no package linked into git-prfaq compiles
// a regular expression in a package-level variable, which every start
// would pay for (`git prfaq version`, a hook with no PRFAQ staged); they
// are compiled on first use (sync.OnceValue). See README, "Performance".
// internal/quantity is left to its own tests: its tables are its API.
func TestNoPatternCompiledAtStart(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}\t{{.Dir}}\t{{join .GoFiles \"\\t\"}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 3 || !strings.HasPrefix(f[0], "github.com/prfaq/git-prfaq") || strings.HasSuffix(f[0], "/internal/quantity") {
			continue
		}
		for _, name := range f[2:] {
			checked++
			for _, v := range compiledAtStart(t, filepath.Join(f[1], name)) {
				t.Errorf("%s/%s: %s is compiled at start: wrap it in sync.OnceValue", f[0], name, v)
			}
		}
	}
	if checked < 50 {
		t.Fatalf("only %d files checked: go list's output changed", checked)
	}
}

// compiledAtStart lists the package-level variables of a Go file whose
// value calls regexp.MustCompile or regexp.Compile outside a function
// literal.
func compiledAtStart(t *testing.T, path string) []string {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range file.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			for i, v := range vs.Values {
				if compiles(v) && i < len(vs.Names) {
					out = append(out, vs.Names[i].Name)
				}
			}
		}
	}
	return out
}

// compiles reports whether evaluating e compiles a pattern, not counting
// function literals (run on first use, not at start).
func compiles(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectorExpr:
			if x, ok := n.X.(*ast.Ident); ok && x.Name == "regexp" && (n.Sel.Name == "MustCompile" || n.Sel.Name == "Compile") {
				found = true
			}
		}
		return !found
	})
	return found
}

// TestCompiledAtStartFinds: the check above sees a pattern compiled at
// start, directly or inside a composite value, and not one compiled on
// first use.
func TestCompiledAtStartFinds(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "x.go")
	src := "package x\n\nimport (\n\t\"regexp\"\n\t\"sync\"\n)\n\n" +
		"var eager = regexp.MustCompile(`a`)\n" +
		"var table = []*regexp.Regexp{regexp.MustCompile(`b`)}\n" +
		"var lazy = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`c`) })\n" +
		"var (\n\tplain = 1\n\tpair, eager2 = 2, regexp.MustCompile(`d`)\n)\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(compiledAtStart(t, path), " ")
	if got != "eager table eager2" {
		t.Errorf("compiledAtStart found %q, want %q", got, "eager table eager2")
	}
}
