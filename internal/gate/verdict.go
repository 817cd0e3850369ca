package gate

import (
	"context"
	"fmt"
	"strings"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/rule"
)

// stage is where a weakening is judged, which decides what it costs and
// how to fix it.
type stage int

const (
	// atPending: pre-commit and pre-merge-commit, before the message exists.
	atPending stage = iota
	// atMessage: commit-msg, the message's trailers read.
	atMessage
	// inRange: a range of commits (pre-push, pre-receive, check --range,
	// the Action).
	inRange
)

// acknowledge gives every weakening that has no acknowledgement this one
// (a commit message's trailers, or --ack from outside the commits); ""
// does nothing.
func acknowledge(changes []change.Change, reason string) {
	if reason == "" {
		return
	}
	for i := range changes {
		if changes[i].Effect == change.Weakened && changes[i].Acknowledged == "" {
			changes[i].Acknowledged = reason
		}
	}
}

// severity is the one rule for what an unacknowledged weakening costs at
// a stage: the rule's configured severity (off: nothing, anywhere), at
// most a warning for a draft or before the commit message is written.
// Anything else costs nothing ("").
func severity(cfg *config.Config, c change.Change, at stage) rule.Severity {
	sev := cfg.SeverityOf(rule.MetricWeakened)
	if c.Effect != change.Weakened || c.Acknowledged != "" || sev == rule.Off {
		return ""
	}
	if c.Draft || at == atPending {
		return rule.Warning
	}
	return sev
}

// Classify sets each change's Severity to what the merge gate makes of it
// in a range checked with cfg, so that reports say what the gate says.
func Classify(cfg *config.Config, changes []change.Change) {
	for i := range changes {
		changes[i].Severity = severity(cfg, changes[i], inRange)
	}
}

// ClassifyHistory classifies each change of a history with the policy its
// commit was made under: the configuration committed at its first parent
// (the defaults for a root commit). log uses it. The history read
// acknowledgements under the trailer name walked; where a commit's policy
// names another, the acknowledgement is read again under that name, so a
// change cannot acknowledge itself by renaming the trailer. Only
// weakenings need a policy, so most histories read none.
func ClassifyHistory(ctx context.Context, repo *gitcmd.Repo, walked string, changes []change.Change) error {
	var parents []string
	for _, c := range changes {
		if c.Effect == change.Weakened && c.Commit != "" {
			parents = append(parents, c.Commit+"^")
		}
	}
	policies, err := policiesAt(ctx, repo, parents)
	if err != nil {
		return err
	}
	for i, c := range changes {
		if c.Effect != change.Weakened || c.Commit == "" {
			continue
		}
		p := policies[c.Commit+"^"]
		if c.Acknowledged != "" && !strings.EqualFold(p.Acknowledgement.Trailer, walked) {
			by := c.AcknowledgedBy
			if by == "" {
				by = c.Commit
			}
			ack, err := trailersOf(ctx, repo, by, p.Acknowledgement.Trailer)
			if err != nil {
				return err
			}
			if ack == "" {
				changes[i].Acknowledged, changes[i].AcknowledgedBy = "", ""
			}
		}
		changes[i].Severity = severity(p, changes[i], inRange)
	}
	return nil
}

// trailersOf is the values of the trailer key in commit id's message,
// joined.
func trailersOf(ctx context.Context, repo *gitcmd.Repo, id, key string) (string, error) {
	var vs []string
	err := repo.Log(ctx, gitcmd.LogQuery{Revs: []string{id + "^!"}, Trailer: key}, func(c *gitcmd.Commit) error {
		vs = append(vs, c.Trailers...)
		return nil
	})
	return strings.Join(vs, "; "), err
}

// verdict is the one place that turns judged changes into metric-weakened
// findings, for every hook and range check (severity says what each
// costs).
func (g *Gate) verdict(changes []change.Change, at stage) []rule.Finding {
	var fs []rule.Finding
	for i, c := range changes {
		s := severity(g.Cfg, c, at)
		changes[i].Severity = s
		if s == "" {
			continue
		}
		fs = append(fs, rule.Finding{
			Rule: rule.MetricWeakened, Severity: s, File: c.File, Line: max(c.Line, 1), Column: 1,
			Message: fmt.Sprintf("metric %q: %s weakens the success criteria: %s", c.Metric, c.Summary(), g.fix(c, at)),
			Metric:  c.Metric, Field: c.Field, Commit: c.Commit,
		})
	}
	return fs
}

// fix says what to do about one unacknowledged weakening.
func (g *Gate) fix(c change.Change, at stage) string {
	t := g.Cfg.Acknowledgement.Trailer
	switch at {
	case atPending:
		return "the commit message will need a " + t + ": <reason> trailer"
	case atMessage:
		return "add a " + t + ": <reason> trailer to the commit message, or undo the change"
	}
	return fmt.Sprintf("acknowledge it with a %s: <reason> trailer on a commit in the range that touches %s, or undo it", t, c.File)
}
