package action

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/internal/agreement"
)

// TestAgreement runs the agreement table (package agreement) through the
// Action as a pull request from change into main: it must refuse exactly
// the histories every other entry point refuses, and report the same
// weakenings in its outputs. (cmd/git-prfaq and internal/gate run the same
// table through the hooks, check, diff and log.)
func TestAgreement(t *testing.T) {
	t.Parallel()
	for _, s := range agreement.Scenarios() {
		t.Run(s.Name, func(t *testing.T) {
			t.Parallel()
			env := baseEnv(t)
			origin := filepath.Join(t.TempDir(), "origin")
			if err := os.Mkdir(origin, 0o755); err != nil {
				t.Fatal(err)
			}
			agreement.Build(t, origin, env, s)
			base := git(t, origin, env, "rev-parse", "main")
			head := git(t, origin, env, "rev-parse", "change")

			ws := filepath.Join(t.TempDir(), "ws")
			git(t, filepath.Dir(ws), env, "clone", "-q", "--branch", "change", "file://"+origin, ws)
			git(t, ws, env, "checkout", "-q", "--detach", head)
			r := newRunner(t, ws)
			r.event("pull_request", prEvent(base, head))
			res := r.run(ws, "check")

			blocked := res.code == 1
			if res.code != 0 && res.code != 1 {
				t.Fatalf("the Action failed: %s", res)
			}
			if blocked != s.Blocked {
				t.Errorf("the Action: refused = %v, want %v\n%s", blocked, s.Blocked, res)
			}
			out := r.outputs()
			if counted := out["weakened"] != "0"; counted && !s.Blocked && !strings.HasPrefix(s.Name, "draft-weakening") {
				t.Errorf("the Action passes but reports weakened=%s", out["weakened"])
			}
			if s.Blocked && !s.ConfigOnly && out["weakened"] == "0" {
				t.Errorf("the Action refuses but reports weakened=0\n%s", res)
			}
			if s.Silent && (out["weakened"] != "0" || strings.Contains(res.stdout+res.stderr, "metric-weakened")) {
				t.Errorf("metric-weakened is off, yet the Action reports it: weakened=%s\n%s", out["weakened"], res)
			}
		})
	}
}
