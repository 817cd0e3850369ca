// Package initiative decides whether a change proposes a new initiative
// without a PRFAQ: a new directory under initiatives.roots, a commit
// trailer such as "Initiative: Payments", or a push from a branch matching
// initiatives.branches. It is pure: callers list what changed and what
// existed before, and get findings back.
package initiative

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/rule"
)

// Candidates returns the initiative directories (matching
// initiatives.roots) that the added files lie in, sorted and unique.
func Candidates(cfg *config.Config, added []string) []string {
	seen := map[string]bool{}
	var dirs []string
	for _, f := range added {
		if d, ok := cfg.InitiativeDir(f); ok && !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	sort.Strings(dirs)
	return dirs
}

// Uncovered returns the new directories that no PRFAQ document covers. A
// document covers a directory when it lies inside it, or when its name
// (without extension) is the directory's name, as docs/prfaq/payments.md
// covers services/payments. docs are the documents present after the
// change.
func Uncovered(newDirs, docs []string) []string {
	var out []string
	for _, d := range newDirs {
		if !covered(d, docs) {
			out = append(out, d)
		}
	}
	return out
}

func covered(dir string, docs []string) bool {
	base := strings.ToLower(path.Base(dir))
	for _, doc := range docs {
		if strings.HasPrefix(doc, dir+"/") {
			return true
		}
		stem := strings.TrimSuffix(path.Base(doc), path.Ext(doc))
		if strings.ToLower(stem) == base {
			return true
		}
	}
	return false
}

// DirFindings reports each uncovered directory.
func DirFindings(cfg *config.Config, dirs []string) []rule.Finding {
	var fs []rule.Finding
	for _, d := range dirs {
		fs = append(fs, finding(cfg, rule.Finding{File: d},
			"%s is a new initiative (it matches initiatives.roots %v) without a PRFAQ: add one with git prfaq new %s",
			d, cfg.Initiatives.Roots, d))
	}
	return fs
}

// TrailerFinding reports a commit whose initiative trailer is not matched
// by a PRFAQ added or changed in the same commit. commit is "" for the
// commit being written (the commit-msg hook).
func TrailerFinding(cfg *config.Config, commit, name string) rule.Finding {
	which := "this commit"
	if commit != "" {
		which = "commit " + short(commit)
	}
	return finding(cfg, rule.Finding{Commit: commit},
		"%s declares %s: %s but adds or changes no PRFAQ: add one in the same commit (git prfaq new <dir>) or remove the trailer",
		which, cfg.Initiatives.Trailer, name)
}

// BranchFinding reports a push from an initiative branch that adds or
// changes no PRFAQ.
func BranchFinding(cfg *config.Config, branch string) rule.Finding {
	branch = strings.TrimPrefix(branch, "refs/heads/")
	return finding(cfg, rule.Finding{Ref: branch},
		"branch %s matches initiatives.branches %v, but its new commits add or change no PRFAQ: add one with git prfaq new <dir>",
		branch, cfg.Initiatives.Branches)
}

func finding(cfg *config.Config, f rule.Finding, format string, args ...any) rule.Finding {
	f.Rule = rule.InitiativeWithoutPRFAQ
	f.Severity = cfg.SeverityOf(rule.InitiativeWithoutPRFAQ)
	f.Message = fmt.Sprintf(format, args...)
	return f
}

// Keep drops findings whose severity is off.
func Keep(fs []rule.Finding) []rule.Finding {
	out := fs[:0]
	for _, f := range fs {
		if f.Severity != rule.Off {
			out = append(out, f)
		}
	}
	return out
}

func short(commit string) string {
	if len(commit) > 12 {
		return commit[:12]
	}
	return commit
}
