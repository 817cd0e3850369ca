package gate

import (
	"fmt"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/change"
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
// in a range, so that diff, log and every report say what the gate says.
func Classify(cfg *config.Config, changes []change.Change) {
	for i := range changes {
		changes[i].Severity = severity(cfg, changes[i], inRange)
	}
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
