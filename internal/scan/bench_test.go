package scan

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/resultcache"
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

// BenchmarkCheckAtHead is check --all without the process around it.
func BenchmarkCheckAtHead(b *testing.B) {
	repo, cfg := benchRepo(b), config.Default()
	today := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		if _, _, err := CheckAtRev(context.Background(), repo, cfg, "HEAD", today, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckAtHeadWarm is check --all with every document cached.
func BenchmarkCheckAtHeadWarm(b *testing.B) {
	repo, cfg := benchRepo(b), config.Default()
	today := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	dir := b.TempDir()
	warm := resultcache.Open(dir, cfg.Fingerprint(), "bench")
	if _, _, err := CheckAtRev(context.Background(), repo, cfg, "HEAD", today, Options{Cache: warm}); err != nil {
		b.Fatal(err)
	}
	if err := warm.Save(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		c := resultcache.Open(dir, cfg.Fingerprint(), "bench")
		if _, _, err := CheckAtRev(context.Background(), repo, cfg, "HEAD", today, Options{Cache: c}); err != nil {
			b.Fatal(err)
		}
	}
}
