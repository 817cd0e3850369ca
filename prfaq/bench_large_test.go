package prfaq_test

// An external test package: config builds the Spec from the default
// configuration and imports prfaq, which package prfaq's own tests cannot.

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
)

// largeUnit is one part of a realistic PRFAQ with every shape the reader
// meets in the wild: headings of each kind, narrative paragraphs with
// quotes, bold run-in labels, questions as headings, as bold Q: paragraphs
// and as numbered list items, answers that are lists, tables or code,
// links and inline code. %[1]d makes every copy's text its own.
const largeUnit = `## Summary

Today Example Corp launched Ledger %[1]d, a bookkeeping service for shops with fewer than twenty staff. It reconciles every card payment with the bank on the same day, and sends the accountant a ready ledger at month end, so that owners stop spending "the last weekend of every month" on spreadsheets.

**The problem.** Shop owners reconcile by hand: 61%% of the owners we interviewed spend more than six hours a month on it, and one in five has paid a late-filing fee in the past year. See [our survey](https://example.com/survey/%[1]d) and the ` + "`reconcile`" + ` log for details.

**The solution.** Ledger reads the bank feed and the card terminal, matches them, and flags what does not match *before* the month ends. Nothing to install: owners connect their bank in the browser.

> "We closed March in an afternoon instead of a weekend," said Jane Roe, owner of Roe's Hardware in Leeds. "I finally know where the money is on the day it moves."

"Small shops deserve the tools big retailers have," said John Doe, Vice President of Payments at Example Corp. "Ledger makes month-end close a non-event."

**How to get started.** Sign up at https://example.com/ledger, connect a bank account and a card terminal, and invite your accountant:

1. Create an account.
2. Connect the bank (Open Banking, read-only).
3. Connect the terminal: ` + "`ledger connect --terminal sumup`" + `.

- Works with **SumUp**, *Square* and Zettle.
- Exports to Xero, QuickBooks and CSV.
  - CSV columns follow the accountant's template.
  - Dates are ISO 8601.

## External FAQ

### How much does Ledger cost?

£12 a month per shop, with the first three months free. There is no per-transaction fee.

**Q: Which banks are supported?**
A: Every UK bank with an Open Banking API, which is all of the nine largest.

**Q: Can my accountant see my ledger?**

Yes, with a read-only invitation that you can revoke at any time.

1. **Is my data safe?** It is encrypted at rest and in transit, and never leaves the EU.
2. **Can I cancel?** Yes, at any time, from the settings page; you keep your exports.
3. **What if a payment does not match?**

   Ledger lists it on the dashboard with the three likeliest matches.

## Internal FAQ

### What does it cost us to run?

| Item | Monthly cost | Notes |
|---|---:|---|
| Bank feed API | £2,400 | per 10,000 shops |
| Hosting | £900 | two regions |
| Support | £6,000 | one agent per 2,000 shops |

### Why now?

The bank API went live in Q3. Before that we would have had to scrape statements, which the banks forbid.

` + "```go" + `
func reconcile(bank, card []Payment) (matched, unmatched []Payment) {
	// ## Not a heading: inside code
	return match(bank, card, 24*time.Hour)
}
` + "```" + `

## Success Metrics

| Metric | Baseline | Target | By | Source |
|---|---|---|---|---|
| Month-end close time | 6 hours | 1 hour | 2027-06-30 | Time-tracking survey |
| Paying shops | 0 | 5,000 | 2027-Q4 | Billing export |
| Churn | 6%% | 3%% | 2027-12-31 | Billing export |

`

// realisticPRFAQ is a PRFAQ of at least size bytes: front matter, one
// headline, then numbered copies of largeUnit.
func realisticPRFAQ(size int) []byte {
	var b strings.Builder
	b.WriteString("+++\nstatus = \"review\"\nowner = \"jane@example.com\"\n+++\n\n")
	b.WriteString("# Example Corp launches Ledger to help small shops close the month in an hour\n\n")
	b.WriteString("## Subheading\n\nSame-day reconciliation for shops with fewer than twenty staff.\n\n")
	for i := 1; b.Len() < size; i++ {
		fmt.Fprintf(&b, largeUnit, i)
	}
	return []byte(b.String())
}

// BenchmarkParseLarge parses a 1 MB PRFAQ: the reader must stay linear on
// the biggest document a repository is likely to hold (documents.max_bytes
// is 1 MiB by default).
func BenchmarkParseLarge(b *testing.B) {
	src := realisticPRFAQ(1 << 20)
	spec := config.Default().Spec()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := prfaq.Parse(src, spec); err != nil {
			b.Fatal(err)
		}
	}
}

// adversarial are inputs a real author could write that stress one part of
// the reader each, as functions of their size in bytes.
var adversarial = []struct {
	name string
	gen  func(size int) []byte
}{
	{"realistic", realisticPRFAQ},
	{"short questions", repeat("## External FAQ\n\n",
		"### Why %[1]d?\n\nBecause.\n\n**Q: How %[1]d?**\nA: So.\n\n1. **When %[1]d?** Now.\n")},
	{"long paragraphs", func(size int) []byte {
		// Paragraphs of about 64 KB, one line each, with quotes, emphasis and code spans.
		var b strings.Builder
		b.WriteString("# Example Corp launches Ledger\n\n## Summary\n\n")
		for i := 1; b.Len() < size; i++ {
			fmt.Fprintf(&b, `Owners said "it takes a weekend" (%d) and *every* shop **agreed**, citing `+"`reconcile`"+` and [the survey](https://example.com/%d); `, i, i)
			if i%400 == 0 {
				b.WriteString("\n\n")
			}
		}
		return []byte(b.String())
	}},
	{"bold labels", repeat("# Example Corp launches Ledger\n\n",
		"**The problem %[1]d.** Owners reconcile by hand.\n\n**Customer quote:** \"It took a weekend,\" said Jane Roe.\n\n")},
	{"list items", repeat("## Internal FAQ\n\n### What is in scope?\n\n",
		"- item %[1]d with **bold**, *emphasis*, `code` and a [link](https://example.com/%[1]d)\n  - nested item %[1]d\n1. numbered %[1]d\n")},
	{"long answer", repeat("## Internal FAQ\n\n### What is in scope?\n\n",
		"Shops in region %[1]d are in scope from the first release.\n\n")},
	{"nesting", repeat("## Summary\n\n",
		strings.Repeat("> ", 20)+"quoted %[1]d\n\n"+
			"- a\n  - b\n    - c\n      - d\n        - e\n          - f\n            - g %[1]d\n\n"+
			"> - > 1. > **Q: deep %[1]d?**\n> >    > A: yes.\n\n")},
	{"table rows", repeat("## Success Metrics\n\n| Metric | Baseline | Target | By | Source |\n|---|---|---|---|---|\n",
		"| Metric %[1]d | 6 hours | 1 hour | 2027-06-30 | Survey %[1]d |\n")},
}

// repeat is head then numbered copies of unit up to size bytes.
func repeat(head, unit string) func(int) []byte {
	return func(size int) []byte {
		var b strings.Builder
		b.WriteString(head)
		for i := 1; b.Len() < size; i++ {
			fmt.Fprintf(&b, unit, i)
		}
		return []byte(b.String())
	}
}

// parseTime is how long one parse of src takes.
func parseTime(t *testing.T, src []byte, spec prfaq.Spec) time.Duration {
	t.Helper()
	var err error
	d := workTime(func() { _, err = prfaq.Parse(src, spec) })
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}

// TestParseLinear parses each adversarial input at 256 KB and at 1 MB: four
// times the input must take about four times as long, and more than eight
// times as long means some part of the reader grows faster than the
// document. Small and large runs alternate, so that a burst of load on a
// shared machine slows both alike, and the shortest of each is compared;
// it stops as soon as the ratio is within the bound, after at most five
// rounds.
func TestParseLinear(t *testing.T) {
	const small, large, rounds, maxRatio = 256 << 10, 1 << 20, 5, 8.0
	spec := config.Default().Spec()
	for _, a := range adversarial {
		t.Run(a.name, func(t *testing.T) {
			s, l := a.gen(small), a.gen(large)
			ts, tl := time.Duration(1<<63-1), time.Duration(1<<63-1)
			ratio := 0.0
			for range rounds {
				ts = max(min(ts, parseTime(t, s, spec)), time.Microsecond)
				tl = min(tl, parseTime(t, l, spec))
				if ratio = float64(tl) / float64(ts); ratio <= maxRatio {
					break
				}
			}
			t.Logf("%d bytes: %v; %d bytes: %v; ratio %.1f", len(s), ts, len(l), tl, ratio)
			if ratio > maxRatio {
				t.Errorf("parsing %d bytes took %v, %.1f times the %v of %d bytes: want at most %.0f (linear is 4)",
					len(l), tl, ratio, ts, len(s), maxRatio)
			}
		})
	}
}
