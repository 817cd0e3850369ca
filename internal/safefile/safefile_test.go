package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func setup(t *testing.T) (root, outside string) {
	t.Helper()
	root, outside = t.TempDir(), t.TempDir()
	write := func(p, s string) {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "d", "PRFAQ.md"), "inside")
	write(filepath.Join(outside, "secret"), "SECRET")
	link := func(target, p string) {
		if err := os.Symlink(target, filepath.Join(root, p)); err != nil {
			t.Skipf("symlinks: %v", err)
		}
	}
	link(filepath.Join(outside, "secret"), "abs.md")
	link("d/PRFAQ.md", "rel.md")
	link(outside, "out")
	link("d", "in")
	if runtime.GOOS != "windows" {
		if err := mkfifo(filepath.Join(root, "fifo.md")); err != nil {
			t.Fatal(err)
		}
	}
	return root, outside
}

func TestReadFile(t *testing.T) {
	t.Parallel()
	root, _ := setup(t)
	tests := []struct {
		rel, want string
		err       error
	}{
		{"d/PRFAQ.md", "inside", nil},
		{"in/PRFAQ.md", "inside", nil},       // a directory link within the tree
		{"abs.md", "", ErrSymlink},           // never followed at the file
		{"rel.md", "", ErrSymlink},           // not even within the tree
		{"out/secret", "", ErrOutside},       // a directory link out of the tree
		{"fifo.md", "", ErrNotRegular},       // refused, not waited on
		{"d", "", ErrNotRegular},             // a directory
		{"missing.md", "", fs.ErrNotExist},   // absent
		{"d/missing.md", "", fs.ErrNotExist}, // absent below a directory
	}
	for _, tt := range tests {
		if tt.rel == "fifo.md" && runtime.GOOS == "windows" {
			continue
		}
		got, err := ReadFile(root, tt.rel, nil, 0)
		if !errors.Is(err, tt.err) || string(got) != tt.want {
			t.Errorf("ReadFile(%q) = %q, %v; want %q, %v", tt.rel, got, err, tt.want, tt.err)
		}
		if err != nil && len(got) > 0 {
			t.Errorf("ReadFile(%q) returned data with an error", tt.rel)
		}
	}
}

func TestReadFileLimits(t *testing.T) {
	t.Parallel()
	root, _ := setup(t)
	tooBig := errors.New("too big")
	if _, err := ReadFile(root, "d/PRFAQ.md", func(n int64) error {
		if n != 6 {
			t.Errorf("size %d", n)
		}
		return tooBig
	}, 0); err != tooBig {
		t.Errorf("check refused nothing: %v", err)
	}
	if _, err := ReadFile(root, "d/PRFAQ.md", nil, 5); err == nil {
		t.Error("a file over the limit was read")
	}
	if got, err := ReadFile(root, "d/PRFAQ.md", nil, 6); err != nil || string(got) != "inside" {
		t.Errorf("at the limit: %q %v", got, err)
	}
}

func TestReadPath(t *testing.T) {
	t.Parallel()
	root, outside := setup(t)
	if got, err := ReadPath(filepath.Join(outside, "secret"), nil, 0); err != nil || string(got) != "SECRET" {
		t.Errorf("a plain file: %q %v", got, err)
	}
	if _, err := ReadPath(filepath.Join(root, "abs.md"), nil, 0); !errors.Is(err, ErrSymlink) {
		t.Errorf("a symlink: %v", err)
	}
	if runtime.GOOS != "windows" {
		if _, err := ReadPath(filepath.Join(root, "fifo.md"), nil, 0); !errors.Is(err, ErrNotRegular) {
			t.Errorf("a fifo: %v", err)
		}
	}
}

func TestCreateNew(t *testing.T) {
	t.Parallel()
	root, outside := setup(t)
	if err := CreateNew(root, "a/b/PRFAQ.md", []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(root, "a", "b", "PRFAQ.md")); string(data) != "x" {
		t.Errorf("content %q", data)
	}
	if err := CreateNew(root, "in/new.md", []byte("y"), 0o644); err != nil {
		t.Errorf("through a link within the tree: %v", err)
	}
	for _, rel := range []string{"out/x.md", "out/sub/x.md"} {
		if err := CreateNew(root, rel, []byte("z"), 0o644); !errors.Is(err, ErrOutside) {
			t.Errorf("CreateNew(%q) = %v, want ErrOutside", rel, err)
		}
	}
	entries, _ := os.ReadDir(outside)
	if len(entries) != 1 {
		t.Errorf("something was written outside: %v", entries)
	}
	for _, rel := range []string{"d/PRFAQ.md", "abs.md", "rel.md"} {
		if err := CreateNew(root, rel, []byte("w"), 0o644); !errors.Is(err, fs.ErrExist) {
			t.Errorf("CreateNew(%q) over an existing file or link = %v", rel, err)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(outside, "secret")); string(data) != "SECRET" {
		t.Error("the link's target was written")
	}
}
