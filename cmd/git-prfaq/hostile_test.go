package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/internal/agreement"
	"github.com/prfaq/git-prfaq/internal/gittest"
)

// hostilePush returns documents made to exhaust the reader, as a push
// brings them to a server (issue 10): each must be refused in bounded time.
// A function, not a variable: as a variable its 10 MB were built at the
// start of every run of the test binary, each git-prfaq a script runs too.
func hostilePush() map[string]string {
	return map[string]string{
		"dotted-key":  "+++\n" + strings.Repeat("a.", 20000) + "a = 1\n+++\n# Example Corp launches X\n",
		"links":       "# Example Corp launches X\n\n" + strings.Repeat("[a](", 100000) + "\n",
		"lists":       "# Example Corp launches X\n\n" + strings.Repeat("- ", 160000) + "x\n",
		"placeholder": "# Example Corp launches X\n\n## Summary\n\n" + strings.Repeat("TBD ", 250000) + "\n",
		"too-large":   "# Example Corp launches X\n\n" + strings.Repeat("Plain words. ", 250000) + "\n",
	}
}

// TestHostilePreReceive pushes every hostile document at once to a bare
// server whose pre-receive hook runs git-prfaq: the push is refused, each
// document with a line naming why, in a few seconds, not minutes.
func TestHostilePreReceive(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not on PATH")
	}
	t.Parallel()
	bin := agreementBinary(t)
	env := append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"GIT_AUTHOR_NAME=Jane Roe", "GIT_AUTHOR_EMAIL=jane@example.com",
		"GIT_COMMITTER_NAME=Jane Roe", "GIT_COMMITTER_EMAIL=jane@example.com",
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
	dir := t.TempDir()
	work, server := filepath.Join(dir, "work"), filepath.Join(dir, "server.git")
	gittest.Git(t, dir, env, "init", "-q", "-b", "main", work)
	gittest.WriteFile(t, filepath.Join(work, agreement.File), agreement.Render(agreement.Start))
	gittest.Git(t, work, env, "add", "-A")
	gittest.Git(t, work, env, "commit", "-q", "-m", "Start")
	gittest.Git(t, dir, env, "init", "-q", "--bare", "-b", "main", server)
	gittest.Git(t, work, env, "push", "-q", server, "main")
	if out, err := runGit(server, env, "git-prfaq", "hook", "install"); err != nil {
		t.Fatalf("hook install: %v\n%s", err, out)
	}
	gittest.Git(t, work, env, "checkout", "-q", "-b", "hostile")
	docs := hostilePush()
	for name, doc := range docs {
		gittest.WriteFile(t, filepath.Join(work, name, "PRFAQ.md"), doc)
	}
	gittest.Git(t, work, env, "add", "-A")
	gittest.Git(t, work, env, "commit", "-q", "-m", "Hostile")

	start := time.Now()
	out, err := runGit(work, env, "git", "push", server, "hostile")
	took := time.Since(start)
	if err == nil {
		t.Fatalf("the server accepted hostile documents:\n%s", out)
	}
	for name := range docs {
		if !strings.Contains(out, name+"/PRFAQ.md") {
			t.Errorf("no line names %s/PRFAQ.md:\n%s", name, out)
		}
	}
	// Before the limits, these took minutes and gigabytes; a loaded CI
	// machine still does them in a few seconds.
	if took > 30*time.Second {
		t.Errorf("the push took %v", took)
	}
	t.Logf("refused in %v; the last lines:\n%s", took, lastLines(out, 6))
}

func runGit(dir string, env []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("%s %s: %w", name, strings.Join(args, " "), err)
	}
	return string(out), nil
}

func lastLines(s string, n int) string {
	ls := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(ls[max(len(ls)-n, 0):], "\n")
}
