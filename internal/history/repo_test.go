package history

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
)

var (
	v18 = prfaqWith("review", "Conversion|12%|18%|2027-06-30|CRM")
	v20 = prfaqWith("review", "Conversion|12%|20%|2027-06-30|CRM")
	v15 = prfaqWith("review", "Conversion|12%|15%|2027-06-30|CRM")
	// A different PRFAQ, so that git never pairs it with the others as a
	// rename.
	other = "# Other Corp launches a rocket to the moon and back\n\n" + strings.Repeat("Rockets are loud and fast and expensive to build. ", 20) +
		"\n\n## Success Metrics\n\n| Metric | Baseline | Target | By | Source |\n|---|---|---|---|---|\n| Launches | 0 | 4 | 2028 | Flight log |\n"
)

func equal(t *testing.T, got, want []string) {
	t.Helper()
	if len(want) == 0 {
		want = []string{}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func logOf(t *testing.T, r *testRepo, opts LogOptions) []string {
	t.Helper()
	cs, err := Log(context.Background(), r.open(), config.Default(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return r.summary(cs)
}

// TestLogFollow: a PRFAQ followed through a move and an edit there; a new
// file that reuses its old name has a history of its own.
func TestLogFollow(t *testing.T) {
	r := newTestRepo(t)
	r.commit("create", map[string]string{"a/PRFAQ.md": v18})
	r.commit("raise", map[string]string{"a/PRFAQ.md": v20})
	r.git("mv", "a", "b")
	r.commit("move", nil)
	r.commit("lower\n\nPRFAQ-Ack: budget", map[string]string{"b/PRFAQ.md": v15})
	r.commit("reuse the name", map[string]string{"a/PRFAQ.md": other})

	equal(t, logOf(t, r, LogOptions{Paths: []string{"b/PRFAQ.md"}}), []string{
		"a/PRFAQ.md: Conversion metric added (improved) [create]",
		"a/PRFAQ.md: Conversion target 18% → 20% (improved) [raise]",
		"b/PRFAQ.md: Conversion target 20% → 15% (weakened) [lower] (budget)",
	})
	// git log --follow a/PRFAQ.md would also show the old file's life.
	equal(t, logOf(t, r, LogOptions{Paths: []string{"a/PRFAQ.md"}}), []string{
		"a/PRFAQ.md: Conversion metric added (improved) [create]",
		"a/PRFAQ.md: Conversion target 18% → 20% (improved) [raise]",
		"a/PRFAQ.md: Conversion metric removed (weakened) [move]",
		"a/PRFAQ.md: Launches metric added (improved) [reuse the name]",
	})
	// Every PRFAQ: the move is a rename between two PRFAQs, which changes
	// nothing.
	equal(t, logOf(t, r, LogOptions{}), []string{
		"a/PRFAQ.md: Conversion metric added (improved) [create]",
		"a/PRFAQ.md: Conversion target 18% → 20% (improved) [raise]",
		"b/PRFAQ.md: Conversion target 20% → 15% (weakened) [lower] (budget)",
		"a/PRFAQ.md: Launches metric added (improved) [reuse the name]",
	})
	equal(t, logOf(t, r, LogOptions{Paths: []string{"b/PRFAQ.md"}, Reverse: true, Rev: "HEAD~2"}), []string{
		"a/PRFAQ.md: Conversion target 18% → 20% (improved) [raise]",
		"a/PRFAQ.md: Conversion metric added (improved) [create]",
	})
	// Two paths: one after the other, in the order given.
	equal(t, logOf(t, r, LogOptions{Paths: []string{"a/PRFAQ.md", "b"}})[3:], []string{
		"a/PRFAQ.md: Launches metric added (improved) [reuse the name]",
		"b/PRFAQ.md: Conversion target 20% → 15% (weakened) [lower] (budget)",
	})
}

// TestLogSplit: walking every PRFAQ in stretches of the first-parent line,
// one per core, gives what one walk gives, in the same order.
func TestLogSplit(t *testing.T) {
	r := newTestRepo(t)
	versions := []string{v18, v20, v15}
	for i := range 9 {
		r.commit(fmt.Sprintf("edit %d", i), map[string]string{
			"a/PRFAQ.md": versions[i%3], "b/PRFAQ.md": versions[(i+1)%3], "src/x.go": fmt.Sprint(i)})
		r.commit(fmt.Sprintf("code %d", i), map[string]string{"src/x.go": fmt.Sprint(i + 100)})
	}
	whole := logOf(t, r, LogOptions{})
	defer func(n int) { splitAbove = n }(splitAbove)
	splitAbove = 2
	equal(t, logOf(t, r, LogOptions{}), whole)
	if len(whole) != 18 {
		t.Errorf("%d changes, want 18", len(whole))
	}
}

// TestLogRenamedOntoOldName: when a file is renamed onto a name that an
// older, deleted file had, the history follows the renamed file, as git
// log --follow does, not the older one.
func TestLogRenamedOntoOldName(t *testing.T) {
	r := newTestRepo(t)
	r.commit("old x", map[string]string{"x/PRFAQ.md": other})
	r.commit("drop old x", map[string]string{"x/PRFAQ.md": ""})
	r.commit("create y", map[string]string{"y/PRFAQ.md": v18})
	r.git("mv", "y", "x")
	r.commit("y becomes x", nil)
	equal(t, logOf(t, r, LogOptions{Paths: []string{"x/PRFAQ.md"}}), []string{
		"y/PRFAQ.md: Conversion metric added (improved) [create y]",
	})
}

func TestLogErrors(t *testing.T) {
	r := newTestRepo(t)
	r.commit("create", map[string]string{"a/PRFAQ.md": v18, "README.md": "hi\n"})
	repo, cfg := r.open(), config.Default()
	ctx := context.Background()
	if _, err := Log(ctx, repo, cfg, LogOptions{Paths: []string{"README.md"}}); !errors.Is(err, ErrNotDocument) {
		t.Errorf("README.md: err = %v, want ErrNotDocument", err)
	}
	if _, err := Log(ctx, repo, cfg, LogOptions{Paths: []string{"z/PRFAQ.md"}}); !errors.Is(err, ErrNoHistory) || !strings.Contains(err.Error(), "z/PRFAQ.md") {
		t.Errorf("z/PRFAQ.md: err = %v, want ErrNoHistory naming it", err)
	}
	if _, err := Log(ctx, repo, cfg, LogOptions{Rev: "nope"}); !errors.Is(err, gitcmd.ErrUnknownRevision) {
		t.Errorf("Rev nope: err = %v, want ErrUnknownRevision", err)
	}
	empty := newTestRepo(t)
	if cs, err := Log(ctx, empty.open(), cfg, LogOptions{}); err != nil || len(cs) != 0 {
		t.Errorf("no commits: %v, %v", cs, err)
	}
}

// TestLogUnreadableVersion: a version that is not text counts as having
// no metrics, and a symlink is no document.
func TestLogUnreadableVersion(t *testing.T) {
	r := newTestRepo(t)
	r.commit("create", map[string]string{"a/PRFAQ.md": v18})
	r.commit("binary", map[string]string{"a/PRFAQ.md": "\x00\x01\x02"})
	r.commit("text again", map[string]string{"a/PRFAQ.md": v18})
	if err := os.Symlink("../a/PRFAQ.md", filepath.Join(r.dir, "l", "PRFAQ.md")); err != nil {
		if err := os.MkdirAll(filepath.Join(r.dir, "l"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("../a/PRFAQ.md", filepath.Join(r.dir, "l", "PRFAQ.md")); err != nil {
			t.Fatal(err)
		}
	}
	r.commit("link", nil)
	equal(t, logOf(t, r, LogOptions{}), []string{
		"a/PRFAQ.md: Conversion metric added (improved) [create]",
		"a/PRFAQ.md: Conversion metric removed (weakened) [binary]",
		"a/PRFAQ.md: Conversion metric added (improved) [text again]",
	})
}

func diffOf(t *testing.T, r *testRepo, from, to string, paths ...string) []string {
	t.Helper()
	cs, err := Diff(context.Background(), r.open(), config.Default(), from, to, paths)
	if err != nil {
		t.Fatal(err)
	}
	return r.summary(cs)
}

func TestDiff(t *testing.T) {
	r := newTestRepo(t)
	r.commit("create", map[string]string{"a/PRFAQ.md": v18, "b/PRFAQ.md": other})
	r.commit("raise", map[string]string{"a/PRFAQ.md": v20})
	r.git("mv", "b", "c")
	r.commit("move b", nil)

	equal(t, diffOf(t, r, "", ""), nil)
	equal(t, diffOf(t, r, "HEAD~2", "HEAD"), []string{"a/PRFAQ.md: Conversion target 18% → 20% (improved) [move b]"})
	equal(t, diffOf(t, r, "HEAD", "HEAD~2"), []string{"a/PRFAQ.md: Conversion target 20% → 18% (weakened) [create]"})

	// The work tree: modified, deleted, untracked, renamed with git mv.
	r.write("a/PRFAQ.md", v15)
	r.write("d/PRFAQ.md", prfaqWith("draft", "Churn|5%|3%|2027|Billing"))
	r.git("mv", "c", "e")
	equal(t, diffOf(t, r, "", ""), []string{
		"a/PRFAQ.md: Conversion target 20% → 15% (weakened) [work tree]",
		"d/PRFAQ.md: Churn metric added (improved) [work tree] draft",
	})
	equal(t, diffOf(t, r, "HEAD~2", ""), []string{
		"a/PRFAQ.md: Conversion target 18% → 15% (weakened) [work tree]",
		"d/PRFAQ.md: Churn metric added (improved) [work tree] draft",
	})
	equal(t, diffOf(t, r, "HEAD~2", "", "d"), []string{"d/PRFAQ.md: Churn metric added (improved) [work tree] draft"})
	if err := os.Remove(filepath.Join(r.dir, "a", "PRFAQ.md")); err != nil {
		t.Fatal(err)
	}
	equal(t, diffOf(t, r, "", "", "a/PRFAQ.md"), []string{"a/PRFAQ.md: Conversion metric removed (weakened) [work tree]"})

	pairs, err := DiffPairs(context.Background(), r.open(), config.Default(), "HEAD~2", "", nil, DiffOptions{Prose: true})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, p := range pairs {
		titles = append(titles, p.OldPath+" -> "+p.Path)
	}
	equal(t, titles, []string{"a/PRFAQ.md -> ", " -> d/PRFAQ.md", "b/PRFAQ.md -> e/PRFAQ.md"})

	_, err = Diff(context.Background(), r.open(), config.Default(), "", "", []string{"README.md"})
	if !errors.Is(err, ErrNotDocument) {
		t.Errorf("README.md: err = %v", err)
	}
	_, err = Diff(context.Background(), r.open(), config.Default(), "nope", "", nil)
	if !errors.Is(err, gitcmd.ErrUnknownRevision) {
		t.Errorf("nope: err = %v", err)
	}
}

func weakOf(t *testing.T, r *testRepo, a, b string) []string {
	t.Helper()
	cs, err := Weakenings(context.Background(), r.open(), config.Default(), a, b)
	if err != nil {
		t.Fatal(err)
	}
	return r.summary(cs)
}

func TestWeakenings(t *testing.T) {
	r := newTestRepo(t)
	base := r.commit("create", map[string]string{"a/PRFAQ.md": v18, "b/PRFAQ.md": v18})

	// Weakened, then undone: no net change, nothing to acknowledge.
	r.commit("lower a", map[string]string{"a/PRFAQ.md": v15})
	r.commit("restore a", map[string]string{"a/PRFAQ.md": v18})
	// b: an early trailer does not count, a later one touching b does.
	r.commit("unrelated\n\nPRFAQ-Ack: too early", map[string]string{"b/PRFAQ.md": strings.Replace(v18, "in a day", "in one day", 1)})
	r.commit("lower b", map[string]string{"b/PRFAQ.md": strings.Replace(v15, "in a day", "in one day", 1)})
	r.commit("reword b\n\nPRFAQ-Ack: agreed with finance", map[string]string{"b/PRFAQ.md": v15})
	// Moved, then weakened under its new name; a draft.
	r.commit("add c", map[string]string{"c/PRFAQ.md": prfaqWith("draft", "Churn|5%|3%|2027|Billing")})
	mid := r.git("rev-parse", "HEAD")
	r.git("mv", "c", "d")
	r.commit("move c", nil)
	r.commit("slip d", map[string]string{"d/PRFAQ.md": prfaqWith("draft", "Churn|5%|3%|2028|Billing")})
	r.commit("add e", map[string]string{"e/PRFAQ.md": v18})

	equal(t, weakOf(t, r, base, "HEAD"), []string{
		"b/PRFAQ.md: Conversion target 18% → 15% (weakened) [lower b] (agreed with finance)",
		"d/PRFAQ.md: Churn metric added (improved) [work tree] draft",
		"e/PRFAQ.md: Conversion metric added (improved) [work tree]",
	})
	equal(t, weakOf(t, r, mid, "HEAD"), []string{
		"d/PRFAQ.md: Churn by 2027 → 2028 (weakened) [slip d] draft",
		"e/PRFAQ.md: Conversion metric added (improved) [work tree]",
	})
	// The merge base of a fork: the range's own commits only.
	equal(t, weakOf(t, r, "HEAD~1", "HEAD"), []string{"e/PRFAQ.md: Conversion metric added (improved) [work tree]"})
	// From the beginning of history: everything is new.
	if got := weakOf(t, r, "", "HEAD~1"); len(got) != 3 {
		t.Errorf("from the beginning: %q", got)
	}
	if _, err := Weakenings(context.Background(), r.open(), config.Default(), "nope", "HEAD"); !errors.Is(err, gitcmd.ErrUnknownRevision) {
		t.Errorf("nope: err = %v", err)
	}
}

// TestWeakeningsAcrossMerge: a trailer on a branch's commit acknowledges
// the weakening the branch brought.
func TestWeakeningsAcrossMerge(t *testing.T) {
	r := newTestRepo(t)
	base := r.commit("create", map[string]string{"a/PRFAQ.md": v18})
	r.git("checkout", "-q", "-b", "topic")
	r.commit("lower\n\nPRFAQ-Ack: pricing", map[string]string{"a/PRFAQ.md": v15})
	r.git("checkout", "-q", "main")
	r.commit("other", map[string]string{"x.txt": "x\n"})
	r.git("merge", "-q", "--no-ff", "-m", "merge topic", "topic")
	equal(t, weakOf(t, r, base, "HEAD"), []string{"a/PRFAQ.md: Conversion target 18% → 15% (weakened) [lower] (pricing)"})
	equal(t, logOf(t, r, LogOptions{Paths: []string{"a/PRFAQ.md"}}), []string{
		"a/PRFAQ.md: Conversion metric added (improved) [create]",
		"a/PRFAQ.md: Conversion target 18% → 15% (weakened) [merge topic] (pricing)",
	})
	equal(t, logOf(t, r, LogOptions{Paths: []string{"a/PRFAQ.md"}, AllParents: true}), []string{
		"a/PRFAQ.md: Conversion metric added (improved) [create]",
		"a/PRFAQ.md: Conversion target 18% → 15% (weakened) [lower] (pricing)",
	})
}

// TestShallow: history past a shallow clone's cut is an error that says
// to fetch more, never a silent pass.
func TestShallow(t *testing.T) {
	r := newTestRepo(t)
	r.commit("create", map[string]string{"a/PRFAQ.md": v18})
	r.commit("raise", map[string]string{"a/PRFAQ.md": v20})
	r.commit("lower", map[string]string{"a/PRFAQ.md": v15})
	dir := filepath.Join(t.TempDir(), "clone")
	r.git("clone", "-q", "--depth", "1", "file://"+r.dir, dir)
	s := &testRepo{t, dir}
	repo, cfg, ctx := s.open(), config.Default(), context.Background()
	var missing *gitcmd.MissingHistoryError
	if _, err := Log(ctx, repo, cfg, LogOptions{Paths: []string{"a/PRFAQ.md"}}); !errors.As(err, &missing) {
		t.Errorf("Log: err = %v, want MissingHistoryError", err)
	}
	if _, err := Log(ctx, repo, cfg, LogOptions{}); !errors.As(err, &missing) {
		t.Errorf("Log all: err = %v, want MissingHistoryError", err)
	}
	if _, err := Diff(ctx, repo, cfg, "HEAD~2", "", nil); !errors.As(err, &missing) {
		t.Errorf("Diff: err = %v, want MissingHistoryError", err)
	}
	if _, err := Weakenings(ctx, repo, cfg, "HEAD~2", "HEAD"); !errors.As(err, &missing) {
		t.Errorf("Weakenings: err = %v, want MissingHistoryError", err)
	}
	if cs, err := Diff(ctx, repo, cfg, "", "", nil); err != nil || len(cs) != 0 {
		t.Errorf("Diff of HEAD and the work tree: %v, %v", cs, err)
	}
}
