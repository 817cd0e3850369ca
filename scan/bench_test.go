package scan

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/gitcmd"
)

// benchRepo is an mkrepo repository named by PRFAQ_BENCH_REPO.
func benchRepo(b *testing.B) *gitcmd.Repo {
	dir := os.Getenv("PRFAQ_BENCH_REPO")
	if dir == "" {
		b.Skip("PRFAQ_BENCH_REPO not set: point it at a repository made by shared/bench/mkrepo")
	}
	repo, err := gitcmd.Open(context.Background(), dir)
	if err != nil {
		b.Fatal(err)
	}
	return repo
}

func BenchmarkAtHead(b *testing.B) {
	repo, cfg := benchRepo(b), config.Default()
	for b.Loop() {
		if _, err := AtRev(context.Background(), repo, cfg, "HEAD"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckAtHead(b *testing.B) {
	repo, cfg := benchRepo(b), config.Default()
	files, err := AtRev(context.Background(), repo, cfg, "HEAD")
	if err != nil {
		b.Fatal(err)
	}
	today := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		Check(files, cfg, today)
	}
}
