package gitcmd

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain isolates git from the machine: no global or system config, a
// fixed identity, and no GIT_* variables inherited from a hook that might
// be running `go test`.
func TestMain(m *testing.M) {
	if os.Getenv(hookHelperEnv) != "" {
		os.Exit(hookHelper())
	}
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
		// file:// submodules and the default branch name, without a config file.
		"GIT_CONFIG_COUNT":   "2",
		"GIT_CONFIG_KEY_0":   "protocol.file.allow",
		"GIT_CONFIG_VALUE_0": "always",
		"GIT_CONFIG_KEY_1":   "init.defaultBranch",
		"GIT_CONFIG_VALUE_1": "main",
	} {
		os.Setenv(k, v)
	}
	os.Exit(m.Run())
}

// git runs git in dir for test setup and returns its trimmed output.
func git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	return gitEnv(t, dir, nil, args...)
}

func gitEnv(t testing.TB, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// tempDir is t.TempDir with symlinks resolved, so it compares equal to the
// paths git prints.
func tempDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

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
