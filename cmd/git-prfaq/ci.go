package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/ci"
	"github.com/prfaq/git-prfaq/internal/gate"
	"github.com/prfaq/git-prfaq/internal/report"
	"github.com/prfaq/git-prfaq/internal/report/trend"
	"github.com/prfaq/git-prfaq/internal/scan"
	"github.com/prfaq/git-prfaq/rule"
)

var ciHelp = helpText{
	name:     "ci",
	synopsis: "ci",
	about: `Run the merge gate as the GitHub Action does (action.yml calls it): read the
event (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH), find the range (the merge
base of a pull request's base and head; a push's before..after; a merge
group's base..head), fetch what a shallow clone lacks (--deepen=100, then
1000, then --unshallow), take the ack-label as an acknowledgement, run the
check, and write annotations (the most important first, capped at
GitHub's 10 errors and 10 warnings a step, with a last one saying how many
more the job summary holds), the job summary (GITHUB_STEP_SUMMARY), SARIF,
the step's outputs (GITHUB_OUTPUT: findings, warnings, weakened,
acknowledged, report, range, sarif) and the sticky pull-request comment.

The action's inputs are environment variables: INPUT_BASE, INPUT_SARIF,
INPUT_ACK_LABEL (unset: prfaq-ack; empty: labels acknowledge nothing),
INPUT_FAIL_ON, INPUT_FAIL_ON_FINDINGS, INPUT_COMMENT, INPUT_TOKEN. Without
an event it checks every PRFAQ at HEAD. See the README ("GitHub Action")
for a local run with a fixture event file.

Exit status: 0 passes, 1 findings that fail (fail-on), 2 setup, event or
repository error.`,
}

func runCI(e *env, args []string) (int, error) {
	fs := newFlags(ciHelp, e.stdout)
	if err := parse(fs, args); err != nil {
		return exitUsage, err
	}
	if fs.NArg() > 0 {
		return exitUsage, fmt.Errorf("unexpected argument %q: git prfaq ci reads the event and INPUT_* variables, not arguments", fs.Arg(0))
	}
	cwd, err := os.Getwd()
	if err != nil {
		return exitUsage, err
	}
	return ci.Run(e.ctx, ci.Options{
		LookupEnv: os.LookupEnv,
		Stdout:    e.stdout,
		Stderr:    e.stderr,
		Dir:       cwd,
		Version:   currentVersion(),
		Check:     func(ctx context.Context, req ci.Request) (report.Run, error) { return ciCheck(e, ctx, req) },
		Comment:   ciComment(e),
	}), nil
}

// ciCheck is check --range BASE..HEAD [--ack] (or --all) in-process.
func ciCheck(e *env, ctx context.Context, req ci.Request) (report.Run, error) {
	w, err := openWorkspace(e, false)
	if err != nil {
		return report.Run{}, err
	}
	today, err := parseToday("")
	if err != nil {
		return report.Run{}, err
	}
	f := checkFlags{all: req.All, ack: req.Ack, format: "markdown", failOn: string(config.FailOnError)}
	if req.All {
		var results []scan.Result
		var findings []rule.Finding
		if w.repo.Head != "" {
			if results, findings, err = scan.CheckAtRev(ctx, w.repo, w.cfg, "HEAD", today, scan.Options{}); err != nil {
				return report.Run{}, err
			}
		}
		findings, bl, err := applyBaseline(e, w, f, results, findings)
		if err != nil {
			return report.Run{}, err
		}
		run := newRun(results, findings, bl)
		run.Standing = standingOf(results, check.PolicyOf(w.cfg))
		return run, nil
	}
	g := &gate.Gate{Repo: w.repo, Cfg: w.cfg, Today: today, Ack: req.Ack}
	rep, err := g.Range(ctx, req.Base, req.Head, "")
	if err != nil {
		return report.Run{}, err
	}
	run := newRun(rep.Results, rep.Findings, baselined{rep.Baselined, rep.Stale, rep.BaselineFile})
	run.Changes = rep.Changes
	run.Standing = standingOf(rep.Results, check.PolicyOf(w.cfg))
	charts, err := trend.Targets(ctx, w.repo, w.cfg, req.Base, req.Head, rep.Changes)
	if err != nil {
		fmt.Fprintf(e.stderr, "| git-prfaq ci: the report has no target charts: %s\n", report.EscapeLine(err.Error()))
	}
	run.Charts = charts
	return run, nil
}

// ciComment runs git prfaq comment in-process with the token and event
// the action gives it.
func ciComment(e *env) ci.Comment {
	return func(ctx context.Context, path string, failed bool, mode, event, token string, stdout, stderr io.Writer) (int, error) {
		os.Setenv("GITHUB_TOKEN", token)
		os.Setenv("GITHUB_EVENT_NAME", event)
		args := []string{"--report", path, "--marker", "check", "--when", mode}
		if failed {
			args = append(args, "--failed")
		}
		var out bytes.Buffer
		ce := &env{ctx: ctx, stdin: e.stdin, stdout: stdout, stderr: &out}
		code, err := runComment(ce, args)
		io.Copy(stderr, &out)
		return code, err
	}
}
