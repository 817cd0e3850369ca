package config

import (
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/prfaq"
)

// TestSectionParts: the part key says which part of a PRFAQ a section
// holds; left out, the part is inferred from the name and aliases.
func TestSectionParts(t *testing.T) {
	src := `[[sections]]
name = "Ausgangslage"
kind = "prose"
part = "problem"

[[sections]]
name = "Kundenstimmen"
aliases = ["Testimonials"]
kind = "prose"

[[sections]]
name = "Anhang"
kind = "prose"

[[sections]]
name = "Notes"
kind = "prose"
part = "none"

[[sections]]
name = "Summary"
kind = "faq"

[[sections]]
name = "Kennzahlen"
kind = "metrics"
`
	c := mustParse(t, src)
	want := []prfaq.Part{prfaq.PartProblem, prfaq.PartCustomerQuote, "", "", "", prfaq.PartMetrics}
	for i, s := range c.Sections {
		if s.Part != want[i] {
			t.Errorf("%s: part %q, want %q", s.Name, s.Part, want[i])
		}
	}
	if got := c.Spec().Sections[0].Part; got != prfaq.PartProblem {
		t.Errorf("Spec() part %q", got)
	}
}

func TestSectionPartErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown part", "[[sections]]\nname = 'X'\nkind = 'prose'\npart = 'intro'\n[[sections]]\nname = 'M'\nkind = 'metrics'\n",
			`.prfaq.toml:4: sections[0].part: want one of subheading, summary`},
		{"kind mismatch", "[[sections]]\nname = 'X'\nkind = 'prose'\npart = 'external-faq'\n[[sections]]\nname = 'M'\nkind = 'metrics'\n",
			`.prfaq.toml:4: sections[0].part: part "external-faq" is held by a section of kind "faq", not "prose"`},
		{"twice", "[[sections]]\nname = 'X'\nkind = 'prose'\npart = 'problem'\n[[sections]]\nname = 'Y'\nkind = 'prose'\npart = 'problem'\n[[sections]]\nname = 'M'\nkind = 'metrics'\n",
			`.prfaq.toml:8: sections[1].part: part "problem" is already held by "X"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(".prfaq.toml", []byte(tt.src))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got %v, want %q...", err, tt.want)
			}
		})
	}
}
