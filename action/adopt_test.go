package action

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/internal/agreement"
)

// TestAdoption runs the adoption tools through the Action (git prfaq ci):
// a baseline committed on the base branch and an inline suppression let a
// pull request that adds nothing new pass; a new problem still fails it,
// and a baseline the pull request rewrites is not trusted.
func TestAdoption(t *testing.T) {
	t.Parallel()
	env := baseEnv(t)
	origin := filepath.Join(t.TempDir(), "origin")
	if err := os.Mkdir(origin, 0o755); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(origin, filepath.FromSlash(agreement.File))
	start := agreement.Render(agreement.Start)
	// Two known problems: one baselined, one suppressed with a reason.
	known := strings.Replace(start, "One percent of each sale.", "One percent of each sale, TODO confirm with finance.", 1)
	known = strings.Replace(known, "Sign up at example.com/pay", "<!-- prfaq-ignore placeholder: the page name is decided at launch -->\nSign up at [Page Name]", 1)
	git(t, filepath.Dir(origin), env, "init", "-q", "-b", "main", origin)
	writeFile(t, doc, known)
	writeFile(t, filepath.Join(origin, ".prfaq.toml"), "[baseline]\nfile = \".prfaq-baseline.json\"\n")
	git(t, origin, env, "add", "-A")
	git(t, origin, env, "commit", "-q", "-m", "Pay, with known problems")
	out, err := runIn(origin, env, filepath.Join(binDir, "git-prfaq"), "check", "--all", "--write-baseline", ".prfaq-baseline.json")
	if err != nil {
		t.Fatalf("write the baseline: %v\n%s", err, out)
	}
	git(t, origin, env, "add", "-A")
	git(t, origin, env, "commit", "-q", "-m", "Baseline")
	base := git(t, origin, env, "rev-parse", "HEAD")

	branch := func(name, content string, extra func()) string {
		git(t, origin, env, "checkout", "-q", "-b", name, base)
		writeFile(t, doc, content)
		if extra != nil {
			extra()
		}
		git(t, origin, env, "add", "-A")
		git(t, origin, env, "commit", "-q", "-m", name)
		return git(t, origin, env, "rev-parse", "HEAD")
	}
	prose := branch("prose", strings.Replace(known, "Cash that arrives", "Money that arrives", 1), nil)
	worse := branch("worse", strings.Replace(known, "Instant payment rails", "TBD payment rails", 1), nil)
	cheat := branch("cheat", strings.Replace(known, "Instant payment rails", "TBD payment rails", 1), func() {
		// The change records its own new problem in the baseline.
		if out, err := runIn(origin, env, filepath.Join(binDir, "git-prfaq"), "check", "--all", "--write-baseline", ".prfaq-baseline.json"); err != nil {
			t.Logf("rewrote the baseline: %v\n%s", err, out)
		}
	})
	for _, tc := range []struct {
		name, branch, head string
		code               int
	}{
		{"known problems only", "prose", prose, 0},
		{"a new problem", "worse", worse, 1},
		{"a baseline the change rewrites is not trusted", "cheat", cheat, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ws := filepath.Join(t.TempDir(), "ws")
			git(t, filepath.Dir(ws), env, "clone", "-q", "--branch", tc.branch, "file://"+origin, ws)
			git(t, ws, env, "checkout", "-q", "--detach", tc.head)
			r := newRunner(t, ws)
			r.event("pull_request", prEvent(base, tc.head))
			res := r.run(ws, "check")
			if res.code != tc.code {
				t.Fatalf("exit %d, want %d\n%s", res.code, tc.code, res)
			}
			summary := readFile(t, r.file("summary.md"))
			if tc.code == 0 && !strings.Contains(summary+res.stdout, "in the baseline") {
				t.Errorf("the summary does not count the baseline:\n%s\n%s", summary, res)
			}
			if strings.Contains(res.stdout, "Page Name") {
				t.Errorf("a suppressed finding was annotated:\n%s", res)
			}
		})
	}
}

func runIn(dir string, env []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	return string(out), err
}
