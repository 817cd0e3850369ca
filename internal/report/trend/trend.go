// Package trend reads from git how the targets a range changed moved,
// commit by commit, for the Markdown report's charts. It is apart from
// package report so that the report formats stay functions of their input,
// testable without a repository.
//
// Decisions:
//
//   - The commits are the first-parent commits of a..b that touch the
//     PRFAQ (a pull request's own commits; a merge from the base branch
//     counts as one step), oldest first, and a chart gets a point only
//     where the target's text changed: a chart of every commit that edited
//     prose would be a flat line.
//   - The first point is the target at a, taken from the net change
//     itself, so a PRFAQ renamed in the range still starts right; commits
//     before such a rename are not read (they are under the old name).
//   - Values are plotted when they are quantities comparable with the
//     target at b; others (TBD, a different unit) are left out, and a
//     metric with fewer than two points left gets no chart.
package trend

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/quantity"
	"github.com/prfaq/git-prfaq/internal/report"
	"github.com/prfaq/git-prfaq/prfaq"
)

// Targets returns a chart for each metric whose target changes (the net
// changes of a..b) says changed. a is "" for the beginning of history.
func Targets(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, a, b string, changes []change.Change) ([]report.Chart, error) {
	var charts []report.Chart
	parser := prfaq.NewParser(cfg.Spec())
	for _, file := range targetFiles(changes) {
		versions, err := fileVersions(ctx, repo, parser, a, b, file)
		if err != nil {
			return nil, err
		}
		for _, c := range changes {
			if c.File != file || c.Field != string(prfaq.FieldTarget) {
				continue
			}
			if ch, ok := chartOf(c, a, versions); ok {
				charts = append(charts, ch)
			}
		}
	}
	return charts, nil
}

// targetFiles lists the files with a target change, in the changes' order.
func targetFiles(changes []change.Change) []string {
	var files []string
	seen := map[string]bool{}
	for _, c := range changes {
		if c.Field == string(prfaq.FieldTarget) && !seen[c.File] {
			seen[c.File] = true
			files = append(files, c.File)
		}
	}
	return files
}

// version is the document as one commit left it.
type version struct {
	commit string
	doc    *prfaq.Document
}

// fileVersions reads file at each first-parent commit of a..b that
// touches it, oldest first; a commit where the file does not exist under
// this name is left out.
func fileVersions(ctx context.Context, repo *gitcmd.Repo, parser *prfaq.Parser, a, b, file string) ([]version, error) {
	if strings.ContainsAny(file, "\n\x00") {
		return nil, nil // cat-file --batch cannot name it; no chart rather than no report
	}
	rev := b
	if a != "" {
		rev = a + ".." + b
	}
	commits, err := repo.FirstParents(ctx, rev, ":(literal)"+file)
	if err != nil {
		return nil, fmt.Errorf("list the commits of %s that change %s: %w", rev, file, err)
	}
	slices.Reverse(commits) // oldest first
	names := make([]string, len(commits))
	for i, c := range commits {
		names[i] = c + ":" + file
	}
	blobs, err := repo.ReadBlobs(ctx, names)
	if err != nil && !errors.Is(err, gitcmd.ErrMissing) {
		return nil, fmt.Errorf("read the versions of %s: %w", file, err)
	}
	var vs []version
	for i, c := range commits {
		data, ok := blobs[names[i]]
		if !ok {
			continue
		}
		doc, err := parser.Parse(data)
		if err != nil {
			continue // not text at this commit: nothing to plot
		}
		vs = append(vs, version{commit: c, doc: doc})
	}
	return vs, nil
}

// chartOf plots the target of c's metric from a through versions.
func chartOf(c change.Change, a string, versions []version) (report.Chart, bool) {
	type step struct{ commit, text string }
	steps := []step{{a, c.From}}
	key := prfaq.FoldSpace(c.Metric)
	for _, v := range versions {
		text, ok := targetOf(v.doc, key)
		if ok && !sameText(text, steps[len(steps)-1].text) {
			steps = append(steps, step{v.commit, text})
		}
	}
	last, err := quantity.Parse(c.To)
	if err != nil {
		return report.Chart{}, false
	}
	unit, scale := quantity.AxisUnit(last)
	ch := report.Chart{File: c.File, Metric: c.Metric, Unit: unit}
	for _, s := range steps {
		q, err := quantity.Parse(s.text)
		if err != nil || !q.Comparable(last) {
			continue
		}
		ch.Points = append(ch.Points, report.Point{Commit: s.commit, Value: q.Value / scale, Text: s.text})
	}
	return ch, len(ch.Points) >= 2
}

func sameText(x, y string) bool { return prfaq.FoldSpace(x) == prfaq.FoldSpace(y) }

// targetOf is the Target cell of the first metric named key.
func targetOf(doc *prfaq.Document, key string) (string, bool) {
	for _, s := range doc.Sections {
		if s.Kind() != prfaq.KindMetrics || s.Metrics == nil {
			continue
		}
		for _, m := range s.Metrics.Metrics {
			if m.Key == key {
				c, ok := m.Get(prfaq.FieldTarget)
				return c.Text, ok
			}
		}
		return "", false // only the first metrics table counts, as in the check
	}
	return "", false
}
