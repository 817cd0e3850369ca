package hook

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var clientHooks = []string{"pre-commit", "commit-msg", "pre-merge-commit", "pre-push"}

func resultActions(res []Result) []string {
	var out []string
	for _, r := range res {
		out = append(out, r.Hook+"="+string(r.Action))
	}
	return out
}

func wantActions(t testing.TB, res []Result, want ...string) {
	t.Helper()
	if got := resultActions(res); !slices.Equal(got, want) {
		t.Errorf("results %v, want %v", got, want)
	}
}

func TestInstallDefaultDir(t *testing.T) {
	root := newRepo(t)
	repo := open(t, root)
	res := install(t, repo)
	wantActions(t, res, "pre-commit=installed", "commit-msg=installed", "pre-merge-commit=installed", "pre-push=installed")
	dir := filepath.Join(root, ".git", "hooks")
	for _, h := range clientHooks {
		assertScript(t, filepath.Join(dir, h), h)
	}
	if _, err := os.Lstat(filepath.Join(dir, "pre-receive")); err == nil {
		t.Error("pre-receive installed in a repository with a work tree")
	}
	// Explicitly asked for, the server hook is installed anywhere.
	wantActions(t, install(t, repo, "pre-receive"), "pre-receive=installed")
	assertScript(t, filepath.Join(dir, "pre-receive"), "pre-receive")
}

func TestInstallHooksPath(t *testing.T) {
	abs := filepath.Join(tempDir(t), "shared", "hooks") // does not exist yet
	tests := []struct{ name, value, want string }{
		{"relative", "tools/git-hooks", "tools/git-hooks"},
		{"absolute", abs, abs},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := newRepo(t)
			git(t, root, "config", "core.hooksPath", tt.value)
			install(t, open(t, root))
			dir := tt.want
			if !filepath.IsAbs(dir) {
				dir = filepath.Join(root, dir)
			}
			for _, h := range clientHooks {
				assertScript(t, filepath.Join(dir, h), h)
			}
			if entries, _ := os.ReadDir(filepath.Join(root, ".git", "hooks")); slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.Name() == "pre-commit" }) {
				t.Error("installed into .git/hooks, which git ignores when core.hooksPath is set")
			}
		})
	}
}

func TestInstallLinkedWorktree(t *testing.T) {
	root := newRepo(t)
	git(t, root, "commit", "-q", "--allow-empty", "-m", "init")
	wt := filepath.Join(tempDir(t), "wt")
	git(t, root, "worktree", "add", "-q", wt)
	repo := open(t, wt)
	install(t, repo)
	for _, h := range clientHooks {
		assertScript(t, filepath.Join(root, ".git", "hooks", h), h)
	}
	if _, err := os.Stat(filepath.Join(repo.GitDir, "hooks")); err == nil {
		t.Errorf("a hooks directory was made in the worktree's own git dir %s", repo.GitDir)
	}
}

func TestInstallBare(t *testing.T) {
	root := newRepo(t, "--bare")
	repo := open(t, root)
	wantActions(t, install(t, repo), "pre-receive=installed")
	assertScript(t, filepath.Join(root, "hooks", "pre-receive"), "pre-receive")
	if _, err := os.Lstat(filepath.Join(root, "hooks", "pre-commit")); err == nil {
		t.Error("pre-commit installed in a bare repository")
	}
	wantActions(t, uninstall(t, repo), "pre-commit=absent", "commit-msg=absent", "pre-merge-commit=absent", "pre-push=absent", "pre-receive=removed")
}

// Installing twice changes nothing: same bytes, same mode, and the file is
// not even rewritten (same inode and modification time).
func TestInstallIdempotent(t *testing.T) {
	root := newRepo(t)
	repo := open(t, root)
	writeFile(t, filepath.Join(root, ".git", "hooks", "pre-push"), foreignHook(), 0o750)
	install(t, repo)
	dir := filepath.Join(root, ".git", "hooks")
	before := snapshot(t, dir)
	stats := map[string]fs.FileInfo{}
	for _, h := range clientHooks {
		stats[h], _ = os.Stat(filepath.Join(dir, h))
	}
	res := install(t, repo)
	wantActions(t, res, "pre-commit=unchanged", "commit-msg=unchanged", "pre-merge-commit=unchanged", "pre-push=unchanged")
	assertSameSnapshot(t, before, snapshot(t, dir))
	for _, h := range clientHooks {
		fi, _ := os.Stat(filepath.Join(dir, h))
		if !os.SameFile(fi, stats[h]) || !fi.ModTime().Equal(stats[h].ModTime()) {
			t.Errorf("%s was rewritten", h)
		}
	}
}

// A script an earlier version wrote, or one that lost its x bit, is put
// right without a copy: git-prfaq wrote those bytes.
func TestInstallUpdates(t *testing.T) {
	root := newRepo(t)
	repo := open(t, root)
	install(t, repo, "pre-commit", "commit-msg")
	dir := filepath.Join(root, ".git", "hooks")
	pc, _ := lookup("pre-commit")
	old := legacy[0].Replace(script(pc))
	writeFile(t, filepath.Join(dir, "pre-commit"), old, 0o755)
	if err := os.Chmod(filepath.Join(dir, "commit-msg"), 0o644); err != nil {
		t.Fatal(err)
	}
	wantActions(t, install(t, repo, "pre-commit", "commit-msg"), "pre-commit=updated", "commit-msg=updated")
	assertScript(t, filepath.Join(dir, "pre-commit"), "pre-commit")
	assertScript(t, filepath.Join(dir, "commit-msg"), "commit-msg")
	if leftovers, _ := filepath.Glob(filepath.Join(dir, "*prfaq-*")); len(leftovers) > 0 {
		t.Errorf("temporary, kept or saved files left: %v", leftovers)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*prfaq*")); len(leftovers) > 0 {
		t.Errorf("temporary or lock files left: %v", leftovers)
	}
}

// A foreign hook is kept aside with its bytes and mode, and uninstall puts
// it back exactly.
func TestForeignHookKeptAndRestored(t *testing.T) {
	root := newRepo(t)
	repo := open(t, root)
	dir := filepath.Join(root, ".git", "hooks")
	hookPath := filepath.Join(dir, "pre-commit")
	original := foreignHook() + "# no trailing newline"
	writeFile(t, hookPath, original, 0o750)
	before := snapshot(t, dir)

	res := install(t, repo)
	if res[0].Action != Wrapped || res[0].Kept != hookPath+KeptSuffix {
		t.Errorf("pre-commit result = %+v, want wrapped with kept %s", res[0], hookPath+KeptSuffix)
	}
	assertScript(t, hookPath, "pre-commit")
	fi, err := os.Lstat(hookPath + KeptSuffix)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode() != 0o750 || readFile(t, hookPath+KeptSuffix) != original {
		t.Errorf("kept hook: mode %v, content changed: %v", fi.Mode(), readFile(t, hookPath+KeptSuffix) != original)
	}

	res = uninstall(t, repo)
	wantActions(t, res, "pre-commit=restored", "commit-msg=removed", "pre-merge-commit=removed", "pre-push=removed", "pre-receive=absent")
	assertSameSnapshot(t, before, snapshot(t, dir))
}

func TestForeignSymlinkKeptAndRestored(t *testing.T) {
	root := newRepo(t)
	repo := open(t, root)
	dir := filepath.Join(root, ".git", "hooks")
	target := filepath.Join(root, "scripts", "check.sh")
	writeFile(t, target, foreignHook(), 0o755)
	if err := os.Symlink("../../scripts/check.sh", filepath.Join(dir, "pre-push")); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	install(t, repo, "pre-push")
	link, err := os.Readlink(filepath.Join(dir, "pre-push"+KeptSuffix))
	if err != nil || link != "../../scripts/check.sh" {
		t.Fatalf("kept pre-push is not the symlink: %q, %v", link, err)
	}
	assertScript(t, filepath.Join(dir, "pre-push"), "pre-push")
	uninstall(t, repo, "pre-push")
	assertSameSnapshot(t, before, snapshot(t, dir))
}

// Sample hooks are not hooks: they stay, and nothing is kept for them.
func TestSamplesAreNotForeign(t *testing.T) {
	root := newRepo(t)
	repo := open(t, root)
	dir := filepath.Join(root, ".git", "hooks")
	sample := filepath.Join(dir, "pre-commit.sample")
	writeFile(t, sample, "#!/bin/sh\nexit 0\n", 0o755)
	wantActions(t, install(t, repo, "pre-commit"), "pre-commit=installed")
	if _, err := os.Lstat(filepath.Join(dir, "pre-commit"+KeptSuffix)); err == nil {
		t.Error("a sample hook was kept as a foreign hook")
	}
	if readFile(t, sample) != "#!/bin/sh\nexit 0\n" {
		t.Error("sample changed")
	}
	if m := DetectManager(repo, dir); m != nil {
		t.Errorf("manager detected from samples: %v", m)
	}
}

func TestUninstallWithoutInstallChangesNothing(t *testing.T) {
	root := newRepo(t)
	repo := open(t, root)
	dir := filepath.Join(root, ".git", "hooks")
	writeFile(t, filepath.Join(dir, "pre-commit"), foreignHook(), 0o700)
	before := snapshot(t, dir)
	res := uninstall(t, repo)
	wantActions(t, res, "pre-commit=left", "commit-msg=absent", "pre-merge-commit=absent", "pre-push=absent", "pre-receive=absent")
	assertSameSnapshot(t, before, snapshot(t, dir))

	// Nor does it create a missing hooks directory.
	git(t, root, "config", "core.hooksPath", "nowhere")
	uninstall(t, open(t, root))
	if _, err := os.Stat(filepath.Join(root, "nowhere")); err == nil {
		t.Error("uninstall created the hooks directory")
	}
}

// Someone replaced our script while a hook is kept: both install and
// uninstall refuse, and change nothing for any hook.
func TestConflictRefused(t *testing.T) {
	root := newRepo(t)
	repo := open(t, root)
	dir := filepath.Join(root, ".git", "hooks")
	writeFile(t, filepath.Join(dir, "pre-push"), "#!/bin/sh\necho first\n", 0o755)
	install(t, repo, "pre-push")
	writeFile(t, filepath.Join(dir, "pre-push"), "#!/bin/sh\necho second\n", 0o755)
	before := snapshot(t, dir)

	_, err := Install(context.Background(), repo, nil)
	if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "pre-push"+KeptSuffix) {
		t.Fatalf("Install over a conflict: %v", err)
	}
	assertSameSnapshot(t, before, snapshot(t, dir))

	_, err = Uninstall(context.Background(), repo, nil)
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("Uninstall over a conflict: %v", err)
	}
	assertSameSnapshot(t, before, snapshot(t, dir))
}

// Our script deleted by hand, kept hook still there: install puts the
// script back (it runs the kept hook), uninstall restores the kept hook.
func TestScriptDeletedKeptRemains(t *testing.T) {
	root := newRepo(t)
	repo := open(t, root)
	dir := filepath.Join(root, ".git", "hooks")
	writeFile(t, filepath.Join(dir, "commit-msg"), "#!/bin/sh\n", 0o711)
	install(t, repo, "commit-msg")
	os.Remove(filepath.Join(dir, "commit-msg"))
	res := install(t, repo, "commit-msg")
	if res[0].Action != Installed || res[0].Kept == "" {
		t.Errorf("reinstall: %+v", res[0])
	}
	os.Remove(filepath.Join(dir, "commit-msg"))
	wantActions(t, uninstall(t, repo, "commit-msg"), "commit-msg=restored")
	if fi, err := os.Lstat(filepath.Join(dir, "commit-msg")); err != nil || fi.Mode() != 0o711 {
		t.Errorf("restored commit-msg: %v %v", fi, err)
	}
}

func TestInstallRefusesDirectory(t *testing.T) {
	root := newRepo(t)
	repo := open(t, root)
	if err := os.MkdirAll(filepath.Join(root, ".git", "hooks", "pre-push"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := Install(context.Background(), repo, nil)
	if err == nil || !strings.Contains(err.Error(), "not a file git can run") {
		t.Fatalf("Install with a directory at pre-push: %v", err)
	}
	if _, err := os.Lstat(filepath.Join(root, ".git", "hooks", "pre-commit")); err == nil {
		t.Error("pre-commit installed although pre-push could not be")
	}
}

func TestResultString(t *testing.T) {
	r := Result{Hook: "pre-push", Path: "/r/.git/hooks/pre-push", Action: Wrapped, Kept: "/r/.git/hooks/pre-push.prfaq-kept"}
	if got, want := r.String(), "pre-push: wrapped /r/.git/hooks/pre-push (runs pre-push.prfaq-kept first)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	r.Action = Restored
	if got, want := r.String(), "pre-push: restored /r/.git/hooks/pre-push (put back from pre-push.prfaq-kept)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
