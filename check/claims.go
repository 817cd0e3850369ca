package check

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/prfaq/git-prfaq/internal/quantity"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// maxClaimQuote bounds, in characters, how much of a claim a message
// quotes: the claim is the document's text, which may be anything.
const maxClaimQuote = 120

// maxRegionBytes bounds how much of the headline, subheading or summary
// is read for claims: a summary is a paragraph (the real ones are under
// 2 KB), and reading is linear but not free.
const maxRegionBytes = 16 << 10

// maxClaims bounds the claim-unbacked findings of one document; one more
// finding counts the rest (as the placeholder rule does).
const maxClaims = 50

// claimRegion is a part of the press release whose claims are read: the
// headline, the subheading or the summary, as lines of the document.
type claimRegion struct {
	part       string // "headline", "subheading", "summary"
	first, end int    // lines first..end, 1-based, inclusive
}

// backing is a metric row as claims are matched against it.
type backing struct {
	baseline, target quantity.Quantity
	absent           bool
}

// claims reports each quantity the headline, subheading or summary claims
// that no row of the success metrics backs (claim-unbacked). A document
// without a metrics table with rows is left to metrics-missing: the fix
// is the table, and its rows are then what claims are read against.
func (c *checker) claims() {
	if c.cfg.SeverityOf(rule.ClaimUnbacked) == rule.Off {
		return
	}
	s := c.metricsSection()
	if s == nil || s.Metrics == nil || len(s.Metrics.Metrics) == 0 {
		return
	}
	var rows []backing // read at the first claim: most documents make none
	seen := map[int]bool{}
	said := map[string]bool{} // a claim the summary repeats from the headline is reported once
	n := 0
	var rest prfaq.Pos // where the claims past maxClaims start
	for _, r := range c.claimRegions() {
		text, starts := c.regionText(r, seen)
		for _, cl := range quantity.Claims(text) {
			if rows == nil {
				rows = c.backings(s.Metrics)
			}
			if backed(cl, rows) || said[claimKey(cl)] {
				continue
			}
			said[claimKey(cl)] = true
			pos := positionIn(text, starts, cl.Start)
			if n++; n > maxClaims {
				if n == maxClaims+1 {
					rest = pos
				}
				continue
			}
			c.reportClaim(r, cl, pos, s.Metrics)
		}
	}
	if n > maxClaims {
		c.report(rule.ClaimUnbacked, rest, "%d more claims from here on have no success metric behind them: back each with a metric row", n-maxClaims)
	}
}

// backings reads each metric row's Baseline and Target as quantities; a
// row with neither readable backs nothing.
func (c *checker) backings(t *prfaq.MetricsTable) []backing {
	out := []backing{}
	for _, m := range t.Metrics {
		a := c.assess(m)
		if a.Target.Kind == 0 {
			continue
		}
		absent := a.BaselineAbsent || a.Baseline.Kind == 0
		out = append(out, backing{baseline: a.Baseline, target: a.Target, absent: absent})
	}
	return out
}

// claimKey identifies a claim by what it claims, not its words: "lower
// processing costs for pharmacies by 60%" in the headline and "lower
// processing costs by 60%" in the summary are one claim.
func claimKey(cl quantity.Claim) string {
	return fmt.Sprint(cl.Kind, cl.Dir, cl.Amount.Kind, cl.Amount.Unit, cl.Amount.Value, cl.Factor,
		cl.From.Kind, cl.From.Unit, cl.From.Value, cl.To.Kind, cl.To.Unit, cl.To.Value)
}

func backed(cl quantity.Claim, rows []backing) bool {
	for _, r := range rows {
		if cl.BackedBy(r.baseline, r.target, r.absent) {
			return true
		}
	}
	return false
}

// claimRegions are the lines of the headline, the subheading and the
// summary, wherever the reader found them.
func (c *checker) claimRegions() []claimRegion {
	var out []claimRegion
	if h := c.doc.Headline; h != nil {
		out = append(out, claimRegion{part: "headline", first: h.Pos.Line, end: h.Pos.Line})
	}
	if h := c.doc.Subheading; h != nil {
		out = append(out, claimRegion{part: "subheading", first: h.Pos.Line, end: h.Pos.Line})
	}
	for i := range c.spec.Sections {
		spec := &c.spec.Sections[i]
		if spec.Part != prfaq.PartSummary && spec.Part != prfaq.PartSubheading {
			continue
		}
		f := c.doc.Parts[spec.Name]
		if f.Presence != prfaq.Present {
			continue
		}
		part := string(spec.Part)
		switch {
		case f.Section != nil:
			first := f.Section.Heading.Pos.Line + 1
			if f.Section.Heading.Pseudo {
				first-- // a run-in label: its text follows on the line
			}
			out = append(out, claimRegion{part: part, first: first, end: f.Section.EndLine})
		case f.How == "prose":
			out = append(out, claimRegion{part: part, first: f.Pos.Line, end: c.paragraphEnd(f.Pos.Line)})
		}
	}
	return out
}

// paragraphEnd is the last line of the paragraph starting at line first.
func (c *checker) paragraphEnd(first int) int {
	end := first
	for n := first + 1; n <= len(c.doc.Lines); n++ {
		l := c.doc.Lines[n-1]
		t := strings.TrimSpace(l.Text)
		if t == "" || l.Code || strings.HasPrefix(t, "#") {
			break
		}
		end = n
	}
	return end
}

// regionText joins the prose of a region's lines (links, code and
// comments blanked) with line breaks, skipping lines another region read
// already, and returns the byte offset each line starts at.
func (c *checker) regionText(r claimRegion, seen map[int]bool) (string, []lineStart) {
	var b strings.Builder
	var starts []lineStart
	for n := max(r.first, 1); n <= r.end && n <= len(c.doc.Lines); n++ {
		l := c.doc.Lines[n-1]
		if b.Len() > maxRegionBytes {
			break
		}
		if seen[n] || l.Code {
			b.WriteString("\n\n") // a paragraph break: no claim spans it
			continue
		}
		seen[n] = true
		starts = append(starts, lineStart{offset: b.Len(), line: n})
		b.WriteString(prefix(l.Prose, maxRegionBytes+1-b.Len()))
		b.WriteByte('\n')
	}
	return b.String(), starts
}

// lineStart maps a region's text back to the document.
type lineStart struct {
	offset, line int
}

// positionIn is the document position of byte offset off of a region's
// text: its line, and its column in characters.
func positionIn(text string, starts []lineStart, off int) prfaq.Pos {
	pos := prfaq.Pos{Line: 1, Column: 1}
	for _, s := range starts {
		if s.offset > off {
			break
		}
		pos = prfaq.Pos{Line: s.line, Column: utf8.RuneCountInString(text[s.offset:off]) + 1}
	}
	return pos
}

// reportClaim reports an unbacked claim, quoting it, and proposes the
// metric row that would back it, in the table's own columns.
func (c *checker) reportClaim(r claimRegion, cl quantity.Claim, pos prfaq.Pos, t *prfaq.MetricsTable) {
	quote := truncate(cl.Text, maxClaimQuote)
	row := proposeRow(cl, t)
	if c.report(rule.ClaimUnbacked, pos, "the %s claims %q, but no success metric backs it (%s): add a metric row: %s", r.part, quote, wanted(cl), row) {
		f := c.last()
		f.Text, f.Suggestion = quote, row
	}
}

// wanted says what a metric would have to show to back the claim.
func wanted(cl quantity.Claim) string {
	switch cl.Kind {
	case quantity.Level:
		return fmt.Sprintf("none has the target %s", cl.To.Text)
	case quantity.FromTo:
		return fmt.Sprintf("none goes from %s to %s", cl.From.Text, cl.To.Text)
	case quantity.Factor:
		return fmt.Sprintf("none changes by a factor of %s from baseline to target", quantity.FormatNumber(cl.Factor))
	}
	if cl.Amount.Kind == quantity.Percent && cl.Amount.Unit == "" {
		return fmt.Sprintf("none changes by %s%% from baseline to target", quantity.FormatNumber(cl.Amount.Value))
	}
	return fmt.Sprintf("none changes by %s from baseline to target", cl.Amount.Text)
}

// proposeRow is the metric row to add, in the table's columns: the claim's
// subject as the metric, its numbers where it gives them, "?" for what
// only the author knows.
func proposeRow(cl quantity.Claim, t *prfaq.MetricsTable) string {
	name := cl.Subject
	if name == "" {
		name = unknownCell
	} else {
		r, size := utf8.DecodeRuneInString(name)
		name = strings.ToUpper(string(r)) + name[size:]
	}
	baseline, target := unknownCell, unknownCell
	switch cl.Kind {
	case quantity.Level:
		target = cl.To.Text
	case quantity.FromTo:
		baseline, target = cl.From.Text, cl.To.Text
	default:
		target = fmt.Sprintf("%s (%s)", unknownCell, relativeTarget(cl))
	}
	var b strings.Builder
	b.WriteString("|")
	for _, col := range t.Columns {
		v := ""
		switch col.Field {
		case prfaq.FieldMetric:
			v = name
		case prfaq.FieldBaseline:
			v = baseline
		case prfaq.FieldTarget:
			v = target
		case prfaq.FieldBy, prfaq.FieldSource:
			v = unknownCell
		}
		if v == "" {
			b.WriteString(" |") // a column the claim says nothing about
			continue
		}
		b.WriteString(" " + tableCell(truncate(v, maxClaimQuote)) + " |")
	}
	return b.String()
}

// relativeTarget says where a Change or Factor claim puts the target,
// relative to the baseline the author has to fill in.
func relativeTarget(cl quantity.Claim) string {
	var by string
	switch {
	case cl.Kind == quantity.Factor:
		by = quantity.FormatNumber(cl.Factor) + "x"
	case cl.Amount.Kind == quantity.Percent && cl.Amount.Unit == "":
		by = quantity.FormatNumber(cl.Amount.Value) + "%"
	default:
		by = cl.Amount.Text
	}
	switch {
	case cl.Dir == quantity.Up && cl.Kind == quantity.Factor:
		return "Baseline × " + quantity.FormatNumber(cl.Factor)
	case cl.Dir == quantity.Down && cl.Kind == quantity.Factor:
		return "Baseline ÷ " + quantity.FormatNumber(cl.Factor)
	case cl.Dir == quantity.Up:
		return by + " above Baseline"
	case cl.Dir == quantity.Down:
		return by + " below Baseline"
	}
	return by + " better than Baseline"
}

// prefix is s cut to at most n bytes, at a character boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:max(n, 0)]
}

// truncate cuts s to at most n characters, marking the cut with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
