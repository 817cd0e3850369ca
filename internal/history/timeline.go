package history

import (
	"context"
	"slices"
	"strings"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/prfaq"
)

// Timeline is one PRFAQ's history as the scorecard reads it (README, "For
// leadership: the scorecard"): every version the walk saw, oldest first.
type Timeline struct {
	// File is the path at the newest version (where it was deleted, for a
	// deleted PRFAQ).
	File     string
	Versions []Version
}

// Version is a PRFAQ as one commit left it, cut down to what a scorecard
// needs (status, owner, headline, metric rows), so that a long history
// keeps a few hundred bytes per version rather than whole documents.
type Version struct {
	Commit string
	Date   string // committer date, RFC 3339 in UTC
	Author string // "Name <email>"
	// Acks are the commit's acknowledgement trailer values.
	Acks []string
	// Path is the file's path in this commit.
	Path string
	// Deleted: the commit deleted the file (or made it a symlink or
	// submodule, no document).
	Deleted bool
	// Readable is false for a version that is not text or is over
	// documents.max_bytes: it has no status, owner or metrics.
	Readable bool
	Status   prfaq.Status // normalised; "" when the front matter gives none
	Owner    string
	Headline string
	// Metrics are the rows of the first metrics table, without positions.
	Metrics []prfaq.Metric
	// Changes are the metric changes this commit made to this PRFAQ,
	// exactly as Log reports them (the one definition of a weakening and
	// of its acknowledgement, judge.go).
	Changes []change.Change
}

// Timelines walks the PRFAQs opts selects as Log does (first parents
// unless opts.AllParents; the same one walk, one cat-file stream and
// parsing on every core) and returns each PRFAQ's versions, with the
// changes Log reports attached to the version whose commit made them,
// sorted by File. opts.Reverse is ignored.
func Timelines(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, opts LogOptions) ([]Timeline, error) {
	opts.Reverse = false
	l, lists, err := read(ctx, repo, cfg, opts)
	if err != nil || l == nil {
		return nil, err
	}
	// Each walk's changes on their own: a PRFAQ two walks saw (a file
	// named and a directory holding it) must not get its changes twice.
	changes := make([][]change.Change, len(lists))
	for i := range lists {
		if changes[i], err = l.assemble(ctx, lists[i:i+1]); err != nil {
			return nil, err
		}
	}
	return timelinesOf(lists, l.v.doc, changes), nil
}

// timelinesOf follows each PRFAQ through the walks' commits (each list
// newest first) across renames, and gives each version the changes its
// commit made to that file (changes[i] are lists[i]'s). A PRFAQ that more than one walk saw (a file
// named and also under a named directory) is listed once.
func timelinesOf(lists [][]*commit, doc func(string) *prfaq.Document, changes [][]change.Change) []Timeline {
	type at struct{ commit, file string }
	var out []Timeline
	done := map[string]bool{} // commit+path already placed by an earlier walk
	// The longest walks first: a followed file's walk reaches back past a
	// move that a walk of the directory it moved to starts at.
	order := make([]int, len(lists))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return len(lists[b]) - len(lists[a]) })
	for _, i := range order {
		list := lists[i]
		byCommit := map[at][]change.Change{}
		for _, c := range changes[i] {
			k := at{c.Commit, c.File}
			byCommit[k] = append(byCommit[k], c)
		}
		open := map[string]*Timeline{}
		var made []*Timeline
		for _, c := range slices.Backward(list) {
			for _, f := range c.Files {
				if done[c.Hash+"\x00"+f.Path] {
					continue
				}
				done[c.Hash+"\x00"+f.Path] = true
				t := open[f.Path]
				if f.OldPath != "" && f.OldPath != f.Path && open[f.OldPath] != nil {
					t = open[f.OldPath]
					delete(open, f.OldPath)
				}
				if t == nil {
					t = &Timeline{}
					made = append(made, t)
				}
				open[f.Path] = t
				t.File = f.Path
				t.Versions = append(t.Versions, versionOf(c, f, doc(f.NewBlob), byCommit[at{c.Hash, f.Path}]))
			}
		}
		for _, t := range made {
			out = append(out, *t)
		}
	}
	slices.SortStableFunc(out, func(a, b Timeline) int { return strings.Compare(a.File, b.File) })
	return out
}

// versionOf cuts one version down to what a timeline keeps.
func versionOf(c *commit, f fileDiff, doc *prfaq.Document, changes []change.Change) Version {
	v := Version{
		Commit: c.Hash, Date: c.Date, Author: c.Author, Acks: c.Acks, Path: f.Path,
		Deleted: f.Status == 'D' || f.NewBlob == "", Changes: changes,
	}
	if v.Deleted || doc == nil {
		return v
	}
	v.Readable = true
	v.Status, v.Owner = doc.Status(), strings.TrimSpace(doc.FrontMatter.Owner)
	if doc.FrontMatter.Err != nil {
		v.Owner = ""
	}
	if doc.Headline != nil {
		v.Headline = doc.Headline.Text
	}
	if t := metricsTable(doc); t != nil {
		v.Metrics = make([]prfaq.Metric, len(t.Metrics))
		for i, m := range t.Metrics {
			v.Metrics[i] = prfaq.Metric{Name: m.Name, Key: m.Key, Cells: textCells(m.Cells)}
		}
	}
	return v
}

// textCells keeps each cell's text, without its position.
func textCells(cells map[prfaq.Field]prfaq.Cell) map[prfaq.Field]prfaq.Cell {
	out := make(map[prfaq.Field]prfaq.Cell, len(cells))
	for f, c := range cells {
		out[f] = prfaq.Cell{Text: c.Text}
	}
	return out
}
