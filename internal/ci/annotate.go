package ci

import (
	"fmt"
	"io"
	"slices"

	"github.com/prfaq/git-prfaq/internal/report"
)

// Tiers of importance, most important first.
const (
	TierWeakened = iota // an unacknowledged weakening (metric or config)
	TierChanged         // a finding on a line the pull request changed
	TierRest            // every other finding, and acknowledged weakenings
)

// Tier is how important an annotation is; changed lists the lines the
// range changed, by path (nil outside a range: nothing is "changed").
func Tier(a report.Annotation, changed map[string]map[int]bool) int {
	switch {
	case a.Weakened:
		return TierWeakened
	case a.File != "" && a.Line > 0 && changed[a.File][a.Line]:
		return TierChanged
	}
	return TierRest
}

// Order sorts annotations by importance (Tier), keeping the report's
// order within a tier.
func Order(as []report.Annotation, changed map[string]map[int]bool) []report.Annotation {
	out := slices.Clone(as)
	slices.SortStableFunc(out, func(a, b report.Annotation) int {
		return Tier(a, changed) - Tier(b, changed)
	})
	return out
}

// Cap keeps, per level, what GitHub shows of a step (MaxAnnotations less
// used, the slots the step's own annotations of that level take), in
// order; when a level has more, its last slot goes to a note saying how
// many more there are, so the shown ones are one fewer. It returns the
// annotations to print and, per level, how many were left out.
func Cap(as []report.Annotation, used map[string]int) (shown []report.Annotation, more map[string]int) {
	total := map[string]int{}
	for _, a := range as {
		total[a.Level]++
	}
	room := map[string]int{}
	for level, n := range total {
		free := max(MaxAnnotations-used[level], 1)
		if n > free {
			free-- // the last slot says how many more
		}
		room[level] = free
	}
	more = map[string]int{}
	for _, a := range as {
		if room[a.Level] > 0 {
			room[a.Level]--
			shown = append(shown, a)
			continue
		}
		more[a.Level]++
	}
	return shown, more
}

// levels are the annotation levels in the order their overflow is
// announced, with the names of one and of several. An array of constants,
// not a map, so that building it costs nothing at start.
var levels = [...]struct{ level, one, many string }{
	{"error", "error", "errors"},
	{"warning", "warning", "warnings"},
	{"notice", "acknowledged weakening", "acknowledged weakenings"},
}

// annotate prints the annotations, ordered and capped, and for each level
// over its cap a last annotation of that level saying how many more the
// job summary lists. reserved is how many warning slots the step's own
// warnings take afterwards.
func (r *runner) annotate(as []report.Annotation, reserved int) {
	used := map[string]int{"error": r.errors, "warning": r.warnings + reserved, "notice": r.notices}
	shown, more := Cap(as, used)
	for _, a := range shown {
		io.WriteString(r.o.Stdout, a.Command)
	}
	for _, l := range levels {
		n := more[l.level]
		if n == 0 {
			continue
		}
		name := l.many
		if n == 1 {
			name = l.one
		}
		fmt.Fprint(r.o.Stdout, report.WorkflowCommand(l.level, "git-prfaq",
			fmt.Sprintf("%d more %s in the job summary: GitHub shows at most %d annotations of a level per step, the most important first", n, name, MaxAnnotations)))
	}
}
