package check

import (
	"os"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// TestREADMEDocumentExamples keeps the README honest: the narrative press
// release and the heading-per-part one it shows side by side are read as it
// says, every part found, by prose and label in one and by heading in the
// other.
func TestREADMEDocumentExamples(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	sec := string(b)
	start := strings.Index(sec, "## The PRFAQ document")
	end := strings.Index(sec, "### Measurable metrics")
	if start < 0 || end < start {
		t.Fatal("README has no document section")
	}
	blocks := strings.Split(sec[start:end], "```markdown\n")
	if len(blocks) < 3 {
		t.Fatalf("want two examples, found %d", len(blocks)-1)
	}
	narrative := blocks[1][:strings.Index(blocks[1], "```")]
	headings := blocks[2][:strings.Index(blocks[2], "```")]
	spec := config.Default().Spec()
	check := func(name, src string, how map[string]string) {
		d, err := prfaq.Parse([]byte(src), spec)
		if err != nil {
			t.Fatal(err)
		}
		if d.Headline == nil {
			t.Errorf("%s: no headline", name)
		}
		for part, want := range how {
			f := d.Parts[part]
			if f.Presence != prfaq.Present || f.How != want {
				t.Errorf("%s: %s = %+v, want found by %s", name, part, f, want)
			}
		}
	}
	check("narrative", narrative, map[string]string{
		"Subheading": "line", "Summary": "prose", "Problem": "prose", "Solution": "prose", "Leader Quote": "prose",
		"Customer Quote": "prose", "How to Get Started": "label", "Call to Action": "prose",
		"External FAQ": "heading", "Internal FAQ": "heading",
	})
	all := map[string]string{}
	for _, s := range spec.Sections {
		all[s.Name] = "heading"
	}
	check("headings", headings, all)
	if fs := run(t, narrative, nil); len(fs) != 1 || fs[0].Rule != rule.MetricsMissing {
		t.Errorf("narrative example: want only metrics-missing (it has no table), got %+v", fs)
	}
}

// TestREADMEGermanConfiguration: the German configuration the README shows
// loads, and a German PRFAQ written to it passes.
func TestREADMEGermanConfiguration(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "**Other languages.**")
	if i < 0 {
		t.Fatal("README has no Other languages paragraph")
	}
	s = s[i:]
	s = s[strings.Index(s, "```toml\n")+len("```toml\n"):]
	cfg, err := config.Parse(".prfaq.toml", []byte(s[:strings.Index(s, "```")]))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Sections[0].Part != prfaq.PartSummary {
		t.Errorf("Zusammenfassung's part = %q, want it inferred as summary", cfg.Sections[0].Part)
	}
	doc := `# Acme bringt Ledger für kleine Läden auf den Markt

## Zusammenfassung

Heute stellt Acme Ledger vor, eine Buchhaltung für Läden mit weniger als zwanzig Mitarbeitern, die jeden Beleg über Nacht der richtigen Buchung zuordnet und den Monatsabschluss auf einen Nachmittag verkürzt.

## Problemstellung

Ladenbesitzer verbringen jeden Monat sechs Abende damit, Belege von Hand zuzuordnen, und machen dabei Fehler.

## Häufige Fragen

### Was kostet es?

Zwanzig Euro im Monat.

## Interne Fragen

### Warum jetzt?

Die Banken haben ihre Schnittstellen geöffnet.

## Erfolgskennzahlen

| Kennzahl | Ausgangswert | Ziel | Bis | Quelle |
|---|---|---|---|---|
| Abschlussdauer | 6 Tage | 1 Tag | 2027-06-30 | Umfrage |
`
	if fs := run(t, doc, cfg); len(fs) != 0 {
		t.Errorf("German PRFAQ under the README's configuration: %+v", fs)
	}
}
