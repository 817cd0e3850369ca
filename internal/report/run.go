package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/rule"
)

// Formats are the --format values check accepts, the default first.
func Formats() []string { return []string{"text", "json", "github", "sarif", "markdown", "rdjson"} }

// Run is what one check found, for the formats that show more than the
// findings: the metric changes of a range and the history of the targets
// that changed in it.
type Run struct {
	Findings []rule.Finding
	// Summary counts them; Summary.Unreadable is len(Unreadable).
	Summary Summary
	// Unreadable are the documents that could not be read or parsed: each
	// format lists them and its verdict fails.
	Unreadable []Unreadable
	// Changes are a range's metric changes, net from its start to its end
	// (nil outside --range/--base).
	Changes []change.Change
	// Charts are the targets that changed in the range, commit by commit
	// (package report/trend reads them from git).
	Charts []Chart
	// Standing is where the checked documents' metrics stand between
	// baseline and target, for those with an Actual or Current value
	// (markdown's "Where the metrics stand").
	Standing []Standing
}

// Standing is one metric's progress in one document.
type Standing struct {
	File string
	check.Progress
}

// Chart is the history of one metric's target over a range's commits.
type Chart struct {
	File   string
	Metric string
	// Unit labels the y axis ("days", "%", "USD"); "" for a plain number.
	Unit   string
	Points []Point
}

// Point is one version of a target: the commit that set it and its value
// in the chart's unit.
type Point struct {
	Commit string // full id; shown abbreviated
	Value  float64
	Text   string // the cell as written, e.g. "3 days"
}

// where names a finding's place when it has no file: a commit or a branch.
func where(f rule.Finding) string {
	switch {
	case f.File != "":
		return f.File
	case f.Commit != "":
		return "commit " + shortID(f.Commit)
	case f.Ref != "":
		return "branch " + f.Ref
	}
	return ""
}

// shortID abbreviates a commit id as git's default abbreviation does
// (without asking git whether seven characters are unique: a report only
// needs something a reader recognises).
func shortID(id string) string {
	if len(id) > 7 {
		return id[:7]
	}
	return id
}

// uriPath percent-encodes a slash path as a relative URI reference: every
// byte but RFC 3986's unreserved characters and the slash. Stricter than
// url.PathEscape, which keeps '&', ':' and '@': a Markdown link or a SARIF
// viewer then cannot read a file name as a scheme, entity or query.
func uriPath(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if unreserved(c) || c == '/' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

func unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// Options are what a format needs from outside the run: the version in
// SARIF's tool, colour for text, and the environment GitHub describes the
// run in (GITHUB_STEP_SUMMARY, and the repository and commit for links).
type Options struct {
	Version string
	Style   Style
	Getenv  func(string) string
}

// Write prints run in format, one of Formats. github also appends the
// Markdown report to the job summary when GitHub names one, since
// annotations show only the first ten errors.
func Write(w io.Writer, format string, run Run, o Options) error {
	getenv := o.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	switch format {
	case "json":
		return JSONRun(w, run)
	case "sarif":
		return SARIF(w, run, DefaultTool(o.Version))
	case "markdown":
		return Markdown(w, run, LinksFromEnv(getenv))
	case "rdjson":
		return RDJSON(w, run, DefaultTool(o.Version))
	case "github":
		if err := GitHub(w, run); err != nil {
			return err
		}
		if path := getenv("GITHUB_STEP_SUMMARY"); path != "" {
			return AppendStepSummary(path, run, LinksFromEnv(getenv))
		}
		return nil
	case "text":
		if err := Text(w, run.Findings, run.Summary, o.Style); err != nil {
			return err
		}
		return Acknowledged(w, run.Changes)
	}
	return fmt.Errorf("unknown format %q: use %s", format, strings.Join(Formats(), ", "))
}
