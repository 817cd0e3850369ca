package history

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/prfaq/git-prfaq/internal/gittest"

	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
)

// TestMain isolates git from the machine (see gittest.Isolate), with fixed
// commit dates so that hashes and dates in expectations are stable.
func TestMain(m *testing.M) {
	gittest.Isolate(map[string]string{
		"GIT_AUTHOR_DATE":    "2026-11-26T10:00:00Z",
		"GIT_COMMITTER_DATE": "2026-11-26T10:00:00Z",
	})
	os.Exit(m.Run())
}

// testRepo is a scratch repository.
type testRepo struct {
	t   *testing.T
	dir string
}

func newTestRepo(t *testing.T) *testRepo {
	t.Helper()
	r := &testRepo{t, gittest.TempDir(t)}
	r.git("init", "-q")
	return r
}

// git runs git in the repository and returns its trimmed output.
func (r *testRepo) git(args ...string) string {
	r.t.Helper()
	return gittest.Git(r.t, r.dir, nil, args...)
}

func (r *testRepo) write(path, content string) {
	r.t.Helper()
	gittest.WriteFile(r.t, filepath.Join(r.dir, filepath.FromSlash(path)), content)
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
