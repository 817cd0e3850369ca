package main

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestVersionStamped links the binary as .goreleaser.yaml does, with
// -X main.version, and checks that `git-prfaq version` (and --version)
// prints the stamp rather than the build information.
func TestVersionStamped(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "git-prfaq")
	// No -trimpath here: it would recompile every package instead of reusing
	// the build cache; only the link step differs from a plain build.
	build := exec.Command("go", "build", "-ldflags", "-s -w -X main.version=v9.9.9", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	want := "git-prfaq v9.9.9 (" + runtime.Version() + ", " + runtime.GOOS + "/" + runtime.GOARCH + ")\n"
	for _, arg := range []string{"version", "--version"} {
		out, err := exec.Command(bin, arg).Output()
		if err != nil {
			t.Fatalf("git-prfaq %s: %v", arg, err)
		}
		if string(out) != want {
			t.Errorf("git-prfaq %s printed %q, want %q", arg, out, want)
		}
	}
}

// TestVersionUnstamped: a build without the stamp still says something
// useful, from what Go records about the build.
func TestVersionUnstamped(t *testing.T) {
	out := helpOutput(t, "version")
	if !strings.HasPrefix(out, "git-prfaq ") || strings.Contains(out, "git-prfaq  (") {
		t.Errorf("git-prfaq version printed %q", out)
	}
}
