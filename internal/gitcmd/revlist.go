package gitcmd

import (
	"context"
	"fmt"
	"strings"
)

// HasCommit reports whether the repository has the commit id names (a
// shallow clone lacks the parents at its cut; a push may name commits
// this clone never fetched). An object that is not a commit is not one.
// The error is for a git that could not answer.
func (r *Repo) HasCommit(ctx context.Context, id string) (bool, error) {
	_, ok, err := r.verifyCommit(ctx, id)
	return ok, err
}

// NewCommits lists the commits reachable from tip and from none of
// exclude, oldest first (no commit before its parents), each with its
// parents. exclude holds revisions, or the options of `git rev-list` that
// select refs, such as "--all" or "--remotes=origin". Errors are *Error,
// like Run's.
func (r *Repo) NewCommits(ctx context.Context, tip string, exclude ...string) ([]Commit, error) {
	if err := checkRev(tip); err != nil {
		return nil, err
	}
	args := append([]string{"rev-list", "--reverse", "--topo-order", "--parents", tip, "--not"}, exclude...)
	out, err := r.run.Run(ctx, args...)
	if err != nil {
		return nil, err
	}
	lines := splitLines(out)
	commits := make([]Commit, 0, len(lines))
	for _, l := range lines {
		ids := strings.Fields(l)
		if len(ids) == 0 {
			return nil, fmt.Errorf("unexpected rev-list line %q", l)
		}
		c := Commit{ID: ids[0]}
		if len(ids) > 1 {
			c.Parents = ids[1:]
		}
		commits = append(commits, c)
	}
	return commits, nil
}

// FirstParents lists the commits of rev's first-parent line (rev may be a
// range, a..b), newest first; with pathspecs, only those that change a
// matching path (git's history simplification). Errors are *Error, like
// Run's.
func (r *Repo) FirstParents(ctx context.Context, rev string, pathspecs ...string) ([]string, error) {
	if err := checkRev(rev); err != nil {
		return nil, err
	}
	args := []string{"rev-list", "--first-parent", rev}
	if len(pathspecs) > 0 {
		args = withPathspecs(args, pathspecs)
	}
	out, err := r.run.Run(ctx, args...)
	if err != nil {
		return nil, err
	}
	return strings.Fields(string(out)), nil
}

// HasMerges reports whether any commit reachable from tip and not from
// exclude ("" for none) has two or more parents. It reads commits only,
// no trees, and stops at the first merge.
func (r *Repo) HasMerges(ctx context.Context, tip, exclude string) (bool, error) {
	args := []string{"rev-list", "--min-parents=2", "--max-count=1", tip}
	for _, rev := range []string{tip, exclude} {
		if err := checkRev(rev); rev != "" && err != nil {
			return false, err
		}
	}
	if exclude != "" {
		args = append(args, "^"+exclude)
	}
	out, err := r.run.Run(ctx, append(args, "--")...)
	if err != nil {
		return false, fmt.Errorf("look for merges: %w", err)
	}
	return strings.TrimSpace(string(out)) != "", nil
}
