package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/prfaq/git-prfaq/internal/agreement"
	"github.com/prfaq/git-prfaq/internal/gittest"
)

// TestAgreement runs every history of the agreement table through every
// entry point that judges a weakening, with the real git and the built
// binary, and asserts the one verdict: check --range and --base, diff, the
// hooks git runs on a merge (pre-merge-commit, commit-msg), pre-push,
// pre-receive on a server, and log after the merge. (The Action runs the
// same table in package action.)
func TestAgreement(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not on PATH")
	}
	bin := agreementBinary(t)
	for _, s := range agreement.Scenarios() {
		t.Run(s.Name, func(t *testing.T) {
			t.Parallel()
			a := newAgreementRepo(t, bin, s)
			a.judgeRange()
			a.judgeDiff()
			a.judgePrePush()
			a.judgePreReceive()
			a.judgeMerge()
			a.judgeLog()
		})
	}
}

var agreementBin struct {
	once sync.Once
	dir  string
	err  error
	out  []byte
}

// agreementBinary builds git-prfaq once for every scenario.
func agreementBinary(t *testing.T) string {
	t.Helper()
	agreementBin.once.Do(func() {
		dir, err := os.MkdirTemp("", "git-prfaq-agreement")
		if err != nil {
			agreementBin.err = err
			return
		}
		agreementBin.dir = dir
		agreementBin.out, agreementBin.err = exec.Command("go", "build", "-o", filepath.Join(dir, "git-prfaq"), ".").CombinedOutput()
	})
	if agreementBin.err != nil {
		t.Fatalf("go build: %v\n%s", agreementBin.err, agreementBin.out)
	}
	return agreementBin.dir
}

type agreementRepo struct {
	t   *testing.T
	s   agreement.Scenario
	dir string
	env []string
}

func newAgreementRepo(t *testing.T, bin string, s agreement.Scenario) *agreementRepo {
	home := t.TempDir()
	env := []string{
		"HOME=" + home, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=" + filepath.Join(home, ".gitconfig"),
		"GIT_AUTHOR_NAME=Jane Roe", "GIT_AUTHOR_EMAIL=jane@example.com",
		"GIT_COMMITTER_NAME=Jane Roe", "GIT_COMMITTER_EMAIL=jane@example.com",
		"GIT_PRFAQ_TODAY=2026-11-26", "NO_COLOR=1", "LANG=C",
		"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"),
	}
	a := &agreementRepo{t: t, s: s, dir: filepath.Join(t.TempDir(), "repo"), env: env}
	if err := os.Mkdir(a.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	agreement.Build(t, a.dir, env, s)
	return a
}

// run runs a command in dir and returns its combined output and whether
// it succeeded; a failure to start ends the test.
func (a *agreementRepo) run(dir string, name string, args ...string) (string, bool) {
	a.t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, a.env
	out, err := cmd.CombinedOutput()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		a.t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out), err == nil
}

func (a *agreementRepo) git(dir string, args ...string) string {
	a.t.Helper()
	return gittest.Git(a.t, dir, a.env, args...)
}

// verdict asserts what one entry point said. A check or hook says nothing
// of a weakening when metric-weakened is off.
func (a *agreementRepo) verdict(entry, out string, blocked bool) {
	a.t.Helper()
	a.judged(entry, out, blocked, a.s.Blocked)
	if a.s.Silent && strings.Contains(out, "weaken") {
		a.t.Errorf("%s: metric-weakened is off, yet it speaks of a weakening:\n%s", entry, out)
	}
}

// report asserts what diff or log said: they show every change's effect,
// weakened included, and mark only what the gate would refuse of the
// metrics.
func (a *agreementRepo) report(entry, out string, blocked bool) {
	a.t.Helper()
	a.judged(entry, out, blocked, a.s.Blocked && !a.s.ConfigOnly)
	if a.s.Silent && strings.Contains(out, "acknowledged") {
		a.t.Errorf("%s: metric-weakened is off, yet it judges a weakening:\n%s", entry, out)
	}
}

// judged asserts one verdict.
func (a *agreementRepo) judged(entry, out string, blocked, want bool) {
	a.t.Helper()
	if blocked != want {
		want := "pass"
		if a.s.Blocked {
			want = "refuse"
		}
		a.t.Errorf("%s: want it to %s\n%s", entry, want, out)
	}
}

func (a *agreementRepo) judgeRange() {
	out, ok := a.run(a.dir, "git-prfaq", "check", "--range", "main..change")
	a.verdict("check --range main..change", out, !ok)
	out, ok = a.run(a.dir, "git-prfaq", "check", "--base", "main")
	a.verdict("check --base main", out, !ok)
}

func (a *agreementRepo) judgeDiff() {
	out, _ := a.run(a.dir, "git-prfaq", "diff", "main", "change")
	a.report("diff main change", out, strings.Contains(out, "(not acknowledged)"))
}

// judgePrePush pushes change to a remote with the pre-push hook installed.
func (a *agreementRepo) judgePrePush() {
	remote := filepath.Join(filepath.Dir(a.dir), "origin.git")
	a.git(a.dir, "init", "-q", "--bare", remote)
	a.git(a.dir, "remote", "add", "origin", remote)
	a.git(a.dir, "push", "-q", "--no-verify", "origin", "main")
	if out, ok := a.run(a.dir, "git-prfaq", "hook", "install"); !ok {
		a.t.Fatalf("hook install: %s", out)
	}
	out, ok := a.run(a.dir, "git", "push", "origin", "change")
	a.verdict("pre-push (git push origin change)", out, !ok)
}

// judgePreReceive pushes change to a server whose pre-receive hook runs
// git-prfaq with the policy committed on its main.
func (a *agreementRepo) judgePreReceive() {
	server := filepath.Join(filepath.Dir(a.dir), "server.git")
	a.git(a.dir, "init", "-q", "--bare", "-b", "main", server)
	a.git(a.dir, "push", "-q", "--no-verify", server, "main")
	if out, ok := a.run(server, "git-prfaq", "hook", "install"); !ok {
		a.t.Fatalf("hook install on the server: %s", out)
	}
	out, ok := a.run(a.dir, "git", "push", "--no-verify", server, "change")
	a.verdict("pre-receive (git push server change)", out, !ok)
}

// judgeMerge merges change into main with the hooks installed: git runs
// pre-merge-commit and commit-msg. A refused merge is then concluded
// without hooks, for the log.
func (a *agreementRepo) judgeMerge() {
	a.git(a.dir, "checkout", "-q", "main")
	out, ok := a.run(a.dir, "git", "merge", "--no-ff", "-m", "Merge change", "change")
	a.verdict("git merge --no-ff change (pre-merge-commit, commit-msg)", out, !ok)
	if !ok {
		a.git(a.dir, "commit", "-q", "--no-verify", "-m", "Merge change")
	}
}

// judgeLog reads the merge commit's line in the log of main.
func (a *agreementRepo) judgeLog() {
	merge := a.git(a.dir, "rev-parse", "--short=7", "HEAD")
	out, _ := a.run(a.dir, "git-prfaq", "log", agreement.File)
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), merge) {
			lines = append(lines, l)
		}
	}
	got := strings.Join(lines, "\n")
	a.report("log (the merge commit "+merge+")", got, strings.Contains(got, "(not acknowledged)"))
	if a.s.LaterAck != "" {
		tip := a.git(a.dir, "rev-parse", "--short=7", "change")
		out, _ := a.run(a.dir, "git-prfaq", "log", "--all-parents", agreement.File)
		if want := "acknowledged by " + tip + ": " + a.s.LaterAck; !strings.Contains(out, want) {
			a.t.Errorf("log --all-parents: want the weakening %s\n%s", want, out)
		}
	}
}
