package config

import (
	"slices"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/rule"
)

func TestLoosened(t *testing.T) {
	tests := []struct {
		name string
		edit func(c *Config)
		want []string // phrases, in order; nil: not loosened
	}{
		{"the same", func(c *Config) {}, nil},
		{"tightened", func(c *Config) {
			c.PressRelease.MaxWords = 500
			c.Sections[0].MinWords = 40
			c.Documents.Globs = append(c.Documents.Globs, "rfc/*.md")
			c.Placeholders.Patterns = append(c.Placeholders.Patterns, `\bWIP\b`)
			c.Severity[rule.MetricOverdue] = rule.Error
		}, nil},
		{"severity lowered", func(c *Config) { c.Severity[rule.MetricWeakened] = rule.Off },
			[]string{"severity of metric-weakened lowered from error to off"}},
		{"a section no longer required, with fewer words", func(c *Config) {
			c.Sections[1].Required, c.Sections[1].MinWords = false, 0
		}, []string{`section "Summary" no longer required`, `section "Summary" min_words lowered from 25 to 0`}},
		{"a section removed", func(c *Config) { c.Sections = c.Sections[1:] }, []string{`section "Subheading" removed`}},
		{"a heading alias added", func(c *Config) { c.Sections[2].Aliases = append(c.Sections[2].Aliases, "Misc") },
			[]string{`section "Problem" accepts the heading "Misc"`}},
		{"globs narrowed", func(c *Config) { c.Documents.Globs = c.Documents.Globs[:1] },
			[]string{`documents.globs no longer has "docs/prfaq/*.md"`}},
		{"trailer renamed", func(c *Config) { c.Acknowledgement.Trailer = "Signed-off-by" },
			[]string{`acknowledgement.trailer renamed from "PRFAQ-Ack" to "Signed-off-by"`}},
		{"trailer case changed", func(c *Config) { c.Acknowledgement.Trailer = "prfaq-ack" }, nil},
		{"a label added", func(c *Config) { c.Acknowledgement.Labels = append(c.Acknowledgement.Labels, "lgtm") },
			[]string{`acknowledgement.labels accepts "lgtm"`}},
		{"limits raised", func(c *Config) { c.PressRelease.HeadlineMaxWords, c.PressRelease.MaxWords = 99, 5000 },
			[]string{"press_release.headline_max_words raised from 20 to 99", "press_release.max_words raised from 800 to 5000"}},
		{"placeholders dropped", func(c *Config) {
			c.Placeholders.Patterns = c.Placeholders.Patterns[1:]
			c.Placeholders.TemplateSentences = false
		}, []string{"placeholders.patterns no longer has", "placeholders.template_sentences turned off"}},
		{"initiatives", func(c *Config) { c.Initiatives.Trailer = "Project" },
			[]string{`initiatives.trailer renamed from "Initiative" to "Project"`}},
		{"hooks.fail_on never", func(c *Config) { c.Hooks.FailOn = FailOnNever },
			[]string{"hooks.fail_on lowered from error to never"}},
		{"hooks.fail_on warning is stricter", func(c *Config) { c.Hooks.FailOn = FailOnWarning }, nil},
		{"absent baselines", func(c *Config) { c.Metrics.AbsentBaseline = append(c.Metrics.AbsentBaseline, "tbd") },
			[]string{`metrics.absent_baseline accepts "tbd"`}},
	}
	for _, tt := range tests {
		base, head := Default(), Default()
		tt.edit(head)
		got := Loosened(base, head)
		if len(got) != len(tt.want) || !slices.EqualFunc(got, tt.want, strings.HasPrefix) {
			t.Errorf("%s: Loosened = %q, want %q", tt.name, got, tt.want)
		}
	}
	base, head := Default(), Default()
	base.Metrics.AllowAbsentBaseline = false
	if got := Loosened(base, head); !slices.Equal(got, []string{"metrics.allow_absent_baseline turned on"}) {
		t.Errorf("allow_absent_baseline: Loosened = %q", got)
	}
	if got := Loosened(head, base); got != nil {
		t.Errorf("allow_absent_baseline turned off is stricter: Loosened = %q", got)
	}
	base, head = Default(), Default()
	base.Hooks.FailOn = FailOnWarning
	if got := Loosened(base, head); !slices.Equal(got, []string{"hooks.fail_on lowered from warning to error"}) {
		t.Errorf("fail_on warning to error: Loosened = %q", got)
	}
}
