package gate

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"slices"

	"github.com/prfaq/git-prfaq/internal/baseline"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/safefile"
)

// The baseline of known findings (baseline.file in .prfaq.toml, or
// Gate.Baseline): its findings are counted in the report, not reported.
// It comes from where the configuration naming it comes from: a commit's
// from the work tree, a merge's from HEAD, a range's from its base, so that
// a change cannot add its own findings to the baseline and pass.

// applyBaseline filters r's findings through the gate's baseline: g.Baseline
// when set, else the file g.Cfg names, read from rev ("" for the work
// tree). A configured file that does not exist there is an empty baseline:
// every finding is reported.
func (g *Gate) applyBaseline(ctx context.Context, r *Report, rev string) error {
	b, name := g.Baseline, g.BaselineName
	if b == nil {
		name = g.Cfg.Baseline.File
		if name == "" {
			return nil
		}
		var err error
		if b, err = ReadBaselineAt(ctx, g.Repo, rev, name); err != nil {
			return err
		}
		if b == nil {
			return nil
		}
	}
	var checked []string
	for _, res := range r.Results {
		checked = append(checked, res.Path)
	}
	res := b.Apply(r.Findings, checked)
	r.Findings, r.Baselined, r.Stale, r.BaselineFile = res.Findings, res.Baselined, res.Stale, name
	return nil
}

// ReadBaselineAt reads the baseline file name (a slash path from the
// root) as committed at rev, or from the work tree when rev is "": nil,
// without an error, when it does not exist there; an error naming it for
// one that is not a regular file, is too big or does not parse.
func ReadBaselineAt(ctx context.Context, repo *gitcmd.Repo, rev, name string) (*baseline.File, error) {
	where := name
	var data []byte
	if rev == "" {
		var err error
		data, err = safefile.ReadFile(repo.Root, name, nil, baseline.MaxBytes)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read the baseline %s: %w", name, err)
		}
	} else {
		where = shortRev(rev) + ":" + name
		entries, err := repo.LsTree(ctx, rev, name)
		if err != nil && !errors.Is(err, gitcmd.ErrMissing) {
			return nil, fmt.Errorf("read the baseline %s: %w", where, err)
		}
		i := slices.IndexFunc(entries, func(e gitcmd.Entry) bool { return e.Path == name })
		if i < 0 {
			return nil, nil
		}
		e := entries[i]
		if !gitcmd.Regular(e.Mode) {
			return nil, fmt.Errorf("read the baseline %s: %w", where, errNotRegular)
		}
		blobs, big, err := repo.ReadBlobsMax(ctx, []string{e.Blob}, baseline.MaxBytes)
		if err != nil {
			return nil, fmt.Errorf("read the baseline %s: %w", where, err)
		}
		if size, ok := big[e.Blob]; ok {
			return nil, fmt.Errorf("read the baseline %s: %d bytes, more than %d", where, size, baseline.MaxBytes)
		}
		data = blobs[e.Blob]
	}
	return baseline.Parse(where, data)
}
