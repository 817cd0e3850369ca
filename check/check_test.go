package check

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

var today = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

func goodDoc(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/good.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func run(t *testing.T, src string, cfg *config.Config) []rule.Finding {
	t.Helper()
	if cfg == nil {
		cfg = config.Default()
	}
	doc, err := prfaq.Parse([]byte(src), cfg.Spec())
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	fs := Document(Input{File: "a/PRFAQ.md", Doc: doc, Today: today}, cfg)
	k := New(cfg)
	sameCounts(t, fs, k.FinishCounts("a/PRFAQ.md", k.Static("a/PRFAQ.md", doc), today))
	return fs
}

// sameCounts fails unless counts (FinishCounts) holds the rule, severity
// and suppression of each of fs (Finish), and nothing else: every test
// that checks a document through run checks what list counts too.
func sameCounts(t *testing.T, fs, counts []rule.Finding) {
	t.Helper()
	key := func(f rule.Finding) string { return fmt.Sprintf("%s/%s/%t", f.Rule, f.Severity, f.Suppressed) }
	var want, got []string
	for _, f := range fs {
		want = append(want, key(f))
	}
	for _, f := range counts {
		got = append(got, key(f))
		if f != (rule.Finding{Rule: f.Rule, Severity: f.Severity, Suppressed: f.Suppressed}) {
			t.Errorf("FinishCounts kept more than rule, severity and suppression: %+v", f)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("FinishCounts: %q\nFinish: %q", got, want)
	}
}

func TestGoodDocumentPasses(t *testing.T) {
	if fs := run(t, goodDoc(t), nil); len(fs) != 0 {
		t.Fatalf("findings on a good document: %+v", fs)
	}
}

// TestRules edits the good document to break one rule at a time and checks
// the finding's rule, severity, line and a word of its message.
func TestRules(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		rule     string
		severity rule.Severity
		line     int
		msg      string
	}{
		{"front matter", `owner = "Jane Roe <jane@example.com>"`, `owner = `, rule.FrontmatterInvalid, rule.Error, 3, "not valid TOML"},
		{"status", `status = "review"`, `status = "done"`, rule.StatusInvalid, rule.Error, 2, "draft, review"},
		{"headline missing", "# Example Corp launches", "Example Corp launches", rule.HeadlineMissing, rule.Error, 1, "no headline"},
		{"headline only names", "# Example Corp launches Ledger to help small shops close their books in a day", "# Ledger", rule.HeadlineMissing, rule.Error, 6, "names the product"},
		{"title is not a headline", "# Example Corp launches Ledger to help small shops close their books in a day", "# PRFAQ: Ledger", rule.HeadlineMissing, rule.Error, 6, "title, not a headline"},
		{"headline long", "in a day\n", "in a day and then some more words to make it far too long to read\n", rule.HeadlineTooLong, rule.Error, 6, "more than 20"},
		{"section missing", "## Problem\n\nShop owners spend six evenings every month matching receipts to bank lines by hand, and still make mistakes.\n", "", rule.SectionMissing, rule.Error, 6, "no customer problem"},
		// With a leader's quote present, whose quote is missing rests on
		// roles the reader may misread: it says nothing.
		{"one quote of two missing", "## Customer Quote\n\n\"I closed March in an afternoon,\" said Bo Chen, who runs a bakery.\n", "", rule.SectionMissing, "", 0, ""},
		{"section empty", "Ledger matches receipts to bank lines automatically and asks the owner only about the few it cannot place.", "", rule.SectionEmpty, rule.Error, 22, "empty"},
		{"section short", "Shop owners spend six evenings every month matching receipts to bank lines by hand, and still make mistakes.", "Too few words here.", rule.SectionEmpty, rule.Error, 18, "fewer than 15"},
		{"placeholder", "Sign up at example.com/ledger", "TODO sign up at example.com/ledger", rule.Placeholder, rule.Error, 32, "TODO"},
		{"faq unanswered", "Twenty dollars a month per shop.\n", "\n", rule.FAQUnanswered, rule.Error, 44, "no answer"},
		{"faq no questions", "### How much does it cost?\n\nTwenty dollars a month per shop.\n", "Prices are low.\n", rule.SectionEmpty, rule.Error, 42, "no questions"},
		{"metrics table without its heading", "## Success Metrics", "## Appendix", rule.MetricsMissing, "", 0, ""},
		{"metric unmeasurable", "| 6 days | 1 day |", "| 6 days | fast |", rule.MetricUnmeasurable, rule.Error, 58, "Target"},
		{"kinds differ", "| 6 days | 1 day |", "| 6 days | 10% |", rule.MetricUnmeasurable, rule.Error, 58, "same kind"},
		{"target equals baseline", "| 6 days | 1 day |", "| 6 days | 144 h |", rule.MetricUnmeasurable, rule.Error, 58, "equals"},
		{"bad date", "| 2027-06-30 |", "| soon |", rule.MetricUnmeasurable, rule.Error, 58, "By"},
		{"no source", "| Onboarding survey |", "|  |", rule.MetricUnmeasurable, rule.Error, 58, "Source"},
		{"overdue", "| 2027-06-30 |", "| 2026-11-01 |", rule.MetricOverdue, rule.Error, 58, "25 days late"},
		{"draft downgrades", `status = "review"`, "status = \"draft\"\nproject = \"TODO\"", rule.Placeholder, rule.Warning, 3, "TODO"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := goodDoc(t)
			if !strings.Contains(src, tt.old) {
				t.Fatalf("test edit %q not found", tt.old)
			}
			fs := run(t, strings.Replace(src, tt.old, tt.new, 1), nil)
			if tt.severity == "" { // no finding: the reader finds it anyway
				if len(fs) != 0 {
					t.Errorf("want no finding, got %+v", fs)
				}
				return
			}
			for _, f := range fs {
				if f.Rule == tt.rule && f.Severity == tt.severity && f.Line == tt.line && strings.Contains(f.Message, tt.msg) {
					return
				}
			}
			t.Errorf("want %s %s on line %d with %q; got %+v", tt.severity, tt.rule, tt.line, tt.msg, fs)
		})
	}
}

func TestQuotesMissing(t *testing.T) {
	src := strings.NewReplacer(
		"## Leader Quote\n\n\"Every hour an owner spends on books is an hour not spent with customers,\" said Ana Diaz, head of product.\n", "",
		"## Customer Quote\n\n\"I closed March in an afternoon,\" said Bo Chen, who runs a bakery.\n", "").Replace(goodDoc(t))
	var got []string
	for _, f := range run(t, src, nil) {
		if f.Rule == rule.SectionMissing && f.Severity == rule.Warning {
			got = append(got, f.Section)
		}
	}
	if strings.Join(got, ",") != "Leader Quote,Customer Quote" {
		t.Errorf("no quotes at all: want both recommended quotes reported, got %q", got)
	}
}

func TestMetricsAsListHint(t *testing.T) {
	src := strings.Replace(goodDoc(t), "| Metric | Baseline | Target | By | Source |", "- Adoption: 500 users\n\n| Metric | Baseline | Target | By | Source |", 1)
	src = src[:strings.Index(src, "| Metric")]
	fs := run(t, src, nil)
	if !has(fs, rule.MetricsMissing, "| Metric | Baseline | Target | By | Source |") {
		t.Errorf("no table-header hint for a bullet list: %+v", fs)
	}
}

func TestOverdueWithActual(t *testing.T) {
	src := strings.NewReplacer("| By | Source |", "| By | Source | Actual |", "|---|---|---|---|---|", "|---|---|---|---|---|---|",
		"| 2027-06-30 | Onboarding survey |", "| 2026-01-31 | Onboarding survey | 2 days |",
		"| 2027-Q4 | Billing dashboard |", "| 2026-Q1 | Billing dashboard | lots |").Replace(goodDoc(t))
	fs := run(t, src, nil)
	if len(fs) != 1 || fs[0].Rule != rule.MetricOverdue || !strings.Contains(fs[0].Message, `"lots"`) {
		t.Errorf("want one metric-overdue for the unparsable Actual, got %+v", fs)
	}
}

func TestSeverityOff(t *testing.T) {
	cfg, err := config.Parse(".prfaq.toml", []byte("[severity]\nplaceholder = \"off\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	fs := run(t, strings.Replace(goodDoc(t), "Sign up", "TODO Sign up", 1), cfg)
	if len(fs) != 0 {
		t.Errorf("placeholder is off, got %+v", fs)
	}
}

// TestTemplateOneFindingPerMarker: a fresh `git prfaq new` gives one
// finding per thing to write, at the marker, and nothing else.
func TestTemplateOneFindingPerMarker(t *testing.T) {
	src := string(prfaq.Template("", ""))
	var want []int // line of each marker, once per marker
	for i, line := range strings.Split(src, "\n") {
		for range regexp.MustCompile(`<[^<>]+(?:<[^<>]*>)?[^<>]*>`).FindAllString(line, -1) {
			want = append(want, i+1)
		}
	}
	fs := run(t, src, nil)
	var got []int
	for _, f := range fs {
		if f.Severity != rule.Error || (f.Rule != rule.Placeholder && f.Rule != rule.FAQUnanswered) {
			t.Errorf("unexpected finding on the template: %+v", f)
		}
		got = append(got, f.Line)
	}
	sort.Ints(got)
	if !slices.Equal(got, want) {
		t.Errorf("findings on lines %v, want one per marker on lines %v:\n%+v", got, want, fs)
	}
}

// TestTemplateFilledButOne: the template with every marker written but the
// headline (or the owner) fails on exactly that line.
func TestTemplateFilledButOne(t *testing.T) {
	filled := strings.NewReplacer(
		"<One sentence: who the customer is and what they can now do.>", "Small shops can now close their monthly books in one day.",
		"<Write the summary here: the customer, the problem, the product and the benefit, in three to five sentences.>",
		"Today Example Corp launched Ledger, a bookkeeping service for shops with fewer than twenty staff. Owners connect their bank once and Ledger reconciles every night, so month-end takes an afternoon.",
		"<Describe the problem from the customer's point of view.>", "Shop owners spend six evenings every month matching receipts to bank lines by hand, and still make mistakes.",
		"<Describe how the product solves the problem, in the customer's words.>", "Ledger matches receipts to bank lines automatically and asks the owner only about the few it cannot place.",
		"<A quote from a leader of your company on why this matters.>", "\"Every hour on books is an hour not spent with customers,\" said Ana Diaz, head of product.",
		"<Say how a customer gets started, in one or two steps.>", "Sign up at example.com/ledger and connect a bank account.",
		"<A quote from a customer describing the benefit they got.>", "\"I closed March in an afternoon,\" said Bo Chen, who runs a bakery.",
		"<Say where to go and what to do next.>", "Try Ledger free for thirty days at example.com/ledger.",
		"<A question a customer would ask?>", "How much does it cost?",
		"<A question a stakeholder would ask?>", "Why now?",
		"<The answer.>", "Twenty dollars a month per shop.",
		"| <Metric name> | <12%> | <18%> | <YYYY-MM-DD> | <Where the number is read from> |", "| Month-end close time | 6 days | 1 day | 2027-06-30 | Onboarding survey |",
	)
	headline := "Example Corp launches Ledger to help small shops close their books in a day"
	tests := []struct {
		name, title, owner string
		line               int
	}{
		{"headline left", "", "Jane Roe <jane@example.com>", 6},
		{"owner left", headline, "", 3},
		{"nothing left", headline, "Jane Roe <jane@example.com>", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := run(t, filled.Replace(string(prfaq.Template(tt.title, tt.owner))), nil)
			if tt.line == 0 {
				if len(fs) != 0 {
					t.Errorf("filled template: %+v", fs)
				}
				return
			}
			if len(fs) != 1 || fs[0].Line != tt.line || fs[0].Rule != rule.Placeholder {
				t.Errorf("want one placeholder on line %d, got %+v", tt.line, fs)
			}
		})
	}
	// A draft reports warnings, so the template must not pass as review.
	if e, _ := rule.Count(run(t, string(prfaq.Template("", "")), nil)); e == 0 {
		t.Errorf("template in review has no errors")
	}
}

func TestTemplateSentencesWithoutBrackets(t *testing.T) {
	s := prfaq.TemplateSentences()[1]
	fs := run(t, strings.Replace(goodDoc(t), "Sign up at example.com/ledger", s+" Sign up at example.com/ledger", 1), nil)
	if !has(fs, rule.Placeholder, s) {
		t.Errorf("template sentence %q without brackets not reported: %+v", s, fs)
	}
}

func TestSpecInAnotherLanguage(t *testing.T) {
	cfg, err := config.Parse(".prfaq.toml", []byte(`
[[sections]]
name = "Zusammenfassung"
kind = "prose"
min_words = 3
[[sections]]
name = "Häufige Fragen"
kind = "faq"
[[sections]]
name = "Erfolgskennzahlen"
kind = "metrics"
[metrics.columns]
metric = ["Kennzahl"]
baseline = ["Ausgangswert"]
target = ["Ziel"]
by = ["Bis"]
source = ["Quelle"]
`))
	if err != nil {
		t.Fatal(err)
	}
	src := "# Acme bringt X\n\n## Zusammenfassung\n\nEin kurzer guter Text.\n\n## Häufige Fragen\n\n### Warum jetzt?\n\nWeil.\n\n## Erfolgskennzahlen\n\n| Kennzahl | Ausgangswert | Ziel | Bis | Quelle |\n|-|-|-|-|-|\n| Kunden | 10 | 20 | 2027-Q1 | CRM |\n"
	if fs := run(t, src, cfg); len(fs) != 0 {
		t.Errorf("German PRFAQ: %+v", fs)
	}
}

// TestWildCorpus reads every PRFAQ written elsewhere (testdata/wild, copied
// from shared/corpus/wild): each parses, its FAQ questions are found and
// answered, its narrative press release is read (summary, problem and
// solution are prose there, not headings), and what it lacks is reported
// with a hint how to fix it.
func TestWildCorpus(t *testing.T) {
	want := map[string]struct {
		questions, answered int
		headline            bool
	}{
		"pfv-example-1.md":  {6, 6, true},
		"pfv-example-2.txt": {5, 5, false}, // plain text, no headline line
		"pfv-example-3.md":  {5, 4, false}, // "# Press Release" is a label; the file ends on an unanswered question
	}
	dir := filepath.Join("..", "prfaq", "testdata", "wild")
	for name, w := range want {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			fs := run(t, string(src), nil)
			doc, _ := prfaq.Parse(src, config.Default().Spec())
			q, a := 0, 0
			for _, s := range doc.Sections {
				for _, qq := range s.Questions {
					q++
					if qq.Answer != "" {
						a++
					}
				}
			}
			if q != w.questions || a != w.answered {
				t.Errorf("%d questions, %d answered; want %d, %d", q, a, w.questions, w.answered)
			}
			if !has(fs, rule.MetricsMissing, "| Metric | Baseline | Target | By | Source |") {
				t.Errorf("no metrics-missing with a table hint: %+v", fs)
			}
			if got := has(fs, rule.HeadlineMissing, ""); got == w.headline {
				t.Errorf("headline-missing reported: %v, want %v: %+v", got, !w.headline, fs)
			}
			for _, part := range []string{"Summary", "Problem", "Solution", "Leader Quote", "Call to Action", "External FAQ"} {
				for _, f := range fs {
					if f.Section == part {
						t.Errorf("%s is in the prose, yet reported: %+v", part, f)
					}
				}
			}
			for _, f := range fs {
				if !strings.Contains(f.Message, ":") {
					t.Errorf("finding without a fix: %+v", f)
				}
			}
		})
	}
}

func has(fs []rule.Finding, rule, msg string) bool {
	for _, f := range fs {
		if f.Rule == rule && strings.Contains(f.Message, msg) {
			return true
		}
	}
	return false
}
