package docsum

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
)

func TestOf(t *testing.T) {
	t.Parallel()
	good, err := os.ReadFile(filepath.Join("..", "..", "check", "testdata", "good.md"))
	if err != nil {
		t.Fatal(err)
	}
	launched := strings.NewReplacer(`status = "review"`, `status = "Launched"`,
		"| Metric | Baseline | Target | By | Source |", "| Metric | Baseline | Target | By | Source | Actual | Current |",
		"|---|---|---|---|---|", "|---|---|---|---|---|---|---|",
		"| Onboarding survey |", "| Onboarding survey | 1 day | 2 days |",
		"| Billing dashboard |", "| Billing dashboard | 900 shops | |").Replace(string(good))
	tests := []struct {
		name, doc         string
		status, owner     string
		rows, met, missed int
		actual, current   string
	}{
		{"review, no Actual", string(good), "review", "Jane Roe <jane@example.com>", 2, 0, 0, "", ""},
		{"launched, one met, one missed", launched, "Launched", "Jane Roe <jane@example.com>", 2, 1, 1, "1 day", "2 days"},
	}
	cfg := config.Default()
	parser := prfaq.NewParser(cfg.Spec())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, err := parser.Parse([]byte(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			s := Of(doc, check.PolicyOf(cfg))
			if s.Status != tt.status || s.Owner != tt.owner || len(s.Metrics) != tt.rows || s.Met != tt.met || s.Missed != tt.missed {
				t.Fatalf("summary %+v", s)
			}
			if !strings.HasPrefix(s.Headline, "Example Corp launches Ledger") {
				t.Fatalf("headline %q", s.Headline)
			}
			r := s.Metrics[0]
			if r.Name != "Month-end close time" || r.Baseline != "6 days" || r.Target != "1 day" || r.By != "2027-06-30" ||
				r.Actual != tt.actual || r.Current != tt.current || r.HasActual != (tt.actual != "") {
				t.Fatalf("first row %+v", r)
			}
		})
	}
}
