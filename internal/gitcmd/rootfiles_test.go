package gitcmd

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFilesAtRoot reads a root file at every kind of revision through one
// cat-file, and compares each entry with what git ls-tree says of it.
func TestFilesAtRoot(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"sha1", "sha256"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			dir := newRepo(t, "--object-format="+format)
			root := commitFiles(t, dir, "no config", map[string]string{"README.md": "x\n"})
			regular := commitFiles(t, dir, "config", map[string]string{".prfaq.toml": "[documents]\n", "a/.prfaq.toml": "not at the root\n"})
			git(t, dir, "tag", "-a", "-m", "v1", "v1")
			big := commitFiles(t, dir, "big", map[string]string{".prfaq.toml": strings.Repeat("#", 300) + "\n"})
			os.Remove(filepath.Join(dir, ".prfaq.toml"))
			if err := os.Symlink("README.md", filepath.Join(dir, ".prfaq.toml")); err != nil {
				t.Fatal(err)
			}
			link := commitFiles(t, dir, "link", nil)
			git(t, dir, "rm", "-q", "--cached", ".prfaq.toml")
			git(t, dir, "update-index", "--add", "--cacheinfo", "160000,"+root+",.prfaq.toml")
			git(t, dir, "commit", "-q", "-m", "submodule")
			submodule := git(t, dir, "rev-parse", "HEAD")
			repo := open(t, dir)

			revs := []string{root, root + "^", regular, "v1", big, link, submodule, regular} // regular twice
			files, err := repo.FilesAtRoot(ctx, revs, ".prfaq.toml", 100)
			if err != nil {
				t.Fatalf("FilesAtRoot: %v", err)
			}
			if len(files) != len(revs)-1 {
				t.Errorf("%d files, want %d (one per distinct revision)", len(files), len(revs)-1)
			}
			for _, rev := range []string{root, root + "^"} {
				if f := files[rev]; !errors.Is(f.Err, ErrMissing) || f.Mode != "" || f.Data != nil {
					t.Errorf("%s: %+v, want ErrMissing and no entry", rev, f)
				}
			}
			for _, rev := range []string{regular, "v1"} {
				f := files[rev]
				if f.Err != nil || string(f.Data) != "[documents]\n" || f.Entry != lsTreeEntry(t, dir, rev) {
					t.Errorf("%s: %+v, %q; want ls-tree's %+v and the file", rev, f.Entry, f.Data, lsTreeEntry(t, dir, rev))
				}
			}
			var tooLarge *TooLargeError
			if f := files[big]; !errors.As(f.Err, &tooLarge) || tooLarge.Size != 301 || f.Data != nil || f.Entry != lsTreeEntry(t, dir, big) {
				t.Errorf("big: %+v, err %v; want a TooLargeError of 301 bytes and ls-tree's entry", f.Entry, f.Err)
			}
			for name, rev := range map[string]string{"link": link, "submodule": submodule} {
				if f := files[rev]; f.Err != nil || f.Data != nil || f.Entry != lsTreeEntry(t, dir, rev) || Regular(f.Mode) {
					t.Errorf("%s: %+v, %q, %v; want ls-tree's entry, never read", name, f.Entry, f.Data, f.Err)
				}
			}
		})
	}
}

// lsTreeEntry is .prfaq.toml at rev's root as git ls-tree prints it.
func lsTreeEntry(t *testing.T, dir, rev string) Entry {
	t.Helper()
	out := git(t, dir, "ls-tree", rev, "--", ".prfaq.toml")
	var e Entry
	var typ string
	if _, err := fmt.Sscanf(out, "%s %s %s\t%s", &e.Mode, &typ, &e.Blob, &e.Path); err != nil {
		t.Fatalf("ls-tree %s: %q: %v", rev, out, err)
	}
	return e
}

// TestFilesAtRootErrors: a name cat-file cannot take fails before git
// starts; no revisions start nothing; a revision that names no commit or
// tree is missing, not an error.
func TestFilesAtRootErrors(t *testing.T) {
	t.Parallel()
	dir := newRepo(t)
	commitFiles(t, dir, "one", map[string]string{".prfaq.toml": "x = 1\n"})
	repo := open(t, dir)
	if _, err := repo.FilesAtRoot(ctx, []string{"HEAD\nHEAD"}, ".prfaq.toml", 100); err == nil {
		t.Error("a revision with a newline: no error")
	}
	if files, err := repo.FilesAtRoot(ctx, nil, ".prfaq.toml", 100); err != nil || len(files) != 0 {
		t.Errorf("no revisions: %v, %v", files, err)
	}
	blob := git(t, dir, "rev-parse", "HEAD:.prfaq.toml")
	files, err := repo.FilesAtRoot(ctx, []string{"no-such-branch", blob, "HEAD"}, ".prfaq.toml", 100)
	if err != nil {
		t.Fatalf("FilesAtRoot: %v", err)
	}
	for _, rev := range []string{"no-such-branch", blob} {
		if !errors.Is(files[rev].Err, ErrMissing) {
			t.Errorf("%s: err %v, want ErrMissing", rev, files[rev].Err)
		}
	}
	if string(files["HEAD"].Data) != "x = 1\n" {
		t.Errorf("HEAD after missing ones: %q, the stream out of step?", files["HEAD"].Data)
	}
}

// FuzzFindTreeEntry: any bytes give an entry or an error, never a crash,
// and an entry found lies within the tree.
func FuzzFindTreeEntry(f *testing.F) {
	entry := func(mode, name string, id byte) string {
		return mode + " " + name + "\x00" + strings.Repeat(string([]byte{id}), 20)
	}
	f.Add([]byte(entry("100644", ".prfaq.toml", 1)), ".prfaq.toml")
	f.Add([]byte(entry("40000", "a", 2)+entry("120000", ".prfaq.toml", 3)), ".prfaq.toml")
	f.Add([]byte(entry("100644", "b", 4)[:10]), "b")
	f.Add([]byte("100644 x"), "x")
	f.Fuzz(func(t *testing.T, tree []byte, name string) {
		mode, oid, found, err := findTreeEntry(tree, name, 20)
		if err != nil && found {
			t.Fatalf("found and an error: %v", err)
		}
		if found && (len(oid) != 40 || len(mode) < 6 || !strings.Contains(string(tree), name+"\x00")) {
			t.Fatalf("found %q %q for %q in %q", mode, oid, name, tree)
		}
	})
}
