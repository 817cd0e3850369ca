package scan

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/gittest"
	"github.com/prfaq/git-prfaq/internal/resultcache"
)

// untrackedRepo is cacheRepo with untracked PRFAQs in a new directory
// and in one that holds a tracked one.
func untrackedRepo(t *testing.T) *gitcmd.Repo {
	t.Helper()
	repo := cacheRepo(t)
	gittest.WriteFile(t, filepath.Join(repo.Root, "d", "e", "PRFAQ.md"), dueDoc(t))
	gittest.WriteFile(t, filepath.Join(repo.Root, "a", "x", "PRFAQ.md"), goodDoc(t))
	return repo
}

func snapshotFile(t *testing.T, repo *gitcmd.Repo) string {
	t.Helper()
	snaps, _ := filepath.Glob(filepath.Join(resultcache.Dir(repo.CommonDir), "*.snap"))
	if len(snaps) != 1 {
		t.Fatalf("want one snapshot file, have %v", snaps)
	}
	return snaps[0]
}

// TestListSnapshotDamaged: a work-tree snapshot file that is damaged,
// truncated, of another format, another work tree's or missing gives a
// full listing with an uncached run's results, and a good file again.
func TestListSnapshotDamaged(t *testing.T) {
	t.Parallel()
	damage := map[string]func([]byte) []byte{
		"truncated":    func(b []byte) []byte { return b[:len(b)/2] },
		"empty":        func([]byte) []byte { return nil },
		"flipped byte": func(b []byte) []byte { b[len(b)-1] ^= 1; return b },
		"other format": func(b []byte) []byte { b[8]++; return b },
		"missing":      nil,
	}
	for name, f := range damage {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			repo, cfg := untrackedRepo(t), config.Default()
			list := modes["list"]
			want, _ := runScan(t, list, repo, cfg, day("2026-02-01"), Options{})
			if len(want) != 5 {
				t.Fatalf("uncached list: %d results, want 5", len(want))
			}
			runScan(t, list, repo, cfg, day("2026-02-01"), cacheOptions(repo, cfg, "v1"))
			path := snapshotFile(t, repo)
			good, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if f == nil {
				os.Remove(path)
			} else if err := os.WriteFile(path, f(append([]byte(nil), good...)), 0o644); err != nil {
				t.Fatal(err)
			}
			got, _ := runScan(t, list, repo, cfg, day("2026-02-01"), cacheOptions(repo, cfg, "v1"))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("list over a %s snapshot:\n got %+v\nwant %+v", name, got, want)
			}
			if c := resultcache.Open(repo.CommonDir, cfg.Fingerprint(), "v1"); c.Snapshot(repo.Root).Data() == nil {
				t.Fatal("no good snapshot after the run")
			}
		})
	}
	t.Run("another work tree's", func(t *testing.T) {
		t.Parallel()
		repo, cfg := untrackedRepo(t), config.Default()
		other := untrackedRepo(t)
		gittest.WriteFile(t, filepath.Join(other.Root, "z", "PRFAQ.md"), goodDoc(t))
		list := modes["list"]
		want, _ := runScan(t, list, repo, cfg, day("2026-02-01"), Options{})
		runScan(t, list, repo, cfg, day("2026-02-01"), cacheOptions(repo, cfg, "v1"))
		runScan(t, list, other, cfg, day("2026-02-01"), cacheOptions(other, cfg, "v1"))
		foreign, err := os.ReadFile(snapshotFile(t, other))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(snapshotFile(t, repo), foreign, 0o644); err != nil {
			t.Fatal(err)
		}
		got, _ := runScan(t, list, repo, cfg, day("2026-02-01"), cacheOptions(repo, cfg, "v1"))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("list over another work tree's snapshot:\n got %+v\nwant %+v", got, want)
		}
	})
}

// TestListSnapshotUnwritable: a cache that cannot be written lists the
// untracked PRFAQs as an uncached run does, every time.
func TestListSnapshotUnwritable(t *testing.T) {
	t.Parallel()
	repo, cfg := untrackedRepo(t), config.Default()
	file := filepath.Join(gittest.TempDir(t), "file")
	gittest.WriteFile(t, file, "x")
	list := modes["list"]
	want, _ := runScan(t, list, repo, cfg, day("2026-02-01"), Options{})
	for range 2 {
		got, _, err := list(repo, cfg, day("2026-02-01"), Options{Cache: resultcache.Open(file, cfg.Fingerprint(), "v1"), HashBlob: repo.HashBlob})
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("list with an unwritable cache: %v\n got %+v\nwant %+v", err, got, want)
		}
	}
}

// TestListExcludesFileChanged: a change of core.excludesFile's content
// shows on the next warm run, though git is not asked for the setting
// again (it did not change).
func TestListExcludesFileChanged(t *testing.T) {
	t.Parallel()
	cfg := config.Default()
	dir := untrackedRepo(t).Root
	excludes := filepath.Join(gittest.TempDir(t), "ignore")
	gittest.WriteFile(t, excludes, "nothing\n")
	gittest.Git(t, dir, nil, "config", "core.excludesFile", excludes)
	// No configuration from the environment (gittest.Isolate sets
	// GIT_CONFIG_COUNT), which would make git be asked every time.
	trace := filepath.Join(gittest.TempDir(t), "trace")
	run := gitcmd.Runner{Env: []string{"GIT_CONFIG_COUNT=", "GIT_TRACE=" + trace}}
	repo, err := run.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	// Settled: only the excludes file's own stamp can tell the change.
	old := time.Now().Add(-time.Hour)
	for _, p := range []string{excludes, filepath.Join(repo.CommonDir, "config")} {
		os.Chtimes(p, old, old)
	}
	list := modes["list"]
	for _, run := range []string{"cold", "warm"} {
		os.Remove(trace)
		got, _ := runScan(t, list, repo, cfg, day("2026-02-01"), cacheOptions(repo, cfg, "v1"))
		if len(got) != 5 {
			t.Fatalf("%s list: %d results, want 5", run, len(got))
		}
		asked := strings.Contains(readTrace(t, trace), "git config")
		if asked != (run == "cold") {
			t.Fatalf("%s list asked git config: %v", run, asked)
		}
	}
	gittest.WriteFile(t, excludes, "d/\n")
	os.Chtimes(excludes, old.Add(time.Minute), old.Add(time.Minute))
	want, _ := runScan(t, list, repo, cfg, day("2026-02-01"), Options{})
	os.Remove(trace)
	got, _ := runScan(t, list, repo, cfg, day("2026-02-01"), cacheOptions(repo, cfg, "v1"))
	if len(want) != 4 || !reflect.DeepEqual(got, want) {
		t.Fatalf("after the excludes file changed, warm list:\n got %+v\nwant %+v", got, want)
	}
	if strings.Contains(readTrace(t, trace), "git config") {
		t.Fatal("git config ran though no configuration changed")
	}
}

func readTrace(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return string(data)
}
