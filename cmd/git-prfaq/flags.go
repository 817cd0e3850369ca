package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/pflag"
)

// errHelp means usage was printed on request: exit 0, print nothing more.
var errHelp = errors.New("help requested")

// helpText is a command's usage: the synopsis line and what it does.
type helpText struct {
	name     string
	synopsis string
	about    string
}

func newFlags(h helpText, stdout io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(h.name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are returned and printed once by finish
	fs.SortFlags = false
	fs.Usage = func() { printHelp(stdout, h, fs) }
	return fs
}

func printHelp(w io.Writer, h helpText, fs *pflag.FlagSet) {
	fmt.Fprintf(w, "usage: git prfaq %s\n\n%s\n", h.synopsis, strings.TrimSpace(h.about))
	if u := fs.FlagUsages(); u != "" {
		fmt.Fprintf(w, "\noptions:\n%s", u)
	}
}

// parse parses args and turns pflag's errors into a one-line hint.
func parse(fs *pflag.FlagSet, args []string) error {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, pflag.ErrHelp):
		// pflag has already called fs.Usage: calling it again printed the
		// help twice.
		return errHelp
	case err != nil:
		return fmt.Errorf("%v: run 'git prfaq %s --help'", err, fs.Name())
	}
	return nil
}

// valueFlag is a string flag whose value must be given in full: what it
// wants and an example, for the error.
type valueFlag struct {
	name, want, example string
}

// checkValues refuses, for each flag that was given, an empty value (an
// unset variable in a script gives one) or one that starts with "-" (a
// missing value that took the next option, or an option passed off as a
// value). Either would otherwise be read as the flag not given, or reach
// git as an option: the gate would quietly check something else.
func checkValues(fs *pflag.FlagSet, flags ...valueFlag) error {
	for _, f := range flags {
		if !fs.Changed(f.name) {
			continue
		}
		v := fs.Lookup(f.name).Value.String()
		switch {
		case v == "":
			return fmt.Errorf("--%s is empty: give %s, e.g. %s (is the variable that should hold it unset?)", f.name, f.want, f.example)
		case strings.HasPrefix(v, "-"):
			return fmt.Errorf("--%s %q starts with \"-\": give %s as its value, e.g. %s (did a missing value take the next option?)", f.name, v, f.want, f.example)
		}
	}
	return nil
}

// checkPaths refuses an empty PATH argument: an unset variable, which
// would otherwise stand for the current directory.
func checkPaths(paths []string) error {
	if slices.Contains(paths, "") {
		return errors.New("an empty PATH: name a file or directory, or give none (is the variable that should hold it unset?)")
	}
	return nil
}

// todayOption is --today, which check and list take.
var todayOption = valueFlag{"today", "a date as YYYY-MM-DD", "--today 2026-11-26"}
