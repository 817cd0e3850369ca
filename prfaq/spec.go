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
	Name     string
	Aliases  []string
	Kind     SectionKind
	Required bool // false: recommended (a warning when missing)
	MinWords int
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
