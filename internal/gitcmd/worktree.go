package gitcmd

import (
	"context"
	"errors"
	"fmt"
)

// ReadFileAt returns the content of the file at path (slash-separated,
// from the repository root) in the commit or tree rev. A path rev does not
// have, or a rev that does not exist, gives an error wrapping ErrMissing;
// any other error (a directory or submodule at path, git failing) is
// something else.
func (r *Repo) ReadFileAt(ctx context.Context, rev, path string) ([]byte, error) {
	if err := checkRev(rev); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	name := rev + ":" + path
	blobs, err := r.ReadBlobs(ctx, []string{name})
	if errors.Is(err, ErrMissing) {
		return nil, fmt.Errorf("read %s: %w", name, ErrMissing)
	}
	if err != nil {
		return nil, err
	}
	return blobs[name], nil
}

// Untracked lists the files in the work tree matching pathspecs that git
// neither tracks nor ignores (.gitignore, .git/info/exclude,
// core.excludesFile).
func (r *Repo) Untracked(ctx context.Context, pathspecs ...string) ([]string, error) {
	return r.lsNames(ctx, []string{"--others"}, pathspecs)
}

// WorkTreeFiles lists the files matching pathspecs that git tracks (those
// in the index, even if deleted from the work tree since) or would track
// (untracked and not ignored). An unmerged path is listed once per stage.
func (r *Repo) WorkTreeFiles(ctx context.Context, pathspecs ...string) ([]string, error) {
	return r.lsNames(ctx, []string{"--cached", "--others"}, pathspecs)
}

func (r *Repo) lsNames(ctx context.Context, which []string, pathspecs []string) ([]string, error) {
	args := append(append([]string{"ls-files", "-z"}, which...), "--exclude-standard")
	out, err := r.git(ctx, withPathspecs(args, pathspecs)...)
	if err != nil {
		return nil, err
	}
	return splitZ(out), nil
}

// DiffWorkTree compares the tree of rev with the work tree for every file
// git tracks (`git diff-index` without --cached), with rename detection
// among the paths matching pathspecs. A changed file whose content git has
// not hashed has an all-zero NewBlob: read it from disk. Untracked files
// are not compared (see Untracked).
func (r *Repo) DiffWorkTree(ctx context.Context, rev string, pathspecs ...string) ([]Change, error) {
	if err := r.needWorkTree(); err != nil {
		return nil, fmt.Errorf("compare with the work tree: %w", err)
	}
	if err := checkRev(rev); err != nil {
		return nil, fmt.Errorf("compare with the work tree: %w", err)
	}
	args := []string{"diff-index", "-z", "--raw", "--no-abbrev", "-M", rev}
	out, err := r.git(ctx, withPathspecs(args, pathspecs)...)
	if err != nil {
		return nil, fmt.Errorf("compare %s with the work tree: %w", rev, err)
	}
	changes, err := parseRawChanges(out)
	if err != nil {
		return nil, fmt.Errorf("compare %s with the work tree: %w", rev, err)
	}
	return changes, nil
}
