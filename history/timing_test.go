package history

import (
	"context"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/config"
)

func TestTiming(t *testing.T) {
	repo, cfg := benchRepo(t), config.Default()
	ctx := context.Background()
	for range 3 {
		t0 := time.Now()
		rev, _ := repo.ResolveCommit(ctx, "HEAD")
		t1 := time.Now()
		opts := LogOptions{Paths: []string{"services/svc001/PRFAQ.md"}}
		walks, _ := plan(repo, cfg, opts, rev)
		l := &logger{repo: repo, cfg: cfg, opts: opts}
		l.v, _ = newVersions(ctx, repo, cfg)
		t2 := time.Now()
		lists, _ := l.runAll(ctx, walks)
		t3 := time.Now()
		l.v.finish()
		t4 := time.Now()
		cs, _ := l.assemble(ctx, lists)
		t5 := time.Now()
		t.Logf("resolve %v start %v walk %v finish %v assemble %v: %d changes, %d versions", t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3), t5.Sub(t4), len(cs), len(l.v.docs))
	}
}
