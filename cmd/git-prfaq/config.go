package main

import (
	"fmt"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gate"
	"github.com/prfaq/git-prfaq/internal/report"
)

var configHelp = helpText{
	name:     "config",
	synopsis: "config [--rev REV] [--format toml|json]",
	about: `Print the effective configuration: every key of .prfaq.toml with its
value, the file's over the built-in defaults, and where each came from
(default, or .prfaq.toml:LINE).

Without --rev, the work tree's .prfaq.toml: what check and the commit
hooks use. --rev REV prints the policy committed at REV instead (the
defaults when REV has none): what a range from REV (check --range REV..,
pre-push, the GitHub Action) is checked with; sources read
COMMIT:.prfaq.toml:LINE.

--format: toml (default; a .prfaq.toml that gives the same configuration,
each value followed by a comment naming its source) or json
({"file", "exists", "rev", "settings": [{"key", "value", "source"}]}).

Exit status: 0, or 2 for a usage, configuration or repository error.`,
}

func runConfig(e *env, args []string) (int, error) {
	var format, rev string
	fs := newFlags(configHelp, e.stdout)
	fs.StringVar(&rev, "rev", "", "print the policy committed at this revision")
	fs.StringVar(&format, "format", "toml", "output format: toml or json")
	if err := parse(fs, args); err != nil {
		return exitUsage, err
	}
	if err := checkValues(fs, valueFlag{"rev", "a revision", "--rev origin/main"}); err != nil {
		return exitUsage, err
	}
	if format != "toml" && format != "json" {
		return exitUsage, fmt.Errorf("unknown --format %q: use toml or json", format)
	}
	if fs.NArg() > 0 {
		return exitUsage, fmt.Errorf("unexpected argument %q: config takes no arguments (a revision goes after --rev)", fs.Arg(0))
	}
	var (
		cfg  *config.Config
		data []byte
		src  = report.ConfigSource{File: config.FileName}
	)
	if fs.Changed("rev") {
		repo, err := openRepo(e)
		if err != nil {
			return exitUsage, err
		}
		id, err := repo.ResolveCommit(e.ctx, rev)
		if err != nil {
			return exitUsage, err
		}
		if cfg, data, src.File, err = gate.PolicyFile(e.ctx, repo, id); err != nil {
			return exitUsage, err
		}
		src.Rev = id
	} else {
		w, err := openWorkspace(e, false)
		if err != nil {
			return exitUsage, err
		}
		if cfg, data, err = config.LoadFile(w.root); err != nil {
			return exitUsage, err
		}
	}
	src.Exists = data != nil
	settings := config.Effective(cfg, data)
	if format == "json" {
		return exitOK, report.ConfigJSON(e.stdout, settings, src)
	}
	return exitOK, report.ConfigTOML(e.stdout, settings, src)
}
