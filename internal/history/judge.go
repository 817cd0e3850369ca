package history

import (
	"context"
	"errors"
	"strings"
	"sync"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/prfaq"
)

// This file is the one definition of a weakening that every hook, range
// check, diff and log uses (README, "Weakened success criteria"):
//
//   - A weakening is the net change between two states of a PRFAQ.
//   - When the newer version is not a draft, the older side is the last
//     version that was not a draft: a PRFAQ taken back to draft, weakened
//     there and approved again is compared with what was approved, so a
//     draft round trip cannot launder a weakening. A PRFAQ that was never
//     anything but a draft is compared with its draft.
//   - When the Target crossed its Baseline, so that the two versions point
//     opposite ways, the metric's first direction in the history decides
//     which way is better (change.CompareWith).
//   - A weakening is acknowledged by the commit that made it, or by a later
//     commit of the same range that touches the PRFAQ (ackOf, firstAck).

// past is what one PRFAQ's history, oldest first, says about its next
// version: the last version that was not a draft, and every version, for
// the metrics' first directions. It is filled in order, then only read.
// It holds blob ids, read through doc when a judgement needs them (rarely:
// a document leaving draft, a Target crossing its Baseline), so that a
// walk over every PRFAQ keeps no parsed version alive for its pasts.
type past struct {
	final    string   // blob id; "" when every version was a draft
	versions []string // blob ids of the readable versions
	doc      func(string) *prfaq.Document
	policy   check.Policy
}

// add records the next version, by blob id; "" (the document deleted) or
// a version that cannot be read changes nothing.
func (p *past) add(id string) {
	d := p.doc(id)
	if d == nil {
		return
	}
	p.versions = append(p.versions, id)
	if !d.IsDraft() {
		p.final = id
	}
}

// base is the version newer is judged against: older, or, when newer
// leaves draft, the last version before it that was not a draft.
func (p *past) base(older, newer *prfaq.Document) *prfaq.Document {
	if p == nil || p.final == "" || newer == nil || newer.IsDraft() || older == nil || !older.IsDraft() {
		return older
	}
	return p.doc(p.final)
}

// origin is a metric's first direction in the history.
func (p *past) origin(key string) (int, bool) {
	if p == nil {
		return 0, false
	}
	for _, id := range p.versions {
		if m := metricByKey(p.doc(id), key); m != nil {
			if dir, ok := change.Direction(check.Assess(m, p.policy)); ok {
				return dir, true
			}
		}
	}
	return 0, false
}

func metricByKey(d *prfaq.Document, key string) *prfaq.Metric {
	t := metricsTable(d)
	if t == nil {
		return nil
	}
	for _, m := range t.Metrics {
		if m.Key == key {
			return m
		}
	}
	return nil
}

// pastSource gives a PRFAQ's history before the newer version, read
// when first needed; a nil *past is an unknown history.
type pastSource interface{ get() (*past, error) }

// known is a history already read (the log reads every version anyway).
type known struct{ p *past }

func (k known) get() (*past, error) { return k.p, nil }

// lazyPast reads a PRFAQ's history up to a commit only when a judgement
// needs it (a document leaving draft, a Target crossing its Baseline),
// which is rare: most comparisons cost no walk at all.
type lazyPast struct {
	once sync.Once
	load func() (*past, error)
	p    *past
	err  error
}

func (l *lazyPast) get() (*past, error) {
	l.once.Do(func() { l.p, l.err = l.load() })
	return l.p, l.err
}

// judge compares one PRFAQ's older and newer versions under the rules
// above, file being the path its changes are reported under.
func judge(file string, older, newer *prfaq.Document, src pastSource, policy check.Policy) ([]change.Change, error) {
	var p *past
	if older.IsDraft() && newer != nil && !newer.IsDraft() {
		var err error
		if p, err = src.get(); err != nil {
			return nil, err
		}
	}
	var readErr error
	origin := func(key string) (int, bool) {
		hp, err := src.get()
		if err != nil {
			readErr = err
			return 0, false
		}
		return hp.origin(key)
	}
	cs := change.CompareWith(file, p.base(older, newer), newer, policy, origin)
	if readErr != nil {
		return nil, readErr
	}
	draft := newer.IsDraft() || newer == nil && older.IsDraft()
	for i := range cs {
		cs[i].Draft = draft
	}
	return cs, nil
}

// ackOf is a commit's acknowledgement: its trailers' values, joined.
func ackOf(c *commit) string { return strings.Join(c.Acks, "; ") }

// judgePair judges a pair whose older side is at commit older ("" or the
// empty tree: no history before it).
func judgePair(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, older string, pair Pair) ([]change.Change, error) {
	lp := &lazyPast{load: func() (*past, error) {
		if older == "" || older == repo.EmptyTree() || pair.OldPath == "" {
			return nil, nil
		}
		return pastAt(ctx, repo, cfg, older, pair.OldPath)
	}}
	return judge(pair.File(), pair.Old, pair.New, lp, check.PolicyOf(cfg))
}

// Judge compares each pair as the merge gate does, the older sides being
// the PRFAQs at commit older (the empty tree or "" for none): the rules at
// the top of this file. It fills in no commit or acknowledgement; see
// Acknowledge.
func Judge(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, older string, pairs []Pair) error {
	for i := range pairs {
		cs, err := judgePair(ctx, repo, cfg, older, pairs[i])
		if err != nil {
			return err
		}
		pairs[i].Changes = cs
	}
	return nil
}

// pastAt reads the history of the PRFAQ at path up to and including
// commit rev, first parents only (the states the branch was in), following
// renames.
func pastAt(ctx context.Context, repo *gitcmd.Repo, cfg *config.Config, rev, path string) (*past, error) {
	l := &logger{repo: repo, cfg: cfg, shallow: shallowCommits(repo)}
	l.v = newVersions(ctx, repo, cfg, nil) // the gate's: no cache (doc.go)
	w := walk{rev: rev, pathspecs: []string{literal(path)}, trailer: cfg.Acknowledgement.Trailer}
	list, walkErr := l.follow(ctx, planned{path: path, walk: w, follow: true})
	if errors.Is(walkErr, ErrNoHistory) {
		walkErr = nil
	}
	if err := errors.Join(walkErr, l.v.finish()); err != nil {
		return nil, err
	}
	p := &past{doc: l.v.doc, policy: check.PolicyOf(cfg)}
	for i := len(list) - 1; i >= 0; i-- {
		for _, f := range list[i].Files {
			p.add(f.NewBlob)
		}
	}
	return p, nil
}
