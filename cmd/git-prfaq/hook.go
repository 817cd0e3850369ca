package main

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/hook"
	"github.com/prfaq/git-prfaq/internal/gate"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/report"
	"github.com/prfaq/git-prfaq/rule"
)

var hookHelp = helpText{
	name:     "hook",
	synopsis: "hook install|uninstall|status [HOOK...] | hook run HOOK [ARGS...]",
	about: `Install git-prfaq's git hooks, remove them, show them, or run one.

install writes small sh scripts into the directory git runs hooks from
(core.hooksPath, else the common .git/hooks shared by linked worktrees). A
hook git-prfaq did not write is kept beside ours as HOOK.prfaq-kept and run
first with the same arguments and input; uninstall puts it back exactly.
When the pre-commit framework, lefthook or husky owns the hooks, install
writes nothing and prints the lines to add to that manager's configuration.

Hooks: pre-commit, commit-msg, pre-merge-commit, pre-push (installed by
default) and pre-receive (the server side; the default in a bare repository).

run is what the installed scripts call:
  pre-commit, pre-merge-commit  check the index against HEAD
  commit-msg FILE               the staged change with the message's trailers
  pre-push REMOTE URL           each pushed range (ref lines on stdin)
  pre-receive                   each updated ref (ref lines on stdin)
It prints nothing when the change passes. What refuses a change is
hooks.fail_on in .prfaq.toml: error (default), warning or never; pre-push
and pre-receive take it from the policy each range is checked with.`,
}

func runHook(e *env, args []string) (int, error) {
	fs := newFlags(hookHelp, e.stdout)
	fs.SetInterspersed(false) // everything after "run HOOK" is the hook's
	if err := parse(fs, args); err != nil {
		return exitUsage, err
	}
	if fs.NArg() == 0 {
		return exitUsage, errors.New("want install, uninstall, status or run: run 'git prfaq hook --help'")
	}
	sub, rest := fs.Arg(0), fs.Args()[1:]
	switch sub {
	case "install", "uninstall", "status":
		return hookManage(e, sub, rest)
	case "run":
		return hookRun(e, rest)
	}
	return exitUsage, fmt.Errorf("unknown hook subcommand %q: want install, uninstall, status or run", sub)
}

// openRepo opens the repository around the cwd, bare ones included.
func openRepo(e *env) (*gitcmd.Repo, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("find the current directory: %w", err)
	}
	return gitcmd.Open(e.ctx, cwd)
}

func hookManage(e *env, sub string, hooks []string) (int, error) {
	for _, h := range hooks {
		if strings.HasPrefix(h, "-") {
			return exitUsage, fmt.Errorf("unknown flag %s: run 'git prfaq hook --help'", h)
		}
	}
	if len(hooks) == 0 {
		hooks = nil // the default set, not an empty one
	}
	repo, err := openRepo(e)
	if err != nil {
		return exitUsage, err
	}
	switch sub {
	case "install":
		return installHooks(e, repo, hooks)
	case "uninstall":
		results, err := hook.Uninstall(e.ctx, repo, hooks)
		if err != nil {
			return exitUsage, err
		}
		for _, r := range results {
			fmt.Fprintln(e.stdout, r)
		}
		return exitOK, nil
	}
	return hookStatus(e, repo, hooks)
}

// installHooks installs, or prints a hook manager's configuration lines.
func installHooks(e *env, repo *gitcmd.Repo, hooks []string) (int, error) {
	results, err := hook.Install(e.ctx, repo, hooks)
	var managed *hook.ManagedError
	if errors.As(err, &managed) {
		fmt.Fprintln(e.stdout, managed.Error())
		return exitOK, nil
	}
	if err != nil {
		return exitUsage, err
	}
	for _, r := range results {
		fmt.Fprintln(e.stdout, r)
	}
	return exitOK, nil
}

func hookStatus(e *env, repo *gitcmd.Repo, hooks []string) (int, error) {
	statuses, err := hook.StatusOf(e.ctx, repo, hooks)
	if err != nil {
		return exitUsage, err
	}
	for _, s := range statuses {
		state := "not installed"
		if s.Installed {
			state = "git-prfaq installed"
		}
		line := fmt.Sprintf("%-16s %s (%s)", s.Hook, state, s.Path)
		if s.Other != "" {
			line += "; also: " + s.Other
		}
		fmt.Fprintln(e.stdout, line)
	}
	return exitOK, nil
}

// hookRun runs one hook's checks and prints a report on stderr, where git
// shows a hook's output, only when there is something to say.
func hookRun(e *env, args []string) (int, error) {
	if len(args) == 0 {
		return exitUsage, errors.New("hook run needs the hook's name, e.g. git prfaq hook run pre-commit")
	}
	name, args := args[0], args[1:]
	g, err := openGate(e)
	if err != nil {
		return exitUsage, err
	}
	var rep *gate.Report
	switch name {
	case "pre-commit", "pre-merge-commit":
		rep, err = g.Staged(e.ctx)
	case "commit-msg":
		rep, err = commitMsg(e, g, args)
	case "pre-push":
		rep, err = g.PrePush(e.ctx, e.stdin, args, os.Getenv)
	case "pre-receive":
		rep, err = g.PreReceive(e.ctx, e.stdin)
	default:
		return exitUsage, fmt.Errorf("unknown hook %q: want one of %s", name, strings.Join(hook.Names(), ", "))
	}
	if err != nil {
		return exitUsage, err
	}
	return writeHookReport(e, name, rep)
}

// openGate opens the repository and its configuration for a hook. The
// staged hooks use the work tree's .prfaq.toml (the committer's own); a
// range takes its base's (gate.Gate.Range). A bare repository (a server's
// pre-receive) checks every push with the .prfaq.toml on its policy ref
// (gate.ServerPolicy), never one a push brings along.
func openGate(e *env) (*gate.Gate, error) {
	repo, err := openRepo(e)
	if err != nil {
		return nil, err
	}
	today, err := parseToday("")
	if err != nil {
		return nil, err
	}
	g := &gate.Gate{Repo: repo, Today: today}
	if repo.Bare {
		if g.Policy, err = gate.ServerPolicy(e.ctx, repo); err != nil {
			return nil, err
		}
		g.Cfg = g.Policy
		return g, nil
	}
	if g.Cfg, err = config.Load(repo.Root); err != nil {
		return nil, err
	}
	return g, nil
}

func commitMsg(e *env, g *gate.Gate, args []string) (*gate.Report, error) {
	if len(args) != 1 {
		return nil, errors.New("commit-msg needs the message file git passes as $1")
	}
	msg, err := os.ReadFile(args[0])
	if err != nil {
		return nil, fmt.Errorf("read the commit message: %w", err)
	}
	return g.CommitMsg(e.ctx, msg)
}

// writeHookReport prints the findings, if any, on stderr and says whether
// the hook refuses the change: by hooks.fail_on of the configuration the
// change was checked with (hookFails). A document that cannot be read
// refuses it whatever fail_on says.
func writeHookReport(e *env, name string, rep *gate.Report) (int, error) {
	code := exitOK
	unreadable := unreadableOf(rep.Results)
	for _, u := range unreadable {
		fmt.Fprintf(e.stderr, "git-prfaq %s: %s\n", name, report.EscapeLine(u.Message))
		code = exitUsage
	}
	if len(rep.Findings) == 0 && len(unreadable) == 0 {
		return code, nil
	}
	sum := report.Summarize(len(rep.Results), rep.Findings)
	sum.Unreadable = len(unreadable)
	sum.Baselined, sum.Stale, sum.BaselineFile = rep.Baselined, rep.Stale, rep.BaselineFile
	if err := report.Text(e.stderr, rep.Findings, sum, report.Style{Color: colorOK(e.stderr)}); err != nil {
		return exitUsage, err
	}
	fails := hookFails(name, rep)
	switch {
	case fails && sum.Errors == 0:
		fmt.Fprintf(e.stderr, "git-prfaq: hooks.fail_on = %q in %s: warnings refuse the change too\n", config.FailOnWarning, config.FileName)
	case !fails && sum.Errors > 0 && len(unreadable) == 0:
		fmt.Fprintf(e.stderr, "git-prfaq: the %s hook lets this through: hooks.fail_on = %q in %s\n", name, config.FailOnNever, config.FileName)
	}
	if fails || len(unreadable) > 0 {
		fmt.Fprintln(e.stderr, refusal(name))
		if code == exitOK {
			code = exitFindings
		}
	}
	return code, nil
}

// hookFails reports whether the findings of rep refuse the change under
// hooks.fail_on of the configuration they were checked with; a push's
// ranges each by their own policy's. Before the commit message exists
// (pre-commit, pre-merge-commit), a weakening is only a warning waiting
// for its acknowledgement in the message, which commit-msg judges: it
// never refuses there, even with fail_on = "warning".
func hookFails(name string, rep *gate.Report) bool {
	if len(rep.Ranges) > 0 {
		return slices.ContainsFunc(rep.Ranges, func(r *gate.Report) bool { return hookFails(name, r) })
	}
	fs := rep.Findings
	if name == "pre-commit" || name == "pre-merge-commit" {
		fs = slices.DeleteFunc(slices.Clone(fs), func(f rule.Finding) bool {
			return f.Severity == rule.Warning && (f.Rule == rule.MetricWeakened || f.Rule == rule.ConfigWeakened)
		})
	}
	sum := report.Summarize(0, fs)
	return rep.FailOn.Fails(sum.Errors, sum.Warnings)
}

// refusal is the last line of a failed hook: what to do next. A server's
// hook cannot be skipped by the pusher.
func refusal(hook string) string {
	if hook == "pre-receive" {
		return "git-prfaq: the pre-receive hook on the server refused this: fix the above and push again"
	}
	return fmt.Sprintf("git-prfaq: the %s hook refused this; fix the above, or skip the hook once with --no-verify", hook)
}
