package corpus

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/gittest"
	"github.com/prfaq/git-prfaq/internal/resultcache"
	"github.com/prfaq/git-prfaq/internal/scan"
	"github.com/prfaq/git-prfaq/rule"
)

// TestRealCorpusCached: check --all and list give the same results with
// the result cache, cold and warm, as without it, on a repository of the
// real corpus's documents.
func TestRealCorpusCached(t *testing.T) {
	t.Parallel()
	src := corpusDir(t)
	dir := gittest.TempDir(t)
	env := isolated()
	gittest.Git(t, dir, env, "init", "-q")
	names, err := filepath.Glob(filepath.Join(src, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	docs := 0
	for _, name := range names {
		base := filepath.Base(name)
		if base == "README.md" || base == "CONVENTIONS.md" {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		gittest.WriteFile(t, filepath.Join(dir, strings.TrimSuffix(base, ".md"), "PRFAQ.md"), string(data))
		docs++
	}
	gittest.Git(t, dir, env, "add", ".")
	gittest.Git(t, dir, env, "commit", "-q", "-m", "corpus")
	sameWithCache(t, dir, docs)
}

// TestMkrepoCached is TestRealCorpusCached on a small repository made by
// ../shared/bench/mkrepo, whose PRFAQs carry every edit mkrepo makes.
func TestMkrepoCached(t *testing.T) {
	t.Parallel()
	mkrepo := filepath.Join(repoRoot(t), "..", "shared", "bench", "mkrepo")
	if _, err := os.Stat(mkrepo); err != nil {
		if os.Getenv("PRFAQ_REQUIRE_TOOLS") != "" {
			t.Fatalf("mkrepo is missing and PRFAQ_REQUIRE_TOOLS is set: %v", err)
		}
		t.Skipf("mkrepo is missing (%v): it is read from ../shared/bench beside the repository", err)
	}
	dir := filepath.Join(gittest.TempDir(t), "repo")
	cmd := exec.Command(mkrepo, dir, "--commits", "300", "--files", "300", "--prfaqs", "60")
	cmd.Env = append(os.Environ(), isolated()...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("mkrepo: %v\n%s", err, out)
	}
	sameWithCache(t, dir, 60)
}

// isolated is git without the machine's configuration.
func isolated() []string {
	return []string{"GIT_CONFIG_GLOBAL=" + os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Test Author", "GIT_AUTHOR_EMAIL=author@example.com",
		"GIT_COMMITTER_NAME=Test Committer", "GIT_COMMITTER_EMAIL=committer@example.com"}
}

func sameWithCache(t *testing.T, dir string, docs int) {
	t.Helper()
	ctx := context.Background()
	repo, err := gitcmd.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	modes := map[string]func(scan.Options) ([]scan.Result, error){
		"check --all": func(o scan.Options) ([]scan.Result, error) {
			r, _, err := scan.CheckAtRev(ctx, repo, cfg, "HEAD", today, o)
			return r, err
		},
		"list": func(o scan.Options) ([]scan.Result, error) {
			r, _, err := scan.CheckWorkTree(ctx, repo, cfg, today, o)
			return r, err
		},
		// As the command runs it: findings and summaries for counting.
		"list, counts only": func(o scan.Options) ([]scan.Result, error) {
			o.CountsOnly = true
			r, _, err := scan.CheckWorkTree(ctx, repo, cfg, today, o)
			return r, err
		},
	}
	results := map[string][]scan.Result{}
	for name, run := range modes {
		want, err := run(scan.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(want) != docs {
			t.Fatalf("%s: %d results, want %d", name, len(want), docs)
		}
		results[name] = want
		for _, pass := range []string{"cold", "warm"} {
			c := resultcache.Open(repo.CommonDir, cfg.Fingerprint(), "test")
			got, err := run(scan.Options{Cache: c, HashBlob: repo.HashBlob})
			if err != nil {
				t.Fatal(err)
			}
			if err := c.Save(); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				for i := range want {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Fatalf("%s, %s cache: %s differs:\n got %+v\nwant %+v", name, pass, want[i].Path, got[i], want[i])
					}
				}
				t.Fatalf("%s, %s cache: results differ", name, pass)
			}
		}
	}
	sameCounts(t, results["list, counts only"], results["list"])
}

// sameCounts: each counts-only result counts what the full one does.
func sameCounts(t *testing.T, counts, full []scan.Result) {
	t.Helper()
	for i, c := range counts {
		f := full[i]
		ce, cw := rule.Count(c.Findings)
		fe, fw := rule.Count(f.Findings)
		if c.Path != f.Path || ce != fe || cw != fw || rule.CountSuppressed(c.Findings) != rule.CountSuppressed(f.Findings) {
			t.Fatalf("%s: counts only %d errors, %d warnings, %d suppressed; full %d, %d, %d", f.Path,
				ce, cw, rule.CountSuppressed(c.Findings), fe, fw, rule.CountSuppressed(f.Findings))
		}
		if (c.Summary == nil) != (f.Summary == nil) || c.Summary != nil && c.Summary.MetricCount != len(f.Summary.Metrics) {
			t.Fatalf("%s: counts-only summary %+v, full %+v", f.Path, c.Summary, f.Summary)
		}
	}
}
