package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prfaq/git-prfaq/rule"
)

// Loosened lists, one phrase each, the ways head lets more through than
// base: what the merge gate reports as config-weakened when a change
// brings head over base (README, "Policy comes from the base"). A change
// that only tightens, reorders or rewords says nothing. Documents.MaxBytes
// is left out: a larger limit admits larger documents to every rule, and
// a smaller one refuses more.
func Loosened(base, head *Config) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	for _, g := range dropped(base.Documents.Globs, head.Documents.Globs, false) {
		add("documents.globs no longer has %q", g)
	}
	if head.PressRelease.HeadlineMaxWords > base.PressRelease.HeadlineMaxWords {
		add("press_release.headline_max_words raised from %d to %d", base.PressRelease.HeadlineMaxWords, head.PressRelease.HeadlineMaxWords)
	}
	if head.PressRelease.MaxWords > base.PressRelease.MaxWords {
		add("press_release.max_words raised from %d to %d", base.PressRelease.MaxWords, head.PressRelease.MaxWords)
	}
	out = append(out, loosenedSections(base.Sections, head.Sections)...)
	if head.Metrics.AllowAbsentBaseline && !base.Metrics.AllowAbsentBaseline {
		add("metrics.allow_absent_baseline turned on")
	}
	for _, w := range dropped(head.Metrics.AbsentBaseline, base.Metrics.AbsentBaseline, true) {
		add("metrics.absent_baseline accepts %q", w)
	}
	for _, p := range dropped(base.Placeholders.Patterns, head.Placeholders.Patterns, false) {
		add("placeholders.patterns no longer has %q", p)
	}
	if base.Placeholders.TemplateSentences && !head.Placeholders.TemplateSentences {
		add("placeholders.template_sentences turned off")
	}
	for _, r := range dropped(base.Initiatives.Roots, head.Initiatives.Roots, false) {
		add("initiatives.roots no longer has %q", r)
	}
	if !strings.EqualFold(base.Initiatives.Trailer, head.Initiatives.Trailer) {
		add("initiatives.trailer renamed from %q to %q", base.Initiatives.Trailer, head.Initiatives.Trailer)
	}
	for _, b := range dropped(base.Initiatives.Branches, head.Initiatives.Branches, false) {
		add("initiatives.branches no longer has %q", b)
	}
	if !strings.EqualFold(base.Acknowledgement.Trailer, head.Acknowledgement.Trailer) {
		add("acknowledgement.trailer renamed from %q to %q", base.Acknowledgement.Trailer, head.Acknowledgement.Trailer)
	}
	for _, l := range dropped(head.Acknowledgement.Labels, base.Acknowledgement.Labels, true) {
		add("acknowledgement.labels accepts %q", l)
	}
	if b, h := base.Hooks.FailOn, head.Hooks.FailOn; h.strictness() < b.strictness() {
		add("hooks.fail_on lowered from %s to %s", b, h)
	}
	if b, h := base.Baseline.File, head.Baseline.File; h != b && h != "" {
		add("baseline.file set to %q (was %q): its findings would not be reported", h, b)
	}
	for _, id := range rule.IDs() {
		if b, h := base.SeverityOf(id), head.SeverityOf(id); strictness(h) < strictness(b) {
			add("severity of %s lowered from %s to %s", id, b, h)
		}
	}
	return out
}

// loosenedSections: a section removed, no longer required, asking for
// fewer words, found under more names, or read as another kind or part.
func loosenedSections(base, head []Section) []string {
	var out []string
	for _, b := range base {
		i := slices.IndexFunc(head, func(h Section) bool { return strings.EqualFold(h.Name, b.Name) })
		if i < 0 {
			out = append(out, fmt.Sprintf("section %q removed", b.Name))
			continue
		}
		h := head[i]
		if b.Required && !h.Required {
			out = append(out, fmt.Sprintf("section %q no longer required", b.Name))
		}
		if h.MinWords < b.MinWords {
			out = append(out, fmt.Sprintf("section %q min_words lowered from %d to %d", b.Name, b.MinWords, h.MinWords))
		}
		for _, a := range dropped(h.Aliases, b.Aliases, true) {
			out = append(out, fmt.Sprintf("section %q accepts the heading %q", b.Name, a))
		}
		if h.Kind != b.Kind || h.Part != b.Part {
			out = append(out, fmt.Sprintf("section %q is read as another kind or part", b.Name))
		}
	}
	return out
}

// dropped lists the values of from that to lacks, in from's order,
// comparing case-insensitively when fold is set.
func dropped(from, to []string, fold bool) []string {
	var out []string
	for _, v := range from {
		if !slices.ContainsFunc(to, func(w string) bool { return w == v || fold && strings.EqualFold(w, v) }) {
			out = append(out, v)
		}
	}
	return out
}

// strictness orders severities: off, warning, error.
func strictness(s rule.Severity) int {
	switch s {
	case rule.Error:
		return 2
	case rule.Warning:
		return 1
	}
	return 0
}
