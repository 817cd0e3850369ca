package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/rule"
)

// RDJSON writes the run in reviewdog's Diagnostic Format (rdjson: one
// DiagnosticResult, proto/rdf/reviewdog.proto), which reviewdog reads with
// -f=rdjson and reports to GitHub, GitLab, Gerrit, Bitbucket and others:
//
//   - each unsuppressed finding is a diagnostic at its file, line and
//     column, ERROR or WARNING, with the rule as its code (and, when t names
//     the repository, a URL to the README's rules);
//   - each unreadable document is an ERROR at the file (code "unreadable"):
//     it was not checked;
//   - each acknowledged weakening of a range is an INFO at its row, as the
//     github format's notice: it passes, and a reviewer should still see it.
//
// A finding a prfaq-ignore comment covers is left out: rdjson has no way
// to say "suppressed" (json and sarif list them). A finding on a commit or
// a branch has no place in the tree: its diagnostic has no location and
// names the commit or branch in the message; reviewdog drops it unless
// -filter-mode=nofilter. A suggestion (the metrics table) is appended to
// the message as Markdown, not as an rdjson suggestion, which would need
// the exact range to replace.
//
// Columns count characters, as everywhere in git-prfaq; rdjson's count
// UTF-8 bytes, which differs only after non-ASCII text on the line.
// reviewdog's review reporters comment on lines.
func RDJSON(w io.Writer, r Run, t Tool) error {
	res := rdResult{
		Source:      rdSource{Name: t.Name, URL: t.InformationURI},
		Diagnostics: make([]rdDiagnostic, 0, len(r.Unreadable)+len(r.Findings)),
	}
	for _, u := range r.Unreadable {
		res.Diagnostics = append(res.Diagnostics, rdDiagnostic{
			Message:  u.Message,
			Location: &rdLocation{Path: u.File},
			Severity: "ERROR",
			Code:     &rdCode{Value: "unreadable"},
		})
	}
	rulesURL := ""
	if t.InformationURI != "" {
		rulesURL = t.InformationURI + "#rules"
	}
	for _, f := range rule.Unsuppressed(r.Findings) {
		res.Diagnostics = append(res.Diagnostics, rdDiagnosticOf(f, rulesURL))
	}
	for _, c := range r.Changes {
		if c.Effect == change.Weakened && c.Acknowledged != "" {
			res.Diagnostics = append(res.Diagnostics, rdAcknowledged(c, rulesURL))
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(res)
}

// rdDiagnosticOf is one finding as a diagnostic.
func rdDiagnosticOf(f rule.Finding, rulesURL string) rdDiagnostic {
	d := rdDiagnostic{
		Message:  f.Message,
		Severity: rdSeverity(f.Severity),
		Code:     &rdCode{Value: f.Rule, URL: rulesURL},
	}
	if f.File != "" {
		d.Location = &rdLocation{Path: f.File}
		// A directory has no line: a location without a range is the file.
		if f.Line > 0 {
			d.Location.Range = &rdRange{Start: rdPosition{Line: f.Line, Column: max(f.Column, 0)}}
		}
	} else if at := where(f); at != "" {
		d.Message = at + ": " + d.Message
	}
	if f.Suggestion != "" {
		d.Message += "\n\n" + f.Suggestion
	}
	return d
}

// rdAcknowledged is a weakening a trailer (or label) acknowledged, as
// information at its row.
func rdAcknowledged(c change.Change, rulesURL string) rdDiagnostic {
	d := rdDiagnostic{
		Message:  fmt.Sprintf("metric %q: %s: acknowledged: %s", c.Metric, c.Summary(), ackReason(c)),
		Location: &rdLocation{Path: c.File},
		Severity: "INFO",
		Code:     &rdCode{Value: rule.MetricWeakened, URL: rulesURL},
	}
	if c.Line > 0 {
		d.Location.Range = &rdRange{Start: rdPosition{Line: c.Line}}
	}
	return d
}

// rdSeverity maps a severity to rdjson's: a warning is WARNING, anything
// else that reaches a report is an ERROR.
func rdSeverity(s rule.Severity) string {
	if s == rule.Warning {
		return "WARNING"
	}
	return "ERROR"
}

// The rdjson messages git-prfaq writes: only the fields it fills, under
// their proto JSON names.

type rdResult struct {
	Source      rdSource       `json:"source"`
	Diagnostics []rdDiagnostic `json:"diagnostics"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdDiagnostic struct {
	Message  string      `json:"message"`
	Location *rdLocation `json:"location,omitempty"`
	Severity string      `json:"severity"`
	Code     *rdCode     `json:"code,omitempty"`
}

type rdLocation struct {
	Path  string   `json:"path"`
	Range *rdRange `json:"range,omitempty"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
}

// rdPosition is 1-based; a column of 0 is left out (the whole line).
type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}
