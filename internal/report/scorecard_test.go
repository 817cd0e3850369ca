package report

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/prfaq/git-prfaq/internal/scorecard"
)

func ptr[T any](v T) *T { return &v }

// sampleScorecard is two initiatives, one of them launched with a met and
// a missed metric, one slip and one weakening.
func sampleScorecard() scorecard.Scorecard {
	return scorecard.Scorecard{
		Today: "2027-01-15", By: "owner",
		Total: scorecard.Counts{Initiatives: 2, Proposed: 2, Approved: 2, Launched: 1, DaysToApprove: ptr(30.0), DaysToLaunch: ptr(218.0),
			Committed: 3, Due: 3, Met: 1, Missed: 1, Overdue: 1, Slips: 1, MedianSlipDays: ptr(62.0), Weakened: 1, Acknowledged: 1},
		Groups: []scorecard.Group{{Key: "Jane Roe", Counts: scorecard.Counts{Initiatives: 2, Proposed: 2, Approved: 2, Launched: 1,
			Due: 3, Met: 1, Missed: 1, Overdue: 1, Slips: 1, Weakened: 1, Acknowledged: 1}}},
		Initiatives: []scorecard.Initiative{
			{File: "payments/ledger/PRFAQ.md", Directory: "payments/ledger", Headline: "Acme launches Ledger", Owner: "Jane Roe",
				Status: "launched", Quarter: "2026-Q1", Proposed: "2026-01-05", Approved: "2026-02-04", Launched: "2026-09-10",
				Due: 2, Met: 1, Missed: 1, Slips: 1, Weakened: 1, Metrics: []scorecard.Metric{
					{Name: "Conversion", Baseline: "12%", Target: "16%", By: "2026-08-31", Actual: "17%", Outcome: "met", Due: true, Unit: "%",
						Targets: []scorecard.Point{{Commit: "a1", Date: "2026-01-05", Value: 18, Text: "18%"}, {Commit: "a2", Date: "2026-03-01", Value: 16, Text: "16%"}},
						Actuals: []scorecard.Point{{Commit: "a3", Date: "2026-12-01", Value: 17, Text: "17%"}}},
					{Name: "Churn", Baseline: "5%", Target: "3%", By: "2026-09-30", Actual: "4%", Outcome: "missed", Due: true, Unit: "%",
						Targets: []scorecard.Point{{Commit: "a1", Date: "2026-01-05", Value: 3, Text: "3%"}}},
				}},
			{File: "payments/refunds/PRFAQ.md", Directory: "payments/refunds", Headline: "Acme launches one-day refunds", Owner: "Jane Roe",
				Status: "approved", Quarter: "2026-Q1", Proposed: "2026-02-10", Approved: "2026-03-12", Due: 1, Overdue: 1,
				Metrics: []scorecard.Metric{{Name: "Refund time", Target: "soon", By: "2026-Q4", Outcome: "overdue", Due: true,
					Targets: []scorecard.Point{}, Actuals: []scorecard.Point{}}}},
		},
		Slips: []scorecard.Slip{{File: "payments/ledger/PRFAQ.md", Metric: "Conversion", From: "2026-06-30", To: "2026-08-31", Days: ptr(62),
			Commit: "a4", Date: "2026-04-01T12:00:00Z"}},
		Weakenings: []scorecard.Weakening{{File: "payments/ledger/PRFAQ.md", Metric: "Conversion", From: "18%", To: "16%",
			Commit: "a2", Date: "2026-03-01T12:00:00Z", Acknowledged: "budget cut"}},
	}
}

func TestScorecardText(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := ScorecardText(&b, sampleScorecard()); err != nil {
		t.Fatal(err)
	}
	// Document text cannot drive the terminal or start a line of its own.
	hostile := sampleScorecard()
	hostile.Slips[0].Acknowledged = "ok\x1b]0;owned\x07\nFAKE line"
	var h bytes.Buffer
	if err := ScorecardText(&h, hostile); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(h.String(), "\x1b\x07") || strings.Contains(h.String(), "\nFAKE") ||
		!strings.Contains(h.String(), `acknowledged: ok\x1b]0;owned\x07 FAKE line`) {
		t.Errorf("hostile reason printed as:\n%s", h.String())
	}
	for _, want := range []string{
		"PRFAQ scorecard: 2 initiatives, today 2027-01-15\n",
		"Initiatives       2 proposed, 2 approved, 1 launched, 0 cancelled\n",
		"Median time       proposed → approved 30 days, approved → launched 218 days, proposed → cancelled -\n",
		"Metrics           3 committed; 3 due: 1 met, 1 missed, 1 overdue without an Actual\n",
		"Deadline slips    1 after approval, median 62 days later\n",
		"Targets weakened  1 after approval: 1 acknowledged, 0 not\n",
		"Jane Roe  2            2         2         1         0          3    1    1       1        1      1\n",
		"payments/ledger/PRFAQ.md   launched  Jane Roe  2026-01-05  2026-02-04  2026-09-10  2 (due 2: met 1, missed 1, overdue 0)  1      1\n",
		"  2026-04-01  payments/ledger/PRFAQ.md  Conversion: By 2026-06-30 → 2026-08-31 (+62 days)  not acknowledged\n",
		"  2026-03-01  payments/ledger/PRFAQ.md  Conversion: 18% → 16%  acknowledged: budget cut\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("missing %q in:\n%s", want, b.String())
		}
	}
}

// TestScorecardJSONKeys: the keys docs/scorecard.md documents.
func TestScorecardJSONKeys(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := ScorecardJSON(&b, sampleScorecard()); err != nil {
		t.Fatal(err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b.Bytes(), &top); err != nil {
		t.Fatal(err)
	}
	keysOf := func(raw json.RawMessage) []string {
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return ks
	}
	if got, want := strings.Join(keysOf(b.Bytes()), " "), "by groups initiatives slips today total weakenings"; got != want {
		t.Errorf("top keys: %s, want %s", got, want)
	}
	want := "approved cancelled due initiatives launched median_days_approved_to_launched median_days_proposed_to_approved " +
		"median_days_proposed_to_cancelled median_slip_days met metrics_committed metrics_removed missed overdue proposed slips " +
		"targets_weakened targets_weakened_acknowledged targets_weakened_unacknowledged unmeasured"
	if got := strings.Join(keysOf(top["total"]), " "); got != want {
		t.Errorf("total keys:\n got %s\nwant %s", got, want)
	}
	var ins []json.RawMessage
	json.Unmarshal(top["initiatives"], &ins)
	if got, want := strings.Join(keysOf(ins[0]), " "), "approved cancelled directory due file headline launched met metrics missed overdue owner proposed quarter slips status targets_weakened"; got != want {
		t.Errorf("initiative keys:\n got %s\nwant %s", got, want)
	}
	if !strings.Contains(b.String(), `"median_days_proposed_to_cancelled": null`) {
		t.Errorf("an unmeasured median should be null:\n%s", b.String())
	}
}

func TestScorecardMarkdownEscapes(t *testing.T) {
	t.Parallel()
	sc := sampleScorecard()
	sc.Initiatives[0].Owner = "Jane | <b>Roe</b>"
	sc.Weakenings[0].Acknowledged = "see [here](javascript:x)"
	var b bytes.Buffer
	if err := ScorecardMarkdown(&b, sc); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`Jane \| \<b\>Roe\</b\>`, `see \[here\](javascript:x)`, "| **Targets weakened** | 1 after approval: 1 acknowledged, 0 not |"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
}

// urlish finds anything a browser could fetch or follow: a scheme, a
// protocol-relative or CSS url(), an import, a script or a source
// attribute.
var urlish = regexp.MustCompile(`(?i)[a-z][a-z0-9+.-]*://|url\(|@import|<script|\ssrc=|\shref=|<link|<iframe|<object|<embed`)

func TestScorecardHTMLSelfContained(t *testing.T) {
	t.Parallel()
	sc := sampleScorecard()
	hostile := `<script>alert(1)</script><img src="https://example.com/x.png">`
	sc.Initiatives[0].Headline = hostile
	sc.Initiatives[0].Metrics[0].Name = strings.Repeat("é", 5000)
	sc.Weakenings[0].Acknowledged = `" onmouseover="x` + "\x1b[2J"
	var b bytes.Buffer
	if err := ScorecardHTML(&b, sc); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	// Escaped text may say anything; no tag may point anywhere.
	for _, tag := range regexp.MustCompile(`<[^>]*>`).FindAllString(out, -1) {
		if m := urlish.FindString(tag); m != "" {
			t.Errorf("a tag names something to fetch: %q in %s", m, tag)
		}
	}
	var plain bytes.Buffer
	if err := ScorecardHTML(&plain, sampleScorecard()); err != nil {
		t.Fatal(err)
	}
	if m := urlish.FindString(plain.String()); m != "" {
		t.Errorf("the page names something to fetch: %q", m)
	}
	if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img") {
		t.Errorf("the headline is not escaped")
	}
	if strings.Contains(out, strings.Repeat("é", maxText)) || !strings.Contains(out, strings.Repeat("é", maxText-1)+"…") {
		t.Errorf("a long metric name is not clipped to %d characters", maxText)
	}
	if strings.Contains(out, `" onmouseover="`) {
		t.Errorf("a reason breaks out of its text")
	}
	if n := strings.Count(out, "<svg width=\"260\""); n != 2 {
		t.Errorf("%d charts, want 2 (Conversion, Churn; Refund time's target is no number)", n)
	}
	// Conversion: target 18% → 16% as steps, and the actual 17%, on one
	// x axis of three commits; Churn's one target drawn across.
	for _, want := range []string{`<polyline points="76,19 164,19 164,64 252,64"`, `<circle cx="252" cy="41" r="3.5"`,
		`<title>actual 2026-12-01: 17%</title>`, `>18.4 %</text>`, `>15.6 %</text>`, `<polyline points="76,42 252,42"`,
		"no chart: the target is not a number"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q", want)
		}
	}
	if !utf8.ValidString(out) {
		t.Error("the page is not UTF-8")
	}
}

func TestAxisLabel(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		v    float64
		unit string
		want string
	}{
		{2.31, "seconds", "2.31 s"},
		{36, "hours", "36 h"},
		{508000, "USD", "508k USD"},
		{1234567, "", "1.235M"},
		{19.6, "%", "19.6 %"},
		{3, "percentage points", "3 pp"},
		{-12000, "active users", "-12k active u…"},
	} {
		if got := axisLabel(tc.v, tc.unit); got != tc.want {
			t.Errorf("axisLabel(%v, %q) = %q, want %q", tc.v, tc.unit, got, tc.want)
		}
	}
}
