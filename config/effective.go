package config

import (
	"fmt"

	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// Setting is one key of an effective configuration (`git prfaq config`):
// its value and the line of the file that set it.
type Setting struct {
	// Key is the dotted key as the file writes it ("documents.globs",
	// "severity.placeholder"), a section's with its index
	// ("sections[0].name").
	Key string
	// Table is the TOML table the key is in ("documents",
	// "metrics.columns"; "sections" for a [[sections]] entry) and Name the
	// key within it.
	Table, Name string
	// Index is the [[sections]] entry, counted from 0; -1 elsewhere.
	Index int
	// Value is a string, int64, bool or []string.
	Value any
	// Line is the line of the file that set the value, counted from 1; 0
	// when it is the default (or, for a section's part, inferred from its
	// name).
	Line int
}

// Source says where the value came from: "default", or file:LINE.
func (s Setting) Source(file string) string {
	if s.Line == 0 {
		return "default"
	}
	return fmt.Sprintf("%s:%d", file, s.Line)
}

// Effective lists every key of c in the template's order with its value,
// and the line of data (the .prfaq.toml c was parsed from; nil when there
// was none) that set it.
func Effective(c *Config, data []byte) []Setting {
	lines := keyLines{}
	if data != nil {
		lines = scanKeyLines(string(data))
	}
	var out []Setting
	add := func(path []string, idx int, v any) {
		table, name := display(path[:len(path)-1]), path[len(path)-1]
		if idx >= 0 {
			table = "sections"
		}
		out = append(out, Setting{Key: display(path), Table: table, Name: name, Index: idx, Value: v, Line: lines[pathKey(path)]})
	}
	list := func(v []string) []string { return append([]string{}, v...) }
	add([]string{"documents", "globs"}, -1, list(c.Documents.Globs))
	add([]string{"documents", "max_bytes"}, -1, c.Documents.MaxBytes)
	add([]string{"press_release", "headline_max_words"}, -1, int64(c.PressRelease.HeadlineMaxWords))
	add([]string{"press_release", "max_words"}, -1, int64(c.PressRelease.MaxWords))
	for i, s := range c.Sections {
		p := func(k string) []string { return []string{"sections", index(i), k} }
		part := string(s.Part)
		if s.Part == "" {
			part = "none"
		}
		add(p("name"), i, s.Name)
		add(p("aliases"), i, list(s.Aliases))
		add(p("kind"), i, string(s.Kind))
		add(p("part"), i, part)
		add(p("required"), i, s.Required)
		add(p("min_words"), i, int64(s.MinWords))
	}
	add([]string{"metrics", "absent_baseline"}, -1, list(c.Metrics.AbsentBaseline))
	add([]string{"metrics", "allow_absent_baseline"}, -1, c.Metrics.AllowAbsentBaseline)
	for _, f := range prfaq.Fields {
		add([]string{"metrics", "columns", string(f)}, -1, list(c.Metrics.Columns[f]))
	}
	add([]string{"placeholders", "patterns"}, -1, list(c.Placeholders.Patterns))
	add([]string{"placeholders", "template_sentences"}, -1, c.Placeholders.TemplateSentences)
	add([]string{"initiatives", "roots"}, -1, list(c.Initiatives.Roots))
	add([]string{"initiatives", "trailer"}, -1, c.Initiatives.Trailer)
	add([]string{"initiatives", "branches"}, -1, list(c.Initiatives.Branches))
	add([]string{"acknowledgement", "trailer"}, -1, c.Acknowledgement.Trailer)
	add([]string{"acknowledgement", "labels"}, -1, list(c.Acknowledgement.Labels))
	add([]string{"hooks", "fail_on"}, -1, string(c.Hooks.FailOn))
	add([]string{"baseline", "file"}, -1, c.Baseline.File)
	for _, id := range rule.IDs() {
		add([]string{"severity", id}, -1, string(c.SeverityOf(id)))
	}
	return out
}
