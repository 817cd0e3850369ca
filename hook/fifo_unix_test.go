//go:build unix

package hook

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A named pipe among the hooks (core.hooksPath may name a directory of the
// work tree) neither hangs install nor is taken for a hook: at a hook
// git-prfaq installs it is refused, elsewhere ignored.
func TestFIFOInHooksDir(t *testing.T) {
	t.Parallel()
	root := newRepo(t)
	repo := open(t, root)
	dir := filepath.Join(root, ".git", "hooks")
	for _, name := range []string{"post-commit", "pre-push"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Install(context.Background(), repo, nil)
	if err == nil || !strings.Contains(err.Error(), "pre-push is not a file git can run") {
		t.Fatalf("Install with a pipe at pre-push: %v", err)
	}
	wantActions(t, install(t, repo, "pre-commit"), "pre-commit=installed")
	if _, err := StatusOf(context.Background(), repo, nil); err != nil {
		t.Fatal(err)
	}
}
