package gitcmd

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiffTreesAndExistingPaths(t *testing.T) {
	ctx := context.Background()
	dir := tempDir(t)
	git(t, dir, "init", "-q")
	writeFile(t, filepath.Join(dir, "services/a/PRFAQ.md"), "a\n")
	writeFile(t, filepath.Join(dir, "keep.txt"), "k\n")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "one")
	git(t, dir, "mv", "services/a", "services/b")
	writeFile(t, filepath.Join(dir, "services/c/x.go"), "package x\n")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "two")
	repo, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	changes, err := repo.DiffTrees(ctx, "HEAD~1", "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 2 || changes[0].Status != 'R' || changes[0].OldPath != "services/a/PRFAQ.md" || changes[0].Path != "services/b/PRFAQ.md" || changes[1].Status != 'A' {
		t.Errorf("changes = %+v", changes)
	}
	all, err := repo.DiffTrees(ctx, "", "HEAD~1")
	if err != nil || len(all) != 2 || all[0].Status != 'A' {
		t.Errorf("from the empty tree: %+v, %v", all, err)
	}
	found, err := repo.ExistingPaths(ctx, "HEAD~1", []string{"services/a", "services/b", "keep.txt"})
	if err != nil || !found["services/a"] || found["services/b"] || !found["keep.txt"] {
		t.Errorf("ExistingPaths = %v, %v", found, err)
	}
	if _, err := repo.DiffTrees(ctx, "nope", "HEAD"); err == nil {
		t.Error("unknown revision: want an error")
	}
}

func TestDiffTreesRemembersFixedRanges(t *testing.T) {
	ctx := context.Background()
	dir := tempDir(t)
	git(t, dir, "init", "-q")
	writeFile(t, filepath.Join(dir, "a.md"), "a\n")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "one")
	writeFile(t, filepath.Join(dir, "b.md"), "b\n")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "two")
	repo, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	a, b := git(t, dir, "rev-parse", "HEAD~1"), git(t, dir, "rev-parse", "HEAD")
	first, err := repo.DiffTrees(ctx, strings.TrimSpace(a), strings.TrimSpace(b))
	if err != nil || len(first) != 1 {
		t.Fatalf("first = %+v, %v", first, err)
	}
	first[0].Path = "changed by the caller"
	again, err := repo.DiffTrees(ctx, strings.TrimSpace(a), strings.TrimSpace(b))
	if err != nil || len(again) != 1 || again[0].Path != "b.md" {
		t.Errorf("remembered result was changed through the first answer: %+v, %v", again, err)
	}
	// A name like HEAD is asked again, since what it names can move.
	git(t, dir, "reset", "-q", "--hard", "HEAD~1")
	if named, err := repo.DiffTrees(ctx, "HEAD", "HEAD"); err != nil || len(named) != 0 {
		t.Errorf("HEAD..HEAD = %+v, %v", named, err)
	}
}

func TestProcessStreamsAndReportsErrors(t *testing.T) {
	ctx := context.Background()
	dir := tempDir(t)
	git(t, dir, "init", "-q")
	writeFile(t, filepath.Join(dir, "a.md"), "hello\n")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "one")
	repo, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := repo.Start(ctx, true, "cat-file", "--batch")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(p.Stdin(), "HEAD:a.md\n"); err != nil {
		t.Fatal(err)
	}
	header, err := p.Stdout().ReadString('\n')
	if err != nil || !strings.HasSuffix(header, " blob 6\n") {
		t.Errorf("header %q, %v", header, err)
	}
	if err := p.Wait(); err != nil {
		t.Errorf("Wait: %v", err)
	}
	bad, err := repo.Start(ctx, false, "log", "no-such-revision")
	if err != nil {
		t.Fatal(err)
	}
	var ge *Error
	if err := bad.Wait(); !errors.As(err, &ge) || ge.ExitCode != 128 || !strings.Contains(ge.Stderr, "no-such-revision") {
		t.Errorf("Wait on a failing git = %v, want *Error with its stderr", err)
	}
}
