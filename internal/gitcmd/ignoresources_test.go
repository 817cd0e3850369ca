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

// memoFixture is a repository, a home directory for git's global
// configuration, and a clock that settles changed files into the past.
type memoFixture struct {
	t     *testing.T
	root  string
	home  string
	trace string // GIT_TRACE file: which git commands ran
	clock time.Time
	env   []string // Runner.Env of the next call
	memo  []byte
}

// unsetenv unsets k for the test; t.Setenv restores it afterwards.
func unsetenv(t *testing.T, k string) {
	t.Setenv(k, "")
	os.Unsetenv(k)
}

func newMemoFixture(t *testing.T) *memoFixture {
	f := &memoFixture{t: t, root: newRepo(t), home: tempDir(t), clock: time.Now().Add(-time.Hour)}
	f.trace = filepath.Join(tempDir(t), "trace")
	// git reads ~/.gitconfig and ~/.config/git/config of this HOME, and
	// no configuration from the environment (gittest.Isolate sets some).
	t.Setenv("HOME", f.home)
	for _, k := range []string{"XDG_CONFIG_HOME", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_COUNT", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG"} {
		unsetenv(t, k)
	}
	return f
}

// write writes a file and settles its modification time in the past.
func (f *memoFixture) write(path, content string) {
	writeFile(f.t, path, content)
	f.settle(path)
}

func (f *memoFixture) settle(path string) {
	f.clock = f.clock.Add(time.Second)
	if err := os.Chtimes(path, f.clock, f.clock); err != nil {
		f.t.Fatal(err)
	}
}

// sources runs IgnoreSources with the last memo, checks its answer
// against git's own (asked with no memo), and reports whether it ran git.
func (f *memoFixture) sources(what string) (sources []string, asked bool) {
	f.t.Helper()
	os.Remove(f.trace)
	run := Runner{Env: append([]string{"GIT_TRACE=" + f.trace}, f.env...)}
	repo, err := run.Open(context.Background(), f.root)
	if err != nil {
		f.t.Fatal(err)
	}
	got, next, err := repo.IgnoreSources(context.Background(), f.memo)
	if err != nil {
		f.t.Fatalf("%s: %v", what, err)
	}
	trace, _ := os.ReadFile(f.trace)
	asked = strings.Contains(string(trace), "git config")
	f.memo = next
	want, _, err := repo.IgnoreSources(context.Background(), nil)
	if err != nil {
		f.t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		f.t.Fatalf("%s: sources %q, git says %q", what, got, want)
	}
	return got, asked
}

// TestIgnoreSourcesMemo: core.excludesFile is taken from the memo only
// while no configuration file, environment variable or include could have
// changed git's answer; otherwise git is asked, and the answer is git's.
func TestIgnoreSourcesMemo(t *testing.T) {
	f := newMemoFixture(t)
	gitconfig := filepath.Join(f.home, ".gitconfig")
	f.write(gitconfig, "[core]\n\texcludesFile = ~/ignore-a\n")
	f.settle(filepath.Join(f.root, ".git", "config"))
	steps := []struct {
		name     string
		change   func()
		asked    bool   // git config ran
		memo     bool   // a memo is kept for the next run
		excludes string // a source the answer must include ("" for none)
	}{
		{"first run", func() {}, true, true, filepath.Join(f.home, "ignore-a")},
		{"nothing changed", func() {}, false, true, filepath.Join(f.home, "ignore-a")},
		{"~/.gitconfig changed", func() { f.write(gitconfig, "[core]\n\texcludesFile = ~/ignore-bb\n") }, true, true, filepath.Join(f.home, "ignore-bb")},
		{"nothing changed since", func() {}, false, true, filepath.Join(f.home, "ignore-bb")},
		{"the excludes file's content changed", func() { f.write(filepath.Join(f.home, "ignore-bb"), "*.md\n") }, false, true, filepath.Join(f.home, "ignore-bb")},
		{"repository config changed", func() {
			git(t, f.root, "config", "core.excludesFile", "repo-ignore")
			f.settle(filepath.Join(f.root, ".git", "config"))
		}, true, true, filepath.Join(f.root, "repo-ignore")},
		{"nothing changed in the repository", func() {}, false, true, filepath.Join(f.root, "repo-ignore")},
		{"git -c", func() {
			f.env = []string{"GIT_CONFIG_PARAMETERS='core.excludesfile'='/from/dash-c'"}
		}, true, false, "/from/dash-c"},
		{"git -c again", func() {}, true, false, "/from/dash-c"},
		{"without -c", func() { f.env = nil }, true, true, filepath.Join(f.root, "repo-ignore")},
		{"include.path", func() {
			git(t, f.root, "config", "--unset", "core.excludesFile")
			f.settle(filepath.Join(f.root, ".git", "config"))
			f.write(filepath.Join(f.home, "more.gitconfig"), "[core]\n\texcludesFile = ~/ignore-c\n")
			f.write(gitconfig, "[Include]\n\tpath = ~/more.gitconfig\n")
		}, true, false, filepath.Join(f.home, "ignore-c")},
		{"the included file changed", func() {
			f.write(filepath.Join(f.home, "more.gitconfig"), "[core]\n\texcludesFile = ~/ignore-dd\n")
		}, true, false, filepath.Join(f.home, "ignore-dd")},
		{"includeIf", func() {
			f.write(gitconfig, "[includeIf \"gitdir:/\"]\n\tpath = ~/more.gitconfig\n")
		}, true, false, filepath.Join(f.home, "ignore-dd")},
		{"no include", func() { f.write(gitconfig, "[core]\n\tpager = less\n") }, true, true, filepath.Join(f.home, ".config", "git", "ignore")},
		{"the default excludes file", func() {}, false, true, filepath.Join(f.home, ".config", "git", "ignore")},
		{"XDG_CONFIG_HOME", func() {
			f.env = []string{"XDG_CONFIG_HOME=" + filepath.Join(f.home, "xdg")}
		}, true, true, filepath.Join(f.home, "xdg", "git", "ignore")},
		{"XDG config file added", func() {
			f.write(filepath.Join(f.home, "xdg", "git", "config"), "[core]\n\texcludesFile = /from/xdg\n")
		}, true, true, "/from/xdg"},
		{"HOME moved", func() {
			f.env = []string{"HOME=" + filepath.Join(f.home, "xdg")}
		}, true, true, filepath.Join(f.home, "xdg", ".config", "git", "ignore")},
		{"a configuration file just written", func() {
			f.env = nil
			git(t, f.root, "config", "core.excludesFile", "/just/now")
		}, true, true, "/just/now"},
		{"still within the racy second", func() {}, true, true, "/just/now"},
	}
	for _, s := range steps {
		s.change()
		sources, asked := f.sources(s.name)
		if asked != s.asked || (f.memo != nil) != s.memo {
			t.Fatalf("%s: git asked %v, memo kept %v; want %v, %v", s.name, asked, f.memo != nil, s.asked, s.memo)
		}
		if s.excludes != "" && !slices.Contains(sources, s.excludes) {
			t.Fatalf("%s: sources %q lack %s", s.name, sources, s.excludes)
		}
	}
}

func FuzzDecodeConfigMemo(f *testing.F) {
	f.Add(configMemo{taken: 5, env: "HOME=/h", set: true, excludes: "/x", stamps: []fileStamp{{"/h/.gitconfig", 1, 2, 3, 4}}}.encode())
	f.Add([]byte{configMemoVersion})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, ok := decodeConfigMemo(data)
		if ok && string(m.encode()) != string(data) {
			t.Skip() // varints have more than one encoding
		}
	})
}
