package hook

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestNames(t *testing.T) {
	want := []string{"pre-commit", "commit-msg", "pre-merge-commit", "pre-push", "pre-receive"}
	if got := Names(); !slices.Equal(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
}

func TestDir(t *testing.T) {
	ctx := context.Background()
	home := tempDir(t)
	t.Setenv("HOME", home)
	tests := []struct {
		name  string
		bare  bool
		value string // core.hooksPath; "" leaves it unset
		want  func(root string) string
	}{
		{"default", false, "", func(r string) string { return filepath.Join(r, ".git", "hooks") }},
		{"relative", false, "tools/hooks", func(r string) string { return filepath.Join(r, "tools", "hooks") }},
		{"relative dot", false, "./h/../hooks", func(r string) string { return filepath.Join(r, "hooks") }},
		{"absolute", false, "/srv/git-hooks", func(string) string { return "/srv/git-hooks" }},
		{"tilde", false, "~/hooks", func(string) string { return filepath.Join(home, "hooks") }},
		{"bare default", true, "", func(r string) string { return filepath.Join(r, "hooks") }},
		// git runs a bare repository's hooks from its git directory, so a
		// relative core.hooksPath is relative to that.
		{"bare relative", true, "custom", func(r string) string { return filepath.Join(r, "custom") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var root string
			if tt.bare {
				root = newRepo(t, "--bare")
			} else {
				root = newRepo(t)
			}
			if tt.value != "" {
				git(t, root, "config", "core.hooksPath", tt.value)
			}
			got, err := Dir(ctx, open(t, root))
			if err != nil {
				t.Fatal(err)
			}
			if want := tt.want(root); got != want {
				t.Errorf("Dir = %q, want %q", got, want)
			}
		})
	}
}

func TestDirEmptyHooksPath(t *testing.T) {
	root := newRepo(t)
	git(t, root, "config", "core.hooksPath", "")
	_, err := Dir(context.Background(), open(t, root))
	if err == nil || !strings.Contains(err.Error(), "core.hooksPath is set but empty") {
		t.Fatalf("Dir with empty core.hooksPath: %v", err)
	}
}

// A linked worktree has its own git dir (.git/worktrees/NAME) but git
// runs the hooks of the common one; a relative core.hooksPath is taken from
// the worktree's own root, as git does.
func TestDirLinkedWorktree(t *testing.T) {
	ctx := context.Background()
	root := newRepo(t)
	git(t, root, "commit", "-q", "--allow-empty", "-m", "init")
	wt := filepath.Join(tempDir(t), "wt")
	git(t, root, "worktree", "add", "-q", wt)
	repo := open(t, wt)
	if repo.GitDir == repo.CommonDir {
		t.Fatalf("not a linked worktree: GitDir = CommonDir = %s", repo.GitDir)
	}
	got, err := Dir(ctx, repo)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, ".git", "hooks"); got != want {
		t.Errorf("Dir = %q, want %q", got, want)
	}
	git(t, root, "config", "core.hooksPath", "hooks")
	got, err = Dir(ctx, open(t, wt))
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(wt, "hooks"); got != want {
		t.Errorf("Dir with relative core.hooksPath = %q, want %q", got, want)
	}
}

func TestUnknownHook(t *testing.T) {
	repo := open(t, newRepo(t))
	_, err := Install(context.Background(), repo, []string{"pre-commit", "post-commit"})
	if !errors.Is(err, ErrUnknownHook) || !strings.Contains(err.Error(), `"post-commit"`) {
		t.Fatalf("Install(post-commit): %v", err)
	}
	if _, err := os.Stat(filepath.Join(repo.CommonDir, "hooks", "pre-commit")); err == nil {
		t.Error("pre-commit was installed despite the error")
	}
	if _, err := Script("post-commit"); !errors.Is(err, ErrUnknownHook) {
		t.Errorf("Script(post-commit): %v", err)
	}
}
