package report

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/rule"
)

// GitHub writes one GitHub Actions workflow command per finding
// (::error or ::warning, with the file, line, column and a title), a
// ::notice for each acknowledged weakening, and a summary line. Every
// value is escaped as the Actions toolkit escapes it, so no file name or
// document text can end the command early or start another one.
func GitHub(w io.Writer, r Run) error {
	for _, u := range r.Unreadable {
		if _, err := io.WriteString(w, unreadableCommand(u)); err != nil {
			return err
		}
	}
	for _, f := range rule.Unsuppressed(r.Findings) {
		if _, err := io.WriteString(w, findingCommand(f)); err != nil {
			return err
		}
	}
	for _, c := range r.Changes {
		if c.Effect == change.Weakened && c.Acknowledged != "" {
			if _, err := io.WriteString(w, acknowledgedCommand(c)); err != nil {
				return err
			}
		}
	}
	_, err := fmt.Fprintf(w, "git-prfaq %s\n", summaryLine(r.Summary, Style{}))
	return err
}

// findingCommand is one finding as a workflow command line.
func findingCommand(f rule.Finding) string {
	cmd := "error"
	if f.Severity == rule.Warning {
		cmd = "warning"
	}
	var props [][2]string
	if f.File != "" {
		props = append(props, [2]string{"file", f.File})
		// A directory has no line; 0 would make GitHub point at nothing.
		if f.Line > 0 {
			props = append(props, [2]string{"line", strconv.Itoa(f.Line)})
			if f.Column > 0 {
				props = append(props, [2]string{"col", strconv.Itoa(f.Column)})
			}
		}
	}
	props = append(props, [2]string{"title", "prfaq: " + f.Rule})
	msg := f.Message
	if f.File == "" {
		// Without a file the annotation shows no place: name the commit or
		// branch in the message, as text output does.
		if at := where(f); at != "" {
			msg = at + ": " + msg
		}
	}
	if f.Suggestion != "" {
		msg += "\n\n" + f.Suggestion // escaped: an annotation holds several lines
	}
	return workflowCommand(cmd, props, msg)
}

// unreadableCommand is an error annotation on a document that could not
// be read: it was not checked, so it fails the step as a finding does.
func unreadableCommand(u Unreadable) string {
	return workflowCommand("error", [][2]string{{"file", u.File}, {"title", "prfaq: unreadable"}}, u.Message)
}

// acknowledgedCommand is a notice for a weakening a trailer (or label)
// acknowledged: it passes, and a reviewer should still see it on the diff.
func acknowledgedCommand(c change.Change) string {
	props := [][2]string{{"file", c.File}}
	if c.Line > 0 {
		props = append(props, [2]string{"line", strconv.Itoa(c.Line)})
	}
	props = append(props, [2]string{"title", "prfaq: " + rule.MetricWeakened + " (acknowledged)"})
	msg := fmt.Sprintf("metric %q: %s: acknowledged: %s", c.Metric, c.Summary(), ackReason(c))
	return workflowCommand("notice", props, msg)
}

// workflowCommand formats ::cmd k=v,k=v::message as @actions/core's
// Command.toString does: properties in order, each value escaped as a
// property, the message as data.
func workflowCommand(cmd string, props [][2]string, msg string) string {
	var b strings.Builder
	b.WriteString("::")
	b.WriteString(cmd)
	for i, p := range props {
		if i == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(p[0])
		b.WriteByte('=')
		b.WriteString(escapeProperty(p[1]))
	}
	b.WriteString("::")
	b.WriteString(escapeData(msg))
	b.WriteByte('\n')
	return b.String()
}

// escapeData is @actions/core's escapeData: the runner decodes exactly
// these three, so '%' must go first or a literal "%0A" in a document
// would come out as a newline.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty is @actions/core's escapeProperty: ':' would end the
// properties and ',' would start the next one.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// AppendStepSummary appends the Markdown report to the file GitHub names
// in $GITHUB_STEP_SUMMARY: annotations show only the first ten errors of a
// step, the job summary shows them all.
func AppendStepSummary(path string, r Run, l Links) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("write the job summary: %w", err)
	}
	if err := Markdown(f, r, l); err != nil {
		f.Close()
		return fmt.Errorf("write the job summary %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write the job summary %s: %w", path, err)
	}
	return nil
}

// WorkflowCommand is one GitHub Actions workflow command line, e.g.
// WorkflowCommand("warning", "git-prfaq", msg): the title escaped as a
// property, the message as data, so neither can end the command or start
// another one.
func WorkflowCommand(cmd, title, msg string) string {
	return workflowCommand(cmd, [][2]string{{"title", title}}, msg)
}

// Annotation is one workflow command the github format writes for a
// finding or an acknowledged weakening, with what a caller needs to order
// and cap them (GitHub shows 10 of each level per step).
type Annotation struct {
	Level    string // error, warning or notice
	File     string
	Line     int
	Weakened bool   // an unacknowledged metric-weakened or config-weakened finding
	Command  string // the escaped workflow command line, ending in "\n"
}

// Annotations are the workflow commands GitHub writes for r's findings
// (unsuppressed) and acknowledged weakenings, in the github format's
// order; unreadable documents are not among them.
func Annotations(r Run) []Annotation {
	var as []Annotation
	for _, f := range rule.Unsuppressed(r.Findings) {
		level := "error"
		if f.Severity == rule.Warning {
			level = "warning"
		}
		as = append(as, Annotation{Level: level, File: f.File, Line: f.Line,
			Weakened: f.Rule == rule.MetricWeakened || f.Rule == rule.ConfigWeakened, Command: findingCommand(f)})
	}
	for _, c := range r.Changes {
		if c.Effect == change.Weakened && c.Acknowledged != "" {
			as = append(as, Annotation{Level: "notice", File: c.File, Line: c.Line, Command: acknowledgedCommand(c)})
		}
	}
	return as
}

// SummaryLine is the github format's last line, without "git-prfaq ".
func SummaryLine(s Summary) string { return summaryLine(s, Style{}) }

// EscapeData escapes a workflow command's message as @actions/core does.
func EscapeData(s string) string { return escapeData(s) }
