package gitcmd

import (
	"context"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fmt"
)

var ctx = context.Background()

// paths turns changes into "S path" or "R old -> new" strings.
func paths(changes []Change) []string {
	var out []string
	for _, c := range changes {
		s := string(c.Status) + " " + c.Path
		if c.OldPath != "" {
			s = string(c.Status) + " " + c.OldPath + " -> " + c.Path
		}
		out = append(out, s)
	}
	return out
}

func entryPaths(entries []Entry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.Path)
	}
	return out
}

func TestStagedChangesEmptyRepo(t *testing.T) {
	dir := newRepo(t)
	writeFile(t, filepath.Join(dir, "svc/PRFAQ.md"), "doc")
	writeFile(t, filepath.Join(dir, "main.go"), "package main")
	git(t, dir, "add", ".")
	got, err := open(t, dir).StagedChanges(ctx, ":(glob)**/PRFAQ.md")
	if want := []string{"A svc/PRFAQ.md"}; err != nil || !reflect.DeepEqual(paths(got), want) {
		t.Errorf("StagedChanges = %q, %v; want %q", paths(got), err, want)
	}
}

func TestStagedChangesRenameAndKinds(t *testing.T) {
	dir := newRepo(t)
	doc := strings.Repeat("A PRFAQ line that is long enough to be similar.\n", 20)
	commitFiles(t, dir, "one", map[string]string{
		"old/PRFAQ.md": doc, "keep/PRFAQ.md": "keep\n", "gone/PRFAQ.md": "gone\n",
	})
	git(t, dir, "mv", "old", "new")
	git(t, dir, "rm", "-q", "gone/PRFAQ.md")
	writeFile(t, filepath.Join(dir, "keep/PRFAQ.md"), "edited\n")
	writeFile(t, filepath.Join(dir, "add/PRFAQ.md"), "added\n")
	writeFile(t, filepath.Join(dir, "ita/PRFAQ.md"), "intent to add\n")
	git(t, dir, "add", "keep", "add")
	git(t, dir, "add", "-N", "ita")
	got, err := open(t, dir).StagedChanges(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"A add/PRFAQ.md", "D gone/PRFAQ.md", "M keep/PRFAQ.md", "R old/PRFAQ.md -> new/PRFAQ.md"}
	if !reflect.DeepEqual(paths(got), want) {
		t.Errorf("StagedChanges = %q, want %q", paths(got), want)
	}
	if r := got[3]; r.Score != 100 {
		t.Errorf("rename score = %d, want 100", r.Score)
	}
}

var oddNames = []string{
	"with space/PRFAQ.md",
	"new\nline/PRFAQ.md",
	"tab\there/PRFAQ.md",
	"ünïcødé — 文档/PRFAQ.md",
	`quote"back\slash/PRFAQ.md`,
}

func TestOddPaths(t *testing.T) {
	dir := newRepo(t)
	files := map[string]string{}
	for _, n := range oddNames {
		files[n] = "content of " + n
	}
	commitFiles(t, dir, "odd", files)
	for _, n := range oddNames {
		writeFile(t, filepath.Join(dir, n), "changed "+n)
	}
	git(t, dir, "add", "-A")
	writeFile(t, filepath.Join(dir, "untracked ü\n/PRFAQ.md"), "u")
	repo := open(t, dir)
	want := slices.Sorted(slices.Values(oddNames))

	index, err := repo.LsFiles(ctx, ":(glob)**/PRFAQ.md")
	if got := entryPaths(index); err != nil || !reflect.DeepEqual(slices.Sorted(slices.Values(got)), want) {
		t.Errorf("LsFiles = %q, %v", got, err)
	}
	tree, err := repo.LsTree(ctx, "HEAD")
	if got := entryPaths(tree); err != nil || !reflect.DeepEqual(slices.Sorted(slices.Values(got)), want) {
		t.Errorf("LsTree = %q, %v", got, err)
	}
	files2, err := repo.TreeFiles(ctx, "HEAD", ":(glob)**/PRFAQ.md")
	if got := entryPaths(files2); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("TreeFiles = %q, %v", got, err)
	}
	staged, err := repo.StagedChanges(ctx)
	if got := changedPaths(staged); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("StagedChanges = %q, %v", got, err)
	}
	wt, err := repo.WorktreeChanges(ctx)
	wantWT := slices.Sorted(slices.Values(append(slices.Clone(oddNames), "untracked ü\n/PRFAQ.md")))
	if got := changedPaths(wt); err != nil || !reflect.DeepEqual(got, wantWT) {
		t.Errorf("WorktreeChanges = %q, %v", got, err)
	}
	// Blob ids from the tree read back through cat-file.
	br, err := repo.NewBlobReader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer br.Close()
	for _, e := range tree {
		data, err := br.Read(e.Blob)
		if err != nil || string(data) != "content of "+e.Path {
			t.Errorf("Read(%s) = %q, %v", e.Path, data, err)
		}
	}
}

func changedPaths(changes []Change) []string {
	var out []string
	for _, c := range changes {
		out = append(out, c.Path)
	}
	slices.Sort(out)
	return out
}

// stageInTempIndex builds a second index from HEAD, as `git commit -a`
// does, and stages b.md only there.
func stageInTempIndex(t *testing.T, dir, index string) {
	gitEnv(t, dir, []string{"GIT_INDEX_FILE=" + index}, "read-tree", "HEAD")
	writeFile(t, filepath.Join(dir, "b.md"), "only in the temporary index")
	gitEnv(t, dir, []string{"GIT_INDEX_FILE=" + index}, "add", "b.md")
	os.Remove(filepath.Join(dir, "b.md"))
}

func TestGitIndexFileAbsolute(t *testing.T) {
	dir := newRepo(t)
	commitFiles(t, dir, "one", map[string]string{"a.md": "a"})
	index := filepath.Join(tempDir(t), "tmp-index")
	stageInTempIndex(t, dir, index)

	if got, err := open(t, dir).StagedChanges(ctx); err != nil || len(got) != 0 {
		t.Errorf("default index: StagedChanges = %q, %v; want none", paths(got), err)
	}
	r := &Runner{Env: []string{"GIT_INDEX_FILE=" + index}}
	repo, err := r.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := repo.StagedChanges(ctx)
	if want := []string{"A b.md"}; err != nil || !reflect.DeepEqual(paths(got), want) {
		t.Errorf("GIT_INDEX_FILE: StagedChanges = %q, %v; want %q", paths(got), err, want)
	}
}

// TestGitIndexFileRelative: a relative GIT_INDEX_FILE is relative to the
// directory the process started in (where git set it for a hook), even
// though git runs at Root.
func TestGitIndexFileRelative(t *testing.T) {
	// Deeper than startDir, so that the relative path does not happen to
	// name the same file when resolved against the repository root.
	dir := filepath.Join(tempDir(t), "x/y/z/w/repo")
	os.MkdirAll(dir, 0o755)
	git(t, dir, "init", "-q")
	commitFiles(t, dir, "one", map[string]string{"a.md": "a", "sub/x": "x"})
	index := filepath.Join(tempDir(t), "idx")
	stageInTempIndex(t, dir, index)
	rel, err := filepath.Rel(startDir, index)
	if err != nil || filepath.IsAbs(rel) {
		t.Fatal(rel, err)
	}
	t.Setenv("GIT_INDEX_FILE", rel)

	repo := open(t, filepath.Join(dir, "sub"))
	got, err := repo.StagedChanges(ctx)
	if want := []string{"A b.md"}; err != nil || !reflect.DeepEqual(paths(got), want) {
		t.Errorf("StagedChanges = %q, %v; want %q", paths(got), err, want)
	}
	entries, err := repo.LsFiles(ctx, "b.md")
	if err != nil || len(entries) != 1 {
		t.Errorf("LsFiles = %+v, %v", entries, err)
	}
}

// TestGitDirRelative: a relative GIT_DIR (git sets GIT_DIR=. for
// pre-receive hooks) still names the same repository when git runs in
// another directory.
func TestGitDirRelative(t *testing.T) {
	dir := newRepo(t)
	head := commitFiles(t, dir, "one", map[string]string{"a.md": "a"})
	rel, err := filepath.Rel(startDir, filepath.Join(dir, ".git"))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_DIR", rel)
	elsewhere := filepath.Join(tempDir(t), "p/q/r/s/t")
	os.MkdirAll(elsewhere, 0o755)
	r := &Runner{Dir: elsewhere}
	out, err := r.Run(ctx, "rev-parse", "HEAD")
	if err != nil || strings.TrimSpace(string(out)) != head {
		t.Errorf("rev-parse HEAD with relative GIT_DIR = %q, %v; want %s", out, err, head)
	}
}

// TestStagedChangesInCommitHooks runs this test binary as a real
// pre-commit hook. git points GIT_INDEX_FILE at the index being committed:
// .git/index (relative!) for a plain commit, .git/index.lock for
// `commit -a`, and a temporary index holding HEAD plus the named paths for
// `commit <paths>`.
func TestStagedChangesInCommitHooks(t *testing.T) {
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := newRepo(t)
	commitFiles(t, dir, "one", map[string]string{"a.md": "a", "b.md": "b", "sub/c.md": "c"})
	hook := filepath.Join(dir, ".git/hooks/pre-commit")
	out := filepath.Join(tempDir(t), "staged")
	writeFile(t, hook, fmt.Sprintf("#!/bin/sh\n%s=1 exec '%s' > '%s'\n", hookHelperEnv, bin, out))
	if err := os.Chmod(hook, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"plain", []string{"commit", "-q", "-m", "x"}, "M a.md\n"},
		{"-a", []string{"commit", "-q", "-a", "-m", "x"}, "M a.md\nM b.md\n"},
		{"paths", []string{"commit", "-q", "-m", "x", "b.md"}, "M b.md\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			writeFile(t, filepath.Join(dir, "a.md"), "a "+tc.name)
			writeFile(t, filepath.Join(dir, "b.md"), "b "+tc.name)
			git(t, dir, "add", "a.md") // staged in the real index; b.md is not
			git(t, dir, tc.args...)
			got, err := os.ReadFile(out)
			if err != nil || string(got) != tc.want {
				t.Errorf("hook saw %q, %v; want %q", got, err, tc.want)
			}
			git(t, dir, "commit", "-q", "--no-verify", "-a", "--allow-empty", "-m", "reset")
		})
	}
}

func TestTreeFilesMatchesLsTree(t *testing.T) {
	dir := newRepo(t)
	commitFiles(t, dir, "one", map[string]string{
		"a/PRFAQ.md": "a1", "b/PRFAQ.md": "b1", "c/PRFAQ.md": "c1", "d/PRFAQ.md": "d1",
		"docs/prfaq/x.md": "x1", "docs/prfaq/deep/y.md": "y1", "src/main.go": "m",
	})
	commitFiles(t, dir, "two", map[string]string{"a/PRFAQ.md": "a2", "e/PRFAQ.md": "e2"})
	// Make the index differ from HEAD in every way.
	writeFile(t, filepath.Join(dir, "a/PRFAQ.md"), "a3")     // modified
	os.Remove(filepath.Join(dir, "b/PRFAQ.md"))              // deleted
	writeFile(t, filepath.Join(dir, "new/PRFAQ.md"), "new")  // added
	writeFile(t, filepath.Join(dir, "docs/prfaq/z.md"), "z") // added
	git(t, dir, "add", "-A")
	git(t, dir, "rm", "-q", "--cached", "d/PRFAQ.md") // untracked now
	writeFile(t, filepath.Join(dir, "ita/PRFAQ.md"), "ita")
	git(t, dir, "add", "-N", "ita/PRFAQ.md") // intent to add
	repo := open(t, dir)
	specs := []string{":(glob)**/PRFAQ.md", "docs/prfaq/*.md"}
	for _, rev := range []string{"HEAD", "HEAD~1"} {
		got, err := repo.TreeFiles(ctx, rev, specs...)
		if err != nil {
			t.Fatal(err)
		}
		want := lsTreeFiltered(t, repo, rev, specs)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("TreeFiles(%s) =\n%+v\nwant\n%+v", rev, got, want)
		}
	}
}

// lsTreeFiltered is the slow reference: the whole tree, filtered in Go.
func lsTreeFiltered(t *testing.T, repo *Repo, rev string, _ []string) []Entry {
	all, err := repo.LsTree(ctx, rev)
	if err != nil {
		t.Fatal(err)
	}
	var out []Entry
	for _, e := range all {
		glob1 := path.Base(e.Path) == "PRFAQ.md"
		glob2 := strings.HasPrefix(e.Path, "docs/prfaq/") && strings.HasSuffix(e.Path, ".md")
		if glob1 || glob2 {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Path, b.Path) })
	return out
}

func TestTreeFilesUnmerged(t *testing.T) {
	dir := newRepo(t)
	commitFiles(t, dir, "base", map[string]string{"s/PRFAQ.md": "base\n"})
	git(t, dir, "checkout", "-q", "-b", "side")
	commitFiles(t, dir, "side", map[string]string{"s/PRFAQ.md": "side\n", "only-side/PRFAQ.md": "x\n"})
	git(t, dir, "checkout", "-q", "main")
	commitFiles(t, dir, "main", map[string]string{"s/PRFAQ.md": "main\n"})
	cmdErr := gitErr(dir, "merge", "-q", "side")
	if cmdErr == nil {
		t.Fatal("merge did not conflict")
	}
	repo := open(t, dir)
	got, err := repo.TreeFiles(ctx, "HEAD", ":(glob)**/PRFAQ.md")
	if err != nil {
		t.Fatal(err)
	}
	if want := lsTreeFiltered(t, repo, "HEAD", nil); !reflect.DeepEqual(got, want) {
		t.Errorf("TreeFiles during conflict =\n%+v\nwant\n%+v", got, want)
	}
	index, _ := repo.LsFiles(ctx, "s/PRFAQ.md")
	if len(index) != 3 || index[0].Stage != 1 || index[2].Stage != 3 {
		t.Errorf("LsFiles(unmerged) = %+v", index)
	}
	staged, err := repo.StagedChanges(ctx, "s")
	if err != nil || len(staged) != 1 || staged[0].Status != 'U' {
		t.Errorf("StagedChanges(unmerged) = %+v, %v", staged, err)
	}
}

// gitErr runs git and returns its error, for setup steps expected to fail.
func gitErr(dir string, args ...string) error {
	_, err := (&Runner{Dir: dir}).Run(ctx, args...)
	return err
}

func TestWorktreeChanges(t *testing.T) {
	dir := newRepo(t)
	long := strings.Repeat("long enough to be detected as a rename\n", 10)
	commitFiles(t, dir, "one", map[string]string{
		"mod/PRFAQ.md": "m", "staged-back/PRFAQ.md": "s", "del/PRFAQ.md": "d",
		"touched/PRFAQ.md": "t", "rmcached/PRFAQ.md": "r", ".gitignore": "ignored/\n",
		"from/PRFAQ.md": long, "from2/PRFAQ.md": long + "2",
	})
	writeFile(t, filepath.Join(dir, "mod/PRFAQ.md"), "m2")
	writeFile(t, filepath.Join(dir, "staged-back/PRFAQ.md"), "s2")
	git(t, dir, "add", "staged-back")
	writeFile(t, filepath.Join(dir, "staged-back/PRFAQ.md"), "s") // back to HEAD
	os.Remove(filepath.Join(dir, "del/PRFAQ.md"))
	later := time.Now().Add(time.Hour)
	os.Chtimes(filepath.Join(dir, "touched/PRFAQ.md"), later, later) // stat-dirty only
	git(t, dir, "rm", "-q", "--cached", "rmcached/PRFAQ.md")
	git(t, dir, "mv", "from", "to")
	git(t, dir, "mv", "from2", "to2")
	os.Remove(filepath.Join(dir, "to2/PRFAQ.md")) // renamed, then deleted
	writeFile(t, filepath.Join(dir, "added-gone/PRFAQ.md"), "x")
	git(t, dir, "add", "added-gone")
	os.Remove(filepath.Join(dir, "added-gone/PRFAQ.md")) // added, then deleted
	writeFile(t, filepath.Join(dir, "new/PRFAQ.md"), "n")
	writeFile(t, filepath.Join(dir, "ignored/PRFAQ.md"), "i")
	writeFile(t, filepath.Join(dir, "other.txt"), "o")

	repo := open(t, dir)
	indexBefore, _ := os.ReadFile(filepath.Join(dir, ".git/index"))
	got, err := repo.WorktreeChanges(ctx, ":(glob)**/PRFAQ.md")
	want := []string{
		"D del/PRFAQ.md", "D from2/PRFAQ.md", "M mod/PRFAQ.md", "A new/PRFAQ.md",
		"M rmcached/PRFAQ.md",
		"M staged-back/PRFAQ.md", // documented limitation: equal to HEAD again
		"R from/PRFAQ.md -> to/PRFAQ.md",
	}
	if err != nil || !reflect.DeepEqual(paths(got), want) {
		t.Errorf("WorktreeChanges = %q, %v\nwant %q", paths(got), err, want)
	}
	// --no-optional-locks: a query must not rewrite the index.
	if indexAfter, _ := os.ReadFile(filepath.Join(dir, ".git/index")); !reflect.DeepEqual(indexBefore, indexAfter) {
		t.Error("WorktreeChanges rewrote the index")
	}
}

func TestWorktreeChangesEmptyRepo(t *testing.T) {
	dir := newRepo(t)
	writeFile(t, filepath.Join(dir, "staged.md"), "s")
	git(t, dir, "add", ".")
	writeFile(t, filepath.Join(dir, "untracked.md"), "u")
	got, err := open(t, dir).WorktreeChanges(ctx)
	if want := []string{"A staged.md", "A untracked.md"}; err != nil || !reflect.DeepEqual(paths(got), want) {
		t.Errorf("WorktreeChanges = %q, %v; want %q", paths(got), err, want)
	}
}

func TestLsTreeRejectsMagicAndOptions(t *testing.T) {
	dir := newRepo(t)
	commitFiles(t, dir, "one", map[string]string{"a/PRFAQ.md": "a"})
	repo := open(t, dir)
	if _, err := repo.LsTree(ctx, "HEAD", ":(glob)**/PRFAQ.md"); err == nil || !strings.Contains(err.Error(), "pathspec magic not supported") {
		t.Errorf("LsTree(glob) err = %v", err)
	}
	if _, err := repo.LsTree(ctx, "--output=x"); err == nil {
		t.Error("LsTree accepted an option as a revision")
	}
	entries, err := repo.LsTree(ctx, "HEAD", "a")
	if err != nil || len(entries) != 1 || entries[0].Mode != "100644" || entries[0].Stage != 0 {
		t.Errorf("LsTree(prefix) = %+v, %v", entries, err)
	}
}
