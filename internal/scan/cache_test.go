package scan

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/gittest"
	"github.com/prfaq/git-prfaq/internal/resultcache"
	"github.com/prfaq/git-prfaq/rule"
)

// TestMain isolates git from the machine (see gittest.Isolate).
func TestMain(m *testing.M) {
	gittest.Isolate(nil)
	os.Exit(m.Run())
}

func goodDoc(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "check", "testdata", "good.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// dueDoc has a metric due 2026-01-15 with no Actual, and one whose row
// has a placeholder: a finding that depends on today and one that does
// not.
func dueDoc(t *testing.T) string {
	return strings.Replace(goodDoc(t), "| Paying shops | 0 shops | 1,200 shops | 2027-Q4 | Billing dashboard |",
		"| Paying shops | 0 shops | 1,200 shops | 2026-01-15 | Billing dashboard |\n| Refunds | 9% | TBD | 2027-Q4 | Billing |", 1)
}

// cacheRepo is a committed repository with three PRFAQs.
func cacheRepo(t *testing.T) *gitcmd.Repo {
	t.Helper()
	dir := gittest.TempDir(t)
	gittest.Git(t, dir, nil, "init", "-q")
	gittest.WriteFile(t, filepath.Join(dir, "a", "PRFAQ.md"), goodDoc(t))
	gittest.WriteFile(t, filepath.Join(dir, "b", "PRFAQ.md"), dueDoc(t))
	gittest.WriteFile(t, filepath.Join(dir, "c", "PRFAQ.md"), goodDoc(t)) // the same blob as a
	gittest.Git(t, dir, nil, "add", ".")
	gittest.Git(t, dir, nil, "commit", "-q", "-m", "PRFAQs")
	return openRepo(t, dir)
}

func openRepo(t *testing.T, dir string) *gitcmd.Repo {
	t.Helper()
	repo, err := gitcmd.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return repo
}

var day = func(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// scanner is check --all or list, as a function of the test.
type scanner func(*gitcmd.Repo, *config.Config, time.Time, Options) ([]Result, []rule.Finding, error)

var modes = map[string]scanner{
	"check --all": func(r *gitcmd.Repo, c *config.Config, d time.Time, o Options) ([]Result, []rule.Finding, error) {
		return CheckAtRev(context.Background(), r, c, "HEAD", d, o)
	},
	"list": func(r *gitcmd.Repo, c *config.Config, d time.Time, o Options) ([]Result, []rule.Finding, error) {
		return CheckWorkTree(context.Background(), r, c, d, o)
	},
}

func cacheOptions(repo *gitcmd.Repo, cfg *config.Config, version string) Options {
	return Options{Cache: resultcache.Open(repo.CommonDir, cfg.Fingerprint(), version), HashBlob: repo.HashBlob}
}

// runScan runs a mode and saves the cache, failing the test on an error.
func runScan(t *testing.T, scan scanner, repo *gitcmd.Repo, cfg *config.Config, today time.Time, opts Options) ([]Result, []rule.Finding) {
	t.Helper()
	results, findings, err := scan(repo, cfg, today, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := opts.Cache.Save(); err != nil {
		t.Fatal(err)
	}
	return results, findings
}

// TestCacheSameResults: cold, warm and uncached runs give the same
// results, on two dates; the date-dependent finding comes and goes with
// --today on a warm cache.
func TestCacheSameResults(t *testing.T) {
	t.Parallel()
	for name, scan := range modes {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			repo, cfg := cacheRepo(t), config.Default()
			for _, today := range []string{"2026-01-01", "2026-02-01", "2026-01-01"} {
				want, wantAll := runScan(t, scan, repo, cfg, day(today), Options{})
				for _, run := range []string{"cold or warm", "warm"} {
					got, gotAll := runScan(t, scan, repo, cfg, day(today), cacheOptions(repo, cfg, "v1"))
					if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotAll, wantAll) {
						t.Fatalf("%s run on %s differs from an uncached one:\n got %+v\nwant %+v", run, today, gotAll, wantAll)
					}
				}
				overdue := countRule(wantAll, rule.MetricOverdue)
				if wantOverdue := map[bool]int{false: 0, true: 1}[today == "2026-02-01"]; overdue != wantOverdue {
					t.Fatalf("on %s: %d metric-overdue findings, want %d", today, overdue, wantOverdue)
				}
				if countRule(wantAll, rule.Placeholder) != 1 {
					t.Fatalf("on %s: want one placeholder finding, have %+v", today, wantAll)
				}
			}
			if n := resultcache.Open(repo.CommonDir, cfg.Fingerprint(), "v1").Len(); n != 2 {
				t.Fatalf("cache holds %d entries for 2 distinct blobs", n)
			}
		})
	}
}

func countRule(fs []rule.Finding, id string) int {
	n := 0
	for _, f := range fs {
		if f.Rule == id {
			n++
		}
	}
	return n
}

// marked plants an entry for blob whose only finding is a marker, so a
// test can tell a cached result from a checked one.
func marked(repo *gitcmd.Repo, cfg *config.Config, version, blob string) {
	c := resultcache.Open(repo.CommonDir, cfg.Fingerprint(), version)
	c.Put(blob, resultcache.Entry{Static: check.Static{Findings: []rule.Finding{{Rule: rule.Placeholder, Severity: rule.Error, Line: 1, Column: 1, Message: "MARKER"}}}})
	if err := c.Save(); err != nil {
		panic(err)
	}
}

func hasMarker(results []Result, path string) bool {
	for _, r := range results {
		if r.Path == path {
			return len(r.Findings) == 1 && r.Findings[0].Message == "MARKER" && r.Findings[0].File == path
		}
	}
	return false
}

// TestCacheKey: the cache answers for the same blob, configuration and
// version only: a changed file, configuration or version is checked
// again.
func TestCacheKey(t *testing.T) {
	t.Parallel()
	for name, scan := range modes {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			repo, cfg := cacheRepo(t), config.Default()
			blobA := repo.HashBlob([]byte(goodDoc(t)))
			marked(repo, cfg, "v1", blobA)
			today := day("2026-01-01")
			results, _ := runScan(t, scan, repo, cfg, today, cacheOptions(repo, cfg, "v1"))
			if !hasMarker(results, "a/PRFAQ.md") || !hasMarker(results, "c/PRFAQ.md") || hasMarker(results, "b/PRFAQ.md") {
				t.Fatalf("the planted entry was not used for a and c only: %+v", results)
			}
			// Another tool version.
			results, _ = runScan(t, scan, repo, cfg, today, cacheOptions(repo, cfg, "v2"))
			if hasMarker(results, "a/PRFAQ.md") {
				t.Fatal("a new tool version read the old version's entry")
			}
			// Another configuration.
			other := config.Default()
			other.PressRelease.MaxWords++
			results, _ = runScan(t, scan, repo, other, today, cacheOptions(repo, other, "v1"))
			if hasMarker(results, "a/PRFAQ.md") {
				t.Fatal("a changed configuration read the old configuration's entry")
			}
			// A changed blob: committed for check --all, in the work tree
			// for list.
			gittest.WriteFile(t, filepath.Join(repo.Root, "a", "PRFAQ.md"), goodDoc(t)+"\nOne more line.\n")
			if name == "check --all" {
				gittest.Git(t, repo.Root, nil, "commit", "-q", "-am", "edit a")
				repo = openRepo(t, repo.Root)
			}
			results, _ = runScan(t, scan, repo, cfg, today, cacheOptions(repo, cfg, "v1"))
			if hasMarker(results, "a/PRFAQ.md") || !hasMarker(results, "c/PRFAQ.md") {
				t.Fatalf("after changing a: %+v", results)
			}
		})
	}
}

// TestListCacheRacyGit: a tracked file rewritten with the same size
// within the index's timestamp is found changed (git's racy-git rule),
// never answered from the index's old blob id.
func TestListCacheRacyGit(t *testing.T) {
	t.Parallel()
	repo, cfg := cacheRepo(t), config.Default()
	blobA := repo.HashBlob([]byte(goodDoc(t)))
	marked(repo, cfg, "v1", blobA)
	// Same length, other content, and the index's old mtime.
	path := filepath.Join(repo.Root, "a", "PRFAQ.md")
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	gittest.WriteFile(t, path, strings.Replace(goodDoc(t), "Ledger", "Ledgex", 1))
	if err := os.Chtimes(path, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	results, _ := runScan(t, modes["list"], repo, cfg, day("2026-01-01"), cacheOptions(repo, cfg, "v1"))
	if hasMarker(results, "a/PRFAQ.md") {
		t.Fatal("a rewritten file was answered from the index's blob id")
	}
}

// TestCacheWorktrees: a linked worktree shares the main one's cache.
func TestCacheWorktrees(t *testing.T) {
	t.Parallel()
	repo, cfg := cacheRepo(t), config.Default()
	runScan(t, modes["check --all"], repo, cfg, day("2026-01-01"), cacheOptions(repo, cfg, "v1"))
	wtDir := filepath.Join(gittest.TempDir(t), "wt")
	gittest.Git(t, repo.Root, nil, "worktree", "add", "-q", wtDir)
	wt := openRepo(t, wtDir)
	if wt.CommonDir != repo.CommonDir {
		t.Fatalf("worktree common dir %s, main %s", wt.CommonDir, repo.CommonDir)
	}
	c := resultcache.Open(wt.CommonDir, cfg.Fingerprint(), "v1")
	if !c.Has(wt.HashBlob([]byte(goodDoc(t)))) || c.Len() != 2 {
		t.Fatalf("the worktree sees %d entries of the main work tree's run", c.Len())
	}
	want, _ := runScan(t, modes["list"], wt, cfg, day("2026-01-01"), Options{})
	got, _ := runScan(t, modes["list"], wt, cfg, day("2026-01-01"), Options{Cache: c, HashBlob: wt.HashBlob})
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("list in the worktree with the shared cache differs:\n got %+v\nwant %+v", got, want)
	}
}

// TestCacheUnwritable: a common dir the cache cannot be written in (a
// path under a regular file) leaves the results as they are.
func TestCacheUnwritable(t *testing.T) {
	t.Parallel()
	repo, cfg := cacheRepo(t), config.Default()
	file := filepath.Join(gittest.TempDir(t), "file")
	gittest.WriteFile(t, file, "x")
	for name, scan := range modes {
		want, _, err := scan(repo, cfg, day("2026-02-01"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		opts := Options{Cache: resultcache.Open(file, cfg.Fingerprint(), "v1"), HashBlob: repo.HashBlob}
		got, _, err := scan(repo, cfg, day("2026-02-01"), opts)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("%s with an unwritable cache: %v\n got %+v\nwant %+v", name, err, got, want)
		}
		if opts.Cache.Save() == nil {
			t.Fatalf("%s: Save under a regular file succeeded", name)
		}
	}
}

// TestListUntrackedAndDeleted: list reads an untracked PRFAQ and one
// modified in the work tree, and leaves out a deleted one, with the cache
// as without.
func TestListUntrackedAndDeleted(t *testing.T) {
	t.Parallel()
	repo, cfg := cacheRepo(t), config.Default()
	gittest.WriteFile(t, filepath.Join(repo.Root, "d", "PRFAQ.md"), dueDoc(t))
	if err := os.Remove(filepath.Join(repo.Root, "c", "PRFAQ.md")); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		results, _ := runScan(t, modes["list"], repo, cfg, day("2026-02-01"), cacheOptions(repo, cfg, "v1"))
		var paths []string
		for _, r := range results {
			paths = append(paths, r.Path)
			if r.Err != nil || r.Summary == nil || r.Summary.Owner != "Jane Roe <jane@example.com>" {
				t.Fatalf("%s: %+v", r.Path, r)
			}
		}
		if strings.Join(paths, " ") != "a/PRFAQ.md b/PRFAQ.md d/PRFAQ.md" {
			t.Fatalf("listed %v", paths)
		}
	}
}

// TestListEarlySameResults: with the tracked PRFAQs stat-clean (their
// cached results are looked up while the untracked ones are listed), an
// untracked one and then a changed one, warm runs of list give an
// uncached run's results.
func TestListEarlySameResults(t *testing.T) {
	t.Parallel()
	repo, cfg := cacheRepo(t), config.Default()
	old := time.Now().Add(-time.Hour)
	for _, p := range []string{"a/PRFAQ.md", "b/PRFAQ.md", "c/PRFAQ.md"} {
		if err := os.Chtimes(filepath.Join(repo.Root, p), old, old); err != nil {
			t.Fatal(err)
		}
	}
	gittest.Git(t, repo.Root, nil, "update-index", "-q", "--refresh")
	gittest.WriteFile(t, filepath.Join(repo.Root, "d", "PRFAQ.md"), dueDoc(t))
	list := modes["list"]
	for _, today := range []string{"2026-01-01", "2026-02-01"} {
		want, wantAll := runScan(t, list, repo, cfg, day(today), Options{})
		if len(want) != 4 {
			t.Fatalf("uncached list: %d results, want 4", len(want))
		}
		for _, run := range []string{"cold or warm", "warm"} {
			got, gotAll := runScan(t, list, repo, cfg, day(today), cacheOptions(repo, cfg, "v1"))
			if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotAll, wantAll) {
				t.Fatalf("%s list on %s differs from an uncached one:\n got %+v\nwant %+v", run, today, got, want)
			}
		}
	}
	// The same blob under another path: its findings name that path.
	gittest.WriteFile(t, filepath.Join(repo.Root, "a", "PRFAQ.md"), dueDoc(t))
	want, _ := runScan(t, list, repo, cfg, day("2026-02-01"), Options{})
	got, _ := runScan(t, list, repo, cfg, day("2026-02-01"), cacheOptions(repo, cfg, "v1"))
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("after a change, warm list differs:\n got %+v\nwant %+v", got, want)
	}
}

// TestListCountsOnly: list as the command runs it (CountsOnly: cached
// results are looked up without their messages and metric rows) gives
// the same results cold, warm and uncached, and the counts of a full run:
// errors, warnings and suppressed findings, metric-overdue and a
// suppression that is judged again on each date included.
func TestListCountsOnly(t *testing.T) {
	t.Parallel()
	repo, cfg := cacheRepo(t), config.Default()
	// d's overdue comment suppresses nothing until its metric is due on
	// 2026-01-15 (a suppression-invalid error), then the overdue finding;
	// another suppresses its placeholder, a cached finding.
	suppressed := strings.NewReplacer("| Paying shops |", "| Paying shops <!-- prfaq-ignore metric-overdue: counted in May --> |",
		"| Refunds |", "| Refunds <!-- prfaq-ignore placeholder: set in March --> |").Replace(dueDoc(t))
	gittest.WriteFile(t, filepath.Join(repo.Root, "d", "PRFAQ.md"), suppressed)
	gittest.Git(t, repo.Root, nil, "add", ".")
	gittest.Git(t, repo.Root, nil, "commit", "-q", "-m", "d")
	list := func(today time.Time, opts Options) []Result {
		opts.CountsOnly = true
		results, all := runScan(t, modes["list"], repo, cfg, today, opts)
		if all != nil {
			t.Fatalf("a counts-only run flattened %d findings", len(all))
		}
		return results
	}
	for _, today := range []string{"2026-01-01", "2026-02-01"} {
		full, _ := runScan(t, modes["list"], repo, cfg, day(today), Options{})
		want := list(day(today), Options{})
		for _, run := range []string{"cold or warm", "warm"} {
			if got := list(day(today), cacheOptions(repo, cfg, "v1")); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s counts-only list on %s differs from an uncached one:\n got %+v\nwant %+v", run, today, got, want)
			}
		}
		if len(want) != len(full) {
			t.Fatalf("on %s: %d results, full list %d", today, len(want), len(full))
		}
		for i, w := range want {
			f := full[i]
			we, ww := rule.Count(w.Findings)
			fe, fw := rule.Count(f.Findings)
			if we != fe || ww != fw || rule.CountSuppressed(w.Findings) != rule.CountSuppressed(f.Findings) {
				t.Errorf("on %s, %s: counts-only %d errors, %d warnings, %d suppressed; full %d, %d, %d", today, w.Path,
					we, ww, rule.CountSuppressed(w.Findings), fe, fw, rule.CountSuppressed(f.Findings))
			}
			summary := *f.Summary
			summary.Metrics = nil
			if w.Summary == nil || !reflect.DeepEqual(*w.Summary, summary) || w.Summary.MetricCount != len(f.Summary.Metrics) {
				t.Errorf("on %s, %s: counts-only summary %+v, full %+v", today, w.Path, w.Summary, f.Summary)
			}
		}
		d := full[3].Findings
		if overdue, invalid := countRule(d, rule.MetricOverdue), countRule(d, rule.SuppressionInvalid); today == "2026-01-01" && (overdue != 0 || invalid != 1) ||
			today == "2026-02-01" && (overdue != 1 || invalid != 0) || rule.CountSuppressed(d) != map[string]int{"2026-01-01": 1, "2026-02-01": 2}[today] {
			t.Fatalf("on %s, d has %d metric-overdue and %d suppression-invalid findings: %+v", today, overdue, invalid, d)
		}
	}
}

// TestEarlyResultInOrder: the results looked up early are found for the
// files listed after them in path order, by path and blob id, with
// untracked and changed files between them; a file asked out of order
// misses (and is looked up again), never gets another file's result.
func TestEarlyResultInOrder(t *testing.T) {
	t.Parallel()
	wf := func(path, blob string) gitcmd.WorkTreeFile { return gitcmd.WorkTreeFile{Path: path, Blob: blob} }
	e := &earlyResults{
		files:   []gitcmd.WorkTreeFile{wf("a/PRFAQ.md", "1"), wf("b/PRFAQ.md", "2"), wf("c/PRFAQ.md", "3"), wf("e/PRFAQ.md", "5")},
		results: []Result{{Path: "a/PRFAQ.md"}, {Path: "b/PRFAQ.md"}, {Path: "c/PRFAQ.md"}, {Path: "e/PRFAQ.md"}},
		ok:      []bool{true, true, false, true},
	}
	for _, tt := range []struct {
		f  gitcmd.WorkTreeFile
		ok bool
	}{
		{wf("0/PRFAQ.md", ""), false},  // untracked, before them all
		{wf("a/PRFAQ.md", "1"), true},  //
		{wf("b/PRFAQ.md", "9"), false}, // changed since: another blob
		{wf("c/PRFAQ.md", "3"), false}, // not in the cache
		{wf("d/PRFAQ.md", ""), false},  // untracked, between two
		{wf("a/PRFAQ.md", "1"), false}, // out of order
		{wf("e/PRFAQ.md", "5"), true},
		{wf("f/PRFAQ.md", "6"), false}, // after them all
	} {
		r, ok := e.result(tt.f)
		if ok != tt.ok || ok && r.Path != tt.f.Path {
			t.Errorf("result(%s, %s) = %s, %v; want a hit %v", tt.f.Path, tt.f.Blob, r.Path, ok, tt.ok)
		}
	}
}
