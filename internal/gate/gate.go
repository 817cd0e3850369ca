// Package gate is what git-prfaq enforces at each point of a change's way
// into a repository: the staged change (pre-commit, pre-merge-commit), the
// commit message (commit-msg), and a range of commits (pre-push,
// pre-receive, check --range). It reads git state at the edge and hands
// documents to the pure check, change and initiative packages.
package gate

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"time"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/baseline"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/history"
	"github.com/prfaq/git-prfaq/internal/initiative"
	"github.com/prfaq/git-prfaq/internal/scan"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// Gate checks changes in one repository with one configuration.
type Gate struct {
	Repo *gitcmd.Repo
	// Cfg is the configuration of the staged hooks (the work tree's: the
	// committer's own). A range never uses it: see Policy.
	Cfg   *config.Config
	Today time.Time
	// Policy, when set, is the configuration every range is checked with
	// (a server's, from its policy ref: ServerPolicy); otherwise each
	// range takes the one committed at its base.
	Policy *config.Config

	baseConfig readConfig // the range's base's .prfaq.toml, once read
	// Ack, when set, acknowledges every weakening in a range with this
	// reason: an acknowledgement from outside the commits, such as a
	// pull-request label the GitHub Action saw.
	Ack string
	// Baseline, when set, is the baseline of known findings every check
	// uses (check --baseline FILE), named BaselineName; otherwise the one
	// the configuration's baseline.file names, read where that
	// configuration comes from (applyBaseline).
	Baseline     *baseline.File
	BaselineName string
}

// Report is what a gate found.
type Report struct {
	Results  []scan.Result   // the documents checked
	Findings []rule.Finding  // every finding, sorted
	Changes  []change.Change // metric changes, for reports
	// FailOn is hooks.fail_on of the configuration the change was checked
	// with: the committer's work tree for a commit, HEAD's for a merge,
	// the range's policy (its base's, or a server's) for a range. It is
	// "" for a report merged from several ranges: see Ranges.
	FailOn config.FailOn
	// Ranges holds, for a push (PrePush, PreReceive), the report of each
	// range checked; its Results, Findings and Changes are merged above.
	// Each range fails by its own policy's FailOn.
	Ranges []*Report
	// Baselined counts the findings the baseline held (left out of
	// Findings), Stale those it records in the documents checked that
	// were not found; BaselineFile names it ("" without one).
	Baselined, Stale int
	BaselineFile     string
}

// Staged checks what `git commit` would record: every PRFAQ added or
// changed in the index, every new initiative directory staged without a
// PRFAQ, and weakened success criteria, which are only warnings here
// because the acknowledgement lives in the message, not yet written. In a
// merge, what the merged commits acknowledge is acknowledged already.
func (g *Gate) Staged(ctx context.Context) (*Report, error) {
	g, st, heads, err := g.commit(ctx)
	if err != nil {
		return nil, err
	}
	r := &Report{Results: st.results, Changes: st.changes, FailOn: g.Cfg.Hooks.FailOn}
	r.Findings = append(r.Findings, st.findings...)
	r.Findings = append(r.Findings, st.initiatives...)
	r.Findings = append(r.Findings, g.verdict(st.changes, atPending)...)
	loosened, err := g.mergedConfig(ctx, heads, "", atPending)
	if err != nil {
		return nil, err
	}
	r.Findings = append(r.Findings, loosened...)
	rule.Sort(r.Findings)
	if err := g.applyBaseline(ctx, r, commitBaselineRev(heads)); err != nil {
		return nil, err
	}
	return r, nil
}

// commitBaselineRev is where a commit's baseline is read: the work tree,
// with the committer's configuration; HEAD for a merge, checked with
// HEAD's (forCommit).
func commitBaselineRev(heads []string) string {
	if len(heads) > 0 {
		return "HEAD"
	}
	return ""
}

// CommitMsg checks the staged change again with the message's trailers:
// an initiative trailer needs a PRFAQ in the commit, and a weakening needs
// the acknowledgement trailer, in this message or, for a merge, in one of
// the merged commits that touches the PRFAQ. Document rules are the
// pre-commit hook's and are not repeated.
func (g *Gate) CommitMsg(ctx context.Context, message []byte) (*Report, error) {
	g, st, heads, err := g.commit(ctx)
	if err != nil {
		return nil, err
	}
	trailers, err := g.Repo.Trailers(ctx, message)
	if err != nil {
		return nil, err
	}
	r := &Report{Results: st.results, Changes: st.changes, FailOn: g.Cfg.Hooks.FailOn}
	if len(st.files) == 0 {
		for _, name := range values(trailers, g.Cfg.Initiatives.Trailer) {
			r.Findings = append(r.Findings, initiative.TrailerFinding(g.Cfg, "", name))
		}
	}
	ack := strings.Join(values(trailers, g.Cfg.Acknowledgement.Trailer), "; ")
	acknowledge(r.Changes, ack)
	r.Findings = append(r.Findings, g.verdict(r.Changes, atMessage)...)
	loosened, err := g.mergedConfig(ctx, heads, ack, atMessage)
	if err != nil {
		return nil, err
	}
	r.Findings = append(r.Findings, loosened...)
	r.Findings = initiative.Keep(r.Findings)
	rule.Sort(r.Findings)
	if err := g.applyBaseline(ctx, r, commitBaselineRev(heads)); err != nil {
		return nil, err
	}
	return r, nil
}

// commit reads what a commit would record, with the gate it is checked
// with (forCommit) and the commits a merge in progress brings.
func (g *Gate) commit(ctx context.Context) (*Gate, *stagedState, []string, error) {
	g, heads, err := g.forCommit(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	st, err := g.staged(ctx, heads)
	return g, st, heads, err
}

// forCommit is the gate a commit is checked with, and the commits a merge
// in progress brings (none outside a merge). A commit is checked with the
// committer's own configuration, the work tree's; but the commits a merge
// brings are a change under review, so a merge is checked with HEAD's
// committed configuration, as a range is with its base's.
func (g *Gate) forCommit(ctx context.Context) (*Gate, []string, error) {
	heads, err := g.Repo.MergeHeads()
	if err != nil || len(heads) == 0 || g.Repo.Head == "" {
		return g, heads, err
	}
	policy, err := policyAt(ctx, g.Repo, g.Repo.Head)
	if err != nil {
		return nil, nil, err
	}
	mg := *g
	mg.Cfg = policy
	return &mg, heads, nil
}

// mergedConfig is config-weakened for a merge whose result loosens
// HEAD's .prfaq.toml, unless the merge's message (ack) or the last merged
// commit that changes the file acknowledges it.
func (g *Gate) mergedConfig(ctx context.Context, heads []string, ack string, at stage) ([]rule.Finding, error) {
	if len(heads) == 0 || g.Cfg.SeverityOf(rule.ConfigWeakened) == rule.Off {
		return nil, nil
	}
	staged, err := g.Repo.ReadBlobs(ctx, []string{":" + config.FileName})
	if err != nil && !errors.Is(err, gitcmd.ErrMissing) {
		return nil, err
	}
	head := staged[":"+config.FileName]
	old, err := g.Repo.ReadFileAt(ctx, g.Repo.Head, config.FileName)
	if err != nil && !errors.Is(err, gitcmd.ErrMissing) {
		return nil, err
	}
	if bytes.Equal(old, head) {
		return nil, nil
	}
	why := loosening(g.Cfg, head)
	for _, h := range heads {
		if ack != "" || len(why) == 0 {
			break
		}
		if ack, err = g.configAck(ctx, g.Repo.Head, h); err != nil {
			return nil, err
		}
	}
	return g.configFinding(why, ack, at), nil
}

// stagedState is the index compared with HEAD.
type stagedState struct {
	files       []scan.File
	deleted     []scan.File // PRFAQs the index deletes (HEAD version only)
	results     []scan.Result
	findings    []rule.Finding // document rules
	initiatives []rule.Finding
	changes     []change.Change // metric changes, HEAD → index, judged
}

func (g *Gate) staged(ctx context.Context, heads []string) (*stagedState, error) {
	files, deleted, err := scan.StagedWithDeleted(ctx, g.Repo, g.Cfg)
	if err != nil {
		return nil, err
	}
	st := &stagedState{files: files, deleted: deleted}
	st.results, st.findings = scan.Check(files, g.Cfg, g.Today)
	if st.initiatives, err = g.stagedInitiatives(ctx, files); err != nil {
		return nil, err
	}
	if st.changes, err = g.stagedChanges(ctx, st, heads); err != nil {
		return nil, err
	}
	return st, nil
}

// stagedInitiatives finds initiative directories that the index adds and
// HEAD does not have, and reports those no staged PRFAQ covers. It costs
// nothing when initiatives.roots is empty.
func (g *Gate) stagedInitiatives(ctx context.Context, docs []scan.File) ([]rule.Finding, error) {
	specs := rootPathspecs(g.Cfg)
	if len(specs) == 0 {
		return nil, nil
	}
	changes, err := g.Repo.StagedChanges(ctx, specs...)
	if err != nil {
		return nil, err
	}
	return g.newInitiatives(ctx, changes, g.Repo.Head, paths(docs))
}

// newInitiatives reports the initiative directories that changes add and
// base lacks, unless a document among docs covers them.
func (g *Gate) newInitiatives(ctx context.Context, changes []gitcmd.Change, base string, docs []string) ([]rule.Finding, error) {
	var added []string
	for _, c := range changes {
		if c.Status == 'A' || c.Status == 'R' || c.Status == 'C' {
			added = append(added, c.Path)
		}
	}
	cands := initiative.Candidates(g.Cfg, added)
	existed, err := g.Repo.ExistingPaths(ctx, base, cands)
	if err != nil {
		return nil, err
	}
	var fresh []string
	for _, d := range cands {
		if !existed[d] {
			fresh = append(fresh, d)
		}
	}
	return initiative.Keep(initiative.DirFindings(g.Cfg, initiative.Uncovered(fresh, docs))), nil
}

// stagedChanges judges each staged document against its HEAD version,
// which scan.Staged read alongside it, by the one definition of a
// weakening (history.Judge); in a merge, the merged commits' trailers
// acknowledge what they made (history.Acknowledge over HEAD..MERGE_HEAD).
func (g *Gate) stagedChanges(ctx context.Context, st *stagedState, heads []string) ([]change.Change, error) {
	if len(st.results) == 0 && len(st.deleted) == 0 {
		return nil, nil // no PRFAQ staged: no Markdown parser to build
	}
	parser := prfaq.NewParser(g.Cfg.Spec())
	var pairs []history.Pair
	for i, r := range st.results {
		if r.Doc == nil {
			continue
		}
		f := st.files[i]
		p := history.Pair{Path: r.Path, New: r.Doc}
		if f.OldPath != "" && f.OldData != nil {
			before, err := parser.Parse(f.OldData)
			if err != nil {
				continue // an unreadable old version has nothing to weaken
			}
			p.OldPath, p.Old = f.OldPath, before
		}
		pairs = append(pairs, p)
	}
	for _, f := range st.deleted {
		if before, err := parser.Parse(f.OldData); err == nil {
			pairs = append(pairs, history.Pair{OldPath: f.OldPath, Old: before})
		}
	}
	if len(pairs) == 0 {
		return nil, nil
	}
	if err := history.Judge(ctx, g.Repo, g.Cfg, g.Repo.Head, pairs); err != nil {
		return nil, err
	}
	for _, h := range heads {
		if err := history.Acknowledge(ctx, g.Repo, g.Cfg, g.Repo.Head, h, pairs); err != nil {
			return nil, err
		}
	}
	var out []change.Change
	for _, p := range pairs {
		for _, c := range p.Changes {
			if c.Effect == change.Weakened && c.Acknowledged != "" && len(heads) > 0 {
				// Acknowledged on the branch: the merge commit carries it.
				c.Commit, c.Date, c.Author = "", "", ""
			}
			out = append(out, c)
		}
	}
	return out, nil
}
