package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/rule"
)

// Links says where the Markdown report's links point.
type Links struct {
	// Blob prefixes file links, e.g. https://github.com/o/r/blob/<sha>/;
	// "" gives links relative to the repository root, which work in a file
	// committed there.
	Blob string
	// Commit prefixes commit links, e.g. https://github.com/o/r/commit/;
	// "" shows commit ids without links.
	Commit string
}

// LinksFromEnv builds absolute GitHub links from the variables a workflow
// run sets (GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA), and relative
// links when any is missing or does not look like what GitHub sets.
func LinksFromEnv(getenv func(string) string) Links {
	server := strings.TrimSuffix(getenv("GITHUB_SERVER_URL"), "/")
	repo, sha := getenv("GITHUB_REPOSITORY"), getenv("GITHUB_SHA")
	if server == "" || repo == "" || sha == "" || !safeURL(server+repo+sha) {
		return Links{}
	}
	base := server + "/" + repo
	return Links{Blob: base + "/blob/" + sha + "/", Commit: base + "/commit/"}
}

// safeURL refuses what would end a Markdown link destination early.
func safeURL(s string) bool {
	return !strings.ContainsAny(s, " \t\r\n()<>\"'`\\")
}

// Markdown writes a report for a pull-request comment or a job summary: a
// verdict, the findings grouped by file with links to their lines, and for
// a range its metric changes and a chart of each target that changed.
// Document text is escaped so that it cannot break a table, start a link
// or smuggle in HTML.
func Markdown(w io.Writer, r Run, l Links) error {
	m := &mdWriter{links: l}
	m.verdict(r.Summary)
	m.unreadable(r.Unreadable)
	m.findings(rule.Unsuppressed(r.Findings))
	m.changes(r.Changes)
	m.charts(r.Charts)
	m.standing(r.Standing)
	_, err := io.WriteString(w, m.b.String())
	return err
}

// standing writes "Where the metrics stand": per metric with a current
// value, its baseline → target, the value now, and the way still to go.
func (m *mdWriter) standing(ss []Standing) {
	if len(ss) == 0 {
		return
	}
	m.line("")
	m.line("### Where the metrics stand")
	m.line("")
	m.line("| PRFAQ | metric | baseline → target | now | progress |")
	m.line("|---|---|---|---|---|")
	for _, s := range ss {
		m.line("| %s | %s | %s → %s | %s | %s |", m.fileLink(s.File, 0, s.File), cell(s.Metric), cell(s.Baseline),
			cell(s.Target), cell(s.Current), cell(ProgressWords(s.Progress)))
	}
}

type mdWriter struct {
	b     strings.Builder
	links Links
}

func (m *mdWriter) line(format string, args ...any) {
	fmt.Fprintf(&m.b, format, args...)
	m.b.WriteByte('\n')
}

func (m *mdWriter) verdict(s Summary) {
	m.line("## git-prfaq")
	m.line("")
	icon, word := "✅", "Passed"
	if s.Failed() {
		icon, word = "❌", "Failed"
	}
	m.line("%s **%s**: %s checked, %s.", icon, word, plural(s.Files, "PRFAQ"), counts(s))
}

// unreadable lists the documents that could not be read, and why: they
// were not checked, and fail the report.
func (m *mdWriter) unreadable(us []Unreadable) {
	if len(us) == 0 {
		return
	}
	m.line("")
	m.line("### Unreadable")
	m.line("")
	m.line("| file | why |")
	m.line("|---|---|")
	for _, u := range us {
		m.line("| %s | %s |", m.fileLink(u.File, 0, u.File), cell(u.Message))
	}
}

// findings writes one table per file (or commit, or branch), in the order
// the findings come, which rule.Sort makes file order.
func (m *mdWriter) findings(fs []rule.Finding) {
	var order []string
	groups := map[string][]rule.Finding{}
	for _, f := range fs {
		k := where(f)
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], f)
	}
	for _, k := range order {
		g := groups[k]
		m.line("")
		if g[0].File != "" {
			m.line("### %s", m.fileLink(g[0].File, 0, g[0].File))
		} else {
			m.line("### %s", cell(k))
		}
		m.line("")
		m.line("| | line | rule | message |")
		m.line("|---|---:|---|---|")
		for _, f := range g {
			m.line("| %s | %s | `%s` | %s |", severityCell(f.Severity), m.lineCell(f), f.Rule, cell(f.Message))
		}
		m.suggestions(g)
	}
}

// suggestions writes, under a file's table, each finding's suggested text
// in a fenced block the reader can copy.
func (m *mdWriter) suggestions(fs []rule.Finding) {
	for _, f := range fs {
		if f.Suggestion == "" {
			continue
		}
		m.line("")
		m.line("Suggested for line %d (%s):", f.Line, f.Rule)
		m.line("")
		fence := "```"
		for strings.Contains(f.Suggestion, fence) {
			fence += "`"
		}
		m.line("%stext", fence)
		for _, l := range strings.Split(f.Suggestion, "\n") {
			m.line("%s", strings.Map(func(r rune) rune {
				if r == '\r' || r == '\x1b' {
					return ' '
				}
				return r
			}, l))
		}
		m.line("%s", fence)
	}
}

func severityCell(s rule.Severity) string {
	if s == rule.Warning {
		return "⚠️ warning"
	}
	return "❌ error"
}

func (m *mdWriter) lineCell(f rule.Finding) string {
	if f.File == "" || f.Line <= 0 {
		return "—"
	}
	return m.fileLink(f.File, f.Line, strconv.Itoa(f.Line))
}

// fileLink links text to path, at a line when line > 0.
func (m *mdWriter) fileLink(path string, line int, text string) string {
	dest := m.links.Blob + uriPath(path)
	if line > 0 {
		dest += "#L" + strconv.Itoa(line)
	}
	return "[" + cell(text) + "](" + dest + ")"
}

func (m *mdWriter) commitCell(id string) string {
	if id == "" {
		return "—"
	}
	if !isHex(id) {
		return cell(id) // not a commit id: show it as text, safely
	}
	if m.links.Commit == "" {
		return "`" + shortID(id) + "`"
	}
	return "[`" + shortID(id) + "`](" + m.links.Commit + id + ")"
}

func isHex(s string) bool {
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return s != ""
}

// changes is the metric-changes table of a range.
func (m *mdWriter) changes(cs []change.Change) {
	if len(cs) == 0 {
		return
	}
	m.line("")
	m.line("### Metric changes")
	m.line("")
	m.line("| PRFAQ | metric | field | from → to | effect | commit | acknowledgement |")
	m.line("|---|---|---|---|---|---|---|")
	for _, c := range cs {
		m.line("| %s | %s | %s | %s | %s | %s | %s |", m.fileLink(c.File, c.Line, c.File), cell(c.Metric),
			cell(c.Field), fromTo(c), effectCell(c.Effect), m.commitCell(c.Commit), ackCell(c))
	}
}

func fromTo(c change.Change) string {
	if c.Field == change.FieldMetric {
		if c.To == "" {
			return "removed"
		}
		return "added"
	}
	return cell(shown(c.From)) + " → " + cell(shown(c.To))
}

func effectCell(e change.Effect) string {
	switch e {
	case change.Weakened:
		return "🔻 weakened"
	case change.Improved:
		return "🔺 improved"
	}
	return string(e)
}

// ackCell says what the merge gate makes of a weakening, as ackStatus
// does for text: the reason it was acknowledged with (and the later commit
// that gave it), that it is not acknowledged where the gate counts it, or
// nothing more when metric-weakened is off; other changes need nothing.
func ackCell(c change.Change) string {
	switch {
	case c.Effect != change.Weakened:
		return "—"
	case c.Acknowledged != "" && c.AcknowledgedBy != "":
		return "✅ " + cell(c.Acknowledged) + " (" + shortID(c.AcknowledgedBy) + ")"
	case c.Acknowledged != "":
		return "✅ " + cell(c.Acknowledged)
	case c.Severity == rule.Error:
		return "**not acknowledged**"
	case c.Severity == rule.Warning:
		return "not acknowledged (a warning)"
	}
	return "—"
}

// shown quotes only an empty cell, which would otherwise vanish.
func shown(s string) string {
	if s == "" {
		return `""`
	}
	return s
}

// cell makes document text safe inside a table cell or a heading: one
// line, and every character that could start inline Markdown escaped: '|'
// (GFM splits rows before it reads anything else), '[' and ']' (links and
// images), '<' and '&' (no HTML tag, autolink or entity survives), '$'
// (GitHub's math), emphasis, code and strikethrough. Characters that only
// mean something at the start of a line ('-', '+', '#', '>' aside) cannot
// be there, so they stay readable.
func cell(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f:
			// other control characters: nothing a reader needs to see
		case strings.ContainsRune("\\`*_[]<>|~&$#", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// charts writes, for each target that changed in the range, its values in
// words (for readers whose viewer draws no Mermaid) and a Mermaid
// xychart-beta line chart, which GitHub renders as a picture.
func (m *mdWriter) charts(cs []Chart) {
	if len(cs) == 0 {
		return
	}
	m.line("")
	m.line("### Targets over the range")
	for _, c := range cs {
		m.line("")
		steps := make([]string, len(c.Points))
		for i, p := range c.Points {
			steps[i] = cell(p.Text) + " (" + m.commitCell(p.Commit) + ")"
		}
		m.line("**%s** in %s: %s", cell(c.Metric), m.fileLink(c.File, 0, c.File), strings.Join(steps, " → "))
		m.line("")
		m.mermaid(c)
	}
}

func (m *mdWriter) mermaid(c Chart) {
	labels := make([]string, len(c.Points))
	values := make([]string, len(c.Points))
	lo, hi := axisRange(c.Points)
	for i, p := range c.Points {
		labels[i] = `"` + shortID(mermaidText(p.Commit)) + `"`
		values[i] = number(p.Value)
	}
	unit := c.Unit
	if unit == "" {
		unit = "target"
	}
	m.line("```mermaid")
	// Mermaid's default palette draws the line in a pale lavender that
	// is hard to see on white; GitHub honours this directive.
	m.line(`%%%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#0969da"}}}}%%%%`)
	m.line("xychart-beta")
	m.line(`    title "%s: target"`, mermaidText(c.Metric))
	m.line(`    x-axis "commit" [%s]`, strings.Join(labels, ", "))
	m.line(`    y-axis "%s" %s --> %s`, mermaidText(unit), number(lo), number(hi))
	m.line("    line [%s]", strings.Join(values, ", "))
	m.line("```")
}

// axisRange starts the y axis at zero (or below, for negative values) so
// that the line's slope is not exaggerated, and leaves a tenth of
// headroom above the highest value.
func axisRange(ps []Point) (lo, hi float64) {
	for i, p := range ps {
		if i == 0 || p.Value < lo {
			lo = p.Value
		}
		if i == 0 || p.Value > hi {
			hi = p.Value
		}
	}
	lo = min(lo, 0)
	hi = max(hi, 0)
	if span := hi - lo; span > 0 {
		hi += span / 10
	} else {
		hi = 1
	}
	return lo, roundSignificant(hi)
}

// number writes a value as Mermaid reads it: plain decimal, no exponent,
// rounded to four significant digits (a chart shows no more).
func number(v float64) string {
	return strconv.FormatFloat(roundSignificant(v), 'f', -1, 64)
}

func roundSignificant(v float64) float64 {
	f, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 4, 64), 64)
	if err != nil {
		return v
	}
	return f
}

// mermaidText keeps text inside a Mermaid double-quoted string: Mermaid
// has no escape for '"', a line break would end the statement, and "%%"
// would start a comment or an init directive (Mermaid finds those
// anywhere in the text).
func mermaidText(s string) string {
	s = strings.ReplaceAll(s, "%%", "% ")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '"':
			return '\''
		case r < 0x20 || r == 0x7f || r == '`':
			return ' '
		}
		return r
	}, s)
}
