package hook

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// Marker is the line that makes a hook file git-prfaq's own. Only the
// prefix up to the version is matched, so a later version still recognises
// (and updates) the scripts an earlier one wrote.
const Marker = markerPrefix + "1: managed by 'git prfaq hook install'; remove with 'git prfaq hook uninstall'"

const markerPrefix = "# git-prfaq hook v"

// KeptSuffix is appended to a hook's name for the foreign hook kept aside.
const KeptSuffix = ".prfaq-kept"

// InstallCommand is what the scripts tell a user to run when git-prfaq is
// missing.
const InstallCommand = "go install github.com/prfaq/git-prfaq/cmd/git-prfaq@latest"

// scriptHead is shared by every hook; @HOOK@ is the hook's name and
// @HOW@ the lines after the install hint. The binary is looked up before
// anything runs so a missing one fails fast with what to do. It is run as
// git-prfaq, not through `git prfaq`, which would start git only for git
// to start git-prfaq (about 2 ms on every commit). The kept
// hook is found beside the script through $0, which git sets to the path
// it ran (relative to the cwd it gives the hook), so moving the repository
// does not break it.
const scriptHead = `#!/bin/sh
` + Marker + `
#
# Runs the @HOOK@ hook that was here before, if git-prfaq kept one beside
# this file as @HOOK@` + KeptSuffix + `, then git-prfaq's checks. Both get the
# same arguments and standard input. When the kept hook fails, this hook
# fails with its exit status and git-prfaq's checks do not run.

hook=@HOOK@

if ! command -v git-prfaq >/dev/null 2>&1; then
	printf '%s\n' >&2 \
		"git-prfaq: the $hook hook runs git-prfaq, but git-prfaq is not on PATH." \
		"To install it:  ` + InstallCommand + `" \
		"                and make sure \$(go env GOPATH)/bin is on PATH." \
@HOW@
	exit 1
fi

case $0 in
*/*) kept=${0%/*}/$hook` + KeptSuffix + ` ;;
*) kept=$hook` + KeptSuffix + ` ;;
esac

# git skips a hook file that is not executable, so this does too. The name
# check stops a kept copy of this script from running itself.
if [ "$kept" = "$0" ] || [ ! -x "$kept" ]; then
	exec git-prfaq hook run "$hook" "$@"
fi
`

// tailArgs: git gives these hooks no input, so both inherit it as it is.
const tailArgs = `
"$kept" "$@" || exit $?
exec git-prfaq hook run "$hook" "$@"
`

// tailStdin: git writes the ref lines once, so they are read into a
// variable (no temporary file to clean up, and mktemp is not POSIX) and
// written to each hook. The "." keeps $(...) from dropping final newlines,
// so both hooks see the same bytes. Ref lines never hold a NUL byte, which
// a shell variable cannot.
const tailStdin = `
# git writes stdin once: keep it to hand the same bytes to both. The "."
# stops $(...) from dropping the final newlines.
input=$(cat; echo .)
input=${input%.}
printf '%s' "$input" | "$kept" "$@" || exit $?
printf '%s' "$input" | git-prfaq hook run "$hook" "$@"
`

// Script returns the text Install writes for the named hook.
func Script(name string) (string, error) {
	s, ok := lookup(name)
	if !ok {
		return "", fmt.Errorf("%w %q: git-prfaq's hooks are %s", ErrUnknownHook, name, strings.Join(Names(), ", "))
	}
	return script(s), nil
}

func script(s spec) string {
	how := `		"To skip this hook once:  ` + s.bypass + `"`
	if s.bypass == "" {
		how = `		"This is the server's hook: install git-prfaq where the server's git finds it."`
	}
	tail := tailArgs
	if s.stdin {
		tail = tailStdin
	}
	r := strings.NewReplacer("@HOOK@", s.name, "@HOW@", how)
	return r.Replace(scriptHead) + tail
}

// legacy turns the current script into the one an earlier version wrote,
// byte for byte, newest first. Until the scripts ran git-prfaq directly they
// ran it through git ("git prfaq"); nothing else has changed since the
// first release.
var legacy = []*strings.Replacer{
	strings.NewReplacer(
		"hook runs git-prfaq, but", "hook runs 'git prfaq', but",
		"exec git-prfaq hook run", "exec git prfaq hook run",
		"| git-prfaq hook run", "| git prfaq hook run"),
}

// written reports whether data is, byte for byte, a script some version of
// git-prfaq wrote for the hook s: only such a file may be overwritten or
// deleted without keeping a copy.
func written(s spec, data []byte) bool {
	cur := script(s)
	if string(data) == cur {
		return true
	}
	for _, r := range legacy {
		if string(data) == r.Replace(cur) {
			return true
		}
	}
	return false
}

// isOurs reports whether a hook file's content carries git-prfaq's marker
// in one of its first lines: a script git-prfaq wrote, perhaps changed by
// hand since (written tells the two apart).
func isOurs(data []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for i := 0; i < 5 && sc.Scan(); i++ {
		if strings.HasPrefix(sc.Text(), markerPrefix) {
			return true
		}
	}
	return false
}
