package gitcmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// openBoth opens dir in-process and with git. It reports whether the
// in-process reader answered, and fails the test if it answered anything
// but what git says.
func openBoth(t *testing.T, run Runner, dir string) (inProcess bool, repo *Repo) {
	t.Helper()
	run.Dir = dir
	viaGit, gitErr := run.openGit(context.Background(), dir)
	fast, ok := run.openInProcess(dir)
	if !ok {
		if gitErr != nil {
			return false, nil
		}
		return false, viaGit
	}
	if gitErr != nil {
		t.Fatalf("in-process Open(%q) = %+v, but git says %v", dir, fast, gitErr)
	}
	got, want := *fast, *viaGit
	got.run, got.diffs, got.commits, want.run, want.diffs, want.commits = Runner{}, nil, nil, Runner{}, nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("in-process Open(%q)\n = %+v\ngit %+v", dir, got, want)
	}
	// And Open itself gives the same.
	repo, err := run.Open(context.Background(), dir)
	if err != nil || repo.Root != want.Root || repo.Head != want.Head {
		t.Fatalf("Open(%q) = %+v, %v", dir, repo, err)
	}
	return true, repo
}

// The in-process Open answers for the ordinary shapes of a work tree and
// says exactly what rev-parse says; for anything else git answers.
func TestOpenInProcessMatchesGit(t *testing.T) {
	type setup func(t *testing.T) (run Runner, dir string)
	withCommit := func(t *testing.T) string {
		dir := newRepo(t)
		commitFiles(t, dir, "one", map[string]string{"a/b/PRFAQ.md": "x"})
		return dir
	}
	plain := func(dir string) (Runner, string) { return Runner{}, dir }
	cases := []struct {
		name      string
		setup     setup
		inProcess bool
	}{
		{"root, loose HEAD", func(t *testing.T) (Runner, string) { return plain(withCommit(t)) }, true},
		{"subdirectory", func(t *testing.T) (Runner, string) { return plain(filepath.Join(withCommit(t), "a/b")) }, true},
		{"unborn HEAD", func(t *testing.T) (Runner, string) { return plain(newRepo(t)) }, true},
		{"orphan branch in a repository with commits", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			git(t, dir, "checkout", "-q", "--orphan", "fresh")
			return plain(dir)
		}, true},
		{"detached HEAD", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			git(t, dir, "checkout", "-q", "--detach")
			return plain(dir)
		}, true},
		{"packed objects and refs (gc)", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			commitFiles(t, dir, "two", map[string]string{"c": "y"})
			git(t, dir, "gc", "-q")
			return plain(dir)
		}, true},
		{"packed refs, loose objects", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			git(t, dir, "pack-refs", "--all")
			return plain(dir)
		}, true},
		{"symbolic ref chain", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			git(t, dir, "symbolic-ref", "refs/heads/alias", "refs/heads/main")
			git(t, dir, "symbolic-ref", "HEAD", "refs/heads/alias")
			return plain(dir)
		}, true},
		{"shallow clone", func(t *testing.T) (Runner, string) {
			src := withCommit(t)
			commitFiles(t, src, "two", map[string]string{"c": "y"})
			dst := filepath.Join(tempDir(t), "shallow")
			git(t, src, "clone", "-q", "--depth", "1", "file://"+src, dst)
			return plain(dst)
		}, true},
		{"linked worktree", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			wt := filepath.Join(tempDir(t), "wt")
			git(t, dir, "worktree", "add", "-q", "-b", "feature", wt)
			return plain(wt)
		}, true},
		{"linked worktree, hook's GIT_DIR", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			wt := filepath.Join(tempDir(t), "wt")
			git(t, dir, "worktree", "add", "-q", "-b", "feature", wt)
			return Runner{Env: []string{"GIT_DIR=" + dir + "/.git/worktrees/wt"}}, wt
		}, true},
		{"linked worktree subdirectory with GIT_DIR", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			wt := filepath.Join(tempDir(t), "wt")
			git(t, dir, "worktree", "add", "-q", "-b", "feature", wt)
			return Runner{Env: []string{"GIT_DIR=" + dir + "/.git/worktrees/wt"}}, filepath.Join(wt, "a")
		}, false},
		{"submodule", func(t *testing.T) (Runner, string) {
			sub := withCommit(t)
			super := withCommit(t)
			git(t, super, "submodule", "add", "-q", sub, "deps/sub")
			return plain(filepath.Join(super, "deps/sub"))
		}, true},
		{"through a symlink", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			link := filepath.Join(tempDir(t), "link")
			if err := os.Symlink(dir, link); err != nil {
				t.Skip(err)
			}
			return plain(filepath.Join(link, "a"))
		}, true},
		{"relative, with .. after a symlink", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			top := tempDir(t)
			if err := os.Symlink(filepath.Join(dir, "a", "b"), filepath.Join(top, "link")); err != nil {
				t.Skip(err)
			}
			t.Chdir(top)
			return plain("link/..") // git's chdir takes the .. after the link
		}, true},
		{"git directory through a symlink", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			wt := filepath.Join(tempDir(t), "wt")
			git(t, dir, "worktree", "add", "-q", "-b", "feature", wt)
			link := filepath.Join(tempDir(t), "gitdir")
			if err := os.Symlink(filepath.Join(dir, ".git", "worktrees", "wt"), link); err != nil {
				t.Skip(err)
			}
			writeFile(t, filepath.Join(wt, ".git"), "gitdir: "+link+"\n")
			return plain(wt)
		}, false},
		{"command-line config that does not matter", func(t *testing.T) (Runner, string) {
			return Runner{Env: []string{"GIT_CONFIG_PARAMETERS='user.name'='A'"}}, withCommit(t)
		}, true},
		{"bare", func(t *testing.T) (Runner, string) {
			bare := filepath.Join(tempDir(t), "b.git")
			git(t, withCommit(t), "clone", "-q", "--bare", ".", bare)
			return plain(bare)
		}, false},
		{"inside .git", func(t *testing.T) (Runner, string) { return plain(filepath.Join(withCommit(t), ".git", "refs")) }, false},
		{"sha256", func(t *testing.T) (Runner, string) {
			dir := newRepo(t, "--object-format=sha256")
			commitFiles(t, dir, "one", map[string]string{"x": "y"})
			return plain(dir)
		}, false},
		{"core.bare true with a .git", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			git(t, dir, "config", "core.bare", "true")
			return plain(dir)
		}, false},
		{"core.worktree naming the same directory", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			git(t, dir, "config", "core.worktree", "..")
			return plain(filepath.Join(dir, "a"))
		}, true},
		{"core.worktree elsewhere", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			git(t, dir, "config", "core.worktree", filepath.Join(dir, "a"))
			return plain(filepath.Join(dir, "a", "b"))
		}, false},
		{"unknown extension", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			git(t, dir, "config", "core.repositoryformatversion", "1")
			git(t, dir, "config", "extensions.worktreeConfig", "true")
			return plain(dir)
		}, false},
		{"include", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			git(t, dir, "config", "include.path", "/dev/null")
			return plain(dir)
		}, false},
		{"command-line core config", func(t *testing.T) (Runner, string) {
			return Runner{Env: []string{"GIT_CONFIG_PARAMETERS='core.bare'='false'"}}, withCommit(t)
		}, false},
		{"GIT_WORK_TREE", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			return Runner{Env: []string{"GIT_WORK_TREE=" + dir}}, dir
		}, false},
		{"HEAD names a missing commit", func(t *testing.T) (Runner, string) {
			dir := withCommit(t)
			writeFile(t, filepath.Join(dir, ".git/refs/heads/main"), strings.Repeat("ab", 20)+"\n")
			return plain(dir)
		}, false},
		{"not a repository", func(t *testing.T) (Runner, string) {
			dir := tempDir(t)
			return Runner{Env: []string{"GIT_CEILING_DIRECTORIES=" + filepath.Dir(dir)}}, dir
		}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			run, dir := c.setup(t)
			want := c.inProcess && inProcessSupported
			if got, _ := openBoth(t, run, dir); got != want {
				t.Errorf("answered in-process: %v, want %v", got, want)
			}
		})
	}
}

// A commit that is a delta in its pack is found through its base.
func TestIsCommitPacked(t *testing.T) {
	dir := newRepo(t)
	var ids []string
	msg := strings.Repeat("a long message shared by every commit so they delta well\n", 40)
	for i := range 30 {
		writeFile(t, filepath.Join(dir, "f"), strings.Repeat("x", i))
		git(t, dir, "add", "f")
		git(t, dir, "commit", "-q", "-m", msg+string(rune('a'+i%26)))
		ids = append(ids, git(t, dir, "rev-parse", "HEAD"))
	}
	git(t, dir, "repack", "-q", "-a", "-d", "-f", "--window=50", "--depth=50")
	git(t, dir, "prune-packed")
	common := filepath.Join(dir, ".git")
	for _, id := range ids {
		if !isCommit(common, id) {
			t.Errorf("isCommit(%s) = false", id)
		}
	}
	tree := git(t, dir, "rev-parse", "HEAD^{tree}")
	if isCommit(common, tree) {
		t.Errorf("isCommit(tree %s) = true", tree)
	}
	if isCommit(common, strings.Repeat("0", 40)) {
		t.Error("isCommit(missing) = true")
	}
}

// ReadBlobs reads freshly staged (loose) blobs in-process, the same bytes
// git gives; packed ones, names and other formats go to git.
func TestReadBlobsLoose(t *testing.T) {
	if !inProcessSupported {
		t.Skip("git reads every blob on this system")
	}
	ctx := context.Background()
	dir := newRepo(t)
	commitFiles(t, dir, "one", map[string]string{"old.md": "committed\n"})
	content := "# staged\n\nwith bytes \x00\xff and no final newline"
	writeFile(t, filepath.Join(dir, "new.md"), content)
	git(t, dir, "add", "new.md")
	staged := git(t, dir, "rev-parse", ":new.md")
	repo := open(t, dir)

	blobs, ok := repo.readLooseBlobs([]string{staged, staged})
	if !ok || string(blobs[staged]) != content {
		t.Fatalf("readLooseBlobs = %q, %v", blobs[staged], ok)
	}
	got, err := repo.ReadBlobs(ctx, []string{staged})
	if err != nil || string(got[staged]) != content {
		t.Fatalf("ReadBlobs = %q, %v", got[staged], err)
	}

	git(t, dir, "gc", "-q")
	old := git(t, dir, "rev-parse", "HEAD:old.md")
	tree := git(t, dir, "rev-parse", "HEAD^{tree}")
	for name, ids := range map[string][]string{
		"packed":           {old},
		"loose and packed": {staged, old},
		"rev:path":         {"HEAD:old.md"},
		"short id":         {staged[:12]},
		"not a blob":       {tree},
		"missing":          {strings.Repeat("0", 40)},
	} {
		if _, ok := repo.readLooseBlobs(ids); ok {
			t.Errorf("%s: readLooseBlobs answered", name)
		}
	}
	got, err = repo.ReadBlobs(ctx, []string{staged, old})
	if err != nil || string(got[staged]) != content || string(got[old]) != "committed\n" {
		t.Errorf("ReadBlobs(loose, packed) = %q, %v", got, err)
	}
	if _, err := repo.ReadBlobs(ctx, []string{strings.Repeat("0", 40)}); err == nil {
		t.Error("ReadBlobs(missing) gave no error")
	}

	sha256 := newRepo(t, "--object-format=sha256")
	writeFile(t, filepath.Join(sha256, "x.md"), content)
	git(t, sha256, "add", "x.md")
	id := git(t, sha256, "rev-parse", ":x.md")
	r256 := open(t, sha256)
	if _, ok := r256.readLooseBlobs([]string{id}); ok {
		t.Error("sha256: readLooseBlobs answered")
	}
	if got, err := r256.ReadBlobs(ctx, []string{id}); err != nil || !bytes.Equal(got[id], []byte(content)) {
		t.Errorf("sha256 ReadBlobs = %q, %v", got[id], err)
	}
}

// A corrupt loose object (its content does not match its name) is left to
// git.
func TestReadLooseChecksID(t *testing.T) {
	dir := newRepo(t)
	writeFile(t, filepath.Join(dir, "a"), "one")
	writeFile(t, filepath.Join(dir, "b"), "two")
	git(t, dir, "add", "a", "b")
	a, b := git(t, dir, "rev-parse", ":a"), git(t, dir, "rev-parse", ":b")
	objects := filepath.Join(dir, ".git", "objects")
	data, err := os.ReadFile(looseObjectPath(objects, b))
	if err != nil {
		t.Fatal(err)
	}
	pa := looseObjectPath(objects, a)
	os.Chmod(pa, 0o644)
	writeFile(t, pa, string(data))
	if _, ok := readLoose(objects, a); ok {
		t.Error("readLoose accepted an object whose content is another's")
	}
	if got, ok := readLoose(objects, b); !ok || string(got) != "two" {
		t.Errorf("readLoose(b) = %q, %v", got, ok)
	}
}

// BenchmarkOpenGit is Open with `git rev-parse`, to set against
// BenchmarkOpen (in-process on a plain repository):
//
//	PRFAQ_BENCH_REPO=DIR go test ./internal/gitcmd -run '^$' -bench 'Open|ReadLoose|CatFile'
func BenchmarkOpenGit(b *testing.B) {
	dir := benchRepo(b).Root
	run := Runner{Dir: dir}
	for b.Loop() {
		if _, err := run.openGit(context.Background(), dir); err != nil {
			b.Fatal(err)
		}
	}
}

// benchLooseBlob writes a loose blob into the bench repository (an
// unreferenced object, as `git add` leaves one) and returns its id.
func benchLooseBlob(b *testing.B) (*Repo, string) {
	repo := benchRepo(b)
	id := strings.TrimSpace(string(must(repo.run.RunInput(context.Background(),
		strings.NewReader("# benchmark blob\n\nnot in any commit\n"), "hash-object", "-w", "--stdin"))))
	return repo, id
}

func must(out []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return out
}

func BenchmarkReadLooseBlob(b *testing.B) {
	repo, id := benchLooseBlob(b)
	for b.Loop() {
		if _, ok := repo.readLooseBlobs([]string{id}); !ok {
			b.Fatal("not read in-process")
		}
	}
}

func BenchmarkCatFileLooseBlob(b *testing.B) {
	repo, id := benchLooseBlob(b)
	for b.Loop() {
		if _, err := repo.Run(context.Background(), "cat-file", "blob", id); err != nil {
			b.Fatal(err)
		}
	}
}

// plainConfig reads the shape git writes and gives up on anything else in
// the sections that matter.
func TestPlainConfig(t *testing.T) {
	for _, c := range []struct {
		text     string
		worktree string
		ok       bool
	}{
		{"", "", true},
		{"[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n\tlogallrefupdates = true\n", "", true},
		{"[core]\n\tbare = false\n[remote \"origin\"]\n\turl = \"git@x:y.git\" # quoted\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n[branch \"main\"]\n\tremote = origin\n", "", true},
		{"# comment\n; comment\n[Core]\n\tBare = No\n\tRepositoryFormatVersion = 1\n[extensions]\n\tobjectFormat = sha1\n", "", true},
		{"[core]\n\tworktree = ../..\n", "../..", true},
		{"[core]\n\tbare = true\n", "", false},
		{"[core]\n\tbare\n", "", false},
		{"[core]\n\tbare =\n", "", false},
		{"[core]\n\tbare = \"false\"\n", "", false},
		{"[core]\n\tbare = false # really\n", "", false},
		{"[core] bare = true\n", "", false},
		{"[core]\n\trepositoryformatversion = 2\n", "", false},
		{"[extensions]\n\tobjectformat = sha256\n", "", false},
		{"[extensions]\n\tworktreeConfig = true\n", "", false},
		{"[include]\n\tpath = other\n", "", false},
		{"[includeIf \"gitdir:/x/\"]\n\tpath = other\n", "", false},
		{"[core \"sub\"]\n\tbare = true\n", "", false},
		{"[core.sub]\n\tbare = true\n", "", false},
		{"[remote \"o\"]\n\turl = a \\\n\tb\n", "", false},
		{"[core\n", "", false},
	} {
		path := filepath.Join(t.TempDir(), "config")
		writeFile(t, path, c.text)
		worktree, ok := plainConfig(path)
		if worktree != c.worktree || ok != c.ok {
			t.Errorf("plainConfig(%q) = %q, %v; want %q, %v", c.text, worktree, ok, c.worktree, c.ok)
		}
	}
	if _, ok := plainConfig(filepath.Join(t.TempDir(), "none")); !ok {
		t.Error("a missing config is git's defaults")
	}
}

// packedRef reads packed-refs as git writes it, peeled tags included.
func TestPackedRef(t *testing.T) {
	a, b := strings.Repeat("a", 40), strings.Repeat("b", 40)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "packed-refs"),
		"# pack-refs with: peeled fully-peeled sorted \n"+a+" refs/heads/main\n"+b+" refs/tags/v1\n^"+a+"\n")
	for name, want := range map[string]string{"refs/heads/main": a, "refs/tags/v1": b, "refs/heads/other": ""} {
		id, found, ok := packedRef(dir, name)
		if !ok || id != want || found != (want != "") {
			t.Errorf("packedRef(%s) = %q, %v, %v", name, id, found, ok)
		}
	}
	writeFile(t, filepath.Join(dir, "packed-refs"), "garbage\n")
	if _, _, ok := packedRef(dir, "refs/heads/main"); ok {
		t.Error("a malformed packed-refs was read")
	}
}
