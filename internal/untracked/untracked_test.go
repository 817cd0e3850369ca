package untracked

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/internal/gittest"
)

func TestMain(m *testing.M) {
	gittest.Isolate(nil)
	os.Exit(m.Run())
}

func isDoc(p string) bool { return strings.HasSuffix(p, "PRFAQ.md") }

// fixture is a repository and a clock for the times it settles files to.
type fixture struct {
	t     *testing.T
	root  string
	clock time.Time
	// queries records the dirs of each Query: nil for the whole tree.
	queries [][]string
	snap    []byte
	// sources, when set, is the Lister's SourcesFrom; else Sources is
	// .git/info/exclude.
	sources func(memo []byte) ([]string, []byte, error)
}

func newFixture(t *testing.T) *fixture {
	f := &fixture{t: t, root: gittest.TempDir(t), clock: time.Now().Add(-time.Hour)}
	gittest.Git(t, f.root, nil, "init", "-q")
	for _, p := range []string{"a/PRFAQ.md", "a/deep/er/PRFAQ.md", "b/notes.txt", "c/PRFAQ.md"} {
		f.write(p)
	}
	gittest.Git(t, f.root, nil, "add", "a/PRFAQ.md", "b")
	return f
}

func (f *fixture) write(p string) {
	gittest.WriteFile(f.t, filepath.Join(f.root, filepath.FromSlash(p)), "x "+p+"\n")
}

// settle moves every recent modification time into the past, each to a
// time of its own, as if the changes had happened long before the run:
// then only a changed directory's time tells the change.
func (f *fixture) settle() {
	recent := time.Now().Add(-10 * time.Minute)
	filepath.WalkDir(f.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Name() == ".git" && p != f.root {
			return filepath.SkipDir
		}
		if info, err := d.Info(); err == nil && info.ModTime().After(recent) {
			f.clock = f.clock.Add(time.Second)
			os.Chtimes(p, f.clock, f.clock)
		}
		return nil
	})
	exclude := filepath.Join(f.root, ".git", "info", "exclude")
	if info, err := os.Stat(exclude); err == nil && info.ModTime().After(recent) {
		f.clock = f.clock.Add(time.Second)
		os.Chtimes(exclude, f.clock, f.clock)
	}
}

// list runs the Lister on its last snapshot and compares with git.
func (f *fixture) list(what string) []string {
	f.t.Helper()
	f.settle()
	ctx := context.Background()
	var tracked []string
	for _, p := range strings.Split(gittest.Git(f.t, f.root, nil, "ls-files"), "\n") {
		if isDoc(p) {
			tracked = append(tracked, p)
		}
	}
	l := &Lister{Root: f.root, Sources: []string{filepath.Join(f.root, ".git", "info", "exclude")}, SourcesFrom: f.sources, Keep: isDoc,
		TrackedLater: func() ([]string, error) { return tracked, nil },
		Query: func(ctx context.Context, dirs []string) ([]string, error) {
			f.queries = append(f.queries, dirs)
			args := []string{"ls-files", "--others", "--exclude-standard", "--"}
			for _, d := range dirs {
				args = append(args, ":(top,literal)"+d)
			}
			return lines(gittest.Git(f.t, f.root, nil, args...)), nil
		}}
	got, next, err := l.List(ctx, f.snap)
	if err != nil {
		f.t.Fatalf("%s: %v", what, err)
	}
	f.snap = next
	var want []string
	for _, p := range lines(gittest.Git(f.t, f.root, nil, "ls-files", "--others", "--exclude-standard")) {
		if isDoc(p) {
			want = append(want, p)
		}
	}
	if !slices.Equal(got, want) {
		f.t.Fatalf("%s: listed %q, git lists %q", what, got, want)
	}
	return got
}

func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// TestListMatchesGit: after each change to the work tree, the index or
// an ignore rule, the listing from the last snapshot is what git lists,
// and git is asked only about what changed.
func TestListMatchesGit(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.list("first run")
	if len(f.queries) != 1 || f.queries[0] != nil {
		t.Fatalf("first run asked git %q, want the whole tree", f.queries)
	}
	steps := []struct {
		name   string
		change func()
		ask    string // the dirs git is asked about, "-" for none, "*" for all
	}{
		{"nothing changed", func() {}, "-"},
		{"a new document in a listed directory", func() { f.write("c/sub/PRFAQ.md") }, "c"},
		{"a new directory", func() { f.write("d/e/PRFAQ.md") }, ""},
		{"a document deleted", func() { os.Remove(filepath.Join(f.root, "a", "deep", "er", "PRFAQ.md")) }, "a/deep/er"},
		{"git add", func() { gittest.Git(t, f.root, nil, "add", "c/PRFAQ.md") }, "-"},
		{"git rm --cached", func() { gittest.Git(t, f.root, nil, "rm", "-q", "--cached", "a/PRFAQ.md") }, "a"},
		{"a .gitignore edited", func() {
			gittest.WriteFile(t, filepath.Join(f.root, "c", ".gitignore"), "sub/\n")
		}, "c"},
		{"the .gitignore edited again", func() {
			gittest.WriteFile(t, filepath.Join(f.root, "c", ".gitignore"), "nothing\n")
		}, "*"},
		{"info/exclude", func() {
			gittest.WriteFile(t, filepath.Join(f.root, ".git", "info", "exclude"), "d/\n")
		}, "*"},
		{"a nested repository", func() {
			gittest.Git(t, f.root, nil, "init", "-q", "c/sub/nested")
			f.write("c/sub/nested/PRFAQ.md")
		}, "c/sub"},
	}
	for _, s := range steps {
		f.queries = nil
		s.change()
		f.list(s.name)
		var asked string
		switch {
		case len(f.queries) == 0:
			asked = "-"
		case f.queries[0] == nil:
			asked = "*"
		default:
			asked = strings.Join(f.queries[0], ",")
		}
		if s.name == "a new directory" && asked == "*" {
			asked = "" // the root's listing changed: all of it is asked
		}
		if asked != s.ask {
			t.Fatalf("%s: git was asked about %q, want %q", s.name, asked, s.ask)
		}
	}
}

// TestRacyDirectory: a directory changed within a second of the walk is
// not trusted on the next run, even when its time looks the same.
func TestRacyDirectory(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.list("first")
	// Touch c without settling: its time is now, within the racy window
	// of the next snapshot.
	l := &Lister{Root: f.root, Keep: isDoc, Sources: []string{filepath.Join(f.root, ".git", "info", "exclude")}}
	snap, ok := decode(f.snap)
	if !ok {
		t.Fatal("snapshot does not decode")
	}
	for i := range snap.dirs {
		if snap.dirs[i].path == "c" {
			now := time.Now()
			os.Chtimes(filepath.Join(f.root, "c"), now, now)
			snap.dirs[i] = l.stat("c")
			snap.taken = now.UnixNano()
		}
	}
	l.Tracked = snap.tracked
	dirty, ok := l.changedTimes(snap)
	if !ok || !slices.Contains(dirty, "c") {
		t.Fatalf("a directory stamped at the snapshot's time is trusted: dirty %q", dirty)
	}
}

func TestDecodeDamaged(t *testing.T) {
	t.Parallel()
	good := encode(snapshot{taken: 5, dirs: []stamp{{"", 1, 0}}, found: []string{"x/PRFAQ.md"}})
	if _, ok := decode(good); !ok {
		t.Fatal("a good snapshot does not decode")
	}
	for _, bad := range [][]byte{nil, good[:len(good)-1], append(slices.Clone(good), 0), {9}} {
		if _, ok := decode(bad); ok {
			t.Fatalf("damaged snapshot %v decodes", bad)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(encode(snapshot{taken: 5, dirs: []stamp{{"", 1, 0}}, ignores: []stamp{{".gitignore", 2, 3}}, tracked: []string{"a"}, found: []string{"b"}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, ok := decode(data)
		if ok && string(encode(s)) != string(data) {
			t.Skip() // varints have more than one encoding
		}
	})
}

// TestSourcesMemo: SourcesFrom is given what it returned on the run that
// took the snapshot; the snapshot keeps its new answer, and is left as it
// was (nothing to write) only when nothing changed, that answer included.
func TestSourcesMemo(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	exclude := filepath.Join(f.root, ".git", "info", "exclude")
	var given []string
	answer := "m1"
	f.sources = func(memo []byte) ([]string, []byte, error) {
		given = append(given, string(memo))
		return []string{exclude}, []byte(answer), nil
	}
	first := f.list("first run")
	prev := f.snap
	f.list("nothing changed")
	if !slices.Equal(f.snap, prev) {
		t.Fatal("an unchanged listing wrote a new snapshot")
	}
	answer = "m2"
	f.queries = nil
	if got := f.list("a new answer"); !slices.Equal(got, first) || len(f.queries) != 0 {
		t.Fatalf("a new answer alone listed %q, asked git %q", got, f.queries)
	}
	if s, ok := decode(f.snap); !ok || string(s.memo) != "m2" || slices.Equal(f.snap, prev) {
		t.Fatalf("the snapshot keeps memo %q (ok %v), want m2", s.memo, ok)
	}
	f.list("after the new answer")
	if want := []string{"", "m1", "m1", "m2"}; !slices.Equal(given, want) {
		t.Fatalf("SourcesFrom was given %q, want %q", given, want)
	}
	f.sources = func([]byte) ([]string, []byte, error) { return nil, nil, fs.ErrPermission }
	if _, _, err := (&Lister{Root: f.root, Keep: isDoc, SourcesFrom: f.sources}).List(context.Background(), f.snap); err == nil {
		t.Fatal("an error of SourcesFrom was not returned")
	}
}

// TestSymlinkedSource: a source outside the work tree reached through a
// symbolic link (a core.excludesFile kept in a dotfiles repository) is
// watched through the link: a change of its target lists everything.
func TestSymlinkedSource(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	target := filepath.Join(gittest.TempDir(t), "ignore")
	gittest.WriteFile(t, target, "nothing\n")
	link := filepath.Join(gittest.TempDir(t), "link")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(target, old, old)
	f.sources = func(memo []byte) ([]string, []byte, error) {
		return []string{filepath.Join(f.root, ".git", "info", "exclude"), link}, nil, nil
	}
	f.list("first run")
	f.queries = nil
	f.list("nothing changed")
	if len(f.queries) != 0 {
		t.Fatalf("nothing changed, and git was asked about %q", f.queries)
	}
	gittest.WriteFile(t, target, "more than nothing\n")
	os.Chtimes(target, old.Add(time.Minute), old.Add(time.Minute))
	f.list("the link's target changed")
	if len(f.queries) != 1 || f.queries[0] != nil {
		t.Fatalf("after the target changed git was asked about %q, want the whole tree", f.queries)
	}
}
