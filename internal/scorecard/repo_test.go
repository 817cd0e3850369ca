package scorecard

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/gittest"
	"github.com/prfaq/git-prfaq/internal/history"
)

func TestMain(m *testing.M) {
	gittest.Isolate(nil)
	os.Exit(m.Run())
}

// prfaqDoc is a PRFAQ with front matter and a metrics table; rows are
// "Metric|Baseline|Target|By|Source[|Actual]", and an Actual column is
// written when any row has one.
func prfaqDoc(status, owner, headline string, rows ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\nstatus = %q\nowner = %q\n+++\n\n# %s\n\n## Summary\n\nShops close their books in a day.\n\n## Success Metrics\n\n", status, owner, headline)
	actual := false
	for _, r := range rows {
		actual = actual || strings.Count(r, "|") == 5
	}
	if actual {
		b.WriteString("| Metric | Baseline | Target | By | Source | Actual |\n|---|---|---|---|---|---|\n")
	} else {
		b.WriteString("| Metric | Baseline | Target | By | Source |\n|---|---|---|---|---|\n")
	}
	for _, r := range rows {
		b.WriteString("| " + strings.ReplaceAll(r, "|", " | ") + " |\n")
	}
	return b.String()
}

// scratch is a repository whose commits carry the dates given.
type scratch struct {
	t   *testing.T
	dir string
}

func (s scratch) commit(date, msg, path, content string) {
	s.t.Helper()
	gittest.WriteFile(s.t, filepath.Join(s.dir, filepath.FromSlash(path)), content)
	gittest.Git(s.t, s.dir, nil, "add", "--", path)
	env := []string{"GIT_AUTHOR_DATE=" + date + "T12:00:00Z", "GIT_COMMITTER_DATE=" + date + "T12:00:00Z"}
	gittest.Git(s.t, s.dir, env, "commit", "-q", "-m", msg)
}

// lifecycleRepo builds four initiatives through real commits:
//
//   - payments/ledger (Jane Roe): proposed 2026-01-05 as a draft, approved
//     30 days later, its target weakened with an acknowledgement, its
//     Conversion deadline slipped 62 days without one, launched 218 days after approval,
//     then Actuals: Conversion met, Churn (lower is better) missed.
//   - payments/refunds (Jane Roe): proposed in review, approved 30 days
//     later, its deadline slipped a quarter (92 days) with an
//     acknowledgement, then its target weakened without one (history counts
//     an acknowledgement from a later commit, never an earlier); never launched: overdue.
//   - growth/referrals (Max Moe): a draft weakened before approval (not
//     counted), cancelled 60 days after it was proposed.
//   - growth/search (Max Moe): committed approved, taken back to draft and
//     weakened there, approved again: one weakening, counted once.
func lifecycleRepo(t *testing.T) string {
	s := scratch{t, gittest.TempDir(t)}
	gittest.Git(t, s.dir, nil, "init", "-q")
	const (
		ledger    = "payments/ledger/PRFAQ.md"
		refunds   = "payments/refunds/PRFAQ.md"
		referrals = "growth/referrals/PRFAQ.md"
		search    = "growth/search/PRFAQ.md"
	)
	conv := func(target, by string) string { return "Conversion|12%|" + target + "|" + by + "|CRM" }
	churn := "Churn|5%|3%|2026-09-30|Billing"
	l := func(status string, rows ...string) string {
		return prfaqDoc(status, "Jane Roe", "Acme launches Ledger", rows...)
	}
	s.commit("2026-01-05", "propose ledger", ledger, l("draft", conv("18%", "2026-06-30"), churn))
	s.commit("2026-02-04", "approve ledger", ledger, l("approved", conv("18%", "2026-06-30"), churn))
	s.commit("2026-02-10", "propose refunds", refunds, prfaqDoc("review", "Jane Roe", "Acme launches one-day refunds", "Refund time|10 days|2 days|2026-Q3|Support"))
	s.commit("2026-03-01", "ledger: lower target\n\nPRFAQ-Ack: budget cut", ledger, l("approved", conv("16%", "2026-06-30"), churn))
	s.commit("2026-03-12", "approve refunds", refunds, prfaqDoc("approved", "Jane Roe", "Acme launches one-day refunds", "Refund time|10 days|2 days|2026-Q3|Support"))
	s.commit("2026-04-01", "ledger: more time", ledger, l("approved", conv("16%", "2026-08-31"), churn))
	s.commit("2026-04-20", "propose referrals", referrals, prfaqDoc("draft", "Max Moe", "Acme launches Referrals", "Referrals|100|500|2026-12-31|CRM"))
	s.commit("2026-05-01", "refunds: next quarter\n\nPRFAQ-Ack: vendor delay", refunds, prfaqDoc("approved", "Jane Roe", "Acme launches one-day refunds", "Refund time|10 days|2 days|2026-Q4|Support"))
	s.commit("2026-05-10", "referrals: fewer", referrals, prfaqDoc("draft", "Max Moe", "Acme launches Referrals", "Referrals|100|300|2026-12-31|CRM"))
	s.commit("2026-06-01", "refunds: 4 days", refunds, prfaqDoc("approved", "Jane Roe", "Acme launches one-day refunds", "Refund time|10 days|4 days|2026-Q4|Support"))
	s.commit("2026-06-19", "cancel referrals", referrals, prfaqDoc("cancelled", "Max Moe", "Acme launches Referrals", "Referrals|100|300|2026-12-31|CRM"))
	s.commit("2026-07-01", "search, approved", search, prfaqDoc("approved", "Max Moe", "Acme search finds it", "Search CTR|3%|5%|2027-03|Analytics"))
	s.commit("2026-08-01", "search back to draft", search, prfaqDoc("draft", "Max Moe", "Acme search finds it", "Search CTR|3%|4%|2027-03|Analytics"))
	s.commit("2026-08-15", "search approved again", search, prfaqDoc("approved", "Max Moe", "Acme search finds it", "Search CTR|3%|4%|2027-03|Analytics"))
	s.commit("2026-09-10", "launch ledger", ledger, l("launched", conv("16%", "2026-08-31"), churn))
	s.commit("2026-12-01", "ledger results", ledger, l("launched", conv("16%", "2026-08-31")+"|17%", churn+"|4%"))
	return s.dir
}

func timelines(t *testing.T, dir string, paths ...string) []history.Timeline {
	t.Helper()
	repo, err := gitcmd.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := history.Timelines(context.Background(), repo, config.Default(), history.LogOptions{Paths: paths})
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func f(x float64) *float64 { return &x }

// countsLine renders Counts for comparison, medians as numbers or "-".
func countsLine(c Counts) string {
	m := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	return fmt.Sprintf("initiatives=%d proposed=%d approved=%d launched=%d cancelled=%d days(approve=%s launch=%s cancel=%s) "+
		"committed=%d due=%d met=%d missed=%d overdue=%d unmeasured=%d slips=%d(median %s) weakened=%d(ack %d, unack %d) removed=%d",
		c.Initiatives, c.Proposed, c.Approved, c.Launched, c.Cancelled, m(c.DaysToApprove), m(c.DaysToLaunch), m(c.DaysToCancel),
		c.Committed, c.Due, c.Met, c.Missed, c.Overdue, c.Unmeasured, c.Slips, m(c.MedianSlipDays), c.Weakened, c.Acknowledged, c.Unacknowledged, c.Removed)
}

func TestScorecardOfARealHistory(t *testing.T) {
	t.Parallel()
	ts := timelines(t, lifecycleRepo(t))
	policy := check.PolicyOf(config.Default())
	today := date("2027-01-15")

	sc := Build(ts, Options{Today: today, Policy: policy})
	want := "initiatives=4 proposed=4 approved=3 launched=1 cancelled=1 days(approve=30 launch=218 cancel=60) " +
		"committed=4 due=3 met=1 missed=1 overdue=1 unmeasured=0 slips=2(median 77) weakened=3(ack 1, unack 2) removed=0"
	if got := countsLine(sc.Total); got != want {
		t.Errorf("total:\n got %s\nwant %s", got, want)
	}

	var rows []string
	for _, in := range sc.Initiatives {
		var ms []string
		for _, m := range in.Metrics {
			ms = append(ms, fmt.Sprintf("%s:%s targets=%s actuals=%s %s", m.Name, m.Outcome, points(m.Targets), points(m.Actuals), m.Unit))
		}
		rows = append(rows, fmt.Sprintf("%s %q %s %s %s p=%s a=%s l=%s c=%s due=%d met=%d missed=%d overdue=%d slips=%d weakened=%d [%s]",
			in.File, in.Headline, in.Owner, in.Status, in.Quarter, in.Proposed, in.Approved, in.Launched, in.Cancelled,
			in.Due, in.Met, in.Missed, in.Overdue, in.Slips, in.Weakened, strings.Join(ms, "; ")))
	}
	equalLines(t, "initiatives", rows, []string{
		`growth/referrals/PRFAQ.md "Acme launches Referrals" Max Moe cancelled 2026-Q2 p=2026-04-20 a= l= c=2026-06-19 due=0 met=0 missed=0 overdue=0 slips=0 weakened=0 [Referrals: targets=500,300 actuals= ]`,
		`growth/search/PRFAQ.md "Acme search finds it" Max Moe approved 2026-Q3 p=2026-07-01 a=2026-07-01 l= c= due=0 met=0 missed=0 overdue=0 slips=0 weakened=1 [Search CTR:pending targets=5,4 actuals= %]`,
		`payments/ledger/PRFAQ.md "Acme launches Ledger" Jane Roe launched 2026-Q1 p=2026-01-05 a=2026-02-04 l=2026-09-10 c= due=2 met=1 missed=1 overdue=0 slips=1 weakened=1 [Conversion:met targets=18,16 actuals=17 %; Churn:missed targets=3 actuals=4 %]`,
		`payments/refunds/PRFAQ.md "Acme launches one-day refunds" Jane Roe approved 2026-Q1 p=2026-02-10 a=2026-03-12 l= c= due=1 met=0 missed=0 overdue=1 slips=1 weakened=1 [Refund time:overdue targets=2,4 actuals= days]`,
	})

	var slips []string
	for _, s := range sc.Slips {
		slips = append(slips, fmt.Sprintf("%s %s %s→%s %d days %s ack=%q", s.File, s.Metric, s.From, s.To, *s.Days, s.Date[:10], s.Acknowledged))
	}
	equalLines(t, "slips", slips, []string{
		`payments/ledger/PRFAQ.md Conversion 2026-06-30→2026-08-31 62 days 2026-04-01 ack=""`,
		`payments/refunds/PRFAQ.md Refund time 2026-Q3→2026-Q4 92 days 2026-05-01 ack="vendor delay"`,
	})
	var weak []string
	for _, w := range sc.Weakenings {
		weak = append(weak, fmt.Sprintf("%s %s %s→%s %s ack=%q", w.File, w.Metric, w.From, w.To, w.Date[:10], w.Acknowledged))
	}
	equalLines(t, "weakenings", weak, []string{
		`payments/ledger/PRFAQ.md Conversion 18%→16% 2026-03-01 ack="budget cut"`,
		`payments/refunds/PRFAQ.md Refund time 2 days→4 days 2026-06-01 ack=""`,
		`growth/search/PRFAQ.md Search CTR 5%→4% 2026-08-15 ack=""`,
	})

	for _, tc := range []struct {
		by   Grouping
		want []string
	}{
		{Owner, []string{
			"Jane Roe: initiatives=2 proposed=2 approved=2 launched=1 cancelled=0 days(approve=30 launch=218 cancel=-) committed=3 due=3 met=1 missed=1 overdue=1 unmeasured=0 slips=2(median 77) weakened=2(ack 1, unack 1) removed=0",
			"Max Moe: initiatives=2 proposed=2 approved=1 launched=0 cancelled=1 days(approve=0 launch=- cancel=60) committed=1 due=0 met=0 missed=0 overdue=0 unmeasured=0 slips=0(median -) weakened=1(ack 0, unack 1) removed=0",
		}},
		{Quarter, []string{
			"2026-Q1: initiatives=2 proposed=2 approved=2 launched=1 cancelled=0 days(approve=30 launch=218 cancel=-) committed=3 due=3 met=1 missed=1 overdue=1 unmeasured=0 slips=2(median 77) weakened=2(ack 1, unack 1) removed=0",
			"2026-Q2: initiatives=1 proposed=1 approved=0 launched=0 cancelled=1 days(approve=- launch=- cancel=60) committed=0 due=0 met=0 missed=0 overdue=0 unmeasured=0 slips=0(median -) weakened=0(ack 0, unack 0) removed=0",
			"2026-Q3: initiatives=1 proposed=1 approved=1 launched=0 cancelled=0 days(approve=0 launch=- cancel=-) committed=1 due=0 met=0 missed=0 overdue=0 unmeasured=0 slips=0(median -) weakened=1(ack 0, unack 1) removed=0",
		}},
		{Status, []string{
			"approved: initiatives=2 proposed=2 approved=2 launched=0 cancelled=0 days(approve=15 launch=- cancel=-) committed=2 due=1 met=0 missed=0 overdue=1 unmeasured=0 slips=1(median 92) weakened=2(ack 0, unack 2) removed=0",
			"cancelled: initiatives=1 proposed=1 approved=0 launched=0 cancelled=1 days(approve=- launch=- cancel=60) committed=0 due=0 met=0 missed=0 overdue=0 unmeasured=0 slips=0(median -) weakened=0(ack 0, unack 0) removed=0",
			"launched: initiatives=1 proposed=1 approved=1 launched=1 cancelled=0 days(approve=30 launch=218 cancel=-) committed=2 due=2 met=1 missed=1 overdue=0 unmeasured=0 slips=1(median 62) weakened=1(ack 1, unack 0) removed=0",
		}},
		{Directory, []string{
			"growth/referrals: initiatives=1 proposed=1 approved=0 launched=0 cancelled=1 days(approve=- launch=- cancel=60) committed=0 due=0 met=0 missed=0 overdue=0 unmeasured=0 slips=0(median -) weakened=0(ack 0, unack 0) removed=0",
			"growth/search: initiatives=1 proposed=1 approved=1 launched=0 cancelled=0 days(approve=0 launch=- cancel=-) committed=1 due=0 met=0 missed=0 overdue=0 unmeasured=0 slips=0(median -) weakened=1(ack 0, unack 1) removed=0",
			"payments/ledger: initiatives=1 proposed=1 approved=1 launched=1 cancelled=0 days(approve=30 launch=218 cancel=-) committed=2 due=2 met=1 missed=1 overdue=0 unmeasured=0 slips=1(median 62) weakened=1(ack 1, unack 0) removed=0",
			"payments/refunds: initiatives=1 proposed=1 approved=1 launched=0 cancelled=0 days(approve=30 launch=- cancel=-) committed=1 due=1 met=0 missed=0 overdue=1 unmeasured=0 slips=1(median 92) weakened=1(ack 0, unack 1) removed=0",
		}},
	} {
		t.Run(string(tc.by), func(t *testing.T) {
			sc := Build(ts, Options{By: tc.by, Today: today, Policy: policy})
			var got []string
			for _, g := range sc.Groups {
				got = append(got, g.Key+": "+countsLine(g.Counts))
			}
			equalLines(t, string(tc.by), got, tc.want)
			if countsLine(sc.Total) != want {
				t.Errorf("total changed with --by %s: %s", tc.by, countsLine(sc.Total))
			}
		})
	}

	// The second quarter: referrals proposed and cancelled, both slips,
	// the refunds weakening; search is not there yet, and the ledger is approved, not
	// launched, as of the end of June.
	t.Run("window", func(t *testing.T) {
		sc := Build(ts, Options{Since: date("2026-04-01"), Until: date("2026-06-30"), Today: today, Policy: policy})
		want := "initiatives=3 proposed=1 approved=0 launched=0 cancelled=1 days(approve=- launch=- cancel=60) " +
			"committed=3 due=0 met=0 missed=0 overdue=0 unmeasured=0 slips=2(median 77) weakened=1(ack 0, unack 1) removed=0"
		if got := countsLine(sc.Total); got != want {
			t.Errorf("window:\n got %s\nwant %s", got, want)
		}
		if sc.Since != "2026-04-01" || sc.Until != "2026-06-30" {
			t.Errorf("window echoed as %q..%q", sc.Since, sc.Until)
		}
	})
	// One PRFAQ named: its history only.
	t.Run("path", func(t *testing.T) {
		sc := Build(timelines(t, lifecycleRepo(t), "payments/refunds/PRFAQ.md"), Options{Today: today, Policy: policy})
		want := "initiatives=1 proposed=1 approved=1 launched=0 cancelled=0 days(approve=30 launch=- cancel=-) " +
			"committed=1 due=1 met=0 missed=0 overdue=1 unmeasured=0 slips=1(median 92) weakened=1(ack 0, unack 1) removed=0"
		if got := countsLine(sc.Total); got != want {
			t.Errorf("path:\n got %s\nwant %s", got, want)
		}
	})
}

func points(ps []Point) string {
	var s []string
	for _, p := range ps {
		s = append(s, fmt.Sprint(p.Value))
	}
	return strings.Join(s, ",")
}

func equalLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got:\n\t%s\nwant:\n\t%s", what, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}
