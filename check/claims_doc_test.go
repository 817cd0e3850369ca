package check

import (
	"os"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/rule"
)

// TestRulesDocClaimExamples keeps docs/rules.md#claim-unbacked honest: its
// example document has the one unbacked claim it says, with the row it
// shows, and the sentences it calls no claim give no finding.
func TestRulesDocClaimExamples(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	start := strings.Index(doc, "### Examples")
	blocks := strings.Split(doc[start:], "```markdown\n")
	example := blocks[1][:strings.Index(blocks[1], "```")]
	fs := claimFindings(run(t, example, nil))
	const row = "| Build reports | ? | ? (2x better than Baseline) | ? | ? |"
	if len(fs) != 1 || fs[0].Text != "2x faster" || fs[0].Suggestion != row || fs[0].Severity != rule.Warning {
		t.Errorf("example: %+v, want one warning on \"2x faster\" proposing %s", fs, row)
	}
	if !strings.Contains(doc, "`"+row+"`") {
		t.Errorf("docs/rules.md does not show the row %s", row)
	}
	// The "not a claim" sentences, as the summary of the same document.
	notClaims := "Leadly is available 24/7 for $20 a month in 12 countries. Leadly v2.2.0 ships in March 2027. \"It cut our close by 80%,\" said Bo Chen."
	withSummary := strings.Replace(example, "## Success Metrics", "## Summary\n\n"+notClaims+"\n\n## Success Metrics", 1)
	if fs := claimFindings(run(t, withSummary, nil)); len(fs) != 1 {
		t.Errorf("not-claims summary: %+v, want only the \"2x faster\" finding", fs)
	}
	// The suppression shown covers the headline's claim.
	suppressed := strings.Replace(example, "*Sales teams cut month-end close from 6 days to 1 and build reports 2x faster.*",
		"*Sales teams cut month-end close from 6 days to 1.*", 1)
	suppressed = strings.Replace(suppressed, "| Qualified lead conversion | 10% | 15% | 2027-06-30 | CRM |\n", "", 1)
	suppressed = "<!-- prfaq-ignore claim-unbacked: the pilot's figure, measured by the sales team -->\n" + suppressed
	if fs := claimFindings(run(t, suppressed, nil)); len(fs) != 1 || !fs[0].Suppressed || !strings.HasPrefix(fs[0].Text, "50% improvement") {
		t.Errorf("suppressed headline claim: %+v", fs)
	}
}
