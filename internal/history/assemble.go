package history

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/prfaq"
)

// regular is true for modes git stores file contents under; a symlink's
// blob is its target and a submodule's id is a commit, neither a document.
func regular(mode string) bool { return mode == "100644" || mode == "100755" }

// documentSides forgets the sides of a record that cannot be documents.
func documentSides(f fileDiff) fileDiff {
	if !regular(f.OldMode) {
		f.OldBlob = ""
	}
	if !regular(f.NewMode) {
		f.NewBlob = ""
	}
	return f
}

// commitChanges compares each file's two versions in commit c. doc gives
// the parsed version of a blob id (nil for "" or an unreadable version).
func commitChanges(c *commit, doc func(string) *prfaq.Document, p check.Policy) []change.Change {
	var out []change.Change
	for _, f := range c.Files {
		older, newer := doc(f.OldBlob), doc(f.NewBlob)
		if sameMetrics(older, newer) {
			continue
		}
		cs := change.Compare(f.Path, older, newer, p)
		draft := newer.IsDraft() || newer == nil && older.IsDraft()
		for i := range cs {
			cs[i].Commit, cs[i].Date, cs[i].Author, cs[i].Draft = c.Hash, c.Date, c.Author, draft
			if cs[i].Effect == change.Weakened {
				cs[i].Acknowledged = strings.Join(c.Acks, "; ")
			}
		}
		out = append(out, cs...)
	}
	return out
}

// sameMetrics reports whether two versions have metrics tables that read
// the same, header for header and cell for cell: then change.Compare has
// nothing to report, and skipping it saves parsing every cell's quantity
// twice. Most versions in a history differ only in prose.
func sameMetrics(a, b *prfaq.Document) bool {
	if a == nil || b == nil {
		return false
	}
	ta, tb := metricsTable(a), metricsTable(b)
	if ta == nil || tb == nil {
		return false
	}
	if !slices.EqualFunc(ta.Columns, tb.Columns, func(x, y prfaq.Column) bool { return x.Header == y.Header && x.Field == y.Field }) {
		return false
	}
	return slices.EqualFunc(ta.Metrics, tb.Metrics, func(x, y *prfaq.Metric) bool {
		return x.Name == y.Name && maps.EqualFunc(x.Cells, y.Cells, func(c, d prfaq.Cell) bool { return c.Text == d.Text })
	})
}

// metricsTable is the table of the first metrics section, as
// change.Compare reads it.
func metricsTable(d *prfaq.Document) *prfaq.MetricsTable {
	for _, s := range d.Sections {
		if s.Kind() == prfaq.KindMetrics {
			return s.Metrics
		}
	}
	return nil
}


// branchAcks: on the first-parent line a merge shows what its branch
// changed, but the acknowledgement was written on the branch's commits.
// An unacknowledged weakening of a merge takes the first acknowledgement
// among the merged commits that touch the file.
func (l *logger) branchAcks(ctx context.Context, c *commit, cs []change.Change) error {
	if l.opts.AllParents || len(c.Parents) < 2 || !unacknowledged(cs) {
		return nil
	}
	for _, f := range c.Files {
		ack, err := firstAck(ctx, l, c.Parents[0], c.Parents[1:], f)
		if err != nil {
			return err
		}
		for i := range cs {
			if cs[i].File == f.Path && cs[i].Effect == change.Weakened && cs[i].Acknowledged == "" {
				cs[i].Acknowledged = ack
			}
		}
	}
	return nil
}

func unacknowledged(cs []change.Change) bool {
	for _, c := range cs {
		if c.Effect == change.Weakened && c.Acknowledged == "" {
			return true
		}
	}
	return false
}

// firstAck is the first acknowledgement, oldest first, among the commits
// reachable from heads but not from base that touch f's old or new path.
func firstAck(ctx context.Context, l *logger, base string, heads []string, f fileDiff) (string, error) {
	args := []string{"-c", "log.showSignature=false", "log", "--reverse", "-z",
		"--format=%(trailers:key=" + l.cfg.Acknowledgement.Trailer + ",valueonly,unfold,separator=%x1f)"}
	args = append(append(args, heads...), "^"+base, "--", literal(f.Path))
	if f.OldPath != "" && f.OldPath != f.Path {
		args = append(args, literal(f.OldPath))
	}
	out, err := l.repo.Run(ctx, args...)
	if err != nil {
		return "", fmt.Errorf("read the acknowledgements merged by %s: %w", short(heads[0]), err)
	}
	for _, rec := range strings.Split(string(out), "\x00") {
		for _, v := range strings.Split(rec, trailerSep) {
			if v = strings.TrimSpace(v); v != "" {
				return v, nil
			}
		}
	}
	return "", nil
}
