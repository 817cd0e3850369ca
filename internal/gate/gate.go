// Package gate is what git-prfaq enforces at each point of a change's way
// into a repository: the staged change (pre-commit, pre-merge-commit), the
// commit message (commit-msg), and a range of commits (pre-push,
// pre-receive, check --range). It reads git state at the edge and hands
// documents to the pure check, change and initiative packages.
package gate

import (
	"context"
	"fmt"
	"github.com/prfaq/git-prfaq/rule"
	"time"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/initiative"
	"github.com/prfaq/git-prfaq/internal/scan"
	"github.com/prfaq/git-prfaq/prfaq"
)

// Gate checks changes in one repository with one configuration.
type Gate struct {
	Repo       *gitcmd.Repo
	Cfg        *config.Config
	Today      time.Time
	Weakenings Weakener // needed by Range only
	// Ack, when set, acknowledges every weakening in a range with this
	// reason: an acknowledgement from outside the commits, such as a
	// pull-request label the GitHub Action saw.
	Ack string
}

// Report is what a gate found.
type Report struct {
	Results  []scan.Result   // the documents checked
	Findings []rule.Finding  // every finding, sorted
	Changes  []change.Change // metric changes, for reports
}

// Staged checks what `git commit` would record: every PRFAQ added or
// changed in the index, every new initiative directory staged without a
// PRFAQ, and weakened success criteria, which are only warnings here
// because the acknowledgement lives in the message, not yet written.
func (g *Gate) Staged(ctx context.Context) (*Report, error) {
	st, err := g.staged(ctx)
	if err != nil {
		return nil, err
	}
	r := &Report{Results: st.results, Changes: st.changes}
	r.Findings = append(r.Findings, st.findings...)
	r.Findings = append(r.Findings, st.initiatives...)
	for _, c := range st.weakened() {
		r.Findings = append(r.Findings, g.weakening(c, rule.Warning, "the commit message will need a "+g.Cfg.Acknowledgement.Trailer+": <reason> trailer"))
	}
	rule.Sort(r.Findings)
	return r, nil
}

// CommitMsg checks the staged change again with the message's trailers:
// an initiative trailer needs a PRFAQ in the commit, and a weakening of a
// PRFAQ past draft needs the acknowledgement trailer. Document rules are
// the pre-commit hook's and are not repeated.
func (g *Gate) CommitMsg(ctx context.Context, message []byte) (*Report, error) {
	st, err := g.staged(ctx)
	if err != nil {
		return nil, err
	}
	trailers, err := g.Repo.Trailers(ctx, message)
	if err != nil {
		return nil, err
	}
	r := &Report{Results: st.results, Changes: st.changes}
	if len(st.files) == 0 {
		for _, name := range values(trailers, g.Cfg.Initiatives.Trailer) {
			r.Findings = append(r.Findings, initiative.TrailerFinding(g.Cfg, "", name))
		}
	}
	ack := first(values(trailers, g.Cfg.Acknowledgement.Trailer))
	for i, c := range st.changes {
		if c.Effect != change.Weakened {
			continue
		}
		if ack != "" {
			r.Changes[i].Acknowledged = ack
			continue
		}
		sev := g.Cfg.SeverityOf(rule.MetricWeakened)
		if st.draft[c.File] && sev == rule.Error {
			sev = rule.Warning
		}
		r.Findings = append(r.Findings, g.weakening(c, sev, "add a "+g.Cfg.Acknowledgement.Trailer+": <reason> trailer to the commit message, or undo the change"))
	}
	r.Findings = initiative.Keep(r.Findings)
	rule.Sort(r.Findings)
	return r, nil
}

// weakening is the metric-weakened finding for one change.
func (g *Gate) weakening(c change.Change, sev rule.Severity, fix string) rule.Finding {
	return rule.Finding{
		Rule: rule.MetricWeakened, Severity: sev, File: c.File, Line: max(c.Line, 1), Column: 1,
		Message: fmt.Sprintf("metric %q: %s weakens the success criteria: %s", c.Metric, c.Summary(), fix),
		Metric:  c.Metric, Field: c.Field,
	}
}

// stagedState is the index compared with HEAD.
type stagedState struct {
	files       []scan.File
	results     []scan.Result
	findings    []rule.Finding // document rules
	initiatives []rule.Finding
	changes     []change.Change // metric changes, HEAD → index
	draft       map[string]bool // documents whose staged status is draft
}

func (s *stagedState) weakened() []change.Change {
	var out []change.Change
	for _, c := range s.changes {
		if c.Effect == change.Weakened {
			out = append(out, c)
		}
	}
	return out
}

func (g *Gate) staged(ctx context.Context) (*stagedState, error) {
	files, err := scan.Staged(ctx, g.Repo, g.Cfg)
	if err != nil {
		return nil, err
	}
	st := &stagedState{files: files, draft: map[string]bool{}}
	st.results, st.findings = scan.Check(files, g.Cfg, g.Today)
	if st.initiatives, err = g.stagedInitiatives(ctx, files); err != nil {
		return nil, err
	}
	if st.changes, err = g.stagedChanges(ctx, st); err != nil {
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

// stagedChanges compares each staged document with its HEAD version,
// which scan.Staged read alongside it.
func (g *Gate) stagedChanges(ctx context.Context, st *stagedState) ([]change.Change, error) {
	old := map[string][]byte{}
	for _, f := range st.files {
		if f.OldBlob != "" && f.OldData != nil {
			old[f.OldBlob] = f.OldData
		}
	}
	return g.compare(st.results, st.files, old, st.draft), nil
}

// compare runs change.Compare for each checked document against its old
// version (by OldBlob in old), and notes which documents are drafts.
func (g *Gate) compare(results []scan.Result, files []scan.File, old map[string][]byte, draft map[string]bool) []change.Change {
	parser := prfaq.NewParser(g.Cfg.Spec())
	var out []change.Change
	for _, r := range results {
		if r.Doc == nil {
			continue
		}
		draft[r.Path] = r.Doc.IsDraft()
		data, ok := old[fileOf(files, r.Path).OldBlob]
		if !ok {
			continue // a new PRFAQ has nothing to weaken
		}
		before, err := parser.Parse(data)
		if err != nil {
			continue // an unreadable old version has nothing to weaken
		}
		out = append(out, change.Compare(r.Path, before, r.Doc, check.PolicyOf(g.Cfg))...)
	}
	return out
}
