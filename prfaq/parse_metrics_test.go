package prfaq

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// parseMetricsSeeds are documents of every shape the tests know: the
// template, the wild examples and the fuzz corpus.
func parseMetricsSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	seeds := [][]byte{
		[]byte(""), []byte(narrative), Template("Ledger launches", "Bo <bo@example.com>"),
		[]byte("+++\nstatus = \"draft\"\n+++\n# H\n\n## Success Metrics\n\n| Metric | Baseline | Target | By | Source |\n|-|-|-|-|-|\n| a | 1 | 5 | 2026-01 | x |\n"),
		[]byte("# H\n\n## Goals\n\n| Metric | Baseline | Target | By |\n|-|-|-|-|\n| a | 1 | 5 | 2026 |\n"),
		[]byte("<div>\n\n## Success Metrics\n</div>\n\n| Metric | Target |\n|-|-|\n| a | 5 |\n"),
		[]byte("Success Metrics\n---\n\n- a: 5% by 2026\n"),
	}
	for _, glob := range []string{"testdata/wild/pfv-*", "testdata/fuzz/FuzzParse/*"} {
		paths, _ := filepath.Glob(filepath.FromSlash(glob))
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				seeds = append(seeds, b)
			}
		}
	}
	return seeds
}

// sameMetricsParse fails t unless ParseMetrics reads src as Parse does,
// as far as it reads.
func sameMetricsParse(t *testing.T, x *Parser, src []byte) {
	t.Helper()
	full, fullErr := x.Parse(src)
	slim, slimErr := x.ParseMetrics(src)
	if (fullErr == nil) != (slimErr == nil) {
		t.Fatalf("Parse error %v, ParseMetrics error %v", fullErr, slimErr)
	}
	if fullErr != nil {
		return
	}
	if !reflect.DeepEqual(full.FrontMatter, slim.FrontMatter) {
		t.Errorf("front matter: Parse %+v, ParseMetrics %+v", full.FrontMatter, slim.FrontMatter)
	}
	if !reflect.DeepEqual(full.Sections, slim.Sections) {
		t.Errorf("sections differ:\nParse       %s\nParseMetrics %s", sectionNamesOf(full), sectionNamesOf(slim))
	}
	if slim.Lines != nil || slim.Suppressions != nil || slim.Language != "" {
		t.Errorf("ParseMetrics read lines (%d), suppressions (%d) or the language (%q)", len(slim.Lines), len(slim.Suppressions), slim.Language)
	}
}

func sectionNamesOf(d *Document) []string {
	var out []string
	for _, s := range d.Sections {
		out = append(out, s.Name())
	}
	return out
}

func TestParseMetricsReadsWhatParseReads(t *testing.T) {
	t.Parallel()
	x := NewParser(testSpec())
	seeds := parseMetricsSeeds(t)
	if len(seeds) < 8 {
		t.Fatalf("only %d documents to compare: the test data moved", len(seeds))
	}
	for _, src := range seeds {
		sameMetricsParse(t, x, src)
	}
	// The metrics themselves, not only equal nothing: the template's table.
	d, err := x.ParseMetrics([]byte("## Success Metrics\n\n| Metric | Baseline | Target | By | Source |\n|-|-|-|-|-|\n| Conversion | 10% | 12% | 2026-06 | dashboard |\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sections) != 1 || d.Sections[0].Metrics == nil || len(d.Sections[0].Metrics.Metrics) != 1 ||
		d.Sections[0].Metrics.Metrics[0].Cells[FieldTarget].Text != "12%" {
		t.Fatalf("ParseMetrics did not read the table: %+v", d.Sections)
	}
}
