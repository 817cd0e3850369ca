package gitcmd

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestOpenEmptyRepo(t *testing.T) {
	dir := newRepo(t)
	repo := open(t, dir)
	want := Repo{Root: dir, GitDir: dir + "/.git", CommonDir: dir + "/.git", ObjectFormat: "sha1"}
	got := *repo
	got.run, got.diffs, got.commits = Runner{}, nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Open = %+v\nwant   %+v", got, want)
	}
}

func TestOpenSubdirAndHead(t *testing.T) {
	dir := newRepo(t)
	head := commitFiles(t, dir, "one", map[string]string{"a/b/c.md": "x"})
	repo := open(t, filepath.Join(dir, "a/b"))
	if repo.Root != dir || repo.Head != head || repo.Bare || repo.Shallow {
		t.Errorf("Open(subdir) = %+v, want Root %s Head %s", repo, dir, head)
	}
	// Detached HEAD is just a commit.
	git(t, dir, "checkout", "-q", "--detach")
	if repo := open(t, dir); repo.Head != head {
		t.Errorf("detached: Head = %q, want %q", repo.Head, head)
	}
}

func TestOpenNotARepository(t *testing.T) {
	dir := tempDir(t)
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	_, err := Open(context.Background(), dir)
	if !errors.Is(err, ErrNotRepository) {
		t.Fatalf("err = %v, want ErrNotRepository", err)
	}
	if !strings.Contains(err.Error(), "not a git repository (or any parent): run git init or cd into a repository") {
		t.Errorf("err = %v", err)
	}
}

func TestOpenLinkedWorktree(t *testing.T) {
	main := newRepo(t)
	head := commitFiles(t, main, "one", map[string]string{"PRFAQ.md": "x"})
	wt := filepath.Join(tempDir(t), "wt")
	git(t, main, "worktree", "add", "-q", "-b", "feature", wt)
	repo := open(t, wt)
	if repo.Root != wt || repo.GitDir != main+"/.git/worktrees/wt" || repo.CommonDir != main+"/.git" || repo.Head != head {
		t.Errorf("Open(worktree) = %+v", repo)
	}
	// The worktree has its own index: stage something there only.
	writeFile(t, filepath.Join(wt, "PRFAQ.md"), "changed")
	git(t, wt, "add", "PRFAQ.md")
	changes, err := repo.StagedChanges(context.Background())
	if err != nil || len(changes) != 1 || changes[0].Path != "PRFAQ.md" {
		t.Errorf("worktree StagedChanges = %+v, %v", changes, err)
	}
	changes, err = open(t, main).StagedChanges(context.Background())
	if err != nil || len(changes) != 0 {
		t.Errorf("main StagedChanges = %+v, %v", changes, err)
	}
}

func TestOpenBare(t *testing.T) {
	src := newRepo(t)
	head := commitFiles(t, src, "one", map[string]string{"svc/PRFAQ.md": "doc", "README": "r"})
	bare := filepath.Join(tempDir(t), "b.git")
	git(t, src, "clone", "-q", "--bare", src, bare)
	repo := open(t, bare)
	if !repo.Bare || repo.Root != "" || repo.GitDir != bare || repo.CommonDir != bare || repo.Head != head {
		t.Fatalf("Open(bare) = %+v", repo)
	}
	ctx := context.Background()
	files, err := repo.TreeFiles(ctx, "HEAD", ":(glob)**/PRFAQ.md")
	if err != nil || len(files) != 1 || files[0].Path != "svc/PRFAQ.md" {
		t.Errorf("bare TreeFiles = %+v, %v", files, err)
	}
	if _, err := repo.WorktreeChanges(ctx); !errors.Is(err, ErrNoWorkTree) {
		t.Errorf("bare WorktreeChanges err = %v, want ErrNoWorkTree", err)
	}
	// Inside .git of a non-bare repository there is no work tree either.
	repo = open(t, filepath.Join(src, ".git"))
	if repo.Bare || repo.Root != "" || repo.GitDir != src+"/.git" || repo.Head != head {
		t.Errorf("Open(.git) = %+v", repo)
	}
}

func TestOpenEmptyBare(t *testing.T) {
	bare := newRepo(t, "--bare")
	repo := open(t, bare)
	if !repo.Bare || repo.Head != "" || repo.GitDir != bare {
		t.Errorf("Open(empty bare) = %+v", repo)
	}
}

func TestOpenSubmodule(t *testing.T) {
	sub := newRepo(t)
	subHead := commitFiles(t, sub, "sub", map[string]string{"PRFAQ.md": "sub doc"})
	super := newRepo(t)
	commitFiles(t, super, "super", map[string]string{"README": "r"})
	git(t, super, "submodule", "add", "-q", sub, "deps/sub")
	git(t, super, "commit", "-q", "-m", "add submodule")
	root := filepath.Join(super, "deps/sub")
	repo := open(t, root)
	if repo.Root != root || repo.GitDir != super+"/.git/modules/deps/sub" || repo.Head != subHead {
		t.Errorf("Open(submodule) = %+v", repo)
	}
	// In the superproject the submodule is a gitlink entry.
	entries, err := open(t, super).LsTree(context.Background(), "HEAD", "deps")
	if err != nil || len(entries) != 1 || entries[0].Mode != "160000" || entries[0].Blob != subHead {
		t.Errorf("LsTree(gitlink) = %+v, %v", entries, err)
	}
}

func TestOpenSHA256(t *testing.T) {
	dir := newRepo(t, "--object-format=sha256")
	repo := open(t, dir)
	if repo.ObjectFormat != "sha256" || repo.Head != "" {
		t.Fatalf("Open = %+v", repo)
	}
	writeFile(t, filepath.Join(dir, "PRFAQ.md"), "x")
	git(t, dir, "add", ".")
	changes, err := repo.StagedChanges(context.Background())
	if err != nil || len(changes) != 1 || changes[0].Status != 'A' {
		t.Errorf("StagedChanges = %+v, %v", changes, err)
	}
}

func TestEmptyTreeIDs(t *testing.T) {
	for format, want := range map[string]string{"sha1": emptyTreeSHA1, "sha256": emptyTreeSHA256} {
		dir := newRepo(t, "--object-format="+format)
		if got := git(t, dir, "hash-object", "-t", "tree", "/dev/null"); got != want {
			t.Errorf("%s empty tree = %s, want %s", format, got, want)
		}
		if got := open(t, dir).EmptyTree(); got != want {
			t.Errorf("%s EmptyTree() = %s, want %s", format, got, want)
		}
	}
}
