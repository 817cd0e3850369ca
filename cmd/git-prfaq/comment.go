package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/prfaq/git-prfaq/internal/ghcomment"
	"github.com/prfaq/git-prfaq/internal/report"
)

var commentHelp = helpText{
	name:     "comment",
	synopsis: "comment --report FILE [--marker NAME] [--when on-failure|always|never] [--failed]",
	about: `Keep one comment on the pull request of a GitHub Actions run up to date with
the Markdown report (check --format markdown): the comment that carries the
hidden marker <!-- git-prfaq:NAME --> is updated in place; when there is
none, one is created if --when says so: always, or on-failure (the
default) when --failed is given. An existing comment is updated whatever
the outcome, so a later passing run says it passes. It never posts a
second comment.

It reads the pull request from GITHUB_EVENT_PATH (pull_request and
pull_request_target events; any other event: a note, exit 0), the API
from GITHUB_API_URL (default https://api.github.com), the repository from
GITHUB_REPOSITORY and the token from GITHUB_TOKEN. Requests are retried on
5xx and rate limits. A token that may not comment (403 or 404, as a pull
request from a fork gets) gives a warning and exit 0; the README shows
the workflow_run pattern that comments on those.

Exit status: 0, or 2 for a usage error or a request that failed.`,
}

// maxReport bounds the report file read; a comment holds 65,536
// characters, and a longer report is cut.
const maxReport = 8 << 20

func runComment(e *env, args []string) (int, error) {
	var file, name, when string
	var failed bool
	fs := newFlags(commentHelp, e.stdout)
	fs.StringVar(&file, "report", "", "the Markdown report to post (check --format markdown)")
	fs.StringVar(&name, "marker", "check", "names the comment: <!-- git-prfaq:NAME -->")
	fs.StringVar(&when, "when", string(ghcomment.OnFailure), "when to create the comment: on-failure, always or never")
	fs.BoolVar(&failed, "failed", false, "the check failed (on-failure creates the comment)")
	if err := parse(fs, args); err != nil {
		return exitUsage, err
	}
	if err := checkValues(fs, valueFlag{"report", "a file", "--report report.md"}, valueFlag{"marker", "a name", "--marker check"}); err != nil {
		return exitUsage, err
	}
	if fs.NArg() > 0 {
		return exitUsage, fmt.Errorf("unexpected argument %q: run 'git prfaq comment --help'", fs.Arg(0))
	}
	if file == "" {
		return exitUsage, errors.New("--report is required: give the Markdown report, e.g. --report report.md")
	}
	mode, err := ghcomment.ParseMode(when)
	if err != nil {
		return exitUsage, fmt.Errorf("--when: %v", err)
	}
	marker, err := ghcomment.Marker(name)
	if err != nil {
		return exitUsage, fmt.Errorf("--marker: %v", err)
	}
	md, err := readBounded(file, maxReport)
	if err != nil {
		return exitUsage, err
	}
	if mode == ghcomment.Never {
		note(e, "--when never: no pull-request comment")
		return exitOK, nil
	}

	eventName, eventPath := os.Getenv("GITHUB_EVENT_NAME"), os.Getenv("GITHUB_EVENT_PATH")
	var pr int
	var ok bool
	if eventPath != "" {
		f, err := os.Open(eventPath)
		if err != nil {
			return exitUsage, fmt.Errorf("GITHUB_EVENT_PATH: %v", err)
		}
		pr, ok, err = ghcomment.PullRequest(eventName, f)
		f.Close()
		if err != nil {
			return exitUsage, err
		}
	}
	if !ok {
		note(e, fmt.Sprintf("not a pull_request or pull_request_target event (GITHUB_EVENT_NAME=%q): no comment", eventName))
		return exitOK, nil
	}

	api := os.Getenv("GITHUB_API_URL")
	if api == "" {
		api = "https://api.github.com"
	}
	c := &ghcomment.Client{APIURL: api, Repo: os.Getenv("GITHUB_REPOSITORY"), Token: os.Getenv("GITHUB_TOKEN")}
	if c.Token == "" {
		warn(e, "GITHUB_TOKEN is empty: no pull-request comment (set the action's token input)")
		return exitOK, nil
	}
	if err := c.Validate(); err != nil {
		return exitUsage, err
	}
	res, err := c.Upsert(e.ctx, pr, marker, ghcomment.Body(marker, md), mode, failed)
	switch {
	case ghcomment.Denied(err):
		warn(e, fmt.Sprintf("could not comment on pull request #%d (%v): the token may not write to it, as on a pull request from a fork; the README's workflow_run pattern comments on those", pr, err))
		return exitOK, nil
	case err != nil:
		return exitUsage, err
	}
	switch res.Action {
	case ghcomment.Skipped:
		note(e, fmt.Sprintf("the check passed and pull request #%d has no git-prfaq comment: none posted (--when on-failure)", pr))
	default:
		note(e, fmt.Sprintf("%s the comment on pull request #%d: %s", res.Action, pr, res.Comment.HTMLURL))
	}
	return exitOK, nil
}

func readBounded(path string, limit int64) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return "", err
	}
	if int64(len(b)) > limit {
		return "", fmt.Errorf("%s is larger than %d bytes", path, limit)
	}
	return string(b), nil
}

// inActions is whether this runs in a GitHub Actions step, where a
// warning is a workflow command.
func inActions() bool { return os.Getenv("GITHUB_ACTIONS") == "true" }

// warn prints a warning: an annotation in Actions, escaped so that the
// message cannot start another command; a plain line elsewhere.
func warn(e *env, msg string) {
	if inActions() {
		fmt.Fprint(e.stdout, report.WorkflowCommand("warning", "git-prfaq", msg))
		return
	}
	fmt.Fprintf(e.stderr, "git-prfaq comment: warning: %s\n", report.EscapeLine(msg))
}

// note prints what was done, one escaped line.
func note(e *env, msg string) {
	fmt.Fprintf(e.stdout, "git-prfaq comment: %s\n", report.EscapeLine(msg))
}
