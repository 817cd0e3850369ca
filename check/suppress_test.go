package check

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/rule"
)

// TestSuppressions edits the good document (each edit replaces old with
// new once) and checks which findings a prfaq-ignore comment suppresses,
// with which reason, which stay, and what suppression-invalid says.
func TestSuppressions(t *testing.T) {
	const (
		signUp = "Sign up at example.com/ledger and connect a bank account."
		row1   = "| Month-end close time | 6 days | 1 day | 2027-06-30 | Onboarding survey |"
		row2   = "| Paying shops | 0 shops | 1,200 shops | 2027-Q4 | Billing dashboard |"
		faq    = "### How much does it cost?\n\nTwenty dollars a month per shop.\n"
		head   = "# Example Corp launches Ledger to help small shops close their books in a day"
		prob   = "Shop owners spend six evenings every month matching receipts to bank lines by hand, and still make mistakes."
	)
	type edit struct{ old, new string }
	tests := []struct {
		name  string
		edits []edit
		// suppressed are "rule@line: reason" of the suppressed findings;
		// kept are "rule@line" of the others.
		suppressed, kept []string
		invalid          string // a word of the suppression-invalid message; "" for none
	}{
		{
			name:       "next paragraph",
			edits:      []edit{{signUp, "<!-- prfaq-ignore placeholder: the sign-up page opens with the launch, [CEO Name] TODO -->\nTODO sign up at example.com/ledger."}},
			suppressed: []string{"placeholder@33: the sign-up page opens with the launch, [CEO Name] TODO"},
		},
		{
			name:       "only the next paragraph",
			edits:      []edit{{signUp, "<!-- prfaq-ignore placeholder: the page opens at launch -->\nTODO sign up at example.com/ledger.\n\nThen TODO connect a bank account."}},
			suppressed: []string{"placeholder@33: the page opens at launch"},
			kept:       []string{"placeholder@35"},
		},
		{
			name:       "table row",
			edits:      []edit{{row1, "| Month-end close time <!-- prfaq-ignore metric-unmeasurable: finance sets the target in March --> | 6 days | fast | 2027-06-30 | Onboarding survey |"}, {row2, row2 + "\n| Churn | 5% | lower | 2027-Q4 | Billing dashboard |"}},
			suppressed: []string{"metric-unmeasurable@58: finance sets the target in March"},
			kept:       []string{"metric-unmeasurable@60"},
		},
		{
			name:       "list item",
			edits:      []edit{{prob, prob + "\n\n- TODO the first cost\n<!-- prfaq-ignore placeholder: the second cost is being measured -->\n- TODO the second cost\n- a third cost"}},
			suppressed: []string{"placeholder@24: the second cost is being measured"},
			kept:       []string{"placeholder@22"},
		},
		{
			name:       "inline in a list item",
			edits:      []edit{{prob, prob + "\n\n- TODO the first cost\n- TODO the second cost <!-- prfaq-ignore placeholder: measured in May -->\n  and more"}},
			suppressed: []string{"placeholder@23: measured in May"},
			kept:       []string{"placeholder@22"},
		},
		{
			name:       "FAQ question and its answer",
			edits:      []edit{{faq, "<!-- prfaq-ignore faq-unanswered: pricing is decided in May -->\n### How much does it cost?\n\n(To be determined)\n"}},
			suppressed: []string{"faq-unanswered@47: pricing is decided in May"},
		},
		{
			name:       "heading",
			edits:      []edit{{head, "<!-- prfaq-ignore headline-too-long: the legal name of the product is long -->\n" + head + " and then some more words to make it far too long"}},
			suppressed: []string{"headline-too-long@7: the legal name of the product is long"},
		},
		{
			name:       "file",
			edits:      []edit{{signUp, "TODO sign up."}, {prob, "TODO " + prob}, {"+++\n\n", "+++\n<!-- prfaq-ignore-file placeholder: a worked example, not a real plan -->\n\n"}},
			suppressed: []string{"placeholder@21: a worked example, not a real plan", "placeholder@33: a worked example, not a real plan"},
		},
		{
			name:       "several rules",
			edits:      []edit{{"| Metric |", "<!-- prfaq-ignore metric-unmeasurable, metric-overdue: the pilot's numbers -->\n| Metric |"}, {row1, "| Month-end close time | 6 days | fast | 2027-06-30 | Onboarding survey |"}, {"2027-Q4", "2026-10-01"}},
			suppressed: []string{"metric-overdue@60: the pilot's numbers", "metric-unmeasurable@59: the pilot's numbers"},
		},
		{
			name:    "no reason",
			edits:   []edit{{signUp, "<!-- prfaq-ignore placeholder -->\nTODO sign up."}},
			kept:    []string{"placeholder@33", "suppression-invalid@32"},
			invalid: "gives no reason",
		},
		{
			name:    "empty reason",
			edits:   []edit{{signUp, "<!-- prfaq-ignore placeholder:   -->\nTODO sign up."}},
			kept:    []string{"placeholder@33", "suppression-invalid@32"},
			invalid: "gives no reason",
		},
		{
			name:    "no rule",
			edits:   []edit{{signUp, "<!-- prfaq-ignore -->\nTODO sign up."}},
			kept:    []string{"placeholder@33", "suppression-invalid@32"},
			invalid: "names no rule",
		},
		{
			name:    "unknown rule",
			edits:   []edit{{signUp, "<!-- prfaq-ignore placeholders: the page opens at launch -->\nTODO sign up."}},
			kept:    []string{"placeholder@33", "suppression-invalid@32"},
			invalid: `"placeholders", which is not a rule`,
		},
		{
			name:    "suppresses nothing",
			edits:   []edit{{signUp, "<!-- prfaq-ignore placeholder: the page opens at launch -->\n" + signUp}},
			kept:    []string{"suppression-invalid@32"},
			invalid: "suppresses nothing: no placeholder finding on line 33",
		},
		{
			name:       "one of two rules suppresses nothing",
			edits:      []edit{{signUp, "<!-- prfaq-ignore placeholder, faq-unanswered: the page opens at launch -->\nTODO sign up."}},
			suppressed: []string{"placeholder@33: the page opens at launch"},
			kept:       []string{"suppression-invalid@32"},
			invalid:    "no faq-unanswered finding",
		},
		{
			name:    "metric-weakened refused",
			edits:   []edit{{"| Metric |", "<!-- prfaq-ignore metric-weakened: the bank API ships later -->\n| Metric |"}},
			kept:    []string{"suppression-invalid@56"},
			invalid: "metric-weakened, which cannot be suppressed in the document: acknowledge the change with a PRFAQ-Ack: <reason> trailer",
		},
		{
			name:    "config-weakened refused",
			edits:   []edit{{"+++\n\n", "+++\n<!-- prfaq-ignore-file config-weakened: we agreed -->\n\n"}},
			kept:    []string{"suppression-invalid@5"},
			invalid: "config-weakened, which cannot be suppressed",
		},
		{
			name:    "nothing after it",
			edits:   []edit{{row2, row2 + "\n\n<!-- prfaq-ignore placeholder: late -->"}},
			kept:    []string{"suppression-invalid@61"},
			invalid: "followed by no block",
		},
		{
			name:  "in code it is an example",
			edits: []edit{{signUp, signUp + "\n\n```\n<!-- prfaq-ignore placeholder -->\n```"}},
		},
		{
			name:  "in a quoted code span it is an example",
			edits: []edit{{signUp, signUp + " Write `<!-- prfaq-ignore placeholder -->` to skip one."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := goodDoc(t)
			for _, e := range tt.edits {
				if !strings.Contains(src, e.old) {
					t.Fatalf("the good document has no %q", e.old)
				}
				src = strings.Replace(src, e.old, e.new, 1)
			}
			var suppressed, kept []string
			invalid := ""
			for _, f := range run(t, src, nil) {
				if f.Suppressed {
					suppressed = append(suppressed, fmt.Sprintf("%s@%d: %s", f.Rule, f.Line, f.Suppression))
					continue
				}
				kept = append(kept, fmt.Sprintf("%s@%d", f.Rule, f.Line))
				if f.Rule == rule.SuppressionInvalid {
					invalid += f.Message + "\n"
				}
			}
			slices.Sort(suppressed)
			slices.Sort(kept)
			if !slices.Equal(suppressed, tt.suppressed) {
				t.Errorf("suppressed = %q; want %q", suppressed, tt.suppressed)
			}
			if !slices.Equal(kept, tt.kept) {
				t.Errorf("kept = %q; want %q", kept, tt.kept)
			}
			if tt.invalid != "" && !strings.Contains(invalid, tt.invalid) {
				t.Errorf("suppression-invalid says %q; want %q in it", invalid, tt.invalid)
			}
		})
	}
}

// TestSuppressedNotCounted: a suppressed finding is neither an error nor a
// warning.
func TestSuppressedNotCounted(t *testing.T) {
	src := strings.Replace(goodDoc(t), "Sign up at", "<!-- prfaq-ignore placeholder: opens at launch -->\nTODO sign up at", 1)
	fs := run(t, src, nil)
	if e, w := rule.Count(fs); e != 0 || w != 0 || rule.CountSuppressed(fs) != 1 || len(rule.Unsuppressed(fs)) != 0 {
		t.Errorf("Count = %d, %d, CountSuppressed = %d for %+v; want 0, 0, 1", e, w, rule.CountSuppressed(fs), fs)
	}
}

// TestSuppressionOfARuleSwitchedOff: a comment naming a rule the
// configuration switched off suppresses nothing, harmlessly: it is not a
// stale comment to report.
func TestSuppressionOfARuleSwitchedOff(t *testing.T) {
	cfg := config.Default()
	cfg.Severity[rule.Placeholder] = rule.Off
	src := strings.Replace(goodDoc(t), "Sign up at example.com/ledger", "<!-- prfaq-ignore placeholder: the page opens at launch -->\nTODO sign up at example.com/ledger", 1)
	for _, f := range run(t, src, cfg) {
		t.Errorf("unexpected finding %+v", f)
	}
}
