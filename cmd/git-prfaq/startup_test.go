package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNothingBuiltAtStart: no package linked into git-prfaq compiles a
// regular expression, builds a map or calls a function literal in a
// package-level variable, which every start would pay for (`git prfaq
// version`, a hook with no PRFAQ staged); such tables are built on first
// use (sync.OnceValue) or written as constants, slices and arrays of
// constants, or switches, which need no code at start. See README,
// "Performance". TestInitAllocations measures what is left.
func TestNothingBuiltAtStart(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}\t{{.Dir}}\t{{join .GoFiles \"\\t\"}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 3 || !strings.HasPrefix(f[0], "github.com/prfaq/git-prfaq") {
			continue
		}
		for _, name := range f[2:] {
			checked++
			for _, v := range builtAtStart(t, filepath.Join(f[1], name)) {
				t.Errorf("%s/%s: %s is built at start: wrap it in sync.OnceValue, or write it as constants or a switch", f[0], name, v)
			}
		}
	}
	if checked < 50 {
		t.Fatalf("only %d files checked: go list's output changed", checked)
	}
}

// builtAtStart lists the package-level variables of a Go file whose value
// does work at start (see builds).
func builtAtStart(t *testing.T, path string) []string {
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
				if builds(v) && i < len(vs.Names) {
					out = append(out, vs.Names[i].Name)
				}
			}
		}
	}
	return out
}

// builds reports whether evaluating e compiles a pattern, builds a map
// or calls a function literal, not counting what function literals hold
// (run on first use, not at start).
func builds(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.MapType: // a map literal's type, or make's
			found = true
		case *ast.CallExpr:
			_, found = n.Fun.(*ast.FuncLit)
		case *ast.SelectorExpr:
			if x, ok := n.X.(*ast.Ident); ok && x.Name == "regexp" && (n.Sel.Name == "MustCompile" || n.Sel.Name == "Compile") {
				found = true
			}
		}
		return !found
	})
	return found
}

// TestBuiltAtStartFinds: the check above sees a pattern compiled, a map
// built or a function called at start, directly or inside a composite
// value, and not what is built on first use or needs no code.
func TestBuiltAtStartFinds(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "x.go")
	src := "package x\n\nimport (\n\t\"regexp\"\n\t\"sync\"\n)\n\n" +
		"var eager = regexp.MustCompile(`a`)\n" +
		"var table = []*regexp.Regexp{regexp.MustCompile(`b`)}\n" +
		"var lazy = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`c`) })\n" +
		"var (\n\tplain = 1\n\tpair, eager2 = 2, regexp.MustCompile(`d`)\n)\n" +
		"var set = map[string]bool{\"a\": true}\n" +
		"var nested = []map[string]int{{\"a\": 1}}\n" +
		"var computed = func() []int { return []int{1} }()\n" +
		"var made = make(map[string]int)\n" +
		"var lazySet = sync.OnceValue(func() map[string]bool { return map[string]bool{\"a\": true} })\n" +
		"var words = []string{\"a\", \"b\"}\n" +
		"var pairs = [...]struct{ a, b string }{{\"a\", \"b\"}}\n" +
		"var f = func() int { return 1 }\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(builtAtStart(t, path), " ")
	if want := "eager table eager2 set nested computed made"; got != want {
		t.Errorf("builtAtStart found %q, want %q", got, want)
	}
}

// initBudget is the most a package of this module may allocate in its
// package init (GODEBUG=inittrace=1's bytes). What is left once every
// table is built on first use is sync.OnceValue's two small objects per
// lazy table and the error values: 1.8 KB at most (internal/quantity, 21
// tables). A table built at init is more: the scorecard's template was
// 58 KB, prfaq's lexicon 33 KB, internal/quantity's maps 28 KB, the
// CRC-32C table 9 KB (docs/performance.md, "Start-up").
const initBudget = 3 << 10

// TestInitAllocations runs this test binary, which links every package of
// git-prfaq, with GODEBUG=inittrace=1 and fails for each package of the
// binary whose init allocates more than initBudget.
func TestInitAllocations(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s -test.run=^$: %v\n%s", os.Args[0], err, out)
	}
	stats := parseInitTrace(string(out))
	if len(stats) < 50 {
		t.Fatalf("only %d init lines read: GODEBUG=inittrace=1's format changed?\n%s", len(stats), out)
	}
	ours := binaryPackages(t)
	checked := 0
	for _, s := range stats {
		if ours[s.pkg] {
			checked++
		}
	}
	if checked == 0 {
		t.Fatalf("no package of git-prfaq among the init lines:\n%s", out)
	}
	for _, msg := range overInitBudget(stats, ours, initBudget) {
		t.Error(msg)
	}
}

// initStat is one line of GODEBUG=inittrace=1: what a package's init
// allocated.
type initStat struct {
	pkg           string
	bytes, allocs int
}

// parseInitTrace reads the lines "init PKG @T ms, D ms clock, N bytes, M
// allocs" of out, skipping any other line.
func parseInitTrace(out string) []initStat {
	var stats []initStat
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) != 11 || f[0] != "init" || f[6] != "clock," || f[8] != "bytes," || f[10] != "allocs" {
			continue
		}
		bytes, err1 := strconv.Atoi(f[7])
		allocs, err2 := strconv.Atoi(f[9])
		if err1 != nil || err2 != nil {
			continue
		}
		stats = append(stats, initStat{pkg: f[1], bytes: bytes, allocs: allocs})
	}
	return stats
}

// overInitBudget names each package of ours whose init allocated more
// than budget bytes.
func overInitBudget(stats []initStat, ours map[string]bool, budget int) []string {
	var out []string
	for _, s := range stats {
		if ours[s.pkg] && s.bytes > budget {
			out = append(out, fmt.Sprintf("%s allocates %d bytes (%d objects) at init, over the budget of %d: build its tables on first use (sync.OnceValue) or write them as constants", s.pkg, s.bytes, s.allocs, budget))
		}
	}
	return out
}

// binaryPackages are the packages of this module that git-prfaq links
// (not the test helpers this test binary links too).
func binaryPackages(t *testing.T) map[string]bool {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	ours := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "github.com/prfaq/git-prfaq/") {
			ours[p] = true
		}
	}
	return ours
}

// TestOverInitBudget: lines as the runtime prints them are read, and a
// package of ours that builds a table at init fails the budget, named
// with its figures; lines of other packages, of test helpers not in the
// binary, and other output do not. The over-budget lines were measured
// before the tables moved to first use.
func TestOverInitBudget(t *testing.T) {
	t.Parallel()
	out := strings.Join([]string{
		"init github.com/prfaq/git-prfaq/internal/report @2.2 ms, 0.12 ms clock, 58512 bytes, 1216 allocs",
		"init github.com/prfaq/git-prfaq/prfaq @2.0 ms, 0.044 ms clock, 33280 bytes, 176 allocs",
		"init github.com/prfaq/git-prfaq/internal/resultcache @2.0 ms, 0.12 ms clock, 9216 bytes, 3 allocs",
		"init github.com/prfaq/git-prfaq/internal/gate @2.2 ms, 0.003 ms clock, 72 bytes, 2 allocs",
		"init github.com/prfaq/git-prfaq/internal/quantity @7.6 ms, 0.024 ms clock, 1816 bytes, 41 allocs",
		"init github.com/yuin/goldmark/util @1.6 ms, 0.22 ms clock, 139464 bytes, 437 allocs",
		"init github.com/prfaq/git-prfaq/internal/ghcomment/ghfake @8.8 ms, 0.026 ms clock, 27392 bytes, 266 allocs",
		"init github.com/prfaq/git-prfaq/config @1 ms",
		"testing: warning: no tests to run",
		"PASS",
	}, "\n")
	stats := parseInitTrace(out)
	if len(stats) != 7 {
		t.Fatalf("parseInitTrace read %d lines, want 7: %+v", len(stats), stats)
	}
	if want := (initStat{"github.com/prfaq/git-prfaq/internal/report", 58512, 1216}); stats[0] != want {
		t.Errorf("first line read as %+v, want %+v", stats[0], want)
	}
	ours := map[string]bool{}
	for _, p := range []string{"internal/report", "prfaq", "internal/resultcache", "internal/gate", "internal/quantity", "config"} {
		ours["github.com/prfaq/git-prfaq/"+p] = true
	}
	got := overInitBudget(stats, ours, initBudget)
	want := []string{
		"github.com/prfaq/git-prfaq/internal/report allocates 58512 bytes (1216 objects)",
		"github.com/prfaq/git-prfaq/prfaq allocates 33280 bytes (176 objects)",
		"github.com/prfaq/git-prfaq/internal/resultcache allocates 9216 bytes (3 objects)",
	}
	if len(got) != len(want) {
		t.Fatalf("overInitBudget = %q, want %d messages", got, len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]+" at init, over the budget of 3072") {
			t.Errorf("message %d = %q, want it to start %q", i, got[i], want[i])
		}
	}
}

// FuzzParseInitTrace: whatever the output, each line read is one the
// runtime could have printed: written back in that form, it reads the same.
func FuzzParseInitTrace(f *testing.F) {
	f.Add("init github.com/prfaq/git-prfaq/prfaq @2.0 ms, 0.044 ms clock, 33280 bytes, 176 allocs\nPASS\n")
	f.Add("init runtime @0.022 ms, 0.027 ms clock, 0 bytes, 0 allocs")
	f.Add("init x @1 ms, 1 ms clock, -1 bytes, +2 allocs")
	f.Fuzz(func(t *testing.T, out string) {
		for _, s := range parseInitTrace(out) {
			line := fmt.Sprintf("init %s @0 ms, 0 ms clock, %d bytes, %d allocs", s.pkg, s.bytes, s.allocs)
			if got := parseInitTrace(line); len(got) != 1 || got[0] != s {
				t.Errorf("%+v written as %q reads back as %+v", s, line, got)
			}
		}
	})
}
