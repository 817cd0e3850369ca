package action

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The runner reads every line a step prints, on stdout and stderr, for
// workflow commands: a line that starts with "::" (after leading blanks),
// and the legacy "##[command]" anywhere in a line. Whatever git-prfaq, git
// or an input says must reach the log as data, never as a command: an
// injected ::add-mask:: hides text, ::stop-commands:: silences every
// annotation after it, ::error:: forges a failure.

// ownCommand is a workflow command the script or git-prfaq's github
// format writes: the script's own carry title=git-prfaq, git-prfaq's carry
// a title too; group and endgroup take no properties.
var ownCommand = regexp.MustCompile(`^::((error|warning|notice) [^:]*title=[^:]*|group|endgroup)::`)

// assertNoInjectedCommands fails when a line of the log could be read as a
// workflow command the script did not mean to write. Lines end at \n, \r
// or \r\n, as the runner reads them.
func assertNoInjectedCommands(t *testing.T, res result) {
	t.Helper()
	for _, stream := range []string{res.stdout, res.stderr} {
		for _, line := range regexp.MustCompile(`\r\n|\r|\n`).Split(stream, -1) {
			trimmed := strings.TrimLeft(line, " \t")
			switch {
			case strings.HasPrefix(trimmed, "::") && !ownCommand.MatchString(trimmed):
				t.Errorf("the log has a workflow command the script did not write: %q\n%s", line, res)
			case !strings.HasPrefix(trimmed, "::") && strings.Contains(line, "##["):
				t.Errorf("the log has a legacy ##[ command: %q\n%s", line, res)
			}
		}
	}
}

// hostile is what an attacker would print to the log: a forged error, a
// mask, a command stop, a legacy command mid-line and a carriage return.
const hostile = "x\n::error::pwned\n  ::add-mask::secret\n::stop-commands::tok\nsee ##[add-mask]y\r::warning::cr"

// TestCheckEscapesStderr: what git prfaq ci quotes from the check (a file
// name) reaches the log as data only.
func TestCheckEscapesStderr(t *testing.T) {
	t.Parallel()
	o := readOrigin(t)

	t.Run("a file named with newlines and commands", func(t *testing.T) {
		t.Parallel()
		ws := o.clone(t, "weak", 0)
		git(t, ws, baseEnv(t), "checkout", "-q", "--detach", o.weak)
		// An unreadable PRFAQ (a NUL byte) in a directory whose name holds
		// the commands: git-prfaq names it on stderr and exits 2.
		dir := filepath.Join(ws, "services", strings.ReplaceAll(hostile, "\r", ""))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, "PRFAQ.md"), "+++\nstatus = \"draft\"\n+++\n\n# Bad\x00 bytes\n")
		git(t, ws, baseEnv(t), "add", ".")
		git(t, ws, baseEnv(t), "commit", "-q", "--no-verify", "-m", "Add a hostile name")
		head := git(t, ws, baseEnv(t), "rev-parse", "HEAD")

		r := newRunner(t, ws)
		r.event("pull_request", prEvent(o.mainTip, head))
		res := r.run(ws, "check")
		if res.code != 2 {
			t.Fatalf("want exit 2 (an unreadable PRFAQ), got %s", res)
		}
		if !strings.Contains(res.stdout, "::error title=git-prfaq::") || !strings.Contains(res.stdout, "binary file (NUL byte)") {
			t.Errorf("want an error annotation naming the unreadable file:\n%s", res)
		}
		assertNoInjectedCommands(t, res)
	})
}

// TestCheckInputsValidated: an input or a payload field that git would
// read as an option, or that holds a line break, is refused before it
// reaches git or GITHUB_OUTPUT.
func TestCheckInputsValidated(t *testing.T) {
	t.Parallel()
	o := readOrigin(t)
	for _, tc := range []struct {
		name    string
		env     func(pwned string) []string
		payload func(pwned string) map[string]any
		want    string // a regular expression the error annotation matches
	}{{
		name: "base input --upload-pack",
		env: func(pwned string) []string {
			return []string{"INPUT_BASE=--upload-pack=touch " + pwned + ";git-upload-pack"}
		},
		want: `(?m)^::error title=git-prfaq::the base input "--upload-pack=touch .*" starts with "-"`,
	}, {
		name: "base input with a line break",
		env:  func(string) []string { return []string{"INPUT_BASE=main\n::error::pwned"} },
		want: `(?m)^::error title=git-prfaq::the base input "main%0A::error::pwned" holds a control character`,
	}, {
		name: "sarif input with a line break forging an output",
		env:  func(string) []string { return []string{"INPUT_SARIF=x.sarif\nfindings=0"} },
		want: `(?m)^::error title=git-prfaq::the sarif input "x.sarif%0Afindings=0" holds a control character`,
	}, {
		name: "a payload sha that is an option",
		payload: func(pwned string) map[string]any {
			return prEvent("--upload-pack=touch "+pwned+";git-upload-pack", o.weak)
		},
		want: `(?m)^::error title=git-prfaq::the pull_request payload's base sha "--upload-pack=touch .*" is not a commit id`,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ws := o.clone(t, "weak", 0)
			git(t, ws, baseEnv(t), "checkout", "-q", "--detach", o.weak)
			pwned := filepath.Join(t.TempDir(), "PWNED")
			r := newRunner(t, ws)
			payload := prEvent(o.mainTip, o.weak)
			if tc.payload != nil {
				payload = tc.payload(pwned)
			}
			r.event("pull_request", payload)
			var env []string
			if tc.env != nil {
				env = tc.env(pwned)
			}
			res := r.run(ws, "check", env...)
			if _, err := os.Stat(pwned); err == nil {
				t.Fatalf("git ran the input as an option: %s exists\n%s", pwned, res)
			}
			if out := readFile(t, r.file("output")); regexp.MustCompile(`(?m)^findings=0$`).MatchString(out) {
				t.Fatalf("GITHUB_OUTPUT has a forged output:\n%s\n%s", out, res)
			}
			if res.code != 2 {
				t.Fatalf("want exit 2, got %s", res)
			}
			if !regexp.MustCompile(tc.want).MatchString(res.stdout) {
				t.Errorf("log does not match %q\n%s", tc.want, res)
			}
			assertNoInjectedCommands(t, res)
		})
	}
}
