package gitcmd

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/prfaq/git-prfaq/internal/gittest"
)

// TestMain isolates git from the machine (see gittest.Isolate); it is also
// the hook helper that tests install as a git hook.
func TestMain(m *testing.M) {
	if os.Getenv(hookHelperEnv) != "" {
		os.Exit(hookHelper())
	}
	gittest.Isolate(nil)
	os.Exit(m.Run())
}

// git runs git in dir for test setup and returns its trimmed output.
func git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	return gittest.Git(t, dir, nil, args...)
}

func gitEnv(t testing.TB, dir string, env []string, args ...string) string {
	t.Helper()
	return gittest.Git(t, dir, env, args...)
}

var (
	writeFile = gittest.WriteFile
	tempDir   = gittest.TempDir
)

// newRepo makes an empty repository; args go to git init.
func newRepo(t testing.TB, args ...string) string {
	t.Helper()
	dir := tempDir(t)
	git(t, dir, append([]string{"init", "-q"}, args...)...)
	return dir
}

// commitFiles writes files (path -> content) and commits them all.
func commitFiles(t testing.TB, dir, msg string, files map[string]string) string {
	t.Helper()
	for p, c := range files {
		writeFile(t, filepath.Join(dir, p), c)
	}
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "--allow-empty", "-m", msg)
	return git(t, dir, "rev-parse", "HEAD")
}

func open(t testing.TB, dir string) *Repo {
	t.Helper()
	repo, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("Open(%q): %v", dir, err)
	}
	return repo
}

// hookHelperEnv makes the test binary act as a git hook (see
// TestStagedChangesInCommitHooks): it keeps the environment git gave it.
const hookHelperEnv = "GITCMD_TEST_HOOK"

// hookHelper prints StagedChanges as seen from a hook. It first changes
// into a subdirectory, as a -C flag would, which is what breaks a relative
// GIT_INDEX_FILE if it is not resolved against the starting directory.
func hookHelper() int {
	if err := os.Chdir("sub"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	repo, err := Open(context.Background(), "")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	changes, err := repo.StagedChanges(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for _, c := range changes {
		fmt.Printf("%c %s\n", c.Status, c.Path)
	}
	return 0
}
