// Package rule is the one home of what every other package says about a
// finding: the stable rule identifiers and their documentation, the
// severities a rule can have, and the Finding type. It is a leaf: config,
// check, the gate and every output format import it, and it imports none
// of them.
package rule

import (
	"cmp"
	"fmt"
	"slices"
)

// Rule identifiers: stable, shared by every output format, the
// configuration's severity table and the docs.
const (
	FrontmatterInvalid     = "frontmatter-invalid"
	StatusInvalid          = "status-invalid"
	HeadlineMissing        = "headline-missing"
	HeadlineTooLong        = "headline-too-long"
	SectionMissing         = "section-missing"
	SectionEmpty           = "section-empty"
	Placeholder            = "placeholder"
	PressReleaseTooLong    = "press-release-too-long"
	FAQUnanswered          = "faq-unanswered"
	MetricsMissing         = "metrics-missing"
	MetricUnmeasurable     = "metric-unmeasurable"
	MetricWeakened         = "metric-weakened"
	MetricOverdue          = "metric-overdue"
	ClaimUnbacked          = "claim-unbacked"
	InitiativeWithoutPRFAQ = "initiative-without-prfaq"
	ConfigWeakened         = "config-weakened"
	SuppressionInvalid     = "suppression-invalid"
)

// Severity is how a rule's findings count: "error" fails a check (exit 1),
// "warning" is reported without failing, "off" is not reported at all.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Off     Severity = "off"
)

// Valid reports whether s is one of Error, Warning and Off.
func (s Severity) Valid() bool { return s == Error || s == Warning || s == Off }

// Finding is one problem at one place: a position in a file, a directory
// (File with Line 0), a commit, or a branch.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Message  string   `json:"message"`
	Commit   string   `json:"commit,omitempty"`
	Ref      string   `json:"ref,omitempty"`

	// What the finding is about, as fields, so that scripts need not parse
	// the message: the section (section rules), the question
	// (faq-unanswered), the template text left in (placeholder), the metric
	// and the field of its row (metric rules: baseline, target, by,
	// source, actual).
	Section  string `json:"section,omitempty"`
	Question string `json:"question,omitempty"`
	Text     string `json:"text,omitempty"`
	Metric   string `json:"metric,omitempty"`
	Field    string `json:"field,omitempty"`
	// Suggestion is text to write instead, when the checker can propose
	// it (the metrics table, pre-filled from a bullet list); several lines.
	Suggestion string `json:"suggestion,omitempty"`

	// Suppressed is set on a finding a prfaq-ignore comment covers:
	// reported, with the comment's reason in Suppression, but never
	// counted as an error or a warning.
	Suppressed  bool   `json:"suppressed,omitempty"`
	Suppression string `json:"suppression,omitempty"`
}

// Location is where a finding points, as text output shows it.
func (f Finding) Location() string {
	switch {
	case f.File != "" && f.Line > 0:
		return fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)
	case f.File != "":
		return f.File
	case f.Commit != "":
		return "commit " + f.Commit[:min(len(f.Commit), 12)]
	case f.Ref != "":
		return "branch " + f.Ref
	}
	return "-"
}

// Sort orders findings by file, then most important first (errors before
// warnings), then by line, column and rule, so output is stable.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(rank(a.Severity), rank(b.Severity)),
			cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.Rule, b.Rule))
	})
}

func rank(s Severity) int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	}
	return 2
}

// Count returns the number of errors and warnings; suppressed findings
// are neither (see CountSuppressed).
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Suppressed {
			continue
		}
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return errors, warnings
}

// CountSuppressed returns the number of suppressed findings.
func CountSuppressed(fs []Finding) int {
	n := 0
	for _, f := range fs {
		if f.Suppressed {
			n++
		}
	}
	return n
}

// Unsuppressed returns the findings that are not suppressed: fs itself
// when none is.
func Unsuppressed(fs []Finding) []Finding {
	if CountSuppressed(fs) == 0 {
		return fs
	}
	out := make([]Finding, 0, len(fs))
	for _, f := range fs {
		if !f.Suppressed {
			out = append(out, f)
		}
	}
	return out
}
