package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/rule"
)

// withClaims is the good document with its headline, summary's first line
// and metrics table replaced.
func withClaims(t *testing.T, headline, summary, table string) string {
	t.Helper()
	doc := goodDoc(t)
	doc = strings.Replace(doc, "# Example Corp launches Ledger to help small shops close their books in a day", "# "+headline, 1)
	doc = strings.Replace(doc, "Today Example Corp launched Ledger, a bookkeeping service for shops with fewer than twenty staff.", summary, 1)
	i := strings.Index(doc, "| Metric |")
	return doc[:i] + table
}

const claimsTable = "| Metric | Baseline | Target | By | Source | Notes |\n|---|---|---|---|---|---|\n" +
	"| Qualified lead conversion | 10% | 15% | 2027-06-30 | CRM | |\n" +
	"| Month-end close time | 6 days | 1 day | 2027-06-30 | Survey | |\n"

func claimFindings(fs []rule.Finding) []rule.Finding {
	var out []rule.Finding
	for _, f := range fs {
		if f.Rule == rule.ClaimUnbacked {
			out = append(out, f)
		}
	}
	return out
}

func TestClaimUnbacked(t *testing.T) {
	t.Parallel()
	const summary = "Today Example Corp launched Ledger, a bookkeeping service for shops with fewer than twenty staff."
	for _, tc := range []struct {
		name              string
		headline, summary string
		table             string
		want              []string // line:column: text | suggestion
	}{
		{"backed by the relative change", "Leadly brings a 50% improvement in qualified lead conversion for telecoms", summary, claimsTable, nil},
		{"backed by from-to", "Ledger cuts month-end close from 6 days to 1", summary, claimsTable, nil},
		{"backed by the factor", "Ledger closes the books 6x faster", summary, claimsTable, nil},
		{"unbacked headline", "Leadly brings a 40% improvement in qualified lead conversion for telecoms", summary, claimsTable,
			[]string{"6:19: 40% improvement in qualified lead conversion | Qualified lead conversion | ? | ? (40% better than Baseline) | ? | ? | |"}},
		{"unbacked summary, its own line and column", "Ledger for shops", "Today Example Corp launched Ledger, which cuts support tickets by 30% for shops.", claimsTable,
			[]string{"14:43: cuts support tickets by 30% | Support tickets | ? | ? (30% below Baseline) | ? | ? | |"}},
		{"from-to proposes both ends", "Ledger cuts invoice time from 3 hours to 20 min", summary, claimsTable,
			[]string{"6:10: cuts invoice time from 3 hours to 20 min | Invoice time | 3 hours | 20 min | ? | ? | |"}},
		{"not claims: dates, prices, counts, quotes", "Ledger ships in March 2027 for $20 a month to 500 shops",
			"Today Example Corp launched Ledger (v2.2.0), open 24/7: \"it cut our close by 80%,\" said a baker.", claimsTable, nil},
		{"the summary repeats the headline's claim: once", "Ledger cuts support tickets for shops by 30%", "Today Example Corp launched Ledger, which cuts support tickets by 30%.", claimsTable,
			[]string{"6:10: cuts support tickets for shops by 30% | Support tickets for shops | ? | ? (30% below Baseline) | ? | ? | |"}},
		{"no table: metrics-missing's, not claims'", "Leadly brings a 40% improvement in conversion", summary,
			"- better conversion\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fs := claimFindings(run(t, withClaims(t, tc.headline, tc.summary, tc.table), nil))
			var got []string
			for _, f := range fs {
				if f.Severity != rule.Warning || !strings.Contains(f.Message, "no success metric backs it") ||
					!strings.Contains(f.Message, "add a metric row: "+f.Suggestion) {
					t.Errorf("finding %+v: want a warning naming the claim and the row", f)
				}
				got = append(got, fmt.Sprintf("%d:%d: %s %s", f.Line, f.Column, f.Text, f.Suggestion))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("claim-unbacked:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestClaimUnbackedSeverityAndSuppression(t *testing.T) {
	t.Parallel()
	doc := withClaims(t, "Leadly brings a 40% improvement in qualified lead conversion", "Today Example Corp launched Ledger for shops with fewer than twenty staff.", claimsTable)
	for _, tc := range []struct {
		name, toml string
		want       rule.Severity // "" for no finding
	}{
		{"default", "", rule.Warning},
		{"error", "[severity]\nclaim-unbacked = \"error\"\n", rule.Error},
		{"off", "[severity]\nclaim-unbacked = \"off\"\n", ""},
	} {
		cfg, err := config.Parse(".prfaq.toml", []byte(tc.toml))
		if err != nil {
			t.Fatal(err)
		}
		fs := claimFindings(run(t, doc, cfg))
		if (tc.want == "") != (len(fs) == 0) || len(fs) > 1 || len(fs) == 1 && fs[0].Severity != tc.want {
			t.Errorf("%s: %+v, want one finding at %q", tc.name, fs, tc.want)
		}
	}
	suppressed := strings.Replace(doc, "# Leadly", "<!-- prfaq-ignore claim-unbacked: the pilot's figure, measured by sales -->\n# Leadly", 1)
	fs := claimFindings(run(t, suppressed, nil))
	if len(fs) != 1 || !fs[0].Suppressed {
		t.Errorf("suppressed: %+v, want one suppressed finding", fs)
	}
}

// TestClaimUnbackedBounds: past 50 claims one finding counts the rest, and
// no more than 16 KiB of a part is read.
func TestClaimUnbackedBounds(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for i := range 200 {
		fmt.Fprintf(&b, "It cuts support tickets by %d%%.\n", 100+i) // distinct claims no row backs
	}
	many := b.String()
	fs := claimFindings(run(t, withClaims(t, "Ledger for shops", many, claimsTable), nil))
	last := fs[len(fs)-1]
	if len(fs) != maxClaims+1 || last.Line != fs[len(fs)-2].Line+1 ||
		!strings.HasPrefix(last.Message, "150 more claims from here on have no success metric behind them") {
		t.Errorf("%d findings, last %+v; want %d, the last counting 150 more at the 51st", len(fs), last, maxClaims+1)
	}
	long := strings.Repeat("Ledger helps shops with their books every day. ", 400) + "It cuts support tickets by 30%."
	if fs := claimFindings(run(t, withClaims(t, "Ledger for shops", long, claimsTable), nil)); len(fs) != 0 {
		t.Errorf("a claim past 16 KiB of the summary was read: %+v", fs)
	}
}
