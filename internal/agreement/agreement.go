// Package agreement is the table of histories every entry point of the
// merge gate must judge alike (README, "Weakened success criteria"): the
// hooks through real git commands, check --range and --base, diff, log and
// the GitHub Action each build these repositories and assert the one
// verdict. It is test support: only tests import it.
package agreement

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/prfaq/git-prfaq/internal/gittest"
)

// File is where the one PRFAQ of every scenario lives.
const File = "services/pay/PRFAQ.md"

// Doc is a state of that PRFAQ: its status and its one metric's cells. A
// zero field takes the value of Start.
type Doc struct {
	Status, Baseline, Target, By string
	// Note is a sentence added to the FAQ, for a commit that touches the
	// PRFAQ without changing its metric.
	Note string
}

// Start is the PRFAQ every scenario begins with, on main.
var Start = Doc{Status: "approved", Baseline: "40%", Target: "60%", By: "2027-06-30"}

// Commit is one commit of a scenario: a new state of the PRFAQ; with
// Merge, a --no-ff merge of the side branch; with Delete, the PRFAQ
// deleted.
type Commit struct {
	Doc     Doc
	Message string // the whole message; trailers after a blank line
	Merge   bool
	Delete  bool
	// Config, when set, is the .prfaq.toml this commit writes.
	Config string
}

// Scenario is one history and the verdict every entry point must give.
type Scenario struct {
	Name string
	// Config is .prfaq.toml, committed on main with Start ("" for none).
	Config string
	// Main are commits on main after Start, before the branch leaves it.
	Main []Commit
	// Side are commits on the branch "side", which leaves main where
	// "change" does; a Merge commit in Branch merges it.
	Side []Commit
	// Branch are the commits of the branch "change" under review.
	Branch []Commit
	// Blocked is the verdict: the merge gate refuses main..change.
	Blocked bool
	// Silent: no entry point mentions a weakening (severity off).
	Silent bool
	// ConfigOnly: only config-weakened refuses it, which diff and log,
	// reports of metric changes, do not show.
	ConfigOnly bool
	// LaterAck is the reason the tip of change gives for a weakening an
	// earlier commit made: log names that commit as the acknowledgement.
	LaterAck string
}

// Scenarios is the table.
func Scenarios() []Scenario {
	lower := Doc{Target: "50%"}
	return []Scenario{
		{Name: "weakened-unacknowledged", Branch: []Commit{{Doc: lower, Message: "Lower the target"}}, Blocked: true},
		{Name: "ack-same-commit", Branch: []Commit{{Doc: lower, Message: "Lower the target\n\nPRFAQ-Ack: pilot budget halved"}}},
		{Name: "ack-later-commit", Branch: []Commit{
			{Doc: lower, Message: "Lower the target"},
			{Doc: Doc{Target: "50%", Note: "The pilot runs in two regions."}, Message: "Explain\n\nPRFAQ-Ack: pilot budget halved in Q2 planning"},
		}, LaterAck: "pilot budget halved in Q2 planning"},
		{Name: "weaken-restore", Branch: []Commit{
			{Doc: lower, Message: "Lower the target"},
			{Doc: Doc{}, Message: "Restore the target"},
		}},
		{Name: "deadline-slipped", Branch: []Commit{{Doc: Doc{By: "2027-12-31"}, Message: "Later"}}, Blocked: true},
		{Name: "draft-round-trip-in-range", Branch: []Commit{
			{Doc: Doc{Status: "draft", Target: "50%"}, Message: "Back to draft, lower"},
			{Doc: Doc{Status: "approved", Target: "50%"}, Message: "Approve again"},
		}, Blocked: true},
		{Name: "draft-round-trip-across-merges",
			Main:    []Commit{{Doc: Doc{Status: "draft", Target: "50%"}, Message: "Back to draft, lower"}},
			Branch:  []Commit{{Doc: Doc{Status: "approved", Target: "50%"}, Message: "Approve again"}},
			Blocked: true},
		{Name: "draft-weakening-is-a-warning", Branch: []Commit{{Doc: Doc{Status: "draft", Target: "50%"}, Message: "Back to draft, lower"}}},
		{Name: "ack-in-merged-side-branch",
			Side:   []Commit{{Doc: lower, Message: "Lower the target\n\nPRFAQ-Ack: pilot budget halved"}},
			Branch: []Commit{{Merge: true, Message: "Merge side"}}},
		{Name: "unacknowledged-in-merged-side-branch",
			Side:    []Commit{{Doc: lower, Message: "Lower the target"}},
			Branch:  []Commit{{Merge: true, Message: "Merge side"}},
			Blocked: true},
		{Name: "severity-off", Config: "[severity]\nmetric-weakened = \"off\"\n",
			Branch: []Commit{{Doc: lower, Message: "Lower the target"}}, Silent: true},
		{Name: "change-turns-its-severity-off", Branch: []Commit{{Doc: lower, Config: "[severity]\nmetric-weakened = \"off\"\n", Message: "Lower the target, quietly"}}, Blocked: true},
		{Name: "change-renames-the-trailer", Branch: []Commit{{Doc: lower, Config: "[acknowledgement]\ntrailer = \"Signed-off-by\"\n",
			Message: "Lower the target\n\nSigned-off-by: Jane Roe <jane@example.com>"}}, Blocked: true},
		{Name: "config-loosened", Branch: []Commit{{Config: "[press_release]\nmax_words = 5000\n", Message: "Longer press releases"}},
			Blocked: true, ConfigOnly: true},
		{Name: "config-loosened-acknowledged", Branch: []Commit{{Config: "[press_release]\nmax_words = 5000\n",
			Message: "Longer press releases\n\nPRFAQ-Ack: the board wants the whole story"}}},
		{Name: "target-crosses-baseline", Branch: []Commit{{Doc: Doc{Target: "30%"}, Message: "Expect a fall"}}, Blocked: true},
		{Name: "target-back-to-first-ambition",
			Main:   []Commit{{Doc: Doc{Target: "30%"}, Message: "Expect a fall\n\nPRFAQ-Ack: market shrank"}},
			Branch: []Commit{{Doc: Doc{Target: "60%"}, Message: "Aim for the first target again"}}},
	}
}

// Build makes the scenario's repository in dir (an empty directory): main
// with Start and Main, side with Side, and change checked out. env is the
// environment git runs in (an isolated identity and configuration); every
// commit skips hooks, which the caller installs afterwards to test them.
func Build(t testing.TB, dir string, env []string, s Scenario) {
	t.Helper()
	g := func(args ...string) { gittest.Git(t, dir, env, args...) }
	g("init", "-q", "-b", "main")
	write(t, dir, Start)
	if s.Config != "" {
		gittest.WriteFile(t, filepath.Join(dir, ".prfaq.toml"), s.Config)
	}
	g("add", "-A")
	g("commit", "-q", "--no-verify", "-m", "Add the pay PRFAQ")
	commits(t, dir, env, s.Main)
	g("branch", "side")
	g("checkout", "-q", "-b", "change")
	if len(s.Side) > 0 {
		g("checkout", "-q", "side")
		commits(t, dir, env, s.Side)
		g("checkout", "-q", "change")
	}
	commits(t, dir, env, s.Branch)
}

func commits(t testing.TB, dir string, env []string, cs []Commit) {
	t.Helper()
	for _, c := range cs {
		if c.Merge {
			gittest.Git(t, dir, env, "merge", "-q", "--no-ff", "--no-verify", "-m", c.Message, "side")
			continue
		}
		write(t, dir, c.Doc)
		if c.Config != "" {
			gittest.WriteFile(t, filepath.Join(dir, ".prfaq.toml"), c.Config)
		}
		gittest.Git(t, dir, env, "add", "-A")
		gittest.Git(t, dir, env, "commit", "-q", "--no-verify", "-m", c.Message)
	}
}

// write writes the PRFAQ in state d over Start.
func write(t testing.TB, dir string, d Doc) {
	t.Helper()
	gittest.WriteFile(t, filepath.Join(dir, filepath.FromSlash(File)), Render(d))
}

// Render is the PRFAQ in state d: a complete document with no finding
// other than what its metric's history brings.
func Render(d Doc) string {
	or := func(v, def string) string {
		if v == "" {
			return def
		}
		return v
	}
	note := ""
	if d.Note != "" {
		note = "\n### Where does the pilot run?\n\n" + d.Note + "\n"
	}
	return fmt.Sprintf(template, or(d.Status, Start.Status), note,
		or(d.Baseline, Start.Baseline), or(d.Target, Start.Target), or(d.By, Start.By))
}

const template = `+++
status = %q
owner = "Jane Roe <jane@example.com>"
+++

# Example Corp launches Pay to help small shops get paid the day they sell

## Subheading

Small shops can now take card payments and see the money the same day.

## Summary

Today Example Corp launched Pay, a card service for shops with fewer than twenty staff.
Owners connect a bank account once, and Pay settles every sale the same evening.
Waiting a week for card money becomes a thing of the past.

## Problem

Shop owners wait up to a week for card payments to settle, and run short of cash for stock.

## Solution

Pay settles every card sale into the shop's bank account on the evening of the sale.

## Leader Quote

"Cash that arrives the same day keeps a small shop open," said Ana Diaz, head of product.

## How to Get Started

Sign up at example.com/pay and connect a bank account.

## Customer Quote

"I bought stock with Monday's sales on Monday night," said Bo Chen, who runs a bakery.

## Call to Action

Try Pay free for thirty days at example.com/pay.

## External FAQ

### How much does it cost?

One percent of each sale.
%s
## Internal FAQ

### Why now?

Instant payment rails make same-day settlement cheap this year.

## Success Metrics

| Metric | Baseline | Target | By | Source |
|---|---|---|---|---|
| Shops settled the same day | %s | %s | %s | Settlement dashboard |
`
