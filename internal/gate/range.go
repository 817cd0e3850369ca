package gate

import (
	"context"
	"fmt"
	"slices"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/history"
	"github.com/prfaq/git-prfaq/internal/initiative"
	"github.com/prfaq/git-prfaq/internal/scan"
	"github.com/prfaq/git-prfaq/rule"
)

// Range checks the commits in a..b as a pull request or a push is checked:
// every PRFAQ added or changed, as it stands at b; every new initiative;
// every unacknowledged weakening between a and b. a is "" when the range
// starts at the beginning of history. branch, when set, is the branch the
// range is pushed to (for initiatives.branches).
//
// The configuration is never the change's own: it is g.Policy when set (a
// server's), else the one committed at a (the defaults at the beginning
// of history), and a change that loosens it is config-weakened.
func (g *Gate) Range(ctx context.Context, a, b, branch string) (*Report, error) {
	rg := *g
	if a != "" {
		data, err := configAt(ctx, g.Repo, a)
		rg.baseConfig = readConfig{read: true, rev: a, data: data, err: err}
	}
	base := g.Policy
	if base == nil {
		base = config.Default()
		if a != "" {
			var err error
			if base, err = policyOf(a, rg.baseConfig.data, rg.baseConfig.err); err != nil {
				return nil, err
			}
		}
	}
	rg.Cfg = base
	r, err := rg.checkRange(ctx, a, b, branch)
	if err != nil {
		return nil, err
	}
	// The baseline the base's configuration names, as committed at the
	// base: one the change adds to or brings along is not trusted. At the
	// beginning of history there is none.
	if a != "" || rg.Baseline != nil {
		if err := rg.applyBaseline(ctx, r, a); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// checkRange is Range with g.Cfg the policy.
func (g *Gate) checkRange(ctx context.Context, a, b, branch string) (*Report, error) {
	files, err := g.rangeDocuments(ctx, a, b)
	if err != nil {
		return nil, err
	}
	// The three questions below read git independently (the range's
	// commits and trailers; the PRFAQs at both ends and the commits that
	// changed them; .prfaq.toml at b): asked at once, their git processes
	// overlap instead of each waiting for the last. rangeDocuments ran
	// first because Weakenings asks for the same tree diff, then cached.
	r := &Report{FailOn: g.Cfg.Hooks.FailOn}
	var initiatives, weakened, loosened []rule.Finding
	err = gitcmd.Parallel(
		func() (err error) {
			r.Results, r.Findings = scan.Check(files, g.Cfg, g.Today)
			initiatives, err = g.rangeInitiatives(ctx, a, b, branch, paths(files))
			return err
		},
		func() (err error) {
			if r.Changes, err = history.Weakenings(ctx, g.Repo, g.Cfg, a, b); err != nil {
				return err
			}
			acknowledge(r.Changes, g.Ack)
			weakened = g.verdict(r.Changes, inRange)
			return nil
		},
		func() (err error) {
			loosened, err = g.configWeakened(ctx, g.Cfg, a, b)
			return err
		},
	)
	if err != nil {
		return nil, err
	}
	r.Findings = slices.Concat(r.Findings, initiatives, weakened, loosened)
	rule.Sort(r.Findings)
	return r, nil
}

// rangeDocuments reads every PRFAQ added or changed in a..b as it is at b.
func (g *Gate) rangeDocuments(ctx context.Context, a, b string) ([]scan.File, error) {
	changes, err := g.Repo.DiffTrees(ctx, a, b, g.Cfg.DocumentPrefilter()...)
	if err != nil {
		return nil, err
	}
	var files []scan.File
	var ids []string
	for _, c := range changes {
		// A symbolic link's blob is its target's name and a submodule's
		// id a commit: neither is a document.
		if c.Status == 'D' || !gitcmd.Regular(c.NewMode) || !g.Cfg.IsDocument(c.Path) {
			continue
		}
		f := scan.File{Path: c.Path}
		if c.Status == 'R' || c.Status == 'M' || c.Status == 'T' {
			f.OldPath = c.OldPath
			if f.OldPath == "" {
				f.OldPath = c.Path
			}
		}
		files = append(files, f)
		ids = append(ids, c.NewBlob)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	// A document over the size limit is refused from its size alone: a
	// push of huge blobs is never read into memory.
	blobs, big, err := g.Repo.ReadBlobsMax(ctx, ids, g.Cfg.Documents.MaxBytes)
	if err != nil {
		return nil, err
	}
	for i := range files {
		size, tooBig := big[ids[i]]
		if !tooBig {
			files[i].Data = blobs[ids[i]]
			size = int64(len(files[i].Data))
		}
		if err := g.Cfg.CheckSize(files[i].Path, size); err != nil {
			files[i].Err = err
		}
	}
	return files, nil
}

// rangeInitiatives applies the three initiative rules to a range.
func (g *Gate) rangeInitiatives(ctx context.Context, a, b, branch string, docs []string) ([]rule.Finding, error) {
	var out []rule.Finding
	if specs := rootPathspecs(g.Cfg); len(specs) > 0 {
		changes, err := g.Repo.DiffTrees(ctx, a, b, specs...)
		if err != nil {
			return nil, err
		}
		dirs, err := g.newInitiatives(ctx, changes, a, docs)
		if err != nil {
			return nil, err
		}
		out = append(out, dirs...)
	}
	trailers, err := g.trailerCommits(ctx, a, b)
	if err != nil {
		return nil, err
	}
	out = append(out, trailers...)
	if branch != "" && g.Cfg.InitiativeBranch(branch) && len(docs) == 0 {
		out = append(out, initiative.BranchFinding(g.Cfg, branch))
	}
	return initiative.Keep(out), nil
}

// trailerCommits reports the commits in a..b that declare an initiative
// in a trailer but add or change no PRFAQ themselves (compared with their
// first parent).
func (g *Gate) trailerCommits(ctx context.Context, a, b string) ([]rule.Finding, error) {
	revs := []string{b}
	if a != "" {
		revs = append(revs, "^"+a)
	}
	var declared []*gitcmd.Commit
	q := gitcmd.LogQuery{Revs: revs, Trailer: g.Cfg.Initiatives.Trailer}
	if err := g.Repo.Log(ctx, q, func(c *gitcmd.Commit) error {
		if len(c.Trailers) > 0 {
			declared = append(declared, c)
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("read commit trailers in %s: %w", revRange(a, b), err)
	}
	if len(declared) == 0 {
		return nil, nil
	}
	var pairs []gitcmd.CommitPair
	for _, c := range declared {
		if len(c.Parents) > 0 {
			pairs = append(pairs, gitcmd.CommitPair{Commit: c.ID, Base: c.Parents[0]})
		}
	}
	changed, err := g.Repo.DiffCommits(ctx, pairs, g.Cfg.DocumentPrefilter()...)
	if err != nil {
		return nil, err
	}
	for _, c := range declared {
		if len(c.Parents) == 0 { // a root commit: everything in it is new
			if changed[c.ID], err = g.Repo.DiffTrees(ctx, "", c.ID, g.Cfg.DocumentPrefilter()...); err != nil {
				return nil, err
			}
		}
	}
	var fs []rule.Finding
	for _, c := range declared {
		if !slices.ContainsFunc(changed[c.ID], func(ch gitcmd.Change) bool { return ch.Status != 'D' && g.Cfg.IsDocument(ch.Path) }) {
			fs = append(fs, initiative.TrailerFinding(g.Cfg, c.ID, c.Trailers[0]))
		}
	}
	return fs, nil
}

// revRange is a..b, or b alone from the beginning of history.
func revRange(a, b string) string {
	if a == "" {
		return b
	}
	return a + ".." + b
}
