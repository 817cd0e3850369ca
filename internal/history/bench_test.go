package history

import (
	"context"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
)

// benchRepo is an mkrepo repository named by PRFAQ_BENCH_REPO (the first,
// when it lists several).
func benchRepo(tb testing.TB) *gitcmd.Repo {
	dirs := benchRepos()
	if len(dirs) == 0 {
		tb.Skip("PRFAQ_BENCH_REPO not set: point it at a repository made by shared/bench/mkrepo")
	}
	repo, err := gitcmd.Open(context.Background(), dirs[0])
	if err != nil {
		tb.Fatal(err)
	}
	return repo
}

func BenchmarkLogOneFile(b *testing.B) {
	repo, cfg := benchRepo(b), config.Default()
	opts := LogOptions{Paths: []string{"services/svc001/PRFAQ.md"}}
	for b.Loop() {
		if _, err := Log(context.Background(), repo, cfg, opts); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLogAll(b *testing.B) {
	repo, cfg := benchRepo(b), config.Default()
	for b.Loop() {
		if _, err := Log(context.Background(), repo, cfg, LogOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWeakenings1000(b *testing.B) {
	repo, cfg := benchRepo(b), config.Default()
	for b.Loop() {
		if _, err := Weakenings(context.Background(), repo, cfg, "HEAD~1000", "HEAD"); err != nil {
			b.Fatal(err)
		}
	}
}
