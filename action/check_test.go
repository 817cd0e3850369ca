package action

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const zeros = "0000000000000000000000000000000000000000"

// checkCase is one run of `run.sh check` and what it must leave behind.
type checkCase struct {
	name    string
	head    string   // the commit checked out (and the pull request's head)
	event   string   // event name; "" is pull_request
	payload any      // nil: a pull_request payload from base and labels
	labels  []string // the pull request's labels
	env     []string // inputs and other settings, KEY=VALUE
	depth   int      // the checkout's fetch-depth; 0 is the whole history
	prepare func(t *testing.T, ws string, o *origin)

	code     int
	noReport bool              // the run writes no report (nothing to check)
	outputs  map[string]string // subset of GITHUB_OUTPUT; "{fork}" etc. are replaced
	stdout   []string          // regular expressions the log must match
	summary  []string          // … and the job summary
	not      []string          // … the log and summary must not
}

func runCheckCases(t *testing.T, o *origin, cases []checkCase) {
	t.Helper()
	ids := strings.NewReplacer("{fork}", o.fork, "{weak}", o.weak, "{clean}", o.clean, "{main}", o.mainTip)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// A shallow checkout has the head alone, as actions/checkout
			// makes it; a full one has every branch.
			ws := o.clone(t, branchOf(o, tc.head), tc.depth)
			if tc.depth == 0 {
				git(t, ws, baseEnv(t), "checkout", "-q", "--detach", tc.head)
			}
			if tc.prepare != nil {
				tc.prepare(t, ws, o)
			}
			r := newRunner(t, ws)
			name, payload := tc.event, tc.payload
			if name == "" {
				name = "pull_request"
			}
			if payload == nil {
				payload = prEvent(o.mainTip, tc.head, tc.labels...)
			}
			r.event(name, payload)
			res := r.run(ws, "check", tc.env...)
			if res.code != tc.code {
				t.Fatalf("want exit %d, got %s", tc.code, res)
			}
			out := r.outputs()
			for k, want := range tc.outputs {
				if want = ids.Replace(want); out[k] != want {
					t.Errorf("output %s = %q, want %q\n%s", k, out[k], want, res)
				}
			}
			summary := readFile(t, r.file("summary.md"))
			log := res.stdout + res.stderr
			for _, re := range tc.stdout {
				if !regexp.MustCompile(re).MatchString(log) {
					t.Errorf("log does not match %q\n%s", re, res)
				}
			}
			for _, re := range tc.summary {
				if !regexp.MustCompile(re).MatchString(summary) {
					t.Errorf("summary does not match %q\n%s", re, summary)
				}
			}
			for _, re := range tc.not {
				if m := regexp.MustCompile(re).FindString(log + summary); m != "" {
					t.Errorf("log or summary has %q (matching %q)\n%s\n--- summary\n%s", m, re, res, summary)
				}
			}
			if res.code != 2 && !tc.noReport {
				checkReport(t, out["report"], summary)
			}
		})
	}
}

// checkReport: the report output names the Markdown report, and the job
// summary holds it exactly once (the github format appends it; the script
// must not append it again).
func checkReport(t *testing.T, path, summary string) {
	t.Helper()
	if path == "" {
		t.Fatal("no report output")
	}
	report := readFile(t, path)
	if !strings.HasPrefix(report, "## git-prfaq") {
		t.Errorf("report %s is not the Markdown report:\n%s", path, report)
	}
	if n := strings.Count(summary, report); n != 1 {
		t.Errorf("the job summary holds the report %d times, want 1:\n%s", n, summary)
	}
}

func branchOf(o *origin, commit string) string {
	switch commit {
	case o.weak:
		return "weak"
	case o.clean:
		return "clean"
	}
	return "main"
}

func TestCheckPullRequest(t *testing.T) {
	t.Parallel()
	o := readOrigin(t)
	weakenedAnnotation := `(?m)^::error file=services/pay/PRFAQ.md,line=58,col=1,title=prfaq%3A metric-weakened::metric "Month-end close time": target 1 day → 3 days`
	runCheckCases(t, o, []checkCase{{
		name:   "unacknowledged weakening fails",
		head:   o.weak,
		labels: []string{"enhancement"},
		// GITHUB_SHA is the test merge commit; the report links the head.
		env:  []string{"GITHUB_SERVER_URL=https://github.com", "GITHUB_REPOSITORY=acme/ledger", "GITHUB_SHA=" + strings.Repeat("1", 40)},
		code: 1,
		outputs: map[string]string{
			"findings": "1", "warnings": "0", "weakened": "1", "acknowledged": "0",
			// The merge base, not base.sha (main's tip).
			"range": "{fork}..{weak}",
		},
		stdout: []string{weakenedAnnotation, `git-prfaq found 1 error`},
		summary: []string{`Failed`, `metric-weakened`, `\*\*not acknowledged\*\*`,
			regexp.QuoteMeta("(https://github.com/acme/ledger/blob/" + o.weak + "/services/pay/PRFAQ.md#L58)")},
		not: []string{`acknowledged by its label`},
	}, {
		name:   "the ack label acknowledges",
		head:   o.weak,
		labels: []string{"enhancement", "prfaq-ack"},
		code:   0,
		outputs: map[string]string{
			"findings": "0", "weakened": "0", "acknowledged": "1", "range": "{fork}..{weak}",
		},
		stdout: []string{
			`(?m)^::notice title=git-prfaq::the pull request has the label "prfaq-ack"`,
			`(?m)^::notice file=services/pay/PRFAQ.md,line=58,.*acknowledged: pull-request label prfaq-ack$`,
		},
		summary: []string{`acknowledged by its label \*\*` + "`prfaq-ack`", `pull-request label prfaq-ack`},
		not:     []string{`(?m)^::error`},
	}, {
		name:    "labels match without case",
		head:    o.weak,
		labels:  []string{"PRFAQ-Ack"},
		code:    0,
		outputs: map[string]string{"findings": "0", "weakened": "0", "acknowledged": "1", "range": "{fork}..{weak}"},
		summary: []string{`pull-request label PRFAQ-Ack`},
	}, {
		name:    "the ack-label input names the label",
		head:    o.weak,
		labels:  []string{"metrics-relaxed"},
		env:     []string{"INPUT_ACK_LABEL=metrics-relaxed"},
		code:    0,
		outputs: map[string]string{"weakened": "0", "acknowledged": "1"},
		summary: []string{"`metrics-relaxed`"},
	}, {
		name:    "another label does not acknowledge",
		head:    o.weak,
		labels:  []string{"prfaq-ack"},
		env:     []string{"INPUT_ACK_LABEL=metrics-relaxed"},
		code:    1,
		outputs: map[string]string{"weakened": "1", "acknowledged": "0"},
	}, {
		name:    "an empty ack-label turns labels off",
		head:    o.weak,
		labels:  []string{"prfaq-ack"},
		env:     []string{"INPUT_ACK_LABEL="},
		code:    1,
		outputs: map[string]string{"weakened": "1"},
	}, {
		name:    "fail-on-findings false passes with the findings reported",
		head:    o.weak,
		env:     []string{"INPUT_FAIL_ON_FINDINGS=false"},
		code:    0,
		outputs: map[string]string{"findings": "1", "weakened": "1"},
		stdout:  []string{weakenedAnnotation, `(?m)^::warning title=git-prfaq::1 error\(s\) found; fail-on-findings is false`},
	}, {
		name:    "fail-on never passes with the findings reported",
		head:    o.weak,
		env:     []string{"INPUT_FAIL_ON=never"},
		code:    0,
		outputs: map[string]string{"findings": "1", "weakened": "1"},
		stdout:  []string{weakenedAnnotation, `(?m)^::warning title=git-prfaq::1 error\(s\) found; fail-on is never, so this step passes`},
	}, {
		name:    "fail-on error fails on errors, whatever fail-on-findings says",
		head:    o.weak,
		env:     []string{"INPUT_FAIL_ON=ERROR", "INPUT_FAIL_ON_FINDINGS=false"},
		code:    1,
		outputs: map[string]string{"findings": "1"},
		stdout:  []string{`(?m)^::warning title=git-prfaq::fail-on is error and fail-on-findings is false: fail-on wins`, `git-prfaq found 1 error\(s\) and 0 warning\(s\), and fail-on is error`},
	}, {
		name:    "fail-on-findings true is fail-on error",
		head:    o.weak,
		env:     []string{"INPUT_FAIL_ON_FINDINGS=true"},
		code:    1,
		outputs: map[string]string{"findings": "1"},
		not:     []string{`fail-on wins`},
	}, {
		name:    "fail-on warning passes a range without findings",
		head:    o.clean,
		env:     []string{"INPUT_FAIL_ON=warning"},
		code:    0,
		outputs: map[string]string{"findings": "0", "warnings": "0"},
	}, {
		// The weakening on a draft is a warning: it passes by default and
		// fails with fail-on warning.
		name:    "fail-on warning fails on warnings",
		head:    o.weak,
		event:   "workflow_dispatch",
		payload: map[string]any{"ref": "refs/heads/weak"},
		env:     []string{"INPUT_BASE=main", "INPUT_FAIL_ON=warning"},
		prepare: draftCommit,
		code:    1,
		outputs: map[string]string{"findings": "0", "warnings": "1"},
		stdout:  []string{`git-prfaq found 0 error\(s\) and 1 warning\(s\), and fail-on is warning`},
	}, {
		name:    "warnings pass under the default fail-on",
		head:    o.weak,
		event:   "workflow_dispatch",
		payload: map[string]any{"ref": "refs/heads/weak"},
		env:     []string{"INPUT_BASE=main"},
		prepare: draftCommit,
		code:    0,
		outputs: map[string]string{"findings": "0", "warnings": "1"},
	}, {
		name:   "fail-on must be error, warning or never",
		head:   o.weak,
		env:    []string{"INPUT_FAIL_ON=warnings"},
		code:   2,
		stdout: []string{`(?m)^::error title=git-prfaq::fail-on: "warnings" is not error, warning or never`},
	}, {
		name:   "fail-on-findings must be true or false",
		head:   o.weak,
		env:    []string{"INPUT_FAIL_ON_FINDINGS=maybe"},
		code:   2,
		stdout: []string{`(?m)^::error title=git-prfaq::fail-on-findings: "maybe" is neither true nor false`},
	}, {
		// Against base.sha the target would read 12 hours → 1 day.
		name:    "the base moved on: checked from the merge base",
		head:    o.clean,
		code:    0,
		outputs: map[string]string{"findings": "0", "weakened": "0", "range": "{fork}..{clean}"},
		summary: []string{`Passed|ok|✅`},
		not:     []string{`weakened\b.*12 hours`},
	}, {
		name:    "the base input names the base branch",
		head:    o.clean,
		event:   "workflow_dispatch",
		payload: map[string]any{"ref": "refs/heads/clean"},
		env:     []string{"INPUT_BASE=main"},
		code:    0,
		outputs: map[string]string{"range": "{fork}..{clean}"},
	}, {
		name:    "the base input overrides the event's",
		head:    o.weak,
		env:     []string{"INPUT_BASE=" + o.weak},
		code:    0,
		outputs: map[string]string{"findings": "0", "range": "{weak}..{weak}"},
	}, {
		name:   "an unknown base is an error",
		head:   o.weak,
		env:    []string{"INPUT_BASE=no-such-branch"},
		code:   2,
		stdout: []string{`(?m)^::error title=git-prfaq::base "no-such-branch" is neither a revision here nor one origin has`},
	}, {
		name:    "a payload without shas is an error",
		head:    o.weak,
		payload: map[string]any{"pull_request": map[string]any{"number": 7}},
		code:    2,
		stdout:  []string{`(?m)^::error title=git-prfaq::the pull_request payload .* has no pull_request.base.sha or head.sha`},
	}})
}

func TestCheckSARIF(t *testing.T) {
	t.Parallel()
	o := readOrigin(t)
	ws := o.clone(t, "weak", 0)
	r := newRunner(t, ws)
	r.event("pull_request", prEvent(o.mainTip, o.weak))
	// Relative to the workspace, whatever the working directory.
	sub := filepath.Join(ws, "services")
	res := r.run(sub, "check", "INPUT_SARIF=reports/prfaq.sarif")
	if res.code != 1 {
		t.Fatalf("want exit 1, got %s", res)
	}
	want := filepath.Join(ws, "reports/prfaq.sarif")
	if got := r.outputs()["sarif"]; got != want {
		t.Errorf("output sarif = %q, want %q", got, want)
	}
	var sarif struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	b, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &sarif); err != nil {
		t.Fatalf("%s: %v", want, err)
	}
	if sarif.Version != "2.1.0" || len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) != 1 || sarif.Runs[0].Results[0].RuleID != "metric-weakened" {
		t.Errorf("SARIF: want version 2.1.0 and one metric-weakened result, got %s", b)
	}
}

func TestCheckPush(t *testing.T) {
	t.Parallel()
	o := readOrigin(t)
	push := func(ref, before, after string) map[string]any {
		return map[string]any{
			"ref": ref, "before": before, "after": after,
			"repository": map[string]any{"full_name": "acme/ledger", "default_branch": "main"},
		}
	}
	runCheckCases(t, o, []checkCase{{
		name:    "before..after",
		head:    o.weak,
		event:   "push",
		payload: push("refs/heads/weak", o.fork, o.weak),
		code:    1,
		outputs: map[string]string{"findings": "1", "weakened": "1", "range": "{fork}..{weak}"},
	}, {
		name:    "a new branch is checked from where it leaves the default branch",
		head:    o.weak,
		event:   "push",
		payload: push("refs/heads/weak", zeros, o.weak),
		code:    1,
		outputs: map[string]string{"weakened": "1", "range": "{fork}..{weak}"},
	}, {
		name:    "a new clean branch passes",
		head:    o.clean,
		event:   "push",
		payload: push("refs/heads/clean", zeros, o.clean),
		code:    0,
		outputs: map[string]string{"findings": "0", "range": "{fork}..{clean}"},
	}, {
		name:    "the default branch's first push checks every PRFAQ at HEAD",
		head:    o.mainTip,
		event:   "push",
		payload: push("refs/heads/main", zeros, o.mainTip),
		code:    0,
		outputs: map[string]string{"findings": "0", "range": ""},
		stdout:  []string{`checking every PRFAQ at HEAD`},
	}, {
		name:     "a deleted branch has nothing to check",
		head:     o.mainTip,
		event:    "push",
		payload:  push("refs/heads/weak", o.weak, zeros),
		code:     0,
		outputs:  map[string]string{"findings": "0"},
		stdout:   []string{`refs/heads/weak was deleted: nothing to check`},
		noReport: true,
	}, {
		name:    "a merge group is checked from its base",
		head:    o.weak,
		event:   "merge_group",
		payload: map[string]any{"merge_group": map[string]any{"base_sha": o.fork, "head_sha": o.weak}},
		code:    1,
		outputs: map[string]string{"range": "{fork}..{weak}"},
	}, {
		name:    "a scheduled run checks every PRFAQ at HEAD",
		head:    o.weak,
		event:   "schedule",
		payload: map[string]any{"schedule": "0 6 * * 1"},
		code:    0,
		outputs: map[string]string{"findings": "0", "range": ""},
		stdout:  []string{`(?m)^::notice title=git-prfaq::no pull request or push range in this schedule event`},
	}})
}

func TestCheckShallowClone(t *testing.T) {
	t.Parallel()
	o := readOrigin(t)
	runCheckCases(t, o, []checkCase{{
		name:    "deepened until the merge base is there",
		head:    o.weak,
		depth:   1,
		code:    1,
		outputs: map[string]string{"findings": "1", "weakened": "1", "range": "{fork}..{weak}"},
		stdout:  []string{`Fetching ` + o.mainTip, `--deepen=100`},
		prepare: func(t *testing.T, ws string, o *origin) {
			if git(t, ws, baseEnv(t), "rev-parse", "--is-shallow-repository") != "true" {
				t.Fatal("the workspace is not shallow")
			}
		},
	}, {
		name:    "a clean branch passes once deepened",
		head:    o.clean,
		depth:   1,
		code:    0,
		outputs: map[string]string{"findings": "0", "range": "{fork}..{clean}"},
	}, {
		name:  "the remote cannot give more history: say fetch-depth: 0",
		head:  o.weak,
		depth: 1,
		prepare: func(t *testing.T, ws string, o *origin) {
			git(t, ws, baseEnv(t), "remote", "set-url", "origin", "file://"+filepath.Join(t.TempDir(), "gone"))
		},
		code:   2,
		stdout: []string{`(?m)^::error title=git-prfaq::could not fetch ` + o.mainTip + ` .*set fetch-depth: 0 on actions/checkout`},
	}, {
		name:  "no merge base within a shallow remote: say fetch-depth: 0",
		head:  o.weak,
		depth: 1,
		prepare: func(t *testing.T, ws string, o *origin) {
			// The remote is itself a shallow copy that has main's tip but not
			// the fork point, so no deepening can find the merge base.
			shallow := filepath.Join(t.TempDir(), "shallow-origin")
			git(t, filepath.Dir(shallow), baseEnv(t), "clone", "-q", "--bare", "--depth=5", "--no-single-branch", "file://"+o.dir, shallow)
			git(t, ws, baseEnv(t), "remote", "set-url", "origin", "file://"+shallow)
		},
		code:   2,
		stdout: []string{`(?m)^::error title=git-prfaq::this shallow clone lacks the merge base of ` + o.mainTip + ` and ` + o.weak + `.*set fetch-depth: 0 on actions/checkout`},
	}})
}

// TestCheckMergeCommitCheckout is the checkout actions/checkout makes by
// default for a pull request: fetch-depth 1 of refs/pull/N/merge, a merge
// commit of the head into the base that has neither base.sha nor head.sha.
func TestCheckMergeCommitCheckout(t *testing.T) {
	t.Parallel()
	o := newOrigin(t) // its own: the pull request's merge commit is made in it
	env := baseEnv(t)
	git(t, o.dir, env, "checkout", "-q", "--detach", o.mainTip)
	git(t, o.dir, env, "merge", "-q", "--no-ff", "--no-edit", o.clean)
	git(t, o.dir, env, "update-ref", "refs/pull/7/merge", "HEAD")
	git(t, o.dir, env, "checkout", "-q", "main")

	ws := filepath.Join(t.TempDir(), "ws")
	git(t, filepath.Dir(ws), env, "init", "-q", ws)
	git(t, ws, env, "remote", "add", "origin", "file://"+o.dir)
	git(t, ws, env, "fetch", "-q", "--no-tags", "--depth=1", "origin", "+refs/pull/7/merge:refs/remotes/pull/7/merge")
	git(t, ws, env, "checkout", "-q", "--detach", "refs/remotes/pull/7/merge")

	r := newRunner(t, ws)
	r.event("pull_request", prEvent(o.mainTip, o.clean))
	res := r.run(ws, "check")
	if res.code != 0 {
		t.Fatalf("want exit 0, got %s", res)
	}
	if got, want := r.outputs()["range"], o.fork+".."+o.clean; got != want {
		t.Errorf("range = %q, want %q\n%s", got, want, res)
	}
	if !strings.Contains(res.stdout, "Fetching "+o.mainTip+" "+o.clean+" from origin") {
		t.Errorf("did not fetch base.sha and head.sha:\n%s", res)
	}
}

// draftCommit commits, on the checked-out head, the PRFAQ marked a draft:
// its weakening is then a warning, not an error.
func draftCommit(t *testing.T, ws string, _ *origin) {
	t.Helper()
	doc := filepath.Join(ws, "services/pay/PRFAQ.md")
	writeFile(t, doc, strings.Replace(readFile(t, doc), `status = "review"`, `status = "draft"`, 1))
	git(t, ws, baseEnv(t), "commit", "-q", "-a", "-m", "Back to draft")
}
