package history

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/change"
	"github.com/prfaq/git-prfaq/gitcmd"
)

// TestMain isolates git from the machine: no global or system config, a
// fixed identity, no GIT_* variables from a hook that runs `go test`.
func TestMain(m *testing.M) {
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "GIT_") {
			os.Unsetenv(k)
		}
	}
	for k, v := range map[string]string{
		"GIT_CONFIG_GLOBAL":   "/dev/null",
		"GIT_CONFIG_NOSYSTEM": "1",
		"GIT_AUTHOR_NAME":     "Test Author",
		"GIT_AUTHOR_EMAIL":    "author@example.com",
		"GIT_COMMITTER_NAME":  "Test Committer",
		"GIT_COMMITTER_EMAIL": "committer@example.com",
		"GIT_AUTHOR_DATE":     "2026-11-26T10:00:00Z",
		"GIT_COMMITTER_DATE":  "2026-11-26T10:00:00Z",
		"GIT_CONFIG_COUNT":    "2",
		"GIT_CONFIG_KEY_0":    "init.defaultBranch",
		"GIT_CONFIG_VALUE_0":  "main",
		"GIT_CONFIG_KEY_1":    "protocol.file.allow",
		"GIT_CONFIG_VALUE_1":  "always",
	} {
		os.Setenv(k, v)
	}
	os.Exit(m.Run())
}

// testRepo is a scratch repository.
type testRepo struct {
	t   *testing.T
	dir string
}

func newTestRepo(t *testing.T) *testRepo {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	r := &testRepo{t, dir}
	r.git("init", "-q")
	return r
}

// git runs git in the repository and returns its trimmed output.
func (r *testRepo) git(args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func (r *testRepo) write(path, content string) {
	r.t.Helper()
	p := filepath.Join(r.dir, filepath.FromSlash(path))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// commit writes files (path -> content; "" deletes), commits everything
// with the message, and returns the commit id.
func (r *testRepo) commit(msg string, files map[string]string) string {
	r.t.Helper()
	for p, c := range files {
		if c == "" {
			r.git("rm", "-q", p)
			continue
		}
		r.write(p, c)
	}
	r.git("add", "-A")
	r.git("commit", "-q", "--allow-empty", "-m", msg)
	return r.git("rev-parse", "HEAD")
}

func (r *testRepo) open() *gitcmd.Repo {
	r.t.Helper()
	repo, err := gitcmd.Open(context.Background(), r.dir)
	if err != nil {
		r.t.Fatal(err)
	}
	return repo
}

// summary renders changes as "file: metric summary [commit] (ack)" for
// comparison; commits are named by the message that made them.
func (r *testRepo) summary(cs []change.Change) []string {
	r.t.Helper()
	names := map[string]string{"": "work tree"}
	out := []string{}
	for _, c := range cs {
		name, ok := names[c.Commit]
		if !ok {
			name = r.git("log", "-1", "--format=%s", c.Commit)
			names[c.Commit] = name
		}
		s := c.File + ": " + c.Metric + " " + c.Summary() + " [" + name + "]"
		if c.Acknowledged != "" {
			s += " (" + c.Acknowledged + ")"
		}
		if c.Draft {
			s += " draft"
		}
		out = append(out, s)
	}
	return out
}
