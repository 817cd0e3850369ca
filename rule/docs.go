package rule

// Doc describes one rule for readers who meet it outside this repository:
// SARIF viewers show these texts beside each alert, so each says what is
// wrong and how to fix it without the README at hand.
type Doc struct {
	ID    string
	Name  string // a PascalCase identifier, as SARIF's rule "name"
	Short string // one line: what the rule reports
	Full  string // what the rule reports and why it matters
	Fix   string // what to do about a finding
	// Default is the severity the rule has when .prfaq.toml does not set
	// one; "" means Error. A rule whose findings are a judgement the
	// reader may not share (claim-unbacked) starts as a warning.
	Default Severity
}

// docs is every rule, in the README's order: the one list of rules.
var docs = []Doc{
	{
		ID:    FrontmatterInvalid,
		Name:  "FrontmatterInvalid",
		Short: "The front matter is not valid TOML.",
		Full:  "The front matter between +++ lines is not valid TOML, is never closed, uses YAML --- fences, or gives status or owner as something other than a string. Nothing else in the document can be trusted until it parses.",
		Fix:   "Write the front matter as TOML between two +++ lines, with string values: status = \"review\" and owner = \"Name <email>\".",
	},
	{
		ID:    StatusInvalid,
		Name:  "StatusInvalid",
		Short: "The status is not a lifecycle state.",
		Full:  "The front matter's status is outside the lifecycle draft → review → approved → launched (or cancelled), so the checker cannot tell how strictly to judge the document.",
		Fix:   "Set status to one of draft, review, approved, launched or cancelled.",
	},
	{
		ID:    HeadlineMissing,
		Name:  "HeadlineMissing",
		Short: "The PRFAQ has no headline.",
		Full:  "The document has no H1, or its H1 only labels a part (such as \"Press Release\"). The headline is the press release's first line: the one sentence a customer reads.",
		Fix:   "Write the headline as the document's one H1, e.g. `# Example Corp launches X to help Y do Z`.",
	},
	{
		ID:    HeadlineTooLong,
		Name:  "HeadlineTooLong",
		Short: "The headline has too many words.",
		Full:  "The headline is longer than press_release.headline_max_words (20 by default). A headline a reader cannot take in at a glance is not doing its job.",
		Fix:   "Cut the headline to one line a reader takes in at a glance; move detail to the subheading.",
	},
	{
		ID:    SectionMissing,
		Name:  "SectionMissing",
		Short: "A required or recommended section is missing.",
		Full:  "A section the configuration requires (or, as a warning, recommends, such as the two quotes) was not found by name or alias.",
		Fix:   "Add the section as a heading, e.g. `## Problem`, with at least the configured number of words.",
	},
	{
		ID:    SectionEmpty,
		Name:  "SectionEmpty",
		Short: "A section is empty or too short.",
		Full:  "A section is empty once template text is removed, has fewer words than its min_words, or is a FAQ section with no questions.",
		Fix:   "Write the section out in your own words; a FAQ section needs at least one question with its answer.",
	},
	{
		ID:    Placeholder,
		Name:  "Placeholder",
		Short: "Template text is still in the document.",
		Full:  "Template text was left in: a <Marker>, TODO, TBD, FIXME, XXX, lorem ipsum, or one of the template's own sentences (code blocks and HTML comments are not checked).",
		Fix:   "Replace the template text with your own words.",
	},
	{
		ID:    PressReleaseTooLong,
		Name:  "PressReleaseTooLong",
		Short: "The press release is too long.",
		Full:  "The press release, from the headline to the first FAQ section, is longer than press_release.max_words (800 by default).",
		Fix:   "Cut the press release to fit a printed page and a half, and move detail to the FAQ.",
	},
	{
		ID:    FAQUnanswered,
		Name:  "FaqUnanswered",
		Short: "A FAQ question has no answer.",
		Full:  "A question in a FAQ section is followed by no answer before the next question or section.",
		Fix:   "Write the answer below the question, or remove the question.",
	},
	{
		ID:    MetricsMissing,
		Name:  "MetricsMissing",
		Short: "The success metrics are missing or cannot be measured.",
		Full:  "There is no success metrics section, the metrics are a bullet list, the table has no rows, or no row is measurable. Without measurable metrics nobody can tell whether the launch worked.",
		Fix:   "Write the metrics as a table `| Metric | Baseline | Target | By | Source |` with one measurable row per metric.",
	},
	{
		ID:    MetricUnmeasurable,
		Name:  "MetricUnmeasurable",
		Short: "A success metric cannot be measured.",
		Full:  "A metric's Baseline or Target is not a quantity, the two are not of the same kind or are equal, By is not a date, Source is empty, or the table lacks one of these columns.",
		Fix:   "Give Baseline and Target as quantities in the same unit (e.g. 6 days and 1 day), By as a date (2027-06-30, 2027-Q2) and name the Source.",
	},
	{
		ID:    MetricWeakened,
		Name:  "MetricWeakened",
		Short: "Success criteria were weakened without an acknowledgement.",
		Full:  "Between the two ends of a range a metric's Target moved toward its Baseline, its By date moved later, its Source was emptied, or the metric was removed, and no commit acknowledged it.",
		Fix:   "Acknowledge the change with a `PRFAQ-Ack: <reason>` trailer on a commit in the range that touches the PRFAQ, or undo it.",
	},
	{
		ID:    MetricOverdue,
		Name:  "MetricOverdue",
		Short: "A metric's deadline passed without a result.",
		Full:  "A metric's By date has passed and the table has no Actual of the metric's kind for it.",
		Fix:   "Add an Actual column and record the result, in the same unit as the Target.",
	},
	{
		ID:      ClaimUnbacked,
		Name:    "ClaimUnbacked",
		Short:   "A claim of the press release has no success metric behind it.",
		Full:    "The headline, subheading or summary claims a change (\"50% improvement in qualified lead conversion\", \"cut month-end close from 6 days to 1\", \"2x faster\") that no row of the success metrics table measures: no row has that target, nor goes from its baseline to its target by that much. A press release whose numbers nobody will measure is a promise nobody can check.",
		Fix:     "Add the metric row the finding proposes, with the baseline, target, date and source filled in, or reword the claim to match a metric the table already has.",
		Default: Warning,
	},
	{
		ID:    InitiativeWithoutPRFAQ,
		Name:  "InitiativeWithoutPrfaq",
		Short: "A new initiative has no PRFAQ.",
		Full:  "A new directory matching initiatives.roots, a commit with an Initiative trailer, or a push from an initiative branch brings no PRFAQ with it.",
		Fix:   "Write one: `git prfaq new <directory>`, and fill it in.",
	}, {
		ID:    ConfigWeakened,
		Name:  "ConfigWeakened",
		Short: "A change loosens the merge gate's own configuration.",
		Full:  "The range changes .prfaq.toml so that the gate would let more through (a rule turned down, a section no longer required, a limit raised, a glob or placeholder pattern dropped, the acknowledgement trailer renamed), or leaves it unreadable, and no commit acknowledged it. The range is still checked with the configuration of its base; this finding makes the loosening itself visible before it takes effect.",
		Fix:   "Acknowledge it with a `PRFAQ-Ack: <reason>` trailer on the last commit in the range that changes .prfaq.toml, or undo it.",
	}, {
		ID:    SuppressionInvalid,
		Name:  "SuppressionInvalid",
		Short: "A prfaq-ignore comment is not a valid suppression.",
		Full:  "A `<!-- prfaq-ignore RULE: reason -->` (or `prfaq-ignore-file`) comment gives no reason, names no rule or a rule that does not exist, names metric-weakened or config-weakened (whose escape hatch is the acknowledgement trailer), or suppresses nothing: no finding of the rule it names is in the block it covers. A suppression without a reason hides a problem nobody can judge later, and one that suppresses nothing is left over from a problem already fixed.",
		Fix:   "Write `<!-- prfaq-ignore RULE[, RULE]: reason -->` on the line before the block (or inside a table row) with a known rule and the reason, or remove the comment.",
	},
}

// Docs returns the documentation of every rule, in the README's order. The
// slice is fresh.
func Docs() []Doc { return append([]Doc(nil), docs...) }

// IDs returns every rule identifier, in the README's order. The slice is
// fresh: callers may keep or change it.
func IDs() []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.ID
	}
	return out
}

// DefaultSeverity is the severity rule id has when the configuration sets
// none: Error, except for the rules documented with another default.
func DefaultSeverity(id string) Severity {
	for _, d := range docs {
		if d.ID == id && d.Default != "" {
			return d.Default
		}
	}
	return Error
}

// Known reports whether id names a rule.
func Known(id string) bool {
	for _, d := range docs {
		if d.ID == id {
			return true
		}
	}
	return false
}
