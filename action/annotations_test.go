package action

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCheckAnnotationOrder is a pull request with 30 findings: 18 errors
// (an unacknowledged weakening, 9 placeholders the pull request adds, 8 it
// leaves where they were) and 12 warnings (a draft's placeholders: 6
// added, 6 already there). GitHub shows 10 annotations of a level per
// step, so git prfaq ci shows the most important first (the weakening,
// then findings on the lines the pull request changed, then the rest),
// and gives the last slot of each level to a note saying how many more
// the job summary holds.
func TestCheckAnnotationOrder(t *testing.T) {
	t.Parallel()
	env := baseEnv(t)
	origin := filepath.Join(t.TempDir(), "origin")
	git(t, filepath.Dir(origin), env, "init", "-q", "-b", "main", origin)
	pay := filepath.Join(origin, "services/pay/PRFAQ.md")
	draft := filepath.Join(origin, "services/draft/PRFAQ.md")
	tbd := func(prefix string, n int) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "\n%s %d: TBD.\n", prefix, i)
		}
		return b.String()
	}
	const faq, why = "Twenty dollars a month per shop.\n", "Open banking rules make account access cheap this year.\n"
	draftDoc := strings.Replace(fixtureDoc, `status = "review"`, `status = "draft"`, 1)
	writeFile(t, pay, strings.Replace(fixtureDoc, faq, faq+tbd("Known gap", 8), 1))
	writeFile(t, draft, strings.Replace(draftDoc, faq, faq+tbd("Known gap", 6), 1))
	git(t, origin, env, "add", ".")
	git(t, origin, env, "commit", "-q", "-m", "Two PRFAQs with known gaps")
	base := git(t, origin, env, "rev-parse", "HEAD")

	writeFile(t, pay, strings.Replace(strings.Replace(readFile(t, pay), "| 1 day |", "| 3 days |", 1), why, why+tbd("New gap", 9), 1))
	writeFile(t, draft, strings.Replace(readFile(t, draft), why, why+tbd("New gap", 6), 1))
	git(t, origin, env, "commit", "-q", "-a", "-m", "Relax the target, add gaps")
	head := git(t, origin, env, "rev-parse", "HEAD")

	ws := filepath.Join(t.TempDir(), "ws")
	git(t, filepath.Dir(ws), env, "clone", "-q", "file://"+origin, ws)
	r := newRunner(t, ws)
	r.event("pull_request", prEvent(base, head))
	res := r.run(ws, "check")
	if res.code != 1 {
		t.Fatalf("want exit 1, got %s", res)
	}
	out := r.outputs()
	if out["findings"] != "18" || out["warnings"] != "12" || out["weakened"] != "1" {
		t.Fatalf("outputs %v, want 18 errors, 12 warnings, 1 weakened\n%s", out, res)
	}

	// The annotations in the order printed, as "level file:line text".
	ann := regexp.MustCompile(`(?m)^::(error|warning|notice) (?:file=([^,]*),line=(\d+),[^:]*)?[^:]*::(.*)$`)
	var got []string
	count := map[string]int{}
	for _, m := range ann.FindAllStringSubmatch(res.stdout, -1) {
		count[m[1]]++
		text := m[4]
		switch {
		case strings.Contains(text, "metric-weakened") || strings.Contains(text, "target 1 day"):
			text = "weakened"
		case strings.Contains(text, "TBD"):
			text = "TBD"
		}
		got = append(got, fmt.Sprintf("%s %s:%s %s", m[1], filepath.Base(filepath.Dir(m[2])), m[3], text))
	}
	if count["error"] > 10 || count["warning"] > 10 {
		t.Errorf("more annotations than GitHub shows: %v\n%s", count, strings.Join(got, "\n"))
	}
	want := []string{
		"error pay:92 weakened",
		"warning draft:66 TBD", "warning draft:68 TBD", "warning draft:70 TBD",
		"warning draft:72 TBD", "warning draft:74 TBD", "warning draft:76 TBD",
		"error pay:70 TBD", "error pay:72 TBD", "error pay:74 TBD", "error pay:76 TBD",
		"error pay:78 TBD", "error pay:80 TBD", "error pay:82 TBD", "error pay:84 TBD",
		"warning draft:48 TBD", "warning draft:50 TBD", "warning draft:52 TBD",
		"error .: 9 more errors in the job summary: GitHub shows at most 10 annotations of a level per step, the most important first",
		"warning .: 3 more warnings in the job summary: GitHub shows at most 10 annotations of a level per step, the most important first",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("annotations, in order:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The job summary holds every finding.
	summary := readFile(t, r.file("summary.md"))
	if n := strings.Count(summary, "TBD"); n < 29 {
		t.Errorf("the job summary names %d of the 29 placeholders:\n%s", n, summary)
	}
	if os.Getenv("PRFAQ_SHOW_ANNOTATIONS") != "" {
		t.Logf("annotations:\n%s", strings.Join(got, "\n"))
	}
}
