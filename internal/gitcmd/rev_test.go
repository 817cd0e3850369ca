package gitcmd

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestResolveCommit(t *testing.T) {
	dir := newRepo(t)
	first := commitFiles(t, dir, "one", map[string]string{"a": "1"})
	second := commitFiles(t, dir, "two", map[string]string{"a": "2"})
	git(t, dir, "tag", "v1", first)
	repo := open(t, dir)
	for rev, want := range map[string]string{"HEAD": second, "HEAD~1": first, "v1": first, first[:8]: first, "main": second} {
		if got, err := repo.ResolveCommit(ctx, rev); err != nil || got != want {
			t.Errorf("ResolveCommit(%q) = %q, %v; want %q", rev, got, err, want)
		}
	}
	blob := git(t, dir, "rev-parse", "HEAD:a")
	for _, rev := range []string{"nosuch", "HEAD~5", blob, "0123456789abcdef0123456789abcdef01234567"} {
		_, err := repo.ResolveCommit(ctx, rev)
		if !errors.Is(err, ErrUnknownRevision) {
			t.Errorf("ResolveCommit(%q) err = %v, want ErrUnknownRevision", rev, err)
			continue
		}
		if want := `unknown revision "` + rev + `": not a commit in this repository`; err.Error() != want {
			t.Errorf("err = %q, want %q", err, want)
		}
	}
	if _, err := repo.ResolveCommit(ctx, "--all"); err == nil || errors.Is(err, ErrUnknownRevision) {
		t.Errorf("ResolveCommit(--all) err = %v, want invalid revision", err)
	}
}

func TestResolveCommitShallow(t *testing.T) {
	src := newRepo(t)
	first := commitFiles(t, src, "one", map[string]string{"a": "1"})
	commitFiles(t, src, "two", map[string]string{"a": "2"})
	git(t, src, "checkout", "-q", "-b", "side", first)
	commitFiles(t, src, "side", map[string]string{"b": "1"})
	git(t, src, "checkout", "-q", "main")
	third := commitFiles(t, src, "three", map[string]string{"a": "3"})

	clone := filepath.Join(tempDir(t), "clone")
	git(t, src, "clone", "-q", "--depth", "1", "--no-single-branch", "file://"+src, clone)
	repo := open(t, clone)
	if !repo.Shallow || repo.Head != third {
		t.Fatalf("Open(shallow) = %+v", repo)
	}
	if got, err := repo.ResolveCommit(ctx, "HEAD"); err != nil || got != third {
		t.Errorf("ResolveCommit(HEAD) = %q, %v", got, err)
	}
	for _, rev := range []string{"HEAD~1", "HEAD~50", "HEAD^", "origin/side~1", first, first[:10], first + "^{commit}"} {
		_, err := repo.ResolveCommit(ctx, rev)
		var mh *MissingHistoryError
		if !errors.As(err, &mh) || mh.Rev != rev {
			t.Errorf("ResolveCommit(%q) err = %v, want *MissingHistoryError", rev, err)
			continue
		}
		want := `revision "` + rev + `" is not in this shallow clone: fetch more history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)`
		if err.Error() != want {
			t.Errorf("err = %q\nwant  %q", err, want)
		}
	}
	// A name that is simply wrong is not blamed on the shallow clone.
	if _, err := repo.ResolveCommit(ctx, "no-such-branch"); !errors.Is(err, ErrUnknownRevision) {
		t.Errorf("ResolveCommit(no-such-branch) err = %v, want ErrUnknownRevision", err)
	}

	// The merge base of main and side is cut off.
	_, err := repo.MergeBase(ctx, "origin/main", "origin/side")
	var mh *MissingHistoryError
	if !errors.As(err, &mh) || !strings.Contains(err.Error(), `no merge base of "origin/main" and "origin/side" in this shallow clone: fetch more history`) {
		t.Errorf("MergeBase(shallow) err = %v", err)
	}
}

func TestMergeBase(t *testing.T) {
	dir := newRepo(t)
	base := commitFiles(t, dir, "one", map[string]string{"a": "1"})
	git(t, dir, "checkout", "-q", "-b", "side")
	commitFiles(t, dir, "side", map[string]string{"b": "1"})
	git(t, dir, "checkout", "-q", "main")
	commitFiles(t, dir, "main", map[string]string{"a": "2"})
	repo := open(t, dir)
	if got, err := repo.MergeBase(ctx, "main", "side"); err != nil || got != base {
		t.Errorf("MergeBase = %q, %v; want %q", got, err, base)
	}
	_, err := repo.MergeBase(ctx, "main", "nosuch")
	if !errors.Is(err, ErrUnknownRevision) || !strings.Contains(err.Error(), `"nosuch"`) {
		t.Errorf("MergeBase(nosuch) err = %v", err)
	}
	git(t, dir, "checkout", "-q", "--orphan", "unrelated")
	commitFiles(t, dir, "unrelated", map[string]string{"c": "1"})
	if _, err := repo.MergeBase(ctx, "main", "unrelated"); err == nil || !strings.Contains(err.Error(), "unrelated") {
		t.Errorf("MergeBase(unrelated) err = %v", err)
	}
}

// TestResolveCommitRemembers: HEAD (which Open resolved) and an id
// ResolveCommit returned before cost no git process; anything else does.
func TestResolveCommitRemembers(t *testing.T) {
	dir := newRepo(t)
	first := commitFiles(t, dir, "one", map[string]string{"a": "1"})
	second := commitFiles(t, dir, "two", map[string]string{"a": "2"})
	calls := filepath.Join(tempDir(t), "calls")
	wrapper := filepath.Join(tempDir(t), "git")
	real, err := exec.LookPath("git")
	if err != nil {
		t.Fatal(err)
	}
	script := "#!/bin/sh\necho \"$*\" >> '" + calls + "'\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(wrapper, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	r := Runner{Git: wrapper}
	repo, err := r.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	runs := func() int {
		data, _ := os.ReadFile(calls)
		return strings.Count(string(data), "rev-parse")
	}
	for _, step := range []struct {
		rev, want string
		runs      int // rev-parse runs so far
	}{
		{"HEAD", second, 0},
		{"HEAD~1", first, 1},
		{first, first, 1},
		{"HEAD~1", first, 2}, // a name, not an id: its meaning may change
		{second, second, 2},  // HEAD's id, which Open read
		{first[:10], first, 3},
		{first[:10], first, 4}, // an abbreviation is a name too
	} {
		got, err := repo.ResolveCommit(ctx, step.rev)
		if err != nil || got != step.want {
			t.Fatalf("ResolveCommit(%q) = %q, %v; want %q", step.rev, got, err, step.want)
		}
		if n := runs(); n != step.runs {
			t.Errorf("after ResolveCommit(%q): %d rev-parse runs, want %d", step.rev, n, step.runs)
		}
	}
}
