package gitcmd

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
)

// Pathspecs: LsFiles, TreeFiles, StagedChanges and WorktreeChanges accept
// full git pathspecs relative to the repository root, including magic such
// as ":(glob)**/PRFAQ.md". Without magic, '*' also matches '/' (so
// "*/PRFAQ.md" matches at any depth below the top). No pathspec means all
// paths.

func withPathspecs(args []string, pathspecs []string) []string {
	return append(append(args, "--"), pathspecs...)
}

// LsFiles lists the index entries matching pathspecs (GIT_INDEX_FILE is
// honoured), in index order; an unmerged path has one entry per stage.
func (r *Repo) LsFiles(ctx context.Context, pathspecs ...string) ([]Entry, error) {
	if err := r.needWorkTree(); err != nil {
		return nil, fmt.Errorf("list index: %w", err)
	}
	out, err := r.git(ctx, withPathspecs([]string{"ls-files", "-s", "-z"}, pathspecs)...)
	if err != nil {
		return nil, fmt.Errorf("list index: %w", err)
	}
	entries, err := parseLsFiles(out)
	if err != nil {
		return nil, fmt.Errorf("list index: %w", err)
	}
	return entries, nil
}

// LsTree lists the files (and submodules) in rev's tree, recursively, in
// tree order. git ls-tree takes only literal path prefixes ("services",
// "docs/prfaq/x.md"); pathspec magic such as ":(glob)" is an error, so
// callers match names themselves, or use TreeFiles. Listing the whole tree
// of a 100k-file repository takes about 150 ms.
func (r *Repo) LsTree(ctx context.Context, rev string, paths ...string) ([]Entry, error) {
	if err := checkRev(rev); err != nil {
		return nil, fmt.Errorf("list tree: %w", err)
	}
	args := withPathspecs([]string{"ls-tree", "-r", "-z", "--full-tree", rev}, paths)
	out, err := r.git(ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("list tree %s: %w", rev, err)
	}
	entries, err := parseLsTree(out)
	if err != nil {
		return nil, fmt.Errorf("list tree %s: %w", rev, err)
	}
	return entries, nil
}

// TreeFiles lists the files of rev's tree matching pathspecs, which may use
// glob magic, sorted by path; Stage is 0.
//
// With a work tree it reads the index and corrects it with
// `diff-index --cached rev`: both run concurrently and diff-index skips
// every directory whose cache-tree matches rev, so for rev = HEAD this is
// about 4x faster than walking the whole tree. A bare repository walks
// the tree with `diff-tree` against the empty tree.
func (r *Repo) TreeFiles(ctx context.Context, rev string, pathspecs ...string) ([]Entry, error) {
	if err := checkRev(rev); err != nil {
		return nil, fmt.Errorf("list tree: %w", err)
	}
	var entries []Entry
	var err error
	if r.Root == "" {
		entries, err = r.treeFilesDiffTree(ctx, rev, pathspecs)
	} else {
		entries, err = r.treeFilesFromIndex(ctx, rev, pathspecs)
	}
	if err != nil {
		return nil, fmt.Errorf("list tree %s: %w", rev, err)
	}
	return entries, nil
}

func (r *Repo) treeFilesDiffTree(ctx context.Context, rev string, pathspecs []string) ([]Entry, error) {
	args := []string{"diff-tree", "-r", "-z", "--no-renames", r.EmptyTree(), rev}
	out, err := r.git(ctx, withPathspecs(args, pathspecs)...)
	if err != nil {
		return nil, err
	}
	return parseRawNew(out)
}

// parseRawNew reads raw diff records against the empty tree: every file
// is an addition, and its new mode and id are the tree's.
func parseRawNew(out []byte) ([]Entry, error) {
	diffs, err := parseRawChanges(out)
	if err != nil {
		return nil, err
	}
	entries := make([]Entry, 0, len(diffs))
	for _, d := range diffs {
		entries = append(entries, Entry{Mode: d.NewMode, Blob: d.NewBlob, Path: d.Path})
	}
	return entries, nil
}

func (r *Repo) treeFilesFromIndex(ctx context.Context, rev string, pathspecs []string) ([]Entry, error) {
	var index []Entry
	var diffs []Change
	err := parallel(
		func() (err error) { index, err = r.LsFiles(ctx, pathspecs...); return err },
		func() (err error) { diffs, err = r.diffIndexRaw(ctx, rev, pathspecs); return err },
	)
	if err != nil {
		return nil, err
	}
	return applyRaw(index, diffs), nil
}

func (r *Repo) diffIndexRaw(ctx context.Context, rev string, pathspecs []string) ([]Change, error) {
	args := []string{"diff-index", "--cached", "-z", "--no-renames", rev}
	out, err := r.git(ctx, withPathspecs(args, pathspecs)...)
	if err != nil {
		return nil, fmt.Errorf("compare index with %s: %w", rev, err)
	}
	return parseRawChanges(out)
}

// applyRaw turns the index entries into the tree's: each diff record says
// what the tree has at a path that differs (old mode 000000: nothing).
// Unmerged stages are dropped; diff-index reports those paths as 'U' with
// the tree's side.
func applyRaw(index []Entry, diffs []Change) []Entry {
	byPath := make(map[string]Entry, len(index))
	for _, e := range index {
		if e.Stage == 0 {
			byPath[e.Path] = e
		}
	}
	for _, d := range diffs {
		if d.OldMode == nullMode {
			delete(byPath, d.Path)
			continue
		}
		byPath[d.Path] = Entry{Mode: d.OldMode, Blob: d.OldBlob, Path: d.Path}
	}
	entries := make([]Entry, 0, len(byPath))
	for _, e := range byPath {
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b Entry) int { return cmp.Compare(a.Path, b.Path) })
	return entries
}

const nullMode = "000000"

// StagedChanges compares the index (GIT_INDEX_FILE is honoured) with HEAD,
// or with the empty tree before the first commit, with rename detection.
// Renames are found only among paths matching pathspecs. Intent-to-add
// entries (git add -N) are not staged content and are left out, as in
// `git diff --cached`. The plumbing diff-index is used so that diff.*
// settings in the user's config cannot change the output.
func (r *Repo) StagedChanges(ctx context.Context, pathspecs ...string) ([]Change, error) {
	args := []string{"diff-index", "--cached", "-z", "--raw", "--no-abbrev", "-M", "--ita-invisible-in-index", r.headOrEmpty()}
	out, err := r.git(ctx, withPathspecs(args, pathspecs)...)
	if err != nil {
		return nil, fmt.Errorf("list staged changes: %w", err)
	}
	changes, err := parseRawChanges(out)
	if err != nil {
		return nil, fmt.Errorf("list staged changes: %w", err)
	}
	return changes, nil
}

// WorktreeChanges compares the work tree with HEAD (or the empty tree),
// staged or not, with renames staged in the index, and adds the untracked,
// not ignored files matching pathspecs as 'A'. A path removed from the
// index but still on disk (git rm --cached) is 'M'. Sorted by path.
//
// It is one `git status --porcelain=v1`, whose two columns (HEAD->index,
// index->work tree) are folded into one status. git status refreshes stat
// information in memory, so a touched but unchanged file is not reported,
// and --no-optional-locks keeps it from rewriting the index (`git diff
// HEAD` rewrites it even then, which a hook must not cause). Limitation:
// a file staged with a change and then edited back to HEAD's content is
// still 'M' (status does not compare the work tree with HEAD directly).
func (r *Repo) WorktreeChanges(ctx context.Context, pathspecs ...string) ([]Change, error) {
	if err := r.needWorkTree(); err != nil {
		return nil, fmt.Errorf("list work tree changes: %w", err)
	}
	args := []string{"--no-optional-locks", "-c", "core.quotepath=off", "status",
		"--porcelain=v1", "-z", "--untracked-files=all", "--find-renames",
		"--ignore-submodules=dirty"}
	out, err := r.run.Run(ctx, withPathspecs(args, pathspecs)...)
	if err != nil {
		return nil, fmt.Errorf("list work tree changes: %w", err)
	}
	tracked, untracked, err := parseStatusV1(out)
	if err != nil {
		return nil, fmt.Errorf("list work tree changes: %w", err)
	}
	return mergeUntracked(tracked, untracked), nil
}

// parseStatusV1 reads "XY path\0" records, "XY new\0old\0" for renames
// and copies, and folds X and Y into a change against HEAD.
func parseStatusV1(out []byte) (tracked []Change, untracked []string, err error) {
	recs := splitZ(out)
	for i := 0; i < len(recs); i++ {
		rec := recs[i]
		if len(rec) < 4 || rec[2] != ' ' {
			return nil, nil, fmt.Errorf("unexpected status record %q", rec)
		}
		x, y, p := rec[0], rec[1], rec[3:]
		c := Change{Path: p}
		if x == 'R' || x == 'C' {
			if i++; i == len(recs) {
				return nil, nil, fmt.Errorf("status record %q lacks its source path", rec)
			}
			c.OldPath = recs[i]
		}
		if x == '?' {
			untracked = append(untracked, p)
			continue
		}
		tracked = append(tracked, foldStatus(x, y, c)...)
	}
	return tracked, untracked, nil
}

// foldStatus turns the HEAD->index (x) and index->work tree (y) columns
// into the work tree's change against HEAD.
func foldStatus(x, y byte, c Change) []Change {
	switch {
	case x == 'U' || y == 'U' || x == y && (x == 'A' || x == 'D'):
		c.Status = 'U'
	case y == 'D' && x == 'R':
		// Renamed in the index, then deleted: only the old path's deletion.
		return []Change{{Status: 'D', Path: c.OldPath}}
	case y == 'D' && (x == 'A' || x == 'C'):
		return nil // added to the index, then deleted: HEAD never had it
	case y == 'D' || x == 'D':
		c.Status = 'D'
	case x == 'R' || x == 'C':
		c.Status = x
		c.Score = 0 // status does not print similarity scores
	case y == 'T' || x == 'T':
		c.Status = 'T'
	case x == 'A':
		c.Status = 'A'
	default: // ' M', 'M ', 'MM'
		c.Status = 'M'
	}
	return []Change{c}
}

func mergeUntracked(tracked []Change, untracked []string) []Change {
	deleted := make(map[string]int)
	for i, c := range tracked {
		if c.Status == 'D' {
			deleted[c.Path] = i
		}
	}
	for _, p := range untracked {
		if i, ok := deleted[p]; ok {
			tracked[i].Status = 'M'
			continue
		}
		tracked = append(tracked, Change{Status: 'A', Path: p})
	}
	slices.SortFunc(tracked, func(a, b Change) int { return cmp.Compare(a.Path, b.Path) })
	return tracked
}

// Parallel runs fns concurrently and returns the first error in fns
// order: callers start independent git processes at once rather than one
// after the other.
func Parallel(fns ...func() error) error { return parallel(fns...) }

// parallel runs fns concurrently and returns the first error in fns order.
// Two git processes on different CPUs halve the wall time of a query.
func parallel(fns ...func() error) error {
	errs := make([]error, len(fns))
	done := make(chan int, len(fns))
	for i, fn := range fns {
		go func() { errs[i] = fn(); done <- i }()
	}
	for range fns {
		<-done
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// DiffTrees lists the changes from commit a to commit b (a may be "" for
// the empty tree, before a root commit), with rename detection among the
// paths matching pathspecs.
func (r *Repo) DiffTrees(ctx context.Context, a, b string, pathspecs ...string) ([]Change, error) {
	if a == "" {
		a = r.EmptyTree()
	}
	for _, rev := range []string{a, b} {
		if err := checkRev(rev); err != nil {
			return nil, fmt.Errorf("compare trees: %w", err)
		}
	}
	args := withPathspecs([]string{"diff-tree", "-r", "-z", "--raw", "--no-abbrev", "-M", a, b}, pathspecs)
	key := strings.Join(args, "\x00")
	fixed := r.diffs != nil && isObjectID(a) && isObjectID(b)
	if v, ok := r.diffs.Load(key); ok && fixed {
		return slices.Clone(v.([]Change)), nil
	}
	out, err := r.git(ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("compare %s with %s: %w", a, b, err)
	}
	changes, err := parseRawChanges(out)
	if err != nil {
		return nil, fmt.Errorf("compare %s with %s: %w", a, b, err)
	}
	if fixed {
		r.diffs.Store(key, slices.Clone(changes))
	}
	return changes, nil
}

// isObjectID reports whether s is a full object id rather than a name
// such as HEAD, whose meaning can change.
func isObjectID(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// ExistingPaths returns which of paths (files or directories) exist in
// commit rev. ls-tree matches literal paths, so one call answers for all.
func (r *Repo) ExistingPaths(ctx context.Context, rev string, paths []string) (map[string]bool, error) {
	found := map[string]bool{}
	if rev == "" || len(paths) == 0 {
		return found, nil
	}
	if err := checkRev(rev); err != nil {
		return nil, fmt.Errorf("list tree: %w", err)
	}
	args := append([]string{"ls-tree", "-z", "--name-only", "--full-tree", rev, "--"}, paths...)
	out, err := r.git(ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", rev, err)
	}
	for _, p := range splitZ(out) {
		found[p] = true
	}
	return found, nil
}
