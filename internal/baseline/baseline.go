// Package baseline reads and writes the baseline of known findings
// (.prfaq-baseline.json) and filters a check's findings through it: a
// finding recorded there, by its fingerprint (rule.Finding.Fingerprint:
// the rule, the file and what it is about, never the line), is counted,
// not reported. A repository with old PRFAQs can turn the gate on for new
// problems first and shrink the file as it fixes the old ones.
package baseline

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/prfaq/git-prfaq/rule"
)

// Version is the version of the file format and of the fingerprint recipe
// it holds. A file of another version is refused, never half read.
const Version = 1

// MaxBytes is the largest baseline file read: 16 MiB holds well over
// 50,000 entries.
const MaxBytes = 16 << 20

// File is a baseline file, as JSON.
type File struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Entry is one fingerprint with how many findings had it; Rule, File and
// Message say, for a reader of the file, what it was (the message as it
// was when recorded; only the fingerprint is matched).
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Count       int    `json:"count"`
	Message     string `json:"message"`
}

// Of records findings as a baseline: the baselinable ones
// (rule.Finding.Baselinable), one entry per fingerprint with its count,
// sorted by file, rule, message and fingerprint.
func Of(findings []rule.Finding) *File {
	byFP := map[string]*Entry{}
	for _, f := range findings {
		if !f.Baselinable() {
			continue
		}
		fp := f.Fingerprint()
		if e, ok := byFP[fp]; ok {
			e.Count++
			continue
		}
		byFP[fp] = &Entry{Fingerprint: fp, Rule: f.Rule, File: where(f), Count: 1, Message: f.Message}
	}
	b := &File{Version: Version, Findings: []Entry{}}
	for _, e := range byFP {
		b.Findings = append(b.Findings, *e)
	}
	slices.SortFunc(b.Findings, func(x, y Entry) int {
		return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.Rule, y.Rule),
			cmp.Compare(x.Message, y.Message), cmp.Compare(x.Fingerprint, y.Fingerprint))
	})
	return b
}

// where is the file a finding is in, or the commit or branch it names.
func where(f rule.Finding) string {
	switch {
	case f.File != "":
		return f.File
	case f.Commit != "":
		return "commit " + f.Commit
	case f.Ref != "":
		return "branch " + f.Ref
	}
	return ""
}

// Marshal is the file's text: indented JSON, one key per line, ending in
// a newline, so that it diffs well.
func (b *File) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Parse reads a baseline file; name is for errors.
func Parse(name string, data []byte) (*File, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var b File
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%s: not a baseline file (%v): write one with git prfaq check --all --write-baseline %s", name, err, name)
	}
	if b.Version != Version {
		return nil, fmt.Errorf("%s: baseline version %d, this git-prfaq reads version %d: write it again with git prfaq check --all --write-baseline %s", name, b.Version, Version, name)
	}
	for i, e := range b.Findings {
		if e.Fingerprint == "" || e.Count < 1 {
			return nil, fmt.Errorf("%s: entry %d has no fingerprint or a count below 1", name, i+1)
		}
	}
	return &b, nil
}

// Result is what filtering through a baseline left.
type Result struct {
	// Findings are the ones to report: every finding the baseline does not
	// hold, in their order.
	Findings []rule.Finding
	// Baselined counts the findings the baseline held: not reported, never
	// failing.
	Baselined int
	// Stale counts the findings the baseline records, in the files
	// checked, that were not found any more: fixed, so the file can
	// shrink.
	Stale int
}

// Apply filters findings through b. checked are the files (as findings
// name them) that were checked: only their entries can be stale, so that
// checking a few files does not call the rest of the baseline stale. A
// fingerprint found more often than recorded reports the extra findings
// (the last ones); one found less often counts the difference as stale.
// Findings that are not baselinable are always reported.
func (b *File) Apply(findings []rule.Finding, checked []string) Result {
	left := map[string]int{}
	for _, e := range b.Findings {
		left[e.Fingerprint] += e.Count
	}
	r := Result{Findings: []rule.Finding{}}
	for _, f := range findings {
		if f.Baselinable() {
			fp := f.Fingerprint()
			if left[fp] > 0 {
				left[fp]--
				r.Baselined++
				continue
			}
		}
		r.Findings = append(r.Findings, f)
	}
	in := map[string]bool{}
	for _, c := range checked {
		in[c] = true
	}
	seen := map[string]bool{}
	for _, e := range b.Findings {
		if in[e.File] && !seen[e.Fingerprint] {
			seen[e.Fingerprint] = true
			r.Stale += left[e.Fingerprint]
		}
	}
	return r
}
