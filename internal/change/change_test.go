package change

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
)

const header = "| Metric | Baseline | Target | By | Source |"

// doc builds a PRFAQ whose Success Metrics heading is on line 3 and whose
// rows start on line 7.
func doc(t *testing.T, head string, rows ...string) *prfaq.Document {
	t.Helper()
	src := "# Example Corp launches X\n\n## Success Metrics\n\n" + head + "\n|---|---|---|---|---|\n" + strings.Join(rows, "\n") + "\n"
	d, err := prfaq.Parse([]byte(src), config.Default().Spec())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func row(name, baseline, target, by, source string) string {
	return fmt.Sprintf("| %s | %s | %s | %s | %s |", name, baseline, target, by, source)
}

func policy() check.Policy { return check.PolicyOf(config.Default()) }

// lines renders changes as "Metric: summary" for comparison.
func lines(cs []Change) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.Metric+": "+c.Summary())
	}
	return out
}

func compareRows(t *testing.T, old, new []string, p check.Policy) []Change {
	t.Helper()
	return Compare("a/PRFAQ.md", doc(t, header, old...), doc(t, header, new...), p)
}

// TestRules changes one metric, Conversion (higher is better) or Onboarding
// (lower is better), and checks what is reported.
func TestRules(t *testing.T) {
	conv := func(b, tg, by, src string) string { return row("Conversion", b, tg, by, src) }
	onb := func(b, tg, by string) string { return row("Onboarding", b, tg, by, "Funnel") }
	c0 := conv("12%", "18%", "2027-06-30", "CRM")
	o0 := onb("20 days", "10 days", "2027-Q2")
	tests := []struct {
		name     string
		old, new string
		want     []string
	}{
		{"unchanged", c0, c0, nil},
		{"case and spacing", c0, row("conversion", "12 %", "18%", " 2027-06-30", "crm"), nil},
		{"target away", c0, conv("12%", "20%", "2027-06-30", "CRM"), []string{"Conversion: target 18% → 20% (improved)"}},
		{"target toward", c0, conv("12%", "15%", "2027-06-30", "CRM"), []string{"Conversion: target 18% → 15% (weakened)"}},
		{"target past", c0, conv("12%", "10%", "2027-06-30", "CRM"), []string{"Conversion: target 18% → 10% (weakened)"}},
		{"lower is better: away", o0, onb("20 days", "8 days", "2027-Q2"), []string{"Onboarding: target 10 days → 8 days (improved)"}},
		{"lower is better: toward", o0, onb("20 days", "12 days", "2027-Q2"), []string{"Onboarding: target 10 days → 12 days (weakened)"}},
		{"lower is better: past", o0, onb("20 days", "25 days", "2027-Q2"), []string{"Onboarding: target 10 days → 25 days (weakened)"}},
		{"same quantity, other spelling", row("Users", "900", "1,200", "2027", "DB"), row("Users", "900", "1.2k", "2027", "DB"), nil},
		{"same duration, other unit", o0, onb("20 days", "240 hours", "2027-Q2"), nil},
		{"bound only", c0, conv("12%", "at least 18%", "2027-06-30", "CRM"), []string{"Conversion: target 18% → at least 18% (neutral)"}},
		{"unit changed with baseline", row("Load", "10 tickets", "5 tickets", "2027", "Desk"), row("Load", "10 calls", "5 calls", "2027", "Desk"),
			[]string{"Load: baseline 10 tickets → 10 calls (neutral)", "Load: target 5 tickets → 5 calls (neutral)"}},
		{"target unreadable", c0, conv("12%", "TBD", "2027-06-30", "CRM"), []string{"Conversion: target 18% → TBD (weakened)"}},
		{"target other kind", c0, conv("12%", "40 shops", "2027-06-30", "CRM"), []string{"Conversion: target 18% → 40 shops (weakened)"}},
		{"target onto baseline", c0, conv("12%", "12%", "2027-06-30", "CRM"), []string{"Conversion: target 18% → 12% (weakened)"}},
		{"case that the parser reads differently", row("Users", "1M", "3M", "2027", "DB"), row("Users", "1M", "3m", "2027", "DB"), []string{"Users: target 3M → 3m (weakened)"}},
		{"target readable again", conv("12%", "TBD", "2027-06-30", "CRM"), c0, []string{"Conversion: target TBD → 18% (improved)"}},
		{"target still broken elsewhere", conv("12%", "18%", "soon", "CRM"), conv("12%", "15%", "soon", "CRM"), []string{"Conversion: target 18% → 15% (weakened)"}},
		{"target unreadable, twice", conv("12%", "TBD", "2027", "CRM"), conv("12%", "TBC", "2027", "CRM"), []string{"Conversion: target TBD → TBC (neutral)"}},
		{"target unreadable, metric already broken", conv("12%", "18%", "soon", "CRM"), conv("12%", "TBD", "soon", "CRM"), []string{"Conversion: target 18% → TBD (weakened)"}},
		{"target readable, metric still broken", conv("12%", "TBD", "soon", "CRM"), conv("12%", "18%", "soon", "CRM"), []string{"Conversion: target TBD → 18% (improved)"}},
		{"target other kind, metric already broken", conv("12%", "18%", "soon", "CRM"), conv("12%", "40 shops", "soon", "CRM"), []string{"Conversion: target 18% → 40 shops (neutral)"}},
		{"baseline", c0, conv("13%", "18%", "2027-06-30", "CRM"), []string{"Conversion: baseline 12% → 13% (neutral)"}},
		{"baseline narrows the gap", c0, conv("17%", "18%", "2027-06-30", "CRM"), []string{"Conversion: baseline 12% → 17% (neutral)"}},
		{"baseline onto target", c0, conv("18%", "18%", "2027-06-30", "CRM"), []string{"Conversion: baseline 12% → 18% (weakened)"}},
		{"baseline other kind", c0, conv("12 shops", "18%", "2027-06-30", "CRM"), []string{"Conversion: baseline 12% → 12 shops (weakened)"}},
		{"baseline measured", conv("new", "18%", "2027-06-30", "CRM"), c0, []string{"Conversion: baseline new → 12% (neutral)"}},
		{"absent words", conv("n/a", "18%", "2027-06-30", "CRM"), conv("none", "18%", "2027-06-30", "CRM"), nil},
		{"both moved: direction from the older version", c0, conv("20%", "25%", "2027-06-30", "CRM"),
			[]string{"Conversion: baseline 12% → 20% (neutral)", "Conversion: target 18% → 25% (improved)"}},
		{"no baseline: higher", conv("new", "100", "2027", "DB"), conv("new", "150", "2027", "DB"), []string{"Conversion: target 100 → 150 (improved)"}},
		{"no baseline: lower", conv("new", "100", "2027", "DB"), conv("new", "80", "2027", "DB"), []string{"Conversion: target 100 → 80 (weakened)"}},
		{"by later", c0, conv("12%", "18%", "2027-09-30", "CRM"), []string{"Conversion: by 2027-06-30 → 2027-09-30 (weakened)"}},
		{"by earlier", c0, conv("12%", "18%", "2027-Q1", "CRM"), []string{"Conversion: by 2027-06-30 → 2027-Q1 (improved)"}},
		{"by same end", c0, conv("12%", "18%", "2027-06", "CRM"), nil},
		{"by quarter and day", o0, onb("20 days", "10 days", "2027-06-30"), nil},
		{"by unreadable", c0, conv("12%", "18%", "soon", "CRM"), []string{"Conversion: by 2027-06-30 → soon (weakened)"}},
		{"by readable", conv("12%", "18%", "soon", "CRM"), c0, []string{"Conversion: by soon → 2027-06-30 (improved)"}},
		{"by unreadable, twice", conv("12%", "18%", "soon", "CRM"), conv("12%", "18%", "later", "CRM"), []string{"Conversion: by soon → later (neutral)"}},
		{"by unreadable, metric already broken", conv("12%", "TBD", "2027", "CRM"), conv("12%", "TBD", "soon", "CRM"), []string{"Conversion: by 2027 → soon (weakened)"}},
		{"by readable, metric still broken", conv("12%", "TBD", "soon", "CRM"), conv("12%", "TBD", "2027", "CRM"), []string{"Conversion: by soon → 2027 (improved)"}},
		{"source", c0, conv("12%", "18%", "2027-06-30", "Looker"), []string{"Conversion: source CRM → Looker (neutral)"}},
		{"source emptied", c0, conv("12%", "18%", "2027-06-30", ""), []string{`Conversion: source CRM → "" (weakened)`}},
		{"source filled", conv("12%", "18%", "2027-06-30", ""), c0, []string{`Conversion: source "" → CRM (improved)`}},
		{"source emptied, metric already broken", conv("12%", "18%", "soon", "CRM"), conv("12%", "18%", "soon", ""), []string{`Conversion: source CRM → "" (weakened)`}},
		{"source filled, metric still broken", conv("12%", "18%", "soon", ""), conv("12%", "18%", "soon", "CRM"), []string{`Conversion: source "" → CRM (improved)`}},
		{"renamed is removed and added", c0, row("Lead conversion", "12%", "18%", "2027-06-30", "CRM"),
			[]string{"Conversion: metric removed (weakened)", "Lead conversion: metric added (improved)"}},
		{"name erased", c0, row("", "12%", "18%", "2027-06-30", "CRM"), []string{"Conversion: metric removed (weakened)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lines(compareRows(t, []string{tt.old}, []string{tt.new}, policy()))
			if want := append([]string{}, tt.want...); !reflect.DeepEqual(got, want) {
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}
}

// TestAbsentBaselineNotAllowed: where configuration forbids "new", writing
// it makes the metric unmeasurable.
func TestAbsentBaselineNotAllowed(t *testing.T) {
	p := policy()
	p.AllowAbsent = false
	got := lines(compareRows(t, []string{row("A", "12%", "18%", "2027", "CRM")}, []string{row("A", "new", "18%", "2027", "CRM")}, p))
	if want := []string{"A: baseline 12% → new (weakened)"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestColumnRemoved: a table without a Source column leaves every metric
// unmeasurable, so each loses its source.
func TestColumnRemoved(t *testing.T) {
	old := doc(t, header, row("A", "12%", "18%", "2027", "CRM"), row("B", "1", "2", "2027", "DB"))
	new := doc(t, "| Metric | Baseline | Target | By | Notes |", row("A", "12%", "18%", "2027", "CRM"), row("B", "1", "2", "2027", "DB"))
	got := lines(Compare("f", old, new, policy()))
	want := []string{`A: source CRM → "" (weakened)`, `B: source DB → "" (weakened)`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := lines(Compare("f", new, old, policy())); !reflect.DeepEqual(got, []string{`A: source "" → CRM (improved)`, `B: source "" → DB (improved)`}) {
		t.Errorf("column restored: got %q", got)
	}
}

// TestOrder: the newer version's order, a removed metric after its older
// predecessor, fields in table order.
func TestOrder(t *testing.T) {
	old := []string{
		row("A", "1", "2", "2027", "S"),
		row("B", "1", "2", "2027", "S"),
		row("C", "1", "2", "2027", "S"),
		row("D", "1", "2", "2027", "S"),
	}
	new := []string{
		row("Z", "1", "2", "2027", "S"),
		row("C", "1", "3", "2028", "T"),
		row("A", "0", "2", "2027", "S"),
	}
	got := lines(compareRows(t, old, new, policy()))
	want := []string{
		"Z: metric added (improved)",
		"C: target 2 → 3 (improved)", "C: by 2027 → 2028 (weakened)", "C: source S → T (neutral)",
		"D: metric removed (weakened)",
		"A: baseline 1 → 0 (neutral)",
		"B: metric removed (weakened)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestRemovedFirst: a removed first row has no predecessor and comes first.
func TestRemovedFirst(t *testing.T) {
	got := lines(compareRows(t, []string{row("A", "1", "2", "2027", "S"), row("B", "1", "2", "2027", "S")},
		[]string{row("B", "1", "2", "2027", "S"), row("C", "1", "2", "2027", "S")}, policy()))
	want := []string{"A: metric removed (weakened)", "C: metric added (improved)"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestDuplicateNames: a repeated name is matched by occurrence.
func TestDuplicateNames(t *testing.T) {
	old := []string{row("A", "1", "2", "2027", "S"), row("A", "5", "9", "2027", "S")}
	new := []string{row("A", "1", "2", "2027", "S"), row("a", "5", "7", "2027", "S")}
	got := lines(compareRows(t, old, new, policy()))
	if want := []string{"a: target 9 → 7 (weakened)"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	got = lines(compareRows(t, old, new[:1], policy()))
	if want := []string{"A: metric removed (weakened)"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestDocuments: a document added, deleted, or without a metrics section.
func TestDocuments(t *testing.T) {
	d := doc(t, header, row("A", "1", "2", "2027", "S"), row("B", "1", "2", "2027", "S"))
	added := Compare("f", nil, d, policy())
	if got := lines(added); !reflect.DeepEqual(got, []string{"A: metric added (improved)", "B: metric added (improved)"}) {
		t.Errorf("added: %q", got)
	}
	if added[0].To != "A" || added[0].From != "" || added[1].Line != 8 {
		t.Errorf("added: %+v", added)
	}
	deleted := Compare("f", d, nil, policy())
	if got := lines(deleted); !reflect.DeepEqual(got, []string{"A: metric removed (weakened)", "B: metric removed (weakened)"}) {
		t.Errorf("deleted: %q", got)
	}
	if deleted[0].From != "A" || deleted[0].To != "" || deleted[0].Line != 1 {
		t.Errorf("deleted: %+v", deleted[0])
	}
	bare, err := prfaq.Parse([]byte("# X\n\n## Summary\n\nText.\n"), config.Default().Spec())
	if err != nil {
		t.Fatal(err)
	}
	if got := lines(Compare("f", d, bare, policy())); len(got) != 2 {
		t.Errorf("section dropped: %q", got)
	}
	list, err := prfaq.Parse([]byte("# X\n\n## Success Metrics\n\n- A: 1 to 2 by 2027\n"), config.Default().Spec())
	if err != nil {
		t.Fatal(err)
	}
	if got := Compare("f", d, list, policy()); len(got) != 2 || got[0].Line != 3 {
		t.Errorf("table made a list: %+v", got)
	}
	if got := Compare("f", nil, nil, policy()); len(got) != 0 {
		t.Errorf("nothing: %q", lines(got))
	}
}

// TestLines: a change is reported at its row in the newer version, a
// removal at the newer metrics heading.
func TestLines(t *testing.T) {
	got := compareRows(t,
		[]string{row("A", "1", "2", "2027", "S"), row("B", "1", "2", "2027", "S")},
		[]string{row("Z", "1", "2", "2027", "S"), row("B", "1", "3", "2027", "S")}, policy())
	want := map[string]int{"Z": 7, "A": 3, "B": 8}
	for _, c := range got {
		if c.Line != want[c.Metric] || c.File != "a/PRFAQ.md" {
			t.Errorf("%s: line %d, file %q; want line %d", c.Metric, c.Line, c.File, want[c.Metric])
		}
	}
}

func TestReason(t *testing.T) {
	got := compareRows(t, []string{row("Conversion", "12%", "18%", "2027", "CRM")}, []string{row("Conversion", "12%", "15%", "2027", "CRM")}, policy())
	if len(got) != 1 || got[0].Reason != "target moved toward baseline 12% (from 18% to 15%)" {
		t.Errorf("got %+v", got)
	}
}

func TestJSON(t *testing.T) {
	c := Change{File: "a/PRFAQ.md", Metric: "Onboarding time", Field: "target", From: "6 days", To: "8 days",
		Effect: Weakened, Commit: "abc", Date: "2026-11-26T10:00:00Z", Author: "Jane Roe", Line: 42, Reason: "hidden", Draft: true}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"file":"a/PRFAQ.md","metric":"Onboarding time","field":"target","from":"6 days","to":"8 days",` +
		`"effect":"weakened","commit":"abc","acknowledged":"","date":"2026-11-26T10:00:00Z","author":"Jane Roe","line":42}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		c    Change
		want string
	}{
		{Change{Field: "target", From: "18%", To: "15%", Effect: Weakened}, "target 18% → 15% (weakened)"},
		{Change{Field: "source", From: "CRM", Effect: Weakened}, `source CRM → "" (weakened)`},
		{Change{Field: "metric", To: "A", Effect: Improved}, "metric added (improved)"},
		{Change{Field: "metric", From: "A", Effect: Weakened}, "metric removed (weakened)"},
	}
	for _, tt := range tests {
		if got := tt.c.Summary(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
