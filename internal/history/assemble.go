package history

import (
	"context"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

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

// assemble compares the versions of each commit, oldest first, and fills
// in what the history knows about each change: its commit, and for a
// weakening the acknowledgement, its own or a later commit's.
func (l *logger) assemble(ctx context.Context, lists [][]*commit) ([]change.Change, error) {
	policy := check.PolicyOf(l.cfg)
	var out []change.Change
	for _, list := range lists {
		per := compareAll(list, l.v.doc, pastsOf(list, l.v.doc, policy), policy)
		for i, c := range list {
			if err := l.branchAcks(ctx, c, per[i]); err != nil {
				return nil, err
			}
		}
		laterAcks(list, per)
		var group []change.Change
		for i := range slices.Backward(list) {
			group = append(group, per[i]...)
		}
		if l.opts.Reverse {
			group = newestFirst(group)
		}
		out = append(out, group...)
	}
	return out, nil
}

// pastsOf follows each PRFAQ through list (newest first) from its oldest
// commit on, and gives for each commit's file the history before it. It
// only reads parsed documents, so it costs little next to the comparisons.
func pastsOf(list []*commit, doc func(string) *prfaq.Document, policy check.Policy) [][]*past {
	pasts := map[string]*past{}
	out := make([][]*past, len(list))
	for i, c := range slices.Backward(list) {
		out[i] = make([]*past, len(c.Files))
		for j, f := range c.Files {
			if f.OldPath != "" && f.OldPath != f.Path {
				if p, ok := pasts[f.OldPath]; ok {
					delete(pasts, f.OldPath)
					pasts[f.Path] = p
				}
			}
			p := pasts[f.Path]
			if p == nil {
				p = &past{doc: doc, policy: policy}
				p.add(f.OldBlob) // a walk that starts after the file began
				pasts[f.Path] = p
			}
			out[i][j] = &past{final: p.final, versions: p.versions[:len(p.versions):len(p.versions)], doc: doc, policy: policy}
			p.add(f.NewBlob)
		}
	}
	return out
}

// compareAll runs commitChanges for every commit of list on every core
// (reading every cell's quantity is most of the work left once git is
// done); per[i] belongs to list[i].
func compareAll(list []*commit, doc func(string) *prfaq.Document, pasts [][]*past, policy check.Policy) [][]change.Change {
	per := make([][]change.Change, len(list))
	next := atomic.Int64{}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(list), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(list); i = int(next.Add(1) - 1) {
				per[i] = commitChanges(list[i], doc, pasts[i], policy)
			}
		}()
	}
	wg.Wait()
	return per
}

// newestFirst reverses the commit order but keeps each commit's changes in
// table order.
func newestFirst(cs []change.Change) []change.Change {
	out := make([]change.Change, 0, len(cs))
	for end := len(cs); end > 0; {
		start := end - 1
		for start > 0 && cs[start-1].Commit == cs[end-1].Commit {
			start--
		}
		out = append(out, cs[start:end]...)
		end = start
	}
	return out
}

// commitChanges judges each file's two versions in commit c; pasts[j] is
// the history of c.Files[j] before c. doc gives the parsed version of a
// blob id (nil for "" or an unreadable version).
func commitChanges(c *commit, doc func(string) *prfaq.Document, pasts []*past, p check.Policy) []change.Change {
	var out []change.Change
	for j, f := range c.Files {
		older, newer := doc(f.OldBlob), doc(f.NewBlob)
		if pasts[j].base(older, newer) == older && sameMetrics(older, newer) {
			continue
		}
		cs, _ := judge(f.Path, older, newer, known{pasts[j]}, p) // a known past cannot fail
		for i := range cs {
			cs[i].Commit, cs[i].Date, cs[i].Author = c.Hash, c.Date, c.Author
			if cs[i].Effect == change.Weakened {
				cs[i].Acknowledged = ackOf(c)
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
// changed, but the commits that made and acknowledged it are on the
// branch: a weakening the merge's own message does not acknowledge is
// attributed among the merged commits exactly as the merge gate does for
// the range first-parent..merge (Acknowledge).
func (l *logger) branchAcks(ctx context.Context, c *commit, cs []change.Change) error {
	if l.opts.AllParents || len(c.Parents) < 2 || !unacknowledged(cs) {
		return nil
	}
	for _, f := range c.Files {
		pair := Pair{OldPath: or(f.OldPath, f.Path), Path: f.Path}
		var at []int
		for i := range cs {
			if cs[i].File == f.Path {
				pair.Changes = append(pair.Changes, cs[i])
				at = append(at, i)
			}
		}
		pairs := []Pair{pair}
		if err := Acknowledge(ctx, l.repo, l.cfg, c.Parents[0], c.Hash, pairs); err != nil {
			return fmt.Errorf("read the acknowledgements merged by %s: %w", short(c.Hash), err)
		}
		for n, i := range at {
			got := pairs[0].Changes[n]
			if cs[i].Effect == change.Weakened && cs[i].Acknowledged == "" && got.Acknowledged != "" {
				cs[i].Acknowledged, cs[i].AcknowledgedBy = got.Acknowledged, got.Commit
				if got.AcknowledgedBy != "" {
					cs[i].AcknowledgedBy = got.AcknowledgedBy
				}
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

// laterAcks gives a weakening its commit did not acknowledge to the first
// later commit of the list that touches the PRFAQ with an acknowledgement
// (the range rule, over the history shown). list is newest first; per[i]
// belongs to list[i].
func laterAcks(list []*commit, per [][]change.Change) {
	pending := map[string][]*change.Change{}
	for i, c := range slices.Backward(list) {
		ack := ackOf(c)
		for _, f := range c.Files {
			if f.OldPath != "" && f.OldPath != f.Path {
				pending[f.Path] = append(pending[f.Path], pending[f.OldPath]...)
				delete(pending, f.OldPath)
			}
			if ack == "" {
				continue
			}
			for _, w := range pending[f.Path] {
				w.Acknowledged, w.AcknowledgedBy = ack, c.Hash
			}
			delete(pending, f.Path)
		}
		for j := range per[i] {
			if w := &per[i][j]; w.Effect == change.Weakened && w.Acknowledged == "" {
				pending[w.File] = append(pending[w.File], w)
			}
		}
	}
}
