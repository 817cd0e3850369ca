package hook

import (
	"path/filepath"
	"strings"
	"testing"
)

// These run real git commands in repositories with the hooks installed and
// the fake git-prfaq first on PATH, and check what git made the hooks call.

func TestEndToEndCommit(t *testing.T) {
	needSh(t)
	root := newRepo(t)
	f := newFake(t)
	writeFile(t, filepath.Join(root, ".git", "hooks", "pre-commit"), foreignHook(), 0o755)
	install(t, open(t, root))
	foreign := filepath.Join(tempDir(t), "foreign")
	env := append(f.env(), "FOREIGN_LOG="+foreign)

	gitEnv(t, root, env, "commit", "-q", "--allow-empty", "-m", "first")
	want := "args: <hook> <run> <pre-commit>\nargs: <hook> <run> <commit-msg> <.git/COMMIT_EDITMSG>\n"
	if got := f.calls(t); got != want {
		t.Errorf("git commit called git-prfaq with\n%s\nwant\n%s", got, want)
	}
	if got := readOpt(t, foreign+".calls"); got != "args:\n" {
		t.Errorf("kept pre-commit calls %q", got)
	}

	// git-prfaq failing blocks the commit.
	head := git(t, root, "rev-parse", "HEAD")
	if out, err := gitTry(root, append(env, "FAKE_PRFAQ_EXIT=1"), "commit", "-q", "--allow-empty", "-m", "second"); err == nil {
		t.Fatalf("commit passed although git-prfaq failed: %s", out)
	}
	if git(t, root, "rev-parse", "HEAD") != head {
		t.Error("a commit was recorded although the pre-commit hook failed")
	}
}

func TestEndToEndMerge(t *testing.T) {
	needSh(t)
	root := newRepo(t)
	git(t, root, "commit", "-q", "--allow-empty", "-m", "base")
	git(t, root, "checkout", "-q", "-b", "side")
	git(t, root, "commit", "-q", "--allow-empty", "-m", "side")
	git(t, root, "checkout", "-q", "main")
	git(t, root, "commit", "-q", "--allow-empty", "-m", "main")
	f := newFake(t)
	install(t, open(t, root))
	gitEnv(t, root, f.env(), "merge", "-q", "--no-edit", "side")
	if got := f.calls(t); !strings.HasPrefix(got, "args: <hook> <run> <pre-merge-commit>\n") {
		t.Errorf("git merge called git-prfaq with\n%s", got)
	}
}

// Linked worktrees share the common hooks directory, so a commit in one
// runs the hook installed from another.
func TestEndToEndLinkedWorktree(t *testing.T) {
	needSh(t)
	root := newRepo(t)
	git(t, root, "commit", "-q", "--allow-empty", "-m", "init")
	wt := filepath.Join(tempDir(t), "wt")
	git(t, root, "worktree", "add", "-q", wt)
	install(t, open(t, wt))
	f := newFake(t)
	gitEnv(t, root, f.env(), "commit", "-q", "--allow-empty", "-m", "in main")
	gitEnv(t, wt, f.env(), "commit", "-q", "--allow-empty", "-m", "in worktree")
	if n := strings.Count(f.calls(t), "<pre-commit>"); n != 2 {
		t.Errorf("pre-commit ran %d times, want once per worktree:\n%s", n, f.calls(t))
	}
}

// core.hooksPath relative to the work tree: git finds the scripts there.
func TestEndToEndHooksPath(t *testing.T) {
	needSh(t)
	root := newRepo(t)
	git(t, root, "config", "core.hooksPath", "ci/hooks")
	install(t, open(t, root))
	f := newFake(t)
	gitEnv(t, root, f.env(), "commit", "-q", "--allow-empty", "-m", "x")
	if !strings.Contains(f.calls(t), "<pre-commit>") {
		t.Errorf("git commit with core.hooksPath did not run the hook: %q", f.calls(t))
	}
}

// pre-push gets the ref lines on stdin and passes them on, to the kept
// hook too; a bare remote's pre-receive gets its own lines.
func TestEndToEndPush(t *testing.T) {
	needSh(t)
	remote := newRepo(t, "--bare")
	install(t, open(t, remote))
	root := newRepo(t)
	git(t, root, "commit", "-q", "--allow-empty", "-m", "x")
	sha := git(t, root, "rev-parse", "HEAD")
	writeFile(t, filepath.Join(root, ".git", "hooks", "pre-push"), foreignHook(), 0o755)
	install(t, open(t, root))
	f := newFake(t)
	foreign := filepath.Join(tempDir(t), "foreign")

	gitEnv(t, root, append(f.env(), "FOREIGN_LOG="+foreign), "push", "-q", remote, "main")
	zero := strings.Repeat("0", 40)
	calls := "args: <hook> <run> <pre-push> <" + remote + "> <" + remote + ">\n" +
		"args: <hook> <run> <pre-receive>\n"
	if got := f.calls(t); got != calls {
		t.Errorf("git push called git-prfaq with\n%s\nwant\n%s", got, calls)
	}
	prePush := "refs/heads/main " + sha + " refs/heads/main " + zero + "\n"
	preReceive := zero + " " + sha + " refs/heads/main\n"
	if got := f.stdin(t); got != prePush+preReceive {
		t.Errorf("stdin seen by git-prfaq:\n%q\nwant\n%q", got, prePush+preReceive)
	}
	if got := readOpt(t, foreign+".stdin"); got != prePush {
		t.Errorf("stdin seen by the kept pre-push: %q, want %q", got, prePush)
	}
}
