package main

import (
	"errors"
	"fmt"
	"io"
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
