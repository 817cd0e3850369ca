package gitcmd

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// settledRepo commits files, moves their times an hour back and refreshes
// the index, so that its entries are not racily clean: lstat alone may
// tell that they are unchanged.
func settledRepo(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := newRepo(t)
	commitFiles(t, dir, "files", files)
	old := time.Now().Add(-time.Hour)
	for p := range files {
		if err := os.Chtimes(filepath.Join(dir, p), old, old); err != nil {
			t.Fatal(err)
		}
	}
	git(t, dir, "update-index", "--refresh")
	return dir
}

// blobsOf is WorkTreeBlobs as "path=blob" (blob "" when it must be read),
// the same whether the index is read in-process or by git.
func blobsOf(t *testing.T, repo *Repo) string {
	t.Helper()
	var early []WorkTreeFile
	files, err := repo.WorkTreeBlobsEarly(context.Background(), nil, func([]byte) bool { return true },
		func(clean []WorkTreeFile) { early = clean })
	if err != nil {
		t.Fatal(err)
	}
	// Every file listed with its id was given early with that id; a file
	// given early and found modified since is listed without one.
	given := map[string]string{}
	for _, f := range early {
		given[f.Path] = f.Blob
	}
	for _, f := range files {
		if f.Blob != "" && given[f.Path] != f.Blob {
			t.Fatalf("%s listed with id %s, given early with %q", f.Path, f.Blob, given[f.Path])
		}
	}
	byGit, err := repo.WorkTreeBlobs(context.Background(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(files, byGit) {
		t.Fatalf("in-process %+v, by git %+v", files, byGit)
	}
	var out []string
	for _, f := range files {
		b := f.Blob
		if b != "" {
			b = "id"
		}
		out = append(out, f.Path+"="+b)
	}
	return strings.Join(out, " ")
}

// TestWorkTreeBlobs: an unchanged tracked file is known by its index id;
// one rewritten (even with the same size and time), re-moded, replaced by
// a link, deleted, unmerged or untracked must be read.
func TestWorkTreeBlobs(t *testing.T) {
	t.Parallel()
	files := map[string]string{"a.md": "alpha\n", "b.md": "bravo\n", "c.md": "charlie\n", "d.md": "delta\n", "e.md": "echo\n"}
	dir := settledRepo(t, files)
	repo := open(t, dir)
	if got, want := blobsOf(t, repo), "a.md=id b.md=id c.md=id d.md=id e.md=id"; got != want {
		t.Fatalf("settled: %s, want %s", got, want)
	}
	// b: same size, time put back; c: executable; d: a link; e: deleted.
	info, err := os.Stat(filepath.Join(dir, "b.md"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "b.md"), "BRAVO\n")
	os.Chtimes(filepath.Join(dir, "b.md"), info.ModTime(), info.ModTime())
	os.Chmod(filepath.Join(dir, "c.md"), 0o755)
	os.Remove(filepath.Join(dir, "d.md"))
	os.Symlink("a.md", filepath.Join(dir, "d.md"))
	os.Remove(filepath.Join(dir, "e.md"))
	writeFile(t, filepath.Join(dir, "f.md"), "foxtrot\n")
	if got, want := blobsOf(t, repo), "a.md=id b.md= c.md= d.md= e.md= f.md="; got != want {
		t.Fatalf("changed: %s, want %s", got, want)
	}
}

// TestWorkTreeBlobsRacy: a file changed in the second the index was
// written is read, whatever its stat data says.
func TestWorkTreeBlobsRacy(t *testing.T) {
	t.Parallel()
	dir := settledRepo(t, map[string]string{"a.md": "alpha\n"})
	repo := open(t, dir)
	if got := blobsOf(t, repo); got != "a.md=id" {
		t.Fatalf("settled: %s", got)
	}
	// The index as old as the entry: the entry is racily clean.
	info, err := os.Stat(filepath.Join(dir, "a.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(filepath.Join(dir, ".git", "index"), info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	if got := blobsOf(t, repo); got != "a.md=" {
		t.Fatalf("a file as new as the index: %s, want it read", got)
	}
}

// TestCleanFiles: only a stat-clean, regular entry at stage 0 with no
// other stage of its path is given early with its id.
func TestCleanFiles(t *testing.T) {
	t.Parallel()
	index := []Entry{
		{Mode: "100644", Blob: "a1", Path: "a.md"},
		{Mode: "100644", Blob: "b1", Stage: 1, Path: "b.md"},
		{Mode: "100644", Blob: "b2", Stage: 2, Path: "b.md"},
		{Mode: "120000", Blob: "c1", Path: "c.md"},
		{Mode: "100755", Blob: "d1", Path: "d.md"},
		{Mode: "100644", Blob: "e1", Path: "e.md"},
	}
	clean := []bool{true, true, true, true, true, false}
	got := cleanFiles(index, clean)
	want := []WorkTreeFile{{Path: "a.md", Blob: "a1"}, {Path: "d.md", Blob: "d1"}}
	if !slices.Equal(got, want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	// Before the stat check: every regular, merged entry, e's included.
	got = cleanFiles(index, nil)
	want = []WorkTreeFile{{Path: "a.md", Blob: "a1"}, {Path: "d.md", Blob: "d1"}, {Path: "e.md", Blob: "e1"}}
	if !slices.Equal(got, want) {
		t.Fatalf("not checked yet: got %+v, want %+v", got, want)
	}
	if files := mergeWorkTree(index, []string{"e.md"}, nil); files[0].Blob != "a1" || files[1].Blob != "" || files[2].Blob != "" || files[3].Blob != "d1" || files[4].Blob != "" {
		t.Fatalf("mergeWorkTree disagrees: %+v", files)
	}
}

func TestParseLsFilesDebug(t *testing.T) {
	t.Parallel()
	out := "100644 0123456789012345678901234567890123456789 0\ta b.md\x00" +
		"  ctime: 1:2\n  mtime: 3:4\n  dev: 5\tino: 6\n  uid: 7\tgid: 8\n  size: 9\tflags: 0\n"
	entries, stats, err := parseLsFilesDebug([]byte(out))
	if err != nil || len(entries) != 1 || entries[0].Path != "a b.md" {
		t.Fatalf("parse: %v %+v", err, entries)
	}
	if want := (statData{1, 2, 3, 4, 5, 6, 7, 8, 9, false}); stats[0] != want {
		t.Fatalf("stat data %+v, want %+v", stats[0], want)
	}
	hex := strings.Replace(out, "flags: 0", "flags: 4000a0", 1)
	if _, stats, err := parseLsFilesDebug([]byte(hex)); err != nil || stats[0].size != 9 || stats[0].intentToAdd {
		t.Fatalf("flags in hex: %v %+v", err, stats)
	}
	ita := strings.Replace(out, "flags: 0", "flags: 20000000", 1)
	if _, stats, err := parseLsFilesDebug([]byte(ita)); err != nil || !stats[0].intentToAdd {
		t.Fatalf("intent-to-add flag: %v %+v", err, stats)
	}
	for _, bad := range []string{out[:len(out)-1], strings.Replace(out, "ino", "inode", 1), strings.Replace(out, ":4", ":x", 1)} {
		if _, _, err := parseLsFilesDebug([]byte(bad)); err == nil {
			t.Fatalf("parsed %q", bad)
		}
	}
}

func FuzzParseLsFilesDebug(f *testing.F) {
	f.Add([]byte("100644 0123456789012345678901234567890123456789 0\ta.md\x00  ctime: 1:2\n  mtime: 3:4\n  dev: 5\tino: 6\n  uid: 7\tgid: 8\n  size: 9\tflags: 0\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, stats, err := parseLsFilesDebug(data)
		if err == nil && len(entries) != len(stats) {
			t.Fatalf("%d entries, %d stat records", len(entries), len(stats))
		}
	})
}

// TestWorkTreeBlobsIntentToAdd: a file added with `git add -N` has the
// empty blob's id in the index, whatever it holds: it is read, by git's
// answer and by the in-process reader alike.
func TestWorkTreeBlobsIntentToAdd(t *testing.T) {
	t.Parallel()
	dir := settledRepo(t, map[string]string{"a.md": "alpha\n"})
	// git 2.39 records zeros as its stat data, so lstat alone already
	// tells it apart; the intent-to-add flag is checked all the same.
	writeFile(t, filepath.Join(dir, "n.md"), "november\n")
	git(t, dir, "add", "-N", "n.md")
	if got, want := blobsOf(t, open(t, dir)), "a.md=id n.md="; got != want {
		t.Fatalf("intent to add: %s, want %s", got, want)
	}
}
