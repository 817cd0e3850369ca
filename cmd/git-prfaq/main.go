// Command git-prfaq makes Amazon-style "Working Backwards" PRFAQs something
// Git enforces. On PATH it runs as `git prfaq`.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"

	"github.com/prfaq/git-prfaq/internal/report"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	stopProfile := startProfile(os.Getenv("GIT_PRFAQ_CPUPROFILE"))
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stopProfile()
	stop()
	os.Exit(code)
}

// startProfile writes a CPU profile to path when it is set: the benchmarks
// in bench/ use it to show where a hook's time goes.
func startProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "git-prfaq: GIT_PRFAQ_CPUPROFILE: %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "git-prfaq: GIT_PRFAQ_CPUPROFILE: %v\n", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// Exit statuses, as the README ("Commands") defines them.
const (
	exitOK       = 0 // nothing at error severity
	exitFindings = 1 // something at error severity
	exitUsage    = 2 // usage, configuration or repository error
)

// env is what a command may touch: its streams and the process context.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(e *env, args []string) (int, error)
}

func commands() []command {
	return []command{
		{"init", "write .prfaq.toml (if absent) and install the hooks", runInit},
		{"new", "scaffold a PRFAQ from the template; never overwrites", runNew},
		{"check", "check PRFAQs: changed, staged, all, a range (the merge gate), or paths", runCheck},
		{"diff", "metric changes between HEAD, revisions and the work tree", runDiff},
		{"log", "metric history: every commit that changed a metric", runLog},
		{"list", "every PRFAQ: status, owner, metrics, pass/fail", runList},
		{"scorecard", "for leadership: commitments delivered, deadlines slipped, targets weakened", runScorecard},
		{"cache", "show or clear the result cache of check --all and list", runCache},
		{"hook", "install, uninstall or show the git hooks; run one", runHook},
		{"config", "print the effective configuration and where each value came from", runConfig},
		{"ci", "the GitHub Action: check the event's range, annotate, summarize, output", runCI},
		{"comment", "keep one pull-request comment with the report up to date (GitHub)", runComment},
		{"version", "print the version", runVersion},
	}
}

// run is main without os.Exit, so tests and testscript can call it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		// A panic is a bug, never an answer to input: say so in one line.
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "git-prfaq: internal error: %v (please report this with the command you ran)\n", r)
			code = exitUsage
		}
	}()
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		if len(args) > 1 && args[0] == "help" {
			return run(ctx, []string{args[1], "--help"}, stdin, stdout, stderr)
		}
		usage(stdout)
		return exitOK
	case "--version", "-v":
		args[0] = "version"
	case manPageCommand:
		return writeManPage(ctx, stdout, stderr)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return finish(stderr, c.name, func() (int, error) { return c.run(e, args[1:]) })
		}
	}
	fmt.Fprintf(stderr, "git-prfaq: unknown command %q: run 'git prfaq --help' for the list\n", args[0])
	return exitUsage
}

// finish turns a command's error into one line on stderr and exit status 2.
func finish(stderr io.Writer, name string, f func() (int, error)) int {
	code, err := f()
	if err == nil {
		return code
	}
	if errors.Is(err, errHelp) {
		return exitOK
	}
	// One line, control characters shown: an error may quote a file name
	// or a revision, which could hold a newline or a terminal sequence.
	fmt.Fprintf(stderr, "git-prfaq %s: %s\n", name, report.EscapeLine(err.Error()))
	return exitUsage
}

// programAbout is printed by usage and is also the man page's DESCRIPTION,
// so the two cannot drift apart.
const programAbout = `Working Backwards, enforced by Git: every initiative starts with a PRFAQ
(press release and FAQ) whose success metrics say how impact is measured.`

func usage(w io.Writer) {
	fmt.Fprintf(w, "usage: git prfaq <command> [options]\n\n%s\n\ncommands:\n", programAbout)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run 'git prfaq <command> --help' for a command's options.
Exit status: 0 no errors, 1 findings at error severity, 2 usage, configuration
or repository error.
`)
}
