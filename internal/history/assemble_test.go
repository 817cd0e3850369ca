package history

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/prfaq"
)

// prfaqWith is a PRFAQ source with a status and metric rows
// "Name|Baseline|Target|By|Source".
func prfaqWith(status string, rows ...string) string {
	var b strings.Builder
	if status != "" {
		fmt.Fprintf(&b, "+++\nstatus = %q\n+++\n\n", status)
	}
	b.WriteString("# Acme launches Ledger\n\n## Summary\n\nShops close their books in a day.\n\n## Success Metrics\n\n")
	b.WriteString("| Metric | Baseline | Target | By | Source |\n|---|---|---|---|---|\n")
	for _, r := range rows {
		b.WriteString("| " + strings.ReplaceAll(r, "|", " | ") + " |\n")
	}
	return b.String()
}

func TestCommitChanges(t *testing.T) {
	docs := map[string]*prfaq.Document{
		"v1":    parseDoc(t, prfaqWith("review", "Conversion|12%|18%|2027-06-30|CRM", "Churn|5%|3%|2027|Billing")),
		"v2":    parseDoc(t, prfaqWith("draft", "Conversion|12%|15%|2027-06-30|CRM", "Churn|5%|2%|2027|Billing")),
		"prose": parseDoc(t, strings.Replace(prfaqWith("review", "Conversion|12%|18%|2027-06-30|CRM", "Churn|5%|3%|2027|Billing"), "in a day", "in one day", 1)),
	}
	doc := func(id string) *prfaq.Document { return docs[id] }
	c := &commit{Hash: h1, Date: "2026-11-26T10:00:00Z", Author: "Jane Roe <jane@example.com>", Acks: []string{"pricing", "second"},
		Files: []fileDiff{{Status: 'M', OldBlob: "v1", NewBlob: "v2", Path: "a/PRFAQ.md"}}}
	got := commitChanges(c, doc, pastsOf([]*commit{c}, doc, check.PolicyOf(config.Default()))[0], check.PolicyOf(config.Default()))
	if len(got) != 2 {
		t.Fatalf("got %d changes, want 2: %+v", len(got), got)
	}
	weak, better := got[0], got[1]
	if weak.Effect != change.Weakened || weak.Acknowledged != "pricing; second" || weak.Commit != h1 ||
		weak.Date != c.Date || weak.Author != c.Author || !weak.Draft || weak.File != "a/PRFAQ.md" {
		t.Errorf("weakening: %+v", weak)
	}
	if better.Effect != change.Improved || better.Acknowledged != "" || !better.Draft {
		t.Errorf("improvement: %+v (an acknowledgement belongs to weakenings only)", better)
	}
	c.Files[0].NewBlob = "prose"
	if got := commitChanges(c, doc, pastsOf([]*commit{c}, doc, check.PolicyOf(config.Default()))[0], check.PolicyOf(config.Default())); len(got) != 0 {
		t.Errorf("a prose edit: %+v", got)
	}
	c.Files[0] = fileDiff{Status: 'D', OldBlob: "v2", Path: "a/PRFAQ.md"}
	got = commitChanges(c, doc, pastsOf([]*commit{c}, doc, check.PolicyOf(config.Default()))[0], check.PolicyOf(config.Default()))
	if len(got) != 2 || got[0].Field != "metric" || got[0].Effect != change.Weakened || !got[0].Draft {
		t.Errorf("a deleted draft: %+v", got)
	}
}

func TestSameMetrics(t *testing.T) {
	base := prfaqWith("review", "Conversion|12%|18%|2027|CRM")
	tests := []struct {
		name string
		b    string
		same bool
	}{
		{"prose only", strings.Replace(base, "in a day", "in one day", 1), true},
		{"status only", strings.Replace(base, `"review"`, `"draft"`, 1), true},
		{"a cell", prfaqWith("review", "Conversion|12%|19%|2027|CRM"), false},
		{"a row", prfaqWith("review", "Conversion|12%|18%|2027|CRM", "Churn|5%|3%|2027|Billing"), false},
		{"a header", strings.Replace(base, "| By |", "| Deadline |", 1), false},
		{"no table", strings.Split(base, "| Metric")[0], false},
	}
	a := parseDoc(t, base)
	for _, tt := range tests {
		b := parseDoc(t, tt.b)
		if got := sameMetrics(a, b); got != tt.same {
			t.Errorf("%s: sameMetrics = %v, want %v", tt.name, got, tt.same)
		}
		if sameMetrics(a, b) && len(change.Compare("f", a, b, check.PolicyOf(config.Default()))) != 0 {
			t.Errorf("%s: the same metrics, yet Compare reports changes", tt.name)
		}
	}
	if sameMetrics(nil, a) || sameMetrics(a, nil) {
		t.Error("a missing version is never the same")
	}
}

func TestNewestFirst(t *testing.T) {
	cs := []change.Change{{Commit: "a", Metric: "1"}, {Commit: "a", Metric: "2"}, {Commit: "b", Metric: "3"}, {Commit: "c", Metric: "4"}, {Commit: "c", Metric: "5"}}
	var got []string
	for _, c := range newestFirst(cs) {
		got = append(got, c.Commit+c.Metric)
	}
	if want := []string{"c4", "c5", "b3", "a1", "a2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := newestFirst(nil); len(got) != 0 {
		t.Errorf("nothing reversed: %v", got)
	}
}

// TestAttributeOne: the commit is the last that changed that field; the
// acknowledgement is its trailer or the first later one (AcknowledgedBy
// names a later commit). An acknowledgement of an earlier step does not
// cover a further weakening of the same field.
func TestAttributeOne(t *testing.T) {
	c := func(hash string, acks ...string) *commit {
		return &commit{Hash: hash, Acks: acks, Date: "d-" + hash, Author: "a-" + hash}
	}
	ch := func(metric, field string) change.Change {
		return change.Change{Metric: metric, Field: field, Effect: change.Weakened}
	}
	tighter := change.Change{Metric: "Conversion", Field: "target", Effect: change.Improved}
	weak := change.Change{Metric: "Conversion", Field: "target", Effect: change.Weakened}
	tests := []struct {
		name               string
		steps              []step
		commit, reason, by string
	}{
		{"acknowledged where made", []step{{c("1", "why"), []change.Change{ch("Conversion", "target")}}}, "1", "why", ""},
		{"acknowledged later, in a commit touching the PRFAQ", []step{
			{c("1"), []change.Change{ch("Conversion", "target")}},
			{c("2", "late reason"), nil}}, "1", "late reason", "2"},
		{"a trailer before the change does not count", []step{
			{c("1", "too early"), []change.Change{ch("Churn", "by")}},
			{c("2"), []change.Change{ch("conversion ", "target")}}}, "2", "", ""},
		{"an earlier step's reason does not cover a further weakening", []step{
			{c("1", "first"), []change.Change{ch("Conversion", "target")}},
			{c("2"), []change.Change{ch("Conversion", "target")}},
			{c("3"), []change.Change{ch("Conversion", "by")}}}, "2", "", ""},
		{"the reason of the last change wins", []step{
			{c("1", "first"), []change.Change{ch("Conversion", "target")}},
			{c("2", "second"), []change.Change{ch("Conversion", "target")}},
			{c("3", "third"), []change.Change{ch("Conversion", "by")}}}, "2", "second", ""},
		{"a later tightening needs no acknowledgement", []step{
			{c("1"), []change.Change{ch("Conversion", "target")}},
			{c("2", "acknowledged"), []change.Change{ch("Conversion", "target")}},
			{c("3"), []change.Change{tighter}}}, "2", "acknowledged", ""},
		{"made through a merge or leaving draft: any commit may acknowledge", []step{
			{c("1"), []change.Change{ch("Churn", "by")}},
			{c("2", "merged reason"), nil}}, "2", "merged reason", ""},
	}
	for _, tt := range tests {
		got := attributeOne(weak, tt.steps)
		if got.Commit != tt.commit || got.Acknowledged != tt.reason || got.AcknowledgedBy != tt.by {
			t.Errorf("%s: commit %q reason %q by %q, want %q %q %q", tt.name, got.Commit, got.Acknowledged, got.AcknowledgedBy, tt.commit, tt.reason, tt.by)
		}
		if tt.commit != "" && (got.Date != "d-"+tt.commit || got.Author != "a-"+tt.commit) {
			t.Errorf("%s: date %q author %q", tt.name, got.Date, got.Author)
		}
	}
}
