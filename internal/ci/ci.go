// Package ci is the GitHub Action's logic (git prfaq ci): it reads the
// event GitHub describes the run with, finds the range to check (the
// merge base of a pull request's base and head, a push's before..after),
// fetches what a shallow clone lacks, runs the merge gate in-process, and
// writes what a step shows: annotations (ordered by importance and capped
// at GitHub's limits), the job summary, SARIF, the step's outputs and the
// one sticky pull-request comment.
//
// Everything it reads arrives as environment variables, as in a step:
// GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
// GITHUB_WORKSPACE and the action's inputs as INPUT_BASE, INPUT_SARIF,
// INPUT_ACK_LABEL, INPUT_FAIL_ON, INPUT_FAIL_ON_FINDINGS, INPUT_COMMENT and
// INPUT_TOKEN, so it runs the same on a laptop with a fixture event file.
// Every text it prints that quotes git, the event or an input is escaped
// as the Actions toolkit escapes it: nothing can start a workflow command.
package ci

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/report"
)

// Exit statuses, as for git prfaq check.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitUsage    = 2
)

// GitHub shows at most this many annotations of each level per step.
const MaxAnnotations = 10

// Request is one check to run: the range Base..Head (commit ids), or every
// PRFAQ at HEAD when All; Ack acknowledges every weakening in the range.
type Request struct {
	Base, Head string
	All        bool
	Ack        string
}

// Check runs the check in-process and returns what it found; Run.Charts
// are wanted for a range (the Markdown report draws them).
type Check func(ctx context.Context, req Request) (report.Run, error)

// Comment keeps the sticky pull-request comment up to date with the
// report at path (git prfaq comment --report path --marker check --when
// mode [--failed]); what it prints on stdout is already escaped, its
// stderr is data.
type Comment func(ctx context.Context, path string, failed bool, mode, event, token string, stdout, stderr io.Writer) (int, error)

// Options is what Run needs from outside.
type Options struct {
	LookupEnv      func(string) (string, bool)
	Getenv         func(string) string // from LookupEnv when nil
	Stdout, Stderr io.Writer
	Dir            string // the working directory (the checkout)
	Check          Check
	Comment        Comment
	// Version and Links are for SARIF's tool and the Markdown report.
	Version string
}

// exit ends Run early with a status; its message is already printed.
type exit struct{ code int }

func (exit) Error() string { return "exit" }

type runner struct {
	o        Options
	ctx      context.Context
	repo     *gitcmd.Repo
	remote   string
	warnings int // warning annotations this step printed itself
	notices  int
	errors   int
}

// Run is git prfaq ci: the exit status of the step.
func Run(ctx context.Context, o Options) (code int) {
	if o.Getenv == nil {
		o.Getenv = func(k string) string { v, _ := o.LookupEnv(k); return v }
	}
	r := &runner{o: o, ctx: ctx, remote: "origin"}
	defer func() {
		if p := recover(); p != nil {
			e, ok := p.(exit)
			if !ok {
				panic(p)
			}
			code = e.code
		}
	}()
	return r.run()
}

// ---- messages ---------------------------------------------------------------

// escapeLine escapes text for a plain log line: as a workflow command's
// data, and the "[" of "##[" (the runner reads that legacy prefix anywhere).
func escapeLine(s string) string {
	return strings.ReplaceAll(report.EscapeData(s), "##[", "##%5B")
}

// log prints one plain line quoting data, after "| " when it would start
// with "::".
func (r *runner) log(format string, args ...any) {
	s := escapeLine(fmt.Sprintf(format, args...))
	if strings.HasPrefix(strings.TrimLeft(s, " \t"), "::") {
		s = "| " + s
	}
	fmt.Fprintln(r.o.Stdout, s)
}

// logLines prints text (git's or git-prfaq's stderr) line by line, each
// after "| ", escaped.
func (r *runner) logLines(w io.Writer, text string) {
	text = strings.TrimRight(text, "\r\n")
	if text == "" {
		return
	}
	for _, line := range strings.Split(text, "\n") {
		fmt.Fprintf(w, "| %s\n", escapeLine(line))
	}
}

func (r *runner) command(level, msg string) {
	switch level {
	case "error":
		r.errors++
	case "warning":
		r.warnings++
	case "notice":
		r.notices++
	}
	fmt.Fprint(r.o.Stdout, report.WorkflowCommand(level, "git-prfaq", msg))
}

func (r *runner) errorf(format string, args ...any) { r.command("error", fmt.Sprintf(format, args...)) }
func (r *runner) warnf(format string, args ...any) {
	r.command("warning", fmt.Sprintf(format, args...))
}
func (r *runner) noticef(format string, args ...any) {
	r.command("notice", fmt.Sprintf(format, args...))
}

// die prints an error annotation and ends the run: 2 is a setup or
// repository problem, as for git prfaq itself.
func (r *runner) die(code int, format string, args ...any) {
	r.errorf(format, args...)
	panic(exit{code})
}

func (r *runner) group(name string) {
	fmt.Fprintf(r.o.Stdout, "::group::%s\n", report.EscapeData(name))
}
func (r *runner) endgroup() { fmt.Fprint(r.o.Stdout, "::endgroup::\n") }

// setOutput appends NAME=VALUE to $GITHUB_OUTPUT and logs it; a value with
// a line break would start another output: refused.
func (r *runner) setOutput(name, value string) {
	if strings.ContainsAny(value, "\r\n") {
		r.die(ExitUsage, "output %s: the value %s holds a line break", name, value)
	}
	r.log("%s=%s", name, value)
	if path := r.o.Getenv("GITHUB_OUTPUT"); path != "" {
		if err := appendFile(path, name+"="+value+"\n"); err != nil {
			r.die(ExitUsage, "GITHUB_OUTPUT: %v", err)
		}
	}
}

func appendFile(path, text string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// ---- inputs -----------------------------------------------------------------

var controlChar = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[\x00-\x1f\x7f]`) })

// checkText refuses an input holding a control character: a line break
// would forge a log line or an output.
func (r *runner) checkText(what, value, fix string) {
	if controlChar().MatchString(value) {
		r.die(ExitUsage, "%s \"%s\" holds a control character (a line break?): give %s", what, value, fix)
	}
}

// checkRev is checkText for a value that reaches git as a revision, which
// must not start with "-" either: git would read it as an option.
func (r *runner) checkRev(what, value, fix string) {
	if strings.HasPrefix(value, "-") {
		r.die(ExitUsage, "%s \"%s\" starts with \"-\": give %s (git would read it as an option)", what, value, fix)
	}
	r.checkText(what, value, fix)
}

var commitID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9a-fA-F]{40}([0-9a-fA-F]{24})?$`) })

func (r *runner) needID(what, value string) {
	if !commitID().MatchString(value) {
		r.die(ExitUsage, "the %s \"%s\" is not a commit id", what, value)
	}
}

var zeroID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^0+$`) })

// failOn reads fail-on and its older alias fail-on-findings (true is
// error, false is never); fail-on wins when both are set.
func (r *runner) failOn() string {
	alias := ""
	switch strings.ToLower(r.o.Getenv("INPUT_FAIL_ON_FINDINGS")) {
	case "":
	case "true":
		alias = "error"
	case "false":
		alias = "never"
	default:
		r.die(ExitUsage, "fail-on-findings: \"%s\" is neither true nor false (it is the older name of fail-on: true is error, false is never)", r.o.Getenv("INPUT_FAIL_ON_FINDINGS"))
	}
	f := strings.ToLower(r.o.Getenv("INPUT_FAIL_ON"))
	switch f {
	case "":
		if alias == "" {
			return "error"
		}
		return alias
	case "error", "warning", "never":
		if alias != "" && alias != f {
			r.warnf("fail-on is %s and fail-on-findings is %s: fail-on wins; remove fail-on-findings", f, r.o.Getenv("INPUT_FAIL_ON_FINDINGS"))
		}
		return f
	}
	r.die(ExitUsage, "fail-on: \"%s\" is not error, warning or never", r.o.Getenv("INPUT_FAIL_ON"))
	return ""
}

// ---- the event --------------------------------------------------------------

// event is the part of a payload the action reads.
type event struct {
	Ref         string `json:"ref"`
	Before      string `json:"before"`
	After       string `json:"after"`
	PullRequest *struct {
		Base struct {
			SHA string `json:"sha"`
		} `json:"base"`
		Head struct {
			SHA string `json:"sha"`
		} `json:"head"`
		Labels []struct {
			Name string `json:"name"`
		} `json:"labels"`
	} `json:"pull_request"`
	MergeGroup *struct {
		BaseSHA string `json:"base_sha"`
		HeadSHA string `json:"head_sha"`
	} `json:"merge_group"`
	Repository struct {
		DefaultBranch string `json:"default_branch"`
	} `json:"repository"`
}

// maxEvent bounds the payload read (GitHub's are far smaller).
const maxEvent = 64 << 20

func (r *runner) readEvent(path string) event {
	var ev event
	if path == "" {
		return ev
	}
	f, err := os.Open(path)
	if err != nil {
		r.die(ExitUsage, "GITHUB_EVENT_PATH=%s does not exist", path)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxEvent))
	if err == nil {
		err = json.Unmarshal(b, &ev)
	}
	if err != nil {
		r.die(ExitUsage, "GITHUB_EVENT_PATH=%s: not a JSON event payload: %v", path, err)
	}
	return ev
}

// ---- git --------------------------------------------------------------------

const fetchDepthFix = "set fetch-depth: 0 on actions/checkout (and keep its credentials, persist-credentials: true, so this action can fetch), or fetch the history yourself before this step"

func (r *runner) shallow() bool {
	s, err := r.repo.IsShallow(r.ctx)
	return err == nil && s
}

// fetch runs git fetch, its stderr shown as data; false when it failed.
func (r *runner) fetch(opts []string, refs ...string) bool {
	err := r.repo.Fetch(r.ctx, opts, r.remote, refs...)
	var ge *gitcmd.Error
	switch {
	case errors.As(err, &ge):
		r.logLines(r.o.Stderr, ge.Stderr)
	case err != nil:
		r.logLines(r.o.Stderr, err.Error())
	}
	return err == nil
}

// fetchCommits fetches what is missing of the named commits: a slice of
// their history in a shallow clone (findMergeBase deepens it when that is
// not enough), all of it in a full clone.
func (r *runner) fetchCommits(revs ...string) bool {
	var missing []string
	for _, rev := range revs {
		if ok, _ := r.repo.HasCommit(r.ctx, rev); !ok {
			missing = append(missing, rev)
		}
	}
	if len(missing) == 0 {
		return true
	}
	var depth []string
	if r.shallow() {
		depth = []string{"--depth=50"}
	}
	r.log("Fetching %s from %s", strings.Join(missing, " "), r.remote)
	r.fetch(depth, missing...)
	for _, rev := range missing {
		if ok, _ := r.repo.HasCommit(r.ctx, rev); !ok {
			return false
		}
	}
	return true
}

// findMergeBase deepens a shallow clone step by step (most pull requests
// need only a little history) and unshallows it as a last resort.
func (r *runner) findMergeBase(a, b string) (string, bool) {
	for _, step := range []string{"100", "1000", "unshallow"} {
		if mb, err := r.repo.MergeBase(r.ctx, a, b); err == nil {
			return mb, true
		}
		if !r.shallow() {
			return "", false
		}
		if step == "unshallow" {
			fmt.Fprintln(r.o.Stderr, "No merge base yet; fetching the whole history (--unshallow)")
			r.fetch([]string{"--unshallow"}, a, b)
		} else {
			fmt.Fprintf(r.o.Stderr, "No merge base yet; fetching %s more commits (--deepen=%s)\n", step, step)
			r.fetch([]string{"--deepen=" + step}, a, b)
		}
	}
	mb, err := r.repo.MergeBase(r.ctx, a, b)
	return mb, err == nil
}

// resolveBase is the commit name names (a branch, tag or commit; what
// says where it came from): as named, as a remote-tracking branch, or
// fetched from the remote.
func (r *runner) resolveBase(name, what string) string {
	r.checkRev(what, name, "a branch, tag or commit")
	for _, rev := range []string{name, r.remote + "/" + name} {
		if id, ok, err := r.repo.VerifyCommit(r.ctx, rev); err == nil && ok {
			return id
		}
	}
	var depth []string
	if r.shallow() {
		depth = []string{"--depth=50"}
	}
	if r.fetch(depth, name) {
		if id, ok, err := r.repo.VerifyCommit(r.ctx, "FETCH_HEAD"); err == nil && ok {
			return id
		}
	}
	r.die(ExitUsage, "base \"%s\" is neither a revision here nor one %s has: name a branch, tag or commit", name, r.remote)
	return ""
}

// ---- the run ----------------------------------------------------------------

func (r *runner) run() int {
	get := r.o.Getenv
	eventPath, name := get("GITHUB_EVENT_PATH"), get("GITHUB_EVENT_NAME")

	repo, err := gitcmd.Open(r.ctx, r.o.Dir)
	if err != nil {
		r.die(ExitUsage, "%s is not in a git repository (%v): run actions/checkout (with fetch-depth: 0) before this action, or set working-directory to the checkout", r.o.Dir, err)
	}
	r.repo = repo
	if remotes, err := repo.Remotes(r.ctx); err == nil && len(remotes) > 0 && !slices.Contains(remotes, "origin") {
		r.remote = remotes[0]
	}

	base := get("INPUT_BASE")
	r.checkRev("the base input", base, "a branch, tag or commit")
	sarif := get("INPUT_SARIF")
	r.checkText("the sarif input", sarif, "a path such as results/prfaq.sarif")
	// Unset is the default label; set and empty turns labels off.
	ackLabel, ackSet := r.o.LookupEnv("INPUT_ACK_LABEL")
	if !ackSet {
		ackLabel = "prfaq-ack"
	}
	r.checkText("the ack-label input", ackLabel, "a label name")
	failOn := r.failOn()
	commentMode := strings.ToLower(get("INPUT_COMMENT"))
	if commentMode == "" {
		commentMode = "on-failure"
	}
	switch commentMode {
	case "on-failure", "always", "never":
	default:
		r.die(ExitUsage, "comment: \"%s\" is not on-failure, always or never", get("INPUT_COMMENT"))
	}

	if eventPath != "" {
		if _, err := os.Stat(eventPath); err != nil {
			r.die(ExitUsage, "GITHUB_EVENT_PATH=%s does not exist", eventPath)
		}
	}
	if strings.HasPrefix(name, "pull_request") || name == "merge_group" || name == "push" {
		if eventPath == "" {
			r.die(ExitUsage, "GITHUB_EVENT_NAME is %s but GITHUB_EVENT_PATH is not set: the payload names the commits to check", name)
		}
	}
	ev := r.readEvent(eventPath)
	if name == "" && ev.PullRequest != nil && ev.PullRequest.Head.SHA != "" {
		name = "pull_request"
	}

	var baseTip, head string
	var labels []string
	switch name {
	case "pull_request", "pull_request_target", "pull_request_review", "pull_request_review_comment":
		// base.sha is the base branch's tip when the event fired, not where
		// the pull request left it: the merge base is computed below.
		if ev.PullRequest != nil {
			baseTip, head = ev.PullRequest.Base.SHA, ev.PullRequest.Head.SHA
			for _, l := range ev.PullRequest.Labels {
				if l.Name != "" {
					labels = append(labels, l.Name)
				}
			}
		}
		if baseTip == "" || head == "" {
			r.die(ExitUsage, "the %s payload (%s) has no pull_request.base.sha or head.sha", name, eventPath)
		}
		r.needID(name+" payload's base sha", baseTip)
		r.needID(name+" payload's head sha", head)
	case "merge_group":
		if ev.MergeGroup != nil {
			baseTip, head = ev.MergeGroup.BaseSHA, ev.MergeGroup.HeadSHA
		}
		if baseTip == "" || head == "" {
			r.die(ExitUsage, "the merge_group payload (%s) has no merge_group.base_sha or head_sha", eventPath)
		}
		r.needID("merge_group payload's base_sha", baseTip)
		r.needID("merge_group payload's head_sha", head)
	case "push":
		if zeroID().MatchString(ev.After) {
			r.noticef("%s was deleted: nothing to check", ev.Ref)
			for _, o := range []string{"findings", "warnings", "weakened", "acknowledged"} {
				r.setOutput(o, "0")
			}
			return ExitOK
		}
		r.needID("push payload's after", ev.After)
		head = ev.After
		switch def := ev.Repository.DefaultBranch; {
		case ev.Before != "" && !zeroID().MatchString(ev.Before):
			r.needID("push payload's before", ev.Before)
			baseTip = ev.Before
		case def != "" && ev.Ref != "refs/heads/"+def:
			// A new branch: check what it adds to the default branch.
			baseTip = r.resolveBase(def, "the push payload's repository.default_branch")
		}
	}
	if base != "" {
		baseTip = r.resolveBase(base, "the base input")
	}
	if baseTip != "" && head == "" {
		head = repo.Head
	}

	req := Request{All: true}
	mb := ""
	if baseTip != "" {
		r.group("Finding the range to check")
		if !r.fetchCommits(baseTip, head) {
			r.endgroup()
			r.die(ExitUsage, "could not fetch %s and %s from %s: %s", baseTip, head, r.remote, fetchDepthFix)
		}
		var ok bool
		if mb, ok = r.findMergeBase(baseTip, head); !ok {
			r.endgroup()
			if r.shallow() {
				r.die(ExitUsage, "this shallow clone lacks the merge base of %s and %s, and %s would not give more history: %s", baseTip, head, r.remote, fetchDepthFix)
			}
			r.die(ExitUsage, "%s and %s have no common history, so there is no range to check", baseTip, head)
		}
		r.log("base %s, head %s, merge base %s", baseTip, head, mb)
		r.endgroup()
		req = Request{Base: mb, Head: head}
	} else {
		// No pull request, push or base: a scheduled or manual run checks
		// every PRFAQ at HEAD (overdue metrics included).
		n := name
		if n == "" {
			n = "run"
		}
		r.noticef("no pull request or push range in this %s event and no base input: checking every PRFAQ at HEAD", n)
	}

	// A pull-request label acknowledges every weakening in the range, as a
	// PRFAQ-Ack trailer would; GitHub label names are case-insensitive.
	ackedBy := ""
	if ackLabel != "" && !req.All {
		for _, l := range labels {
			if strings.EqualFold(l, ackLabel) {
				ackedBy = l
			}
		}
	}
	summaryPath := get("GITHUB_STEP_SUMMARY")
	if ackedBy != "" {
		req.Ack = "pull-request label " + ackedBy
		r.noticef("the pull request has the label \"%s\": every weakened success metric in it is acknowledged", ackedBy)
		if summaryPath != "" {
			// A backquote in the label would end the code span early.
			note := fmt.Sprintf("> [!NOTE]\n> Weakened success metrics in this pull request are acknowledged by its label **`%s`**.\n\n",
				strings.ReplaceAll(ackedBy, "`", "'"))
			if err := appendFile(summaryPath, note); err != nil {
				r.die(ExitUsage, "GITHUB_STEP_SUMMARY: %v", err)
			}
		}
	}

	run, err := r.o.Check(r.ctx, req)
	mode := "--all"
	if !req.All {
		mode = "--range " + req.Base + ".." + req.Head
	}
	if err != nil {
		r.logLines(r.o.Stderr, err.Error())
		r.die(ExitUsage, "git prfaq check %s failed: %v", mode, err)
	}
	if len(run.Unreadable) > 0 {
		for _, u := range run.Unreadable {
			r.logLines(r.o.Stderr, "git-prfaq check: "+u.Message)
		}
		r.die(ExitUsage, "git prfaq check %s failed (exit 2): %s", mode, run.Unreadable[0].Message)
	}
	sum := run.Summary
	fails := false
	switch failOn {
	case "error":
		fails = sum.Errors > 0
	case "warning":
		fails = sum.Errors > 0 || sum.Warnings > 0
	}

	// The warnings this step will print itself take their slots first.
	reserved := 0
	if !fails && sum.Errors > 0 {
		reserved++
	}
	if commentMode != "never" && isPullRequest(name) && (get("INPUT_TOKEN") != "" || get("GITHUB_TOKEN") != "") {
		reserved++ // a comment that could not be posted
	}
	var changed map[string]map[int]bool
	if !req.All {
		if changed, err = repo.ChangedLines(r.ctx, req.Base, req.Head); err != nil {
			r.logLines(r.o.Stderr, "the lines the pull request changed are unknown: "+err.Error())
		}
	}
	r.annotate(Order(report.Annotations(run), changed), reserved)
	fmt.Fprintf(r.o.Stdout, "git-prfaq %s\n", report.SummaryLine(sum))

	// The Markdown report: a file (the report output, the comment) and the
	// job summary. Its links point at the commit checked, not GITHUB_SHA
	// (in a pull request, the test merge commit).
	linkEnv := get
	if head != "" && !req.All {
		linkEnv = func(k string) string {
			if k == "GITHUB_SHA" {
				return head
			}
			return get(k)
		}
	}
	tmp, err := os.MkdirTemp(tempRoot(get), "git-prfaq-report.")
	if err != nil {
		r.die(ExitUsage, "a directory for the report: %v", err)
	}
	reportPath := filepath.Join(tmp, "report.md")
	var md strings.Builder
	if err := report.Markdown(&md, run, report.LinksFromEnv(linkEnv)); err != nil {
		r.die(ExitUsage, "the Markdown report: %v", err)
	}
	if err := os.WriteFile(reportPath, []byte(md.String()), 0o644); err != nil {
		r.die(ExitUsage, "the Markdown report: %v", err)
	}
	if summaryPath != "" {
		if err := appendFile(summaryPath, md.String()); err != nil {
			r.die(ExitUsage, "GITHUB_STEP_SUMMARY: %v", err)
		}
	}

	if sarif != "" {
		// Relative to the workspace, as github/codeql-action/upload-sarif
		// reads its sarif_file, whatever the working directory.
		if !filepath.IsAbs(sarif) {
			ws := get("GITHUB_WORKSPACE")
			if ws == "" {
				ws = r.o.Dir
			}
			sarif = filepath.Join(ws, sarif)
		}
		if err := writeSARIF(sarif, run, r.o.Version); err != nil {
			r.die(ExitUsage, "SARIF: %v", err)
		}
		r.log("SARIF written to %s", sarif)
	}

	weakened, acknowledged := countWeakened(run.Changes)
	r.setOutput("findings", fmt.Sprint(sum.Errors))
	r.setOutput("warnings", fmt.Sprint(sum.Warnings))
	r.setOutput("weakened", fmt.Sprint(weakened))
	r.setOutput("acknowledged", fmt.Sprint(acknowledged))
	r.setOutput("report", reportPath)
	rng := ""
	if mb != "" {
		rng = mb + ".." + head
	}
	r.setOutput("range", rng)
	r.setOutput("sarif", sarif)

	r.comment(reportPath, fails, commentMode, name)
	if fails {
		fmt.Fprintf(r.o.Stderr, "git-prfaq found %d error(s) and %d warning(s), and fail-on is %s: see the annotations and the job summary\n", sum.Errors, sum.Warnings, failOn)
		return ExitFindings
	}
	if sum.Errors > 0 {
		if get("INPUT_FAIL_ON") != "" {
			r.warnf("%d error(s) found; fail-on is %s, so this step passes", sum.Errors, failOn)
		} else {
			r.warnf("%d error(s) found; fail-on-findings is false, so this step passes", sum.Errors)
		}
	}
	return ExitOK
}

func isPullRequest(event string) bool {
	return event == "pull_request" || event == "pull_request_target"
}

func tempRoot(get func(string) string) string {
	if t := get("RUNNER_TEMP"); t != "" {
		return t
	}
	return os.TempDir()
}

func writeSARIF(path string, run report.Run, version string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := report.Write(f, "sarif", run, report.Options{Version: version}); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// countWeakened counts the weakened metric changes the gate counts (not
// acknowledged, with a severity: none when metric-weakened is off) and
// those acknowledged by a trailer or the label.
func countWeakened(cs []change.Change) (weakened, acknowledged int) {
	for _, c := range cs {
		switch {
		case c.Effect != change.Weakened:
		case c.Acknowledged != "":
			acknowledged++
		case c.Severity != "":
			weakened++
		}
	}
	return weakened, acknowledged
}

// comment keeps the one pull-request comment up to date: created as mode
// says, updated whenever it exists; only for pull_request and
// pull_request_target. It never fails the step.
func (r *runner) comment(path string, failed bool, mode, event string) {
	if mode == "never" || !isPullRequest(event) || r.o.Comment == nil {
		return
	}
	token := r.o.Getenv("INPUT_TOKEN")
	if token == "" {
		token = r.o.Getenv("GITHUB_TOKEN")
	}
	if token == "" {
		r.log("no token input: no pull-request comment")
		return
	}
	var stderr strings.Builder
	code, err := r.o.Comment(r.ctx, path, failed, mode, event, token, r.o.Stdout, &stderr)
	if err != nil {
		fmt.Fprintf(&stderr, "git-prfaq comment: %v\n", err)
		if code == 0 {
			code = ExitUsage
		}
	}
	r.logLines(r.o.Stderr, stderr.String())
	if code != 0 {
		first, _, _ := strings.Cut(stderr.String(), "\n")
		r.warnf("the pull-request comment was not posted or updated (git prfaq comment exit %d): %s", code, first)
	}
}
