// Package report writes everything the command line prints about
// documents, in every format it offers: the findings of check (text, JSON,
// GitHub annotations, SARIF, Markdown), the metric changes of diff and log
// (changes.go) and the rows of list (list.go). Each format is a function
// of what it is given, so golden tests need no repository; document text
// in text output passes through Escape, so it cannot drive a terminal.
package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/rule"
)

// Summary counts what a check looked at and found.
type Summary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	// Unreadable counts the documents that could not be read or parsed
	// (not text, over documents.max_bytes, front matter too deep): they
	// were not checked, so they fail the check as errors do.
	Unreadable int `json:"unreadable"`
	// Suppressed counts the findings a prfaq-ignore comment covers: they
	// are listed (with "suppressed": true) but neither errors nor
	// warnings, and never fail the check.
	Suppressed int `json:"suppressed"`
	// Baselined counts the findings the baseline of known findings holds
	// (check --baseline, baseline.file): not listed, never failing.
	Baselined int `json:"baselined"`
	// Stale counts the findings the baseline records in the documents
	// checked that were not found any more: fixed, so the baseline can
	// shrink.
	Stale int `json:"stale"`
	// BaselineFile names the baseline, for the hint to rewrite it when
	// entries are stale ("" when there is none).
	BaselineFile string `json:"-"`
}

// Failed reports whether the check failed: an error, or a document it
// could not read.
func (s Summary) Failed() bool { return s.Errors > 0 || s.Unreadable > 0 }

// Unreadable is a document that could not be read or parsed, and why;
// Message names the file and the fix, as the line on stderr does.
type Unreadable struct {
	File    string `json:"file"`
	Message string `json:"message"`
}

// Summarize counts findings over files checked.
func Summarize(files int, fs []rule.Finding) Summary {
	e, w := rule.Count(fs)
	return Summary{Files: files, Errors: e, Warnings: w, Suppressed: rule.CountSuppressed(fs)}
}

// JSON writes the check report as the README ("Formats") defines it.
func JSON(w io.Writer, fs []rule.Finding, s Summary) error {
	return JSONRun(w, Run{Findings: fs, Summary: s})
}

// Style says how text output may decorate itself.
type Style struct {
	Color bool
}

func (s Style) paint(code, text string) string {
	if !s.Color {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

func (s Style) severity(sev rule.Severity) string {
	switch sev {
	case rule.Error:
		return s.paint("31;1", "error")
	case rule.Warning:
		return s.paint("33", "warning")
	}
	return string(sev)
}

// Text writes one line per finding, file:line:col first so editors and
// terminals can jump to it, then a summary line. Suppressed findings are
// only counted there: their reasons are in the documents, and JSON and
// SARIF list them.
func Text(w io.Writer, fs []rule.Finding, sum Summary, st Style) error {
	// Buffered, and each line appended to one slice: check --all at 10,000
	// PRFAQs prints 25,000 lines, which were as many writes to an
	// unbuffered stdout and three fmt calls each (docs/performance.md).
	bw := bufio.NewWriterSize(w, 64<<10)
	var line []byte
	for i := range fs {
		f := &fs[i]
		if f.Suppressed {
			continue
		}
		line = appendFinding(line[:0], f, st)
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	if _, err := bw.WriteString(summaryLine(sum, st) + "\n"); err != nil {
		return err
	}
	return bw.Flush()
}

// appendFinding is a finding's text line, "location: severity: message
// [rule]", and its suggestion indented under it.
func appendFinding(b []byte, f *rule.Finding, st Style) []byte {
	if f.File != "" && f.Line > 0 {
		// Location's "file:line:col", without formatting it twice.
		b = appendOneLine(b, f.File)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(f.Line), 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(f.Column), 10)
	} else {
		b = appendOneLine(b, f.Location())
	}
	b = append(b, ": "...)
	b = append(b, st.severity(f.Severity)...)
	b = append(b, ": "...)
	b = appendOneLine(b, f.Message)
	b = append(b, " ["...)
	b = append(b, f.Rule...)
	b = append(b, "]\n"...)
	return append(b, indented(f.Suggestion)...)
}

func summaryLine(s Summary, st Style) string {
	verdict := st.paint("32", "ok")
	if s.Failed() {
		verdict = st.paint("31;1", "FAIL")
	}
	return fmt.Sprintf("%s: %s checked, %s", verdict, plural(s.Files, "PRFAQ"), counts(s))
}

// counts is "N errors, N warnings", then ", N unreadable" when a document
// could not be read and ", N suppressed" when a prfaq-ignore comment
// covered findings, then ", N in the baseline" and how many of its
// findings are stale when a baseline was read.
func counts(s Summary) string {
	c := plural(s.Errors, "error") + ", " + plural(s.Warnings, "warning")
	if s.Unreadable > 0 {
		c += fmt.Sprintf(", %d unreadable", s.Unreadable)
	}
	if s.Suppressed > 0 {
		c += fmt.Sprintf(", %d suppressed", s.Suppressed)
	}
	if s.Baselined > 0 || s.Stale > 0 {
		c += fmt.Sprintf(", %d in the baseline", s.Baselined)
	}
	if s.Stale > 0 {
		file := s.BaselineFile
		if file == "" {
			file = "FILE"
		}
		c += fmt.Sprintf(" (%d stale: git prfaq check --all --write-baseline %s to shrink it)", s.Stale, file)
	}
	return c
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// indented is a suggestion under its finding, each line indented by four
// spaces: a reader of findings line by line skips lines that start with a
// space.
func indented(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		b.WriteString("    " + oneLine(l) + "\n")
	}
	return b.String()
}

// oneLine keeps a message from breaking the one-finding-per-line shape
// (document text quoted in a message may hold newlines) and shows the
// other control characters escaped, as the other text reports do.
func oneLine(s string) string {
	if plainASCII(s) {
		return s
	}
	return Escape(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s))
}

// appendOneLine appends oneLine(s) to b, without a copy of s when it is
// printable ASCII, as almost all messages are.
func appendOneLine(b []byte, s string) []byte {
	if plainASCII(s) {
		return append(b, s...)
	}
	return append(b, oneLine(s)...)
}

// plainASCII reports whether s is printable ASCII or tab: neither
// oneLine nor Escape would change it.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\t') || c >= 0x7f {
			return false
		}
	}
	return true
}

// JSONWithChanges is JSON with the metric changes a range found, under
// "changes" (the diff/log shape), when there are any.
func JSONWithChanges(w io.Writer, fs []rule.Finding, s Summary, changes []change.Change) error {
	return JSONRun(w, Run{Findings: fs, Summary: s, Changes: changes})
}

// JSONRun writes a run as JSON: the findings, the summary, the documents
// that could not be read (under "unreadable", when there are any) and a
// range's metric changes (under "changes", when there are any).
func JSONRun(w io.Writer, r Run) error {
	fs := r.Findings
	if fs == nil {
		fs = []rule.Finding{} // a list, never null, for scripts
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Findings   []rule.Finding  `json:"findings"`
		Summary    Summary         `json:"summary"`
		Unreadable []Unreadable    `json:"unreadable,omitempty"`
		Changes    []change.Change `json:"changes,omitempty"`
	}{fs, r.Summary, r.Unreadable, r.Changes})
}

// ackReason is a weakening's acknowledgement, naming the later commit
// that gave it (Change.AcknowledgedBy).
func ackReason(c change.Change) string {
	if c.AcknowledgedBy != "" {
		return c.Acknowledged + " (in " + shortID(c.AcknowledgedBy) + ")"
	}
	return c.Acknowledged
}

// Acknowledged lists the weakenings a range acknowledged, with the reason
// the trailer gave: they pass, and a reviewer should still see them.
func Acknowledged(w io.Writer, changes []change.Change) error {
	for _, c := range changes {
		if c.Effect != change.Weakened || c.Acknowledged == "" {
			continue
		}
		if _, err := fmt.Fprintf(w, "acknowledged: %s: metric \"%s\": %s: %s\n", textLine(c.File), textLine(c.Metric), textLine(c.Summary()), textLine(ackReason(c))); err != nil {
			return err
		}
	}
	return nil
}
