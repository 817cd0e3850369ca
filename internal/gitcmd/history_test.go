package gitcmd

import (
	"errors"
	"io"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// historyRepo is main: one → two (adds b.md) → merge of side (three,
// which renames a.md and has a trailer); HEAD is the merge.
func historyRepo(t *testing.T) (dir string, ids map[string]string) {
	t.Helper()
	dir = newRepo(t)
	ids = map[string]string{}
	ids["one"] = commitFiles(t, dir, "one", map[string]string{"a.md": "alpha\nbeta\ngamma\ndelta\n"})
	git(t, dir, "checkout", "-q", "-b", "side")
	git(t, dir, "mv", "a.md", "moved.md")
	git(t, dir, "commit", "-q", "-m", "three", "-m", "Ack: moved it\nAck:  \nOther: x")
	ids["three"] = git(t, dir, "rev-parse", "HEAD")
	git(t, dir, "checkout", "-q", "main")
	ids["two"] = commitFiles(t, dir, "two", map[string]string{"b.md": "b\n"})
	git(t, dir, "merge", "-q", "--no-ff", "-m", "merge", "side")
	ids["merge"] = git(t, dir, "rev-parse", "HEAD")
	return dir, ids
}

func TestLog(t *testing.T) {
	dir, ids := historyRepo(t)
	repo := open(t, dir)
	walk := func(q LogQuery) []*Commit {
		t.Helper()
		var got []*Commit
		if err := repo.Log(ctx, q, func(c *Commit) error { got = append(got, c); return nil }); err != nil {
			t.Fatal(err)
		}
		return got
	}
	all := walk(LogQuery{Revs: []string{"HEAD"}, Trailer: "Ack", Topo: true, Changes: true})
	var order []string
	for _, c := range all {
		order = append(order, c.ID)
	}
	if len(order) != 4 || order[0] != ids["merge"] || order[3] != ids["one"] {
		t.Fatalf("all parents, topo order: %q, want the merge first and one last (ids %v)", order, ids)
	}
	merge, three := all[0], all[slices.Index(order, ids["three"])]
	if len(merge.Parents) != 2 || len(merge.Changes) != 0 {
		t.Errorf("merge with all parents: %+v, want two parents and no changes", merge)
	}
	if !reflect.DeepEqual(three.Trailers, []string{"moved it"}) || three.Author != "Test Author <author@example.com>" || three.Time.IsZero() {
		t.Errorf("three: %+v", three)
	}
	// No rename detection: a move is a deletion and an addition.
	var kinds []string
	for _, c := range three.Changes {
		kinds = append(kinds, string(c.Status)+" "+c.Path)
	}
	slices.Sort(kinds)
	if !reflect.DeepEqual(kinds, []string{"A moved.md", "D a.md"}) {
		t.Errorf("three's changes: %q", kinds)
	}

	first := walk(LogQuery{Revs: []string{"HEAD"}, FirstParent: true, Changes: true, Pathspecs: []string{"moved.md"}})
	if len(first) != 1 || first[0].ID != ids["merge"] || len(first[0].Changes) != 1 || first[0].Changes[0].Path != "moved.md" {
		t.Errorf("first parent, one path: %+v, want the merge bringing moved.md", first)
	}
	rev := walk(LogQuery{Revs: []string{"HEAD", "^" + ids["one"]}, Reverse: true})
	if len(rev) != 3 || rev[2].ID != ids["merge"] || rev[0].Changes != nil {
		t.Errorf("reverse, excluded, no changes: %+v", rev)
	}

	stop := errors.New("stop")
	n := 0
	err := repo.Log(ctx, LogQuery{Revs: []string{"HEAD"}}, func(*Commit) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("each's error: %v after %d commits, want it back after one", err, n)
	}
	err = repo.Log(ctx, LogQuery{Revs: []string{"no-such-rev"}}, func(*Commit) error { return nil })
	var ge *Error
	if !errors.As(err, &ge) || !strings.Contains(err.Error(), "no-such-rev") {
		t.Errorf("bad revision: %v, want *Error naming it", err)
	}
	if err := repo.Log(ctx, LogQuery{Revs: []string{"--all"}}, nil); err == nil {
		t.Error("Log took an option as a revision")
	}
}

func TestDiffCommits(t *testing.T) {
	dir, ids := historyRepo(t)
	repo := open(t, dir)
	got, err := repo.DiffCommits(ctx, []CommitPair{
		{Commit: ids["three"], Base: ids["one"]},
		{Commit: ids["two"], Base: ids["one"]},
		{Commit: ids["one"], Base: ids["one"]}, // no difference: no entry
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d commits: %+v", len(got), got)
	}
	r := got[ids["three"]]
	if len(r) != 1 || r[0].Status != 'R' || r[0].OldPath != "a.md" || r[0].Path != "moved.md" || r[0].Score != 100 {
		t.Errorf("three: %+v, want the rename", r)
	}
	if a := got[ids["two"]]; len(a) != 1 || a[0].Status != 'A' || a[0].Path != "b.md" {
		t.Errorf("two: %+v", a)
	}
	// Limited to a path, the rename has no source.
	got, err = repo.DiffCommits(ctx, []CommitPair{{Commit: ids["three"], Base: ids["one"]}}, "moved.md")
	if err != nil || len(got[ids["three"]]) != 1 || got[ids["three"]][0].Status != 'A' {
		t.Errorf("limited: %+v, %v", got, err)
	}
	if got, err := repo.DiffCommits(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("no pairs: %v, %v", got, err)
	}
	if _, err := repo.DiffCommits(ctx, []CommitPair{{Commit: "--all", Base: ids["one"]}}); err == nil {
		t.Error("DiffCommits took an option as a commit")
	}
}

func TestRevList(t *testing.T) {
	dir, ids := historyRepo(t)
	repo := open(t, dir)

	line, err := repo.FirstParents(ctx, "HEAD")
	if err != nil || !reflect.DeepEqual(line, []string{ids["merge"], ids["two"], ids["one"]}) {
		t.Errorf("FirstParents(HEAD) = %q, %v", line, err)
	}
	line, err = repo.FirstParents(ctx, ids["one"]+"..HEAD", ":(literal)b.md")
	if err != nil || !reflect.DeepEqual(line, []string{ids["two"]}) {
		t.Errorf("FirstParents(range, b.md) = %q, %v", line, err)
	}

	news, err := repo.NewCommits(ctx, "HEAD", "main~1")
	if err != nil {
		t.Fatal(err)
	}
	if len(news) != 2 || news[0].ID != ids["three"] || !reflect.DeepEqual(news[0].Parents, []string{ids["one"]}) ||
		news[1].ID != ids["merge"] || len(news[1].Parents) != 2 {
		t.Errorf("NewCommits(HEAD, main~1) = %+v", news)
	}
	if news, err := repo.NewCommits(ctx, "HEAD", "--all"); err != nil || len(news) != 0 {
		t.Errorf("NewCommits(HEAD, --all) = %+v, %v, want none", news, err)
	}
	root, err := repo.NewCommits(ctx, ids["one"])
	if err != nil || len(root) != 1 || root[0].ID != ids["one"] || root[0].Parents != nil {
		t.Errorf("NewCommits(root) = %+v, %v", root, err)
	}

	for id, want := range map[string]bool{
		ids["three"]:                            true,
		strings.Repeat("1", 40):                 false,
		git(t, dir, "rev-parse", "HEAD^{tree}"): false,
	} {
		if got, err := repo.HasCommit(ctx, id); got != want || err != nil {
			t.Errorf("HasCommit(%s) = %v, %v, want %v", id, got, err, want)
		}
	}
}

func TestReadFileAt(t *testing.T) {
	dir, _ := historyRepo(t)
	repo := open(t, dir)
	if got, err := repo.ReadFileAt(ctx, "HEAD", "b.md"); err != nil || string(got) != "b\n" {
		t.Errorf("ReadFileAt(HEAD, b.md) = %q, %v", got, err)
	}
	for _, tc := range []struct{ rev, path string }{{"HEAD", "a.md"}, {"HEAD", "no/such.md"}, {"nosuch", "b.md"}} {
		if _, err := repo.ReadFileAt(ctx, tc.rev, tc.path); !errors.Is(err, ErrMissing) {
			t.Errorf("ReadFileAt(%s, %s) err = %v, want ErrMissing", tc.rev, tc.path, err)
		}
	}
	git(t, dir, "checkout", "-q", "-b", "dir")
	commitFiles(t, dir, "a dir", map[string]string{"d/x.md": "x"})
	if _, err := repo.ReadFileAt(ctx, "HEAD", "d"); err == nil || errors.Is(err, ErrMissing) {
		t.Errorf("ReadFileAt(a directory) err = %v, want an error other than ErrMissing", err)
	}
}

func TestWorkTreeQueries(t *testing.T) {
	dir, ids := historyRepo(t)
	writeFile(t, filepath.Join(dir, ".gitignore"), "ignored.md\n")
	writeFile(t, filepath.Join(dir, "ignored.md"), "i\n")
	writeFile(t, filepath.Join(dir, "new é.md"), "n\n")
	writeFile(t, filepath.Join(dir, "b.md"), "b changed\n")
	repo := open(t, dir)

	untracked, err := repo.Untracked(ctx, "*.md")
	if err != nil || !reflect.DeepEqual(untracked, []string{"new é.md"}) {
		t.Errorf("Untracked = %q, %v", untracked, err)
	}
	files, err := repo.WorkTreeFiles(ctx, "*.md")
	if slices.Sort(files); err != nil || !reflect.DeepEqual(files, []string{"b.md", "moved.md", "new é.md"}) {
		t.Errorf("WorkTreeFiles = %q, %v", files, err)
	}

	changes, err := repo.DiffWorkTree(ctx, ids["one"], "*.md")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range changes {
		got = append(got, string(c.Status)+" "+c.OldPath+">"+c.Path)
	}
	if !reflect.DeepEqual(got, []string{"A >b.md", "R a.md>moved.md"}) {
		t.Errorf("DiffWorkTree(one) = %q", got)
	}

	bare := tempDir(t)
	git(t, bare, "clone", "-q", "--bare", dir, ".")
	if _, err := open(t, bare).DiffWorkTree(ctx, "HEAD"); !errors.Is(err, ErrNoWorkTree) {
		t.Errorf("DiffWorkTree in a bare repository: %v, want ErrNoWorkTree", err)
	}
}

func TestBlobStream(t *testing.T) {
	repo, files := blobRepo(t, 30)
	s, err := repo.StartBlobStream(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for p := range files {
		names = append(names, "HEAD:"+p)
	}
	names = append(names, "HEAD:nope.md", "HEAD:d01")
	type answer struct {
		b   Blob
		err error
	}
	answers := make(chan answer)
	go func() {
		defer close(answers)
		for {
			b, err := s.Recv()
			answers <- answer{b, err}
			if err != nil {
				return
			}
		}
	}()
	for _, n := range names {
		if err := s.Send(n); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Send("a\nb"); err == nil {
		t.Error("Send accepted a name with a newline")
	}
	if err := s.CloseSend(); err != nil {
		t.Fatal(err)
	}
	i := 0
	for a := range answers {
		if errors.Is(a.err, io.EOF) {
			break
		}
		if a.err != nil {
			t.Fatalf("Recv: %v", a.err)
		}
		if a.b.Name != names[i] {
			t.Fatalf("answer %d is for %q, want %q", i, a.b.Name, names[i])
		}
		switch p := strings.TrimPrefix(a.b.Name, "HEAD:"); p {
		case "nope.md":
			if !errors.Is(a.b.Err, ErrMissing) {
				t.Errorf("missing: %v, want ErrMissing", a.b.Err)
			}
		case "d01":
			if a.b.Err == nil || errors.Is(a.b.Err, ErrMissing) || a.b.Data != nil {
				t.Errorf("a tree: %+v", a.b)
			}
		default:
			if a.b.Err != nil || string(a.b.Data) != files[p] {
				t.Errorf("%s: %d bytes, %v; want %d bytes", p, len(a.b.Data), a.b.Err, len(files[p]))
			}
		}
		i++
	}
	if i != len(names) {
		t.Errorf("%d answers, want %d", i, len(names))
	}
	if err := s.Wait(); err != nil {
		t.Errorf("Wait: %v", err)
	}
}
