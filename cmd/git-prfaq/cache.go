package main

import (
	"fmt"
	"os"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/history"
	"github.com/prfaq/git-prfaq/internal/resultcache"
	"github.com/prfaq/git-prfaq/internal/scan"
)

var cacheHelp = helpText{
	name:     "cache",
	synopsis: "cache [info|clear]",
	about: `Show or clear the result cache (see README: Performance).

check --all and list keep what checking each PRFAQ found, by its blob id,
the effective configuration and the version of git-prfaq, under
prfaq/cache/ in the repository's common git directory (shared by its
worktrees), so that the next run parses only the PRFAQs that changed.
Rules that depend on today's date run every time. log, diff and scorecard
keep each version's status and metrics table there too, in a pack of their
own; the merge gate (check --range, the hooks) does not use the cache.

info (the default) prints where the cache is, its packs, entries, the
snapshots list keeps of each work tree's untracked files, and its size.
clear deletes it. --no-cache on check, list, log, diff and scorecard, or
GIT_PRFAQ_NO_CACHE=1, runs without reading or writing it.`,
}

// noCacheEnv switches the result cache off, as --no-cache does.
const noCacheEnv = "GIT_PRFAQ_NO_CACHE"

func runCache(e *env, args []string) (int, error) {
	fs := newFlags(cacheHelp, e.stdout)
	if err := parse(fs, args); err != nil {
		return exitUsage, err
	}
	action := "info"
	switch fs.NArg() {
	case 0:
	case 1:
		action = fs.Arg(0)
	default:
		return exitUsage, fmt.Errorf("unexpected argument %q: cache takes info or clear", fs.Arg(1))
	}
	if action != "info" && action != "clear" {
		return exitUsage, fmt.Errorf("unknown action %q: use info or clear", action)
	}
	w, err := openWorkspace(e, false)
	if err != nil {
		return exitUsage, err
	}
	if action == "clear" {
		if err := resultcache.Clear(w.repo.CommonDir); err != nil {
			return exitUsage, fmt.Errorf("clear the result cache: %w (delete %s by hand)", err, resultcache.Dir(w.repo.CommonDir))
		}
		fmt.Fprintf(e.stdout, "cleared %s\n", resultcache.Dir(w.repo.CommonDir))
		return exitOK, nil
	}
	st, err := resultcache.Info(w.repo.CommonDir)
	if err != nil {
		return exitUsage, fmt.Errorf("read the result cache: %w", err)
	}
	fmt.Fprintf(e.stdout, "%s: %d pack(s), %d entries, %d work-tree snapshot(s), %d bytes\n", st.Dir, st.Packs, st.Entries, st.Snapshots, st.Bytes)
	return exitOK, nil
}

// scanOptions opens the result cache for the workspace's configuration
// and this build, unless noCache or $GIT_PRFAQ_NO_CACHE says not to.
// With later, the pack loads while the scan lists files: list reads the
// index meanwhile (docs/performance.md); check --all asks the pack for
// its listing first, and gained nothing measurable.
func (w *workspace) scanOptions(noCache, later bool) scan.Options {
	if cacheOff(noCache) || w.repo == nil {
		return scan.Options{}
	}
	open := resultcache.Open
	if later {
		open = resultcache.OpenLater
	}
	c := open(w.repo.CommonDir, w.cfg.Fingerprint(), currentVersion()+" "+resultcache.ToolVersion())
	return scan.Options{Cache: c, HashBlob: w.repo.HashBlob}
}

// cacheOff is whether --no-cache (noCache) or $GIT_PRFAQ_NO_CACHE turns
// the result cache off.
func cacheOff(noCache bool) bool {
	return noCache || os.Getenv(noCacheEnv) != "" && os.Getenv(noCacheEnv) != "0"
}

// historyCache opens the result cache's pack of slim versions that log,
// diff and scorecard read (package history) for configuration cfg; nil
// when it is off. The merge gate (check --range, the hooks) never uses
// it: see docs/performance.md, "The metric history at scale".
func (w *workspace) historyCache(cfg *config.Config, noCache bool) *resultcache.Cache {
	if cacheOff(noCache) || w.repo == nil {
		return nil
	}
	return resultcache.OpenKind(w.repo.CommonDir, cfg.Fingerprint(), currentVersion()+" "+resultcache.ToolVersion(), history.CacheKind)
}

// saveCache writes what the run added to the cache. A cache that cannot
// be written (a read-only git dir) never fails the run.
func saveCache(opts scan.Options) {
	_ = opts.Cache.Save()
}
