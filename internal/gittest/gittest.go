// Package gittest is what the tests that drive the real git share: an
// environment isolated from the machine's git configuration, running git
// for setup, writing files, and the rule for outside tools.
package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Isolate makes the process's git independent of the machine: no global or
// system configuration, a fixed identity, main as the default branch,
// file:// submodules allowed, and no GIT_* variables inherited from a hook
// that may be running `go test`. extra adds or overrides variables (e.g.
// fixed commit dates). Call it from TestMain, before m.Run.
func Isolate(extra map[string]string) {
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "GIT_") {
			os.Unsetenv(k)
		}
	}
	env := map[string]string{
		"GIT_CONFIG_GLOBAL":   os.DevNull,
		"GIT_CONFIG_NOSYSTEM": "1",
		"GIT_AUTHOR_NAME":     "Test Author",
		"GIT_AUTHOR_EMAIL":    "author@example.com",
		"GIT_COMMITTER_NAME":  "Test Committer",
		"GIT_COMMITTER_EMAIL": "committer@example.com",
		"GIT_CONFIG_COUNT":    "2",
		"GIT_CONFIG_KEY_0":    "init.defaultBranch",
		"GIT_CONFIG_VALUE_0":  "main",
		"GIT_CONFIG_KEY_1":    "protocol.file.allow",
		"GIT_CONFIG_VALUE_1":  "always",
	}
	for k, v := range extra {
		env[k] = v
	}
	for k, v := range env {
		os.Setenv(k, v)
	}
}

// Git runs git in dir with env added for test setup, and returns its
// trimmed output; a failure ends the test.
func Git(t testing.TB, dir string, env []string, args ...string) string {
	t.Helper()
	out, err := Try(dir, env, args...)
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// Try is Git that returns the error instead of failing the test.
func Try(dir string, env []string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

// WriteFile writes content to path, making its directories.
func WriteFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TempDir is t.TempDir with symlinks resolved, so it compares equal to the
// paths git prints.
func TempDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// RequireTool returns the path of an outside tool a test needs. Where it
// is missing the test skips with the reason, unless PRFAQ_REQUIRE_TOOLS is
// set (CI sets it, having installed every tool): then it fails.
func RequireTool(t testing.TB, name, install string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("PRFAQ_REQUIRE_TOOLS") != "" {
		t.Fatalf("%s is not on PATH and PRFAQ_REQUIRE_TOOLS is set: .ci/run installs it (%s)", name, install)
	}
	t.Skipf("%s is not on PATH: %s to run this test", name, install)
	return ""
}
