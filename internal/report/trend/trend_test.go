package trend

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/report"
)

// repo is a scratch repository driven by the real git.
type repo struct {
	t   *testing.T
	dir string
}

func newRepo(t *testing.T) *repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not on PATH")
	}
	home := t.TempDir()
	for k, v := range map[string]string{
		"HOME": home, "GIT_CONFIG_GLOBAL": filepath.Join(home, ".gitconfig"), "GIT_CONFIG_NOSYSTEM": "1",
		"GIT_AUTHOR_NAME": "Jane Roe", "GIT_AUTHOR_EMAIL": "jane@example.com",
		"GIT_COMMITTER_NAME": "Jane Roe", "GIT_COMMITTER_EMAIL": "jane@example.com",
	} {
		t.Setenv(k, v)
	}
	r := &repo{t: t, dir: t.TempDir()}
	r.git("init", "-q", "-b", "main")
	return r
}

func (r *repo) git(args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// commit writes the PRFAQ with the three targets (and a prose line) and
// commits it, returning the commit id.
func (r *repo) commit(msg, close, shops, quality, prose string) string {
	r.t.Helper()
	doc := fmt.Sprintf(`# Example Corp launches Ledger to help small shops close their books

%s

## Success Metrics

| Metric | Baseline | Target | By | Source |
|---|---|---|---|---|
| Month-end close time | 6 days | %s | 2027-06-30 | Survey |
| Paying shops | 0 shops | %s | 2027-Q4 | Billing |
| Quality | low | %s | 2027 | Survey |
`, prose, close, shops, quality)
	path := filepath.Join(r.dir, "services", "pay", "PRFAQ.md")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		r.t.Fatal(err)
	}
	r.git("add", "-A")
	r.git("commit", "-q", "-m", msg)
	return r.git("rev-parse", "HEAD")
}

func TestTargets(t *testing.T) {
	r := newRepo(t)
	const file = "services/pay/PRFAQ.md"
	base := r.commit("base", "1 day", "1,200 shops", "high", "v1")
	r.git("checkout", "-q", "-b", "feature")
	c1 := r.commit("relax", "3 days", "1.5k shops", "high", "v1")
	r.commit("prose only", "3 days", "1.5k shops", "high", "v2")
	r.commit("unsure", "TBD", "1.5k shops", "very high", "v2")
	c4 := r.commit("relax more", "5 days", "1.5k shops", "very high", "v2")
	r.git("checkout", "-q", "-b", "side")
	r.commit("tighten", "4 days", "1.5k shops", "very high", "v2")
	r.git("checkout", "-q", "feature")
	r.git("merge", "-q", "--no-ff", "-m", "merge side", "side")
	merge := r.git("rev-parse", "HEAD")

	ctx := context.Background()
	g, err := gitcmd.Open(ctx, r.dir)
	if err != nil {
		t.Fatal(err)
	}
	changes := []change.Change{
		{File: file, Metric: "Month-end close time", Field: "target", From: "1 day", To: "4 days", Effect: change.Weakened},
		{File: file, Metric: "Paying shops", Field: "target", From: "1,200 shops", To: "1.5k shops", Effect: change.Improved},
		{File: file, Metric: "Quality", Field: "target", From: "high", To: "very high", Effect: change.Neutral},
		{File: file, Metric: "Paying shops", Field: "by", From: "2027-Q4", To: "2028", Effect: change.Weakened},
	}
	charts, err := Targets(ctx, g, config.Default(), base, merge, changes)
	if err != nil {
		t.Fatal(err)
	}
	want := []report.Chart{
		{File: file, Metric: "Month-end close time", Unit: "days", Points: []report.Point{
			{Commit: base, Value: 1, Text: "1 day"}, {Commit: c1, Value: 3, Text: "3 days"},
			{Commit: c4, Value: 5, Text: "5 days"}, {Commit: merge, Value: 4, Text: "4 days"},
		}},
		{File: file, Metric: "Paying shops", Unit: "shops", Points: []report.Point{
			{Commit: base, Value: 1200, Text: "1,200 shops"}, {Commit: c1, Value: 1500, Text: "1.5k shops"},
		}},
	}
	if fmt.Sprint(charts) != fmt.Sprint(want) {
		t.Errorf("charts =\n%+v\nwant\n%+v", charts, want)
	}
}

func TestTargetsNone(t *testing.T) {
	r := newRepo(t)
	base := r.commit("base", "1 day", "1,200 shops", "high", "v1")
	g, err := gitcmd.Open(context.Background(), r.dir)
	if err != nil {
		t.Fatal(err)
	}
	charts, err := Targets(context.Background(), g, config.Default(), base, base, nil)
	if err != nil || charts != nil {
		t.Errorf("no changes: charts %v, err %v", charts, err)
	}
	// A target changed in the range but the file is gone at b (renamed
	// away): the net change alone is one point, too few for a chart.
	ch := []change.Change{{File: "gone/PRFAQ.md", Metric: "X", Field: "target", From: "1", To: "2"}}
	if charts, err := Targets(context.Background(), g, config.Default(), "", base, ch); err != nil || charts != nil {
		t.Errorf("missing file: charts %v, err %v", charts, err)
	}
}
