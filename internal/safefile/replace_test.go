package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestReplace(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "scorecard.html")
	if err := os.WriteFile(out, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Replace(out, []byte("new"), 0o644); err != nil {
		t.Fatalf("Replace: %v", err)
	}
	if got, _ := os.ReadFile(out); string(got) != "new" {
		t.Errorf("file holds %q, want %q", got, "new")
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}

	// A link is refused, and what it points to is left as it was.
	target := filepath.Join(dir, "precious")
	if err := os.WriteFile(target, []byte("keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.html")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if err := Replace(link, []byte("x"), 0o644); !errors.Is(err, ErrNotRegular) {
		t.Errorf("Replace through a link: %v, want ErrNotRegular", err)
	}
	if got, _ := os.ReadFile(target); string(got) != "keep" {
		t.Errorf("the link's target holds %q, want it untouched", got)
	}
	if err := Replace(dir, []byte("x"), 0o644); !errors.Is(err, ErrNotRegular) {
		t.Errorf("Replace of a directory: %v, want ErrNotRegular", err)
	}
	// No temporary file is left behind.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("directory holds %d entries, want 3 (no temporary file left)", len(entries))
	}
}
