package history

import (
	"context"
	"sort"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/config"
)

func TestCompareModes(t *testing.T) {
	repo, cfg := benchRepo(t), config.Default()
	ctx := context.Background()
	opts := LogOptions{Paths: []string{"services/svc001/PRFAQ.md"}}
	var a, b, g []time.Duration
	for range 15 {
		t0 := time.Now()
		Log(ctx, repo, cfg, opts)
		a = append(a, time.Since(t0))
		t0 = time.Now()
		repo.Run(ctx, "log", "--format=%H", "--", "services/svc001/PRFAQ.md")
		g = append(g, time.Since(t0))
		t0 = time.Now()
		rev, _ := repo.ResolveCommit(ctx, "HEAD")
		walks, _ := plan(repo, cfg, opts, rev)
		l := &logger{repo: repo, cfg: cfg, opts: opts}
		var ws []*commit
		walks[0].walk.run(ctx, repo, func(c *commit) error { ws = append(ws, c); return nil })
		l.v, _ = newVersions(ctx, repo, cfg)
		for _, c := range ws {
			for _, f := range c.Files {
				l.v.want(f.OldBlob)
				l.v.want(f.NewBlob)
			}
		}
		l.v.finish()
		l.assemble(ctx, [][]*commit{ws})
		b = append(b, time.Since(t0))
	}
	med := func(d []time.Duration) time.Duration { sort.Slice(d, func(i, j int) bool { return d[i] < d[j] }); return d[len(d)/2] }
	t.Logf("pipelined %v sequential %v git %v", med(a), med(b), med(g))
}
