package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/prfaq/git-prfaq/internal/baseline"
	"github.com/prfaq/git-prfaq/internal/gate"
	"github.com/prfaq/git-prfaq/internal/safefile"
	"github.com/prfaq/git-prfaq/internal/scan"
	"github.com/prfaq/git-prfaq/rule"
)

// baselined is what a baseline took out of a check's findings.
type baselined struct {
	count, stale int
	file         string
}

// readBaselineFlag reads check --baseline FILE (a path from the current
// directory); nil when the flag is not given. A file named there must
// exist.
func readBaselineFlag(w *workspace, f checkFlags) (*baseline.File, error) {
	if f.baseline == "" {
		return nil, nil
	}
	path := f.baseline
	if !filepath.IsAbs(path) {
		path = filepath.Join(w.cwd, path)
	}
	data, err := safefile.ReadPath(path, nil, baseline.MaxBytes)
	if err != nil {
		return nil, fmt.Errorf("--baseline %s: %w", f.baseline, err)
	}
	return baseline.Parse(f.baseline, data)
}

// applyBaseline filters the findings of a check outside a range through
// --baseline FILE, else the baseline.file of the configuration, read from
// the work tree (a missing one holds nothing). With --write-baseline, it
// first records the findings there.
func applyBaseline(e *env, w *workspace, f checkFlags, results []scan.Result, findings []rule.Finding) ([]rule.Finding, baselined, error) {
	b, name := (*baseline.File)(nil), f.baseline
	var err error
	switch {
	case f.write != "":
		if b, err = writeBaseline(e, w, f.write, findings); err != nil {
			return nil, baselined{}, err
		}
		name = f.write
	case f.baseline != "":
		if b, err = readBaselineFlag(w, f); err != nil {
			return nil, baselined{}, err
		}
	case w.cfg.Baseline.File != "" && w.repo != nil:
		name = w.cfg.Baseline.File
		if b, err = gate.ReadBaselineAt(e.ctx, w.repo, "", name); err != nil {
			return nil, baselined{}, err
		}
	}
	if b == nil {
		return findings, baselined{}, nil
	}
	var checked []string
	for _, r := range results {
		checked = append(checked, r.Path)
	}
	res := b.Apply(findings, checked)
	return res.Findings, baselined{res.Baselined, res.Stale, name}, nil
}

// writeBaseline records findings in the baseline file path (from the
// current directory) and says so on stderr.
func writeBaseline(e *env, w *workspace, path string, findings []rule.Finding) (*baseline.File, error) {
	b := baseline.Of(findings)
	data, err := b.Marshal()
	if err != nil {
		return nil, err
	}
	full := path
	if !filepath.IsAbs(full) {
		full = filepath.Join(w.cwd, full)
	}
	err = safefile.Replace(full, data, 0o644)
	if errors.Is(err, safefile.ErrNotRegular) {
		return nil, fmt.Errorf("--write-baseline %s: not a regular file (a symbolic link, a directory or a device): remove it or name another", path)
	}
	if err != nil {
		return nil, fmt.Errorf("--write-baseline: %w", err)
	}
	n := 0
	for _, en := range b.Findings {
		n += en.Count
	}
	fmt.Fprintf(e.stderr, "git-prfaq check: wrote %d finding(s) in %d entries to %s\n", n, len(b.Findings), path)
	return b, nil
}
