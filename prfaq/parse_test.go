package prfaq

import (
	"errors"
	"strings"
	"testing"
)

// testSpec mirrors the default configuration closely enough for the parser.
func testSpec() Spec {
	prose := func(name string, aliases ...string) SectionSpec {
		return SectionSpec{Name: name, Aliases: aliases, Kind: KindProse, Required: true}
	}
	return Spec{
		Sections: []SectionSpec{
			prose("Subheading"), prose("Summary"), prose("Problem"), prose("Solution"),
			prose("Leader Quote"), prose("How to Get Started"), prose("Customer Quote"), prose("Call to Action"),
			{Name: "External FAQ", Aliases: []string{"FAQ (External)", "Customer FAQ", "FAQ"}, Kind: KindFAQ, Required: true},
			{Name: "Internal FAQ", Aliases: []string{"FAQ (Internal)"}, Kind: KindFAQ, Required: true},
			{Name: "Success Metrics", Aliases: []string{"Metrics", "Success Criteria", "Goals"}, Kind: KindMetrics, Required: true},
		},
		Columns: map[Field][]string{
			FieldMetric:   {"Metric", "KPI"},
			FieldBaseline: {"Baseline", "Current", "Today"},
			FieldTarget:   {"Target", "Goal"},
			FieldBy:       {"By", "Deadline", "Due", "When"},
			FieldSource:   {"Source", "Measured by", "Data source"},
			FieldActual:   {"Actual"},
		},
	}
}

func mustParse(t *testing.T, src string) *Document {
	t.Helper()
	d, err := Parse([]byte(src), testSpec())
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}

func sectionNamed(d *Document, name string) *Section {
	for _, s := range d.Sections {
		if s.Name() == name {
			return s
		}
	}
	return nil
}

func TestSectionsAndHeadline(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		headline string
		line     int
		sections []string
	}{
		{"atx", "# Acme launches X for shops\n\n## Summary\ntext\n## Problem\np\n", "Acme launches X for shops", 1, []string{"Summary", "Problem"}},
		{"setext", "Acme launches X for shops\n========\n\nSummary\n-------\ntext\n", "Acme launches X for shops", 1, []string{"Summary"}},
		{"aliases and case", "# Acme launches X today\n## customer faq\n### Q?\nA.\n## SUCCESS CRITERIA:\n", "Acme launches X today", 1, []string{"External FAQ", "Success Metrics"}},
		{"code fence ignored", "# Acme launches X today\n```\n## Summary\n```\n## Problem\nx\n", "Acme launches X today", 1, []string{"Problem"}},
		{"crlf", "# Acme launches X today\r\n\r\n## Summary\r\ntext\r\n", "Acme launches X today", 1, []string{"Summary"}},
		{"bom", "\xef\xbb\xbf# Acme launches X today\n## Summary\nx\n", "Acme launches X today", 1, []string{"Summary"}},
		{"label above headline", "## Press Release\n\n# Big News for every shop owner\n\n## Summary\nx\n", "Big News for every shop owner", 3, []string{"Summary"}},
		{"numbered heading", "# Acme launches X today\n## 2. Problem\nx\n", "Acme launches X today", 1, []string{"Problem"}},
		{"unknown section kept", "# Acme launches X today\n## Appendix\nx\n## Summary\ny\n", "Acme launches X today", 1, []string{"Appendix", "Summary"}},
		{"plain text section names", "Press Release\n\nSome text.\n\nFAQ\n\nQ: Why?\nA: Because.\n", "", 0, []string{"External FAQ"}},
		{"front matter keeps lines", "+++\nstatus = \"draft\"\n+++\n# Acme launches X today\n## Summary\nx\n", "Acme launches X today", 4, []string{"Summary"}},
		{"bare name is no headline", "# Ledger\n\n## Summary\nx\n", "", 0, []string{"Summary"}},
		{"title is no headline", "# PRFAQ: Ledger\n\n## Summary\nx\n", "", 0, []string{"Summary"}},
		{"headline under a title", "# Ledger PR/FAQ\n\n## Press Release\n\n### Acme Launches Ledger, Closing the Books in a Day\n\ntext\n", "Acme Launches Ledger, Closing the Books in a Day", 5, nil},
		{"bold headline line", "# Ledger — PR/FAQ\n\n## Press Release\n\n**Ledger 1.0 — your books, closed in an afternoon**\n\n*2026-07-25* — Today we release Ledger.\n", "Ledger 1.0 — your books, closed in an afternoon", 5, nil},
		{"plain headline after a label", "PRFAQ Ledger\n\nPress Release\n\nAcme announces Ledger for small shops\n\nSEATTLE — 2026 — Today Acme announced Ledger.\n", "Acme announces Ledger for small shops", 5, nil},
		{"press release prefix dropped", "# Press Release: Acme launches Ledger for shops\n", "Acme launches Ledger for shops", 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			if tt.headline == "" {
				if d.Headline != nil {
					t.Fatalf("headline = %q, want none", d.Headline.Text)
				}
			} else if d.Headline == nil || d.Headline.Text != tt.headline || d.Headline.Pos.Line != tt.line {
				t.Fatalf("headline = %+v, want %q on line %d", d.Headline, tt.headline, tt.line)
			}
			var got []string
			for _, s := range d.Sections {
				got = append(got, s.Name())
			}
			if strings.Join(got, "|") != strings.Join(tt.sections, "|") {
				t.Errorf("sections = %q, want %q", got, tt.sections)
			}
		})
	}
}

func TestSectionTextAndWords(t *testing.T) {
	d := mustParse(t, "# H\n\n## Summary\n\nOne two **three** [four](http://x).\n\n- five\n- six\n\n<!-- hidden words here -->\n\n## Problem\n<Describe the problem>\n")
	s := sectionNamed(d, "Summary")
	if s.Words != 6 {
		t.Errorf("Summary words = %d (%q), want 6", s.Words, s.Text)
	}
	if s.EndLine != 11 {
		t.Errorf("Summary EndLine = %d, want 11", s.EndLine)
	}
	if p := sectionNamed(d, "Problem"); !strings.Contains(p.Text, "<Describe the problem>") {
		t.Errorf("Problem text %q lost the template marker", p.Text)
	}
}

func TestFAQShapes(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		want    []string // question texts
		answers []string
		shapes  []string
	}{
		{"headings", "## External FAQ\n### Why now?\nBecause.\n### Price?\n", []string{"Why now?", "Price?"}, []string{"Because.", ""}, []string{"heading", "heading"}},
		{"numbered under H1", "# FAQ\n## 3. What is the price?\nFree.\n", []string{"3. What is the price?"}, []string{"Free."}, []string{"heading"}},
		{"bold Q with hard break", "## FAQ\n**Q: Is it free?**  \nA: Yes, forever.\n\n**Q: Why?**\n\nBecause we can.\n", []string{"Is it free?", "Why?"}, []string{"Yes, forever.", "Because we can."}, []string{"bold", "bold"}},
		{"bold without prefix", "## FAQ\n**Why now?**\nTiming.\n", []string{"Why now?"}, []string{"Timing."}, []string{"bold"}},
		{"plain Q lines", "## FAQ\nQ: Do we charge?\nA: No.\n\nQ: Scope?\nA: Small.\nStill small.\n", []string{"Do we charge?", "Scope?"}, []string{"No.", "Small.\nStill small."}, []string{"q-prefix", "q-prefix"}},
		{"question over two lines", "## FAQ\nQ: Does a long question\nwrap?\nA: Yes.\n", []string{"Does a long question wrap?"}, []string{"Yes."}, []string{"q-prefix"}},
		{"bold not a question", "## FAQ\n**Note** this is prose.\n", nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			var qs []*Question
			for _, s := range d.Sections {
				qs = append(qs, s.Questions...)
			}
			if len(qs) != len(tt.want) {
				t.Fatalf("found %d questions, want %d: %+v", len(qs), len(tt.want), qs)
			}
			for i, q := range qs {
				if q.Text != tt.want[i] || q.Answer != tt.answers[i] || q.Shape != tt.shapes[i] {
					t.Errorf("question %d = %q / %q / %s, want %q / %q / %s", i, q.Text, q.Answer, q.Shape, tt.want[i], tt.answers[i], tt.shapes[i])
				}
			}
		})
	}
}

func TestMetricsTable(t *testing.T) {
	src := "# H\n## Metrics\n\nIntro.\n\n| Source | Goal | KPI | Today | Deadline | Owner | Actual |\n|---|---|---|---|---|---|---|\n| CRM | 18% | Lead conversion | 12% | 2027-06-30 | Ana | 17% |\n| Zendesk | 2 h | Reply time | 8 h | 2027-Q2 | Bo |\n|  |  |  |  |  |  |  |\n"
	d := mustParse(t, src)
	s := sectionNamed(d, "Success Metrics")
	if s == nil || s.Metrics == nil {
		t.Fatalf("no metrics table in %+v", d.Sections)
	}
	mt := s.Metrics
	if mt.Pos.Line != 6 || len(mt.Metrics) != 2 {
		t.Fatalf("table at line %d with %d rows, want line 6 with 2 rows (blank row dropped)", mt.Pos.Line, len(mt.Metrics))
	}
	m := mt.Metrics[0]
	checks := map[Field]string{FieldMetric: "Lead conversion", FieldBaseline: "12%", FieldTarget: "18%", FieldBy: "2027-06-30", FieldSource: "CRM", FieldActual: "17%"}
	for f, want := range checks {
		if c, ok := m.Get(f); !ok || c.Text != want {
			t.Errorf("row 1 %s = %q, want %q", f, c.Text, want)
		}
	}
	if m.Key != "lead conversion" || m.Pos.Line != 8 {
		t.Errorf("key %q line %d", m.Key, m.Pos.Line)
	}
	if len(m.Extra) != 1 || m.Extra[0].Header != "Owner" || m.Extra[0].Text != "Ana" {
		t.Errorf("extra columns = %+v, want Owner=Ana", m.Extra)
	}
	if c, _ := m.Get(FieldTarget); c.Pos != (Pos{8, 9}) {
		t.Errorf("target cell at %+v, want 8:9", c.Pos)
	}
	if c, ok := mt.Metrics[1].Get(FieldActual); !ok || c.Text != "" {
		t.Errorf("short row Actual = %q, %v; want an empty cell", c.Text, ok)
	}
}

func TestMetricsFirstColumnIsName(t *testing.T) {
	d := mustParse(t, "## Goals\n| What | Baseline | Target |\n|--|--|--|\n| NPS | 30 | 45 |\n")
	m := sectionNamed(d, "Success Metrics").Metrics.Metrics[0]
	if m.Name != "NPS" {
		t.Errorf("name = %q, want NPS from the first unclaimed column", m.Name)
	}
}

func TestMetricsAsList(t *testing.T) {
	d := mustParse(t, "## Success Metrics\n\n**Primary:**\n- Adoption: 500 users\n")
	s := sectionNamed(d, "Success Metrics")
	if s.Metrics != nil || s.ListPos == nil || s.ListPos.Line != 4 {
		t.Fatalf("want a list at line 4 and no table, got %+v / %+v", s.Metrics, s.ListPos)
	}
}

func TestFrontMatter(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		status  string
		owner   string
		errLine int
		errHas  string
	}{
		{"toml", "+++\nstatus = \"review\"\nowner = \"Jane\"\n+++\n# H\n", "review", "Jane", 0, ""},
		{"status position", "+++\n# c\n\nstatus = \"x\"\n+++\n", "x", "", 0, ""},
		{"syntax error line", "+++\nstatus = \"draft\"\nowner = \n+++\n# H\n", "", "", 3, "not valid TOML"},
		{"unclosed", "+++\nstatus = \"draft\"\n# H\n", "", "", 1, "never closed"},
		{"wrong type", "+++\nstatus = 3\n+++\n", "", "", 2, "must be a string"},
		{"yaml", "---\nstatus: draft\n---\n# H\n", "", "", 1, "YAML"},
		{"thematic break is not yaml", "---\n\n# H\n", "", "", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			fm := d.FrontMatter
			if tt.errLine == 0 {
				if fm.Err != nil {
					t.Fatalf("unexpected error %v", fm.Err)
				}
				if string(fm.Status) != tt.status || fm.Owner != tt.owner {
					t.Errorf("status %q owner %q, want %q %q", fm.Status, fm.Owner, tt.status, tt.owner)
				}
				return
			}
			if fm.Err == nil || fm.Err.Pos.Line != tt.errLine || !strings.Contains(fm.Err.Msg, tt.errHas) {
				t.Errorf("err = %+v, want line %d containing %q", fm.Err, tt.errLine, tt.errHas)
			}
		})
	}
	d := mustParse(t, "+++\n# c\n\nstatus = \"x\"\n+++\n")
	if d.FrontMatter.StatusPos.Line != 4 {
		t.Errorf("status line = %d, want 4", d.FrontMatter.StatusPos.Line)
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		has  string
	}{
		{"nul", "# H\n\nx\x00y", 3, "binary"},
		{"invalid utf8", "# H\r\nok\r\n\xff\xfe", 3, "UTF-8"},
		{"quotes nested too deep", "# H\n\n" + strings.Repeat("> ", 500000), 3, "nested more than 100"},
		{"list markers nested too deep", "# H\n\n" + strings.Repeat("- ", 5000) + "y\n", 3, "list items and block quotes nested more than 100"},
		{"ordered markers nested too deep", "# H\n\n" + strings.Repeat("1. ", 101) + "y\n", 3, "nested more than 100"},
		{"quotes and lists nested too deep", "# H\n\n" + strings.Repeat("> - ", 51) + "y\n", 3, "nested more than 100"},
		{"lists nested too deep by indentation", "# H\n\n" + indentedList(101), 103, "nested more than 100"},
		{"lists in a quote nested too deep", "# H\n\n" + quotedList(101), 102, "nested more than 100"},
		{"link openings on one line", "# H\n\n" + strings.Repeat("[a](", 100000) + "\n", 3, "link brackets"},
		{"link openings with <", "# H\n\n" + strings.Repeat("[a](<b", 100000) + "\n", 3, "link brackets"},
		{"link openings on many lines", "# H\n\nText\n" + strings.Repeat("[a](\n", 100000), 3, "link brackets"},
		{"nested brackets", "# H\n\n" + strings.Repeat("[", 100000) + "a" + strings.Repeat("]", 100000) + "\n", 3, "link brackets"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.src), testSpec())
			var ie *InputError
			if !errors.As(err, &ie) || ie.Line != tt.line || !strings.Contains(ie.Msg, tt.has) {
				t.Errorf("err = %v, want InputError on line %d containing %q", err, tt.line, tt.has)
			}
		})
	}
}

// indentedList is n list items, each nested in the one before.
func indentedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	return b.String()
}

// quotedList is indentedList inside a block quote.
func quotedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("> " + strings.Repeat("  ", i) + "- x\n")
	}
	return b.String()
}

func TestEmptyAndDeep(t *testing.T) {
	d := mustParse(t, "")
	if d.Headline != nil || len(d.Sections) != 0 || len(d.Lines) != 0 {
		t.Errorf("empty document parsed as %+v", d)
	}
	deep := strings.Repeat("> ", 100) + "x\n" + strings.Repeat("- ", 100) + "y\n" + strings.Repeat("[", 50000)
	if _, err := Parse([]byte(deep), testSpec()); err != nil {
		t.Errorf("deep document: %v", err)
	}
}

func TestCodeLines(t *testing.T) {
	d := mustParse(t, "# H\n```\nTODO\n```\n<!--\nTBD\n-->\nTODO\n\n    indented TODO\n")
	want := map[int]bool{2: true, 3: true, 4: true, 5: true, 6: true, 7: true, 8: false, 9: false, 10: true}
	for n, code := range want {
		if d.Lines[n-1].Code != code {
			t.Errorf("line %d Code = %v, want %v", n, d.Lines[n-1].Code, code)
		}
	}
}

func TestPositionsCountCharacters(t *testing.T) {
	d := mustParse(t, "# H\n## Success Metrics\n| Metric | Target |\n|--|--|\n| Ünïcödé | 5 |\n")
	c, _ := sectionNamed(d, "Success Metrics").Metrics.Metrics[0].Get(FieldTarget)
	if c.Pos != (Pos{5, 13}) {
		t.Errorf("cell at %+v, want 5:13 (columns count characters, not bytes)", c.Pos)
	}
}
