package prfaq

// Spec tells the parser which headings name which sections and which table
// headers name which metric fields. It is data built from configuration
// (config.Config.Spec), so the parser itself never reads a file.
type Spec struct {
	// Sections in document order. Names and aliases are matched
	// case-insensitively after trimming whitespace and a trailing colon.
	Sections []SectionSpec
	// Columns maps a metric field to the header names that mean it.
	Columns map[Field][]string
}

// SectionKind says how a section's body is read.
type SectionKind string

const (
	KindProse   SectionKind = "prose"   // a press-release section: counted words
	KindFAQ     SectionKind = "faq"     // questions and answers
	KindMetrics SectionKind = "metrics" // the success-metrics table
)

// SectionSpec describes one expected section.
type SectionSpec struct {
	Name    string
	Aliases []string
	Kind    SectionKind
	// Part is the component of a PRFAQ the section holds, which the
	// reader can also find without the heading (a bold run-in label, a
	// paragraph of a narrative press release); "" for a section that is
	// found by its heading only.
	Part     Part
	Required bool // false: recommended (a warning when missing)
	MinWords int
}

// Part names a component of a PRFAQ, whatever heading (if any) its author
// gave it.
type Part string

const (
	PartSubheading     Part = "subheading"
	PartSummary        Part = "summary"
	PartProblem        Part = "problem"
	PartSolution       Part = "solution"
	PartLeaderQuote    Part = "leader-quote"
	PartCustomerQuote  Part = "customer-quote"
	PartGettingStarted Part = "getting-started"
	PartCallToAction   Part = "call-to-action"
	PartExternalFAQ    Part = "external-faq"
	PartInternalFAQ    Part = "internal-faq"
	PartMetrics        Part = "success-metrics"
)

// Parts lists every part, in the order a PRFAQ holds them.
func Parts() []Part {
	return []Part{PartSubheading, PartSummary, PartProblem, PartSolution, PartLeaderQuote, PartGettingStarted,
		PartCustomerQuote, PartCallToAction, PartExternalFAQ, PartInternalFAQ, PartMetrics}
}

// Kind is the kind of section that holds the part.
func (p Part) Kind() SectionKind {
	switch p {
	case PartExternalFAQ, PartInternalFAQ:
		return KindFAQ
	case PartMetrics:
		return KindMetrics
	}
	return KindProse
}

// PartOf is the part a section name means ("Customer Testimonials" is the
// customer quote, "Häufige Fragen" the FAQ), or "" when the name means
// none: how a configuration that lists its own sections without a part
// key still gets them read in every shape.
func PartOf(name string) Part {
	c := classifyHeading(name)
	switch {
	case c.faq == faqInternal:
		return PartInternalFAQ
	case c.faq != faqNone:
		return PartExternalFAQ
	case len(c.parts) > 0:
		return c.parts[0]
	}
	return ""
}

// Field names a column of the success-metrics table.
type Field string

const (
	FieldMetric   Field = "metric"
	FieldBaseline Field = "baseline"
	FieldTarget   Field = "target"
	FieldBy       Field = "by"
	FieldSource   Field = "source"
	FieldActual   Field = "actual"
)

// Fields lists the known metric fields in table order.
var Fields = []Field{FieldMetric, FieldBaseline, FieldTarget, FieldBy, FieldSource, FieldActual}
