package gitcmd

import (
	"os"
	"path"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The benchmarks run against a large repository made by
// shared/bench/mkrepo, named by PRFAQ_BENCH_REPO:
//
//	PRFAQ_BENCH_REPO=/work/bench/big go test ./gitcmd -run Bench -bench . -benchtime 20x

var prfaqSpecs = []string{":(glob)**/PRFAQ.md", "docs/prfaq/*.md"}

func benchRepo(tb testing.TB) *Repo {
	dir := os.Getenv("PRFAQ_BENCH_REPO")
	if dir == "" {
		tb.Skip("PRFAQ_BENCH_REPO is not set")
	}
	return open(tb, dir)
}

func BenchmarkOpen(b *testing.B) {
	dir := benchRepo(b).Root
	for b.Loop() {
		open(b, dir)
	}
}

func BenchmarkStagedChanges(b *testing.B) {
	repo := benchRepo(b)
	for b.Loop() {
		if _, err := repo.StagedChanges(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLsFilesPRFAQ(b *testing.B) {
	repo := benchRepo(b)
	for b.Loop() {
		entries, err := repo.LsFiles(ctx, prfaqSpecs...)
		if err != nil || len(entries) == 0 {
			b.Fatal(len(entries), err)
		}
	}
}

// BenchmarkTreeFilesHEAD lists the PRFAQs at HEAD from the index plus
// diff-index; BenchmarkLsTreeFiltered is the whole-tree alternative.
func BenchmarkTreeFilesHEAD(b *testing.B) {
	repo := benchRepo(b)
	for b.Loop() {
		if _, err := repo.TreeFiles(ctx, "HEAD", prfaqSpecs...); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLsTreeFiltered(b *testing.B) {
	repo := benchRepo(b)
	for b.Loop() {
		benchLsTreeFiltered(b, repo, "HEAD")
	}
}

func BenchmarkWorktreeChangesPRFAQ(b *testing.B) {
	repo := benchRepo(b)
	for b.Loop() {
		if _, err := repo.WorktreeChanges(ctx, prfaqSpecs...); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBlobReaderPRFAQ(b *testing.B) {
	repo := benchRepo(b)
	entries, err := repo.TreeFiles(ctx, "HEAD", prfaqSpecs...)
	if err != nil {
		b.Fatal(err)
	}
	br, err := repo.NewBlobReader(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer br.Close()
	for b.Loop() { // one iteration reads every PRFAQ at HEAD
		for _, e := range entries {
			if _, err := br.Read(e.Blob); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkReadBlobsPRFAQ(b *testing.B) {
	repo := benchRepo(b)
	entries, err := repo.TreeFiles(ctx, "HEAD", prfaqSpecs...)
	if err != nil {
		b.Fatal(err)
	}
	var ids []string
	for _, e := range entries {
		ids = append(ids, e.Blob)
	}
	for b.Loop() {
		if _, err := repo.ReadBlobs(ctx, ids); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBenchTreeFiles checks the fast HEAD listing against the whole tree
// on the big repository, for HEAD and an older commit.
func TestBenchTreeFiles(t *testing.T) {
	repo := benchRepo(t)
	for _, rev := range []string{"HEAD", "HEAD~3000"} {
		got, err := repo.TreeFiles(ctx, rev, prfaqSpecs...)
		if err != nil {
			t.Fatal(err)
		}
		want := benchLsTreeFiltered(t, repo, rev)
		if len(got) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: TreeFiles has %d entries, LsTree %d, or they differ", rev, len(got), len(want))
		}
	}
}

func benchLsTreeFiltered(tb testing.TB, repo *Repo, rev string) []Entry {
	all, err := repo.LsTree(ctx, rev)
	if err != nil {
		tb.Fatal(err)
	}
	var out []Entry
	for _, e := range all {
		if path.Base(e.Path) == "PRFAQ.md" || strings.HasPrefix(e.Path, "docs/prfaq/") && path.Ext(e.Path) == ".md" {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Path, b.Path) })
	return out
}
