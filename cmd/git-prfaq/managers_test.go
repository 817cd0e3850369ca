package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/internal/gittest"
)

// These tests run the hook managers people already use (the pre-commit
// framework, lefthook) against a real repository. Locally they skip when
// the tool is missing; CI sets PRFAQ_REQUIRE_TOOLS=1 and installs them, so
// there a missing tool fails the run.

func requireTool(t *testing.T, name string) string {
	t.Helper()
	return gittest.RequireTool(t, name, "apt-get install -y pre-commit; npm install -g lefthook@2.2.1")
}

// gitRepo makes a repository with an isolated configuration and returns
// it with the environment to run commands in it. git-prfaq on its PATH is
// this test binary, which TestMain (testscript.Main) put there under that
// name: nothing needs building.
func gitRepo(t *testing.T) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	home := t.TempDir()
	env := append(os.Environ(),
		"HOME="+home, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+filepath.Join(home, ".gitconfig"),
		"GIT_AUTHOR_NAME=Jane Roe", "GIT_AUTHOR_EMAIL=jane@example.com",
		"GIT_COMMITTER_NAME=Jane Roe", "GIT_COMMITTER_EMAIL=jane@example.com",
		"GIT_PRFAQ_TODAY=2026-11-26")
	runIn(t, dir, env, "git", "init", "-q")
	return dir, env
}

// goCaches are the settings that let a go command run under another HOME
// use this machine's Go configuration, build cache and module cache
// instead of starting cold (and downloading every module) each time.
// -trimpath keeps the build cache's keys free of the source directory,
// which is a new temporary copy of the repository each time.
func goCaches(t *testing.T) []string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOENV", "GOCACHE", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	v := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(v) != 3 {
		t.Fatalf("go env printed %q", out)
	}
	return []string{"GOENV=" + v[0], "GOCACHE=" + v[1], "GOMODCACHE=" + v[2],
		"GOFLAGS=" + strings.TrimSpace(os.Getenv("GOFLAGS")+" -trimpath")}
}

func runIn(t *testing.T, dir string, env []string, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

func mustRun(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	out, err := runIn(t, dir, env, name, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

const brokenPRFAQ = "# Acme launches Ship\n\n## Summary\n\nShort.\n\n## Success Metrics\n\n- Faster shipping\n"

var writeFile = gittest.WriteFile

// TestPreCommitFramework runs this repository's .pre-commit-hooks.yaml
// through `pre-commit try-repo`, which builds git-prfaq with Go as the
// framework does for any golang hook, and expects a broken staged PRFAQ to
// be refused and a good one to pass. The framework gives go its own GOPATH
// (so its own module cache) and the test its own HOME (so its own build
// cache): passing the machine's caches keeps that from being two cold
// builds and a download of every module (23 s here; 7 s with them).
func TestPreCommitFramework(t *testing.T) {
	t.Parallel()
	preCommit := requireTool(t, "pre-commit")
	self, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir, env := gitRepo(t)
	env = append(append(env, goCaches(t)...), "PRE_COMMIT_HOME="+t.TempDir())
	writeFile(t, filepath.Join(dir, "services", "ship", "PRFAQ.md"), brokenPRFAQ)
	mustRun(t, dir, env, "git", "add", ".")
	out, err := runIn(t, dir, env, preCommit, "try-repo", self, "git-prfaq", "--verbose")
	if err == nil || !strings.Contains(out, "metrics-missing") {
		t.Fatalf("pre-commit try-repo passed a broken PRFAQ or did not say why (err %v):\n%s", err, out)
	}
	good, err := os.ReadFile(filepath.Join("..", "..", "check", "testdata", "good.md"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "services", "ship", "PRFAQ.md"), string(good))
	mustRun(t, dir, env, "git", "add", ".")
	if out, err := runIn(t, dir, env, preCommit, "try-repo", self, "git-prfaq"); err != nil {
		t.Fatalf("pre-commit try-repo refused a good PRFAQ: %v\n%s", err, out)
	}
}

// TestPreCommitFrameworkSystem runs the language: system hooks of
// .pre-commit-hooks.yaml through `pre-commit try-repo`: no Go toolchain is
// involved, the git-prfaq on PATH (this test binary) runs. The commit
// variant refuses a broken staged PRFAQ and passes a good one; the push
// variant, given a range as pre-commit passes it (PRE_COMMIT_FROM_REF and
// PRE_COMMIT_TO_REF), refuses a range that adds a broken PRFAQ.
func TestPreCommitFrameworkSystem(t *testing.T) {
	t.Parallel()
	preCommit := requireTool(t, "pre-commit")
	self, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir, env := gitRepo(t)
	// No Go: a system hook must not build anything.
	env = append(env, "PRE_COMMIT_HOME="+t.TempDir(), "GOFLAGS=-mod=nonexistent-mode")
	writeFile(t, filepath.Join(dir, "services", "ship", "PRFAQ.md"), brokenPRFAQ)
	mustRun(t, dir, env, "git", "add", ".")
	out, err := runIn(t, dir, env, preCommit, "try-repo", self, "git-prfaq-system", "--verbose")
	if err == nil || !strings.Contains(out, "metrics-missing") || !strings.Contains(out, "the pre-commit hook refused this") {
		t.Fatalf("pre-commit try-repo git-prfaq-system passed a broken PRFAQ or did not say why (err %v):\n%s", err, out)
	}
	good, err := os.ReadFile(filepath.Join("..", "..", "check", "testdata", "good.md"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "services", "ship", "PRFAQ.md"), string(good))
	mustRun(t, dir, env, "git", "add", ".")
	if out, err := runIn(t, dir, env, preCommit, "try-repo", self, "git-prfaq-system"); err != nil {
		t.Fatalf("pre-commit try-repo git-prfaq-system refused a good PRFAQ: %v\n%s", err, out)
	}

	mustRun(t, dir, env, "git", "commit", "-q", "-m", "Add ship")
	base := strings.TrimSpace(mustRun(t, dir, env, "git", "rev-parse", "HEAD"))
	writeFile(t, filepath.Join(dir, "services", "dock", "PRFAQ.md"), brokenPRFAQ)
	mustRun(t, dir, env, "git", "add", ".")
	mustRun(t, dir, env, "git", "commit", "-q", "-m", "Add dock")
	push := []string{"try-repo", self, "git-prfaq-push-system", "--hook-stage", "push", "--from-ref", base, "--to-ref", "HEAD", "--verbose"}
	out, err = runIn(t, dir, env, preCommit, push...)
	if err == nil || !strings.Contains(out, "services/dock/PRFAQ.md") || strings.Contains(out, "services/ship/PRFAQ.md") {
		t.Fatalf("pre-commit try-repo git-prfaq-push-system passed a range adding a broken PRFAQ, or checked outside the range (err %v):\n%s", err, out)
	}
	mustRun(t, dir, env, "git", "rm", "-q", "services/dock/PRFAQ.md")
	mustRun(t, dir, env, "git", "commit", "-q", "-m", "Drop dock")
	if out, err := runIn(t, dir, env, preCommit, push...); err != nil {
		t.Fatalf("pre-commit try-repo git-prfaq-push-system refused a range that adds nothing broken: %v\n%s", err, out)
	}
}

// TestLefthook installs the lefthook.yml shown in the README and expects
// git commit to be refused for a broken PRFAQ.
func TestLefthook(t *testing.T) {
	t.Parallel()
	lefthook := requireTool(t, "lefthook")
	dir, env := gitRepo(t)
	writeFile(t, filepath.Join(dir, "lefthook.yml"), readmeBlock(t, "lefthook.yml"))
	mustRun(t, dir, env, lefthook, "install")
	if out := mustRun(t, dir, env, "git", "prfaq", "hook", "install"); !strings.Contains(out, "lefthook") {
		t.Errorf("hook install did not recognise lefthook:\n%s", out)
	}
	writeFile(t, filepath.Join(dir, "services", "ship", "PRFAQ.md"), brokenPRFAQ)
	mustRun(t, dir, env, "git", "add", ".")
	out, err := runIn(t, dir, env, "git", "commit", "-m", "Add ship")
	if err == nil || !strings.Contains(out, "metrics-missing") {
		t.Fatalf("git commit under lefthook passed a broken PRFAQ (err %v):\n%s", err, out)
	}
}

// readmeBlock returns the fenced block the README introduces with an HTML
// comment naming it, e.g. <!-- lefthook.yml -->.
func readmeBlock(t *testing.T, name string) string {
	t.Helper()
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("(?s)<!-- " + regexp.QuoteMeta(name) + " -->\\s*```[a-z]*\\n(.*?)```")
	m := re.FindSubmatch(readme)
	if m == nil {
		t.Fatalf("README.md has no block marked <!-- %s -->", name)
	}
	return string(m[1])
}
