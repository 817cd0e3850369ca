package config

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/bmatcuk/doublestar/v4"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

const name = ".prfaq.toml"

func mustParse(t *testing.T, src string) *Config {
	t.Helper()
	c, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("Parse:\n%s\nerror: %v", src, err)
	}
	return c
}

func TestDefault(t *testing.T) {
	c := Default()
	if got, want := c.Documents.Globs, []string{"**/PRFAQ.md", "docs/prfaq/*.md"}; !reflect.DeepEqual(got, want) {
		t.Errorf("globs = %q, want %q", got, want)
	}
	if c.Documents.MaxBytes != 1048576 {
		t.Errorf("max_bytes = %d", c.Documents.MaxBytes)
	}
	if c.PressRelease != (PressRelease{HeadlineMaxWords: 20, MaxWords: 800}) {
		t.Errorf("press release = %+v", c.PressRelease)
	}
	type sec struct {
		name     string
		kind     prfaq.SectionKind
		required bool
		min      int
		aliases  int
	}
	want := []sec{
		{"Subheading", prfaq.KindProse, true, 0, 0},
		{"Summary", prfaq.KindProse, true, 25, 0},
		{"Problem", prfaq.KindProse, true, 15, 0},
		{"Solution", prfaq.KindProse, true, 15, 0},
		{"Leader Quote", prfaq.KindProse, false, 0, 3},
		{"How to Get Started", prfaq.KindProse, true, 0, 1},
		{"Customer Quote", prfaq.KindProse, false, 0, 2},
		{"Call to Action", prfaq.KindProse, true, 0, 1},
		{"External FAQ", prfaq.KindFAQ, true, 0, 7},
		{"Internal FAQ", prfaq.KindFAQ, true, 0, 3},
		{"Success Metrics", prfaq.KindMetrics, true, 0, 5},
	}
	if len(c.Sections) != len(want) {
		t.Fatalf("%d sections, want %d", len(c.Sections), len(want))
	}
	for i, w := range want {
		s := c.Sections[i]
		if got := (sec{s.Name, s.Kind, s.Required, s.MinWords, len(s.Aliases)}); got != w {
			t.Errorf("section %d = %+v, want %+v", i, got, w)
		}
	}
	if got := c.Metrics.AbsentBaseline; !reflect.DeepEqual(got, []string{"n/a", "none", "new", "-"}) {
		t.Errorf("absent_baseline = %q", got)
	}
	if !c.Metrics.AllowAbsentBaseline || !c.Placeholders.TemplateSentences {
		t.Error("allow_absent_baseline and template_sentences default to true")
	}
	for _, f := range prfaq.Fields {
		if len(c.Metrics.Columns[f]) == 0 {
			t.Errorf("no default header names for %s", f)
		}
	}
	if len(c.Metrics.Columns) != len(prfaq.Fields) {
		t.Errorf("columns has %d fields", len(c.Metrics.Columns))
	}
	if c.Initiatives.Trailer != "Initiative" || c.Acknowledgement.Trailer != "PRFAQ-Ack" ||
		!reflect.DeepEqual(c.Acknowledgement.Labels, []string{"prfaq-ack"}) ||
		len(c.Initiatives.Roots) != 0 || len(c.Initiatives.Branches) != 0 {
		t.Errorf("initiatives/acknowledgement = %+v %+v", c.Initiatives, c.Acknowledgement)
	}
	ids := rule.IDs()
	wantIDs := "frontmatter-invalid status-invalid headline-missing headline-too-long section-missing section-empty placeholder press-release-too-long faq-unanswered metrics-missing metric-unmeasurable metric-weakened metric-overdue claim-unbacked initiative-without-prfaq config-weakened suppression-invalid"
	if strings.Join(ids, " ") != wantIDs {
		t.Errorf("RuleIDs = %q", ids)
	}
	if len(c.Severity) != len(ids) {
		t.Errorf("severity has %d rules", len(c.Severity))
	}
	for _, id := range ids {
		want := rule.Error
		if id == rule.ClaimUnbacked {
			want = rule.Warning // a judgement call: see README, Rules
		}
		if c.SeverityOf(id) != want {
			t.Errorf("%s defaults to %q, want %q", id, c.SeverityOf(id), want)
		}
	}
	if got := len(c.PlaceholderPatterns()); got != len(defaultPatterns()) || got < 10 {
		t.Errorf("%d placeholder patterns", got)
	}
}

// Callers cannot change the defaults: every call builds fresh values.
func TestDefaultIsFresh(t *testing.T) {
	a := Default()
	a.Documents.Globs[0] = "x"
	a.Sections[0].Aliases = append(a.Sections[0].Aliases, "y")
	a.Sections[8].Aliases[0] = "z"
	a.Metrics.Columns[prfaq.FieldMetric][0] = "w"
	a.Severity["placeholder"] = rule.Off
	a.Placeholders.Patterns[0] = "v"
	rule.IDs()[0] = "u"
	a.Spec().Sections[1].Aliases = append(a.Spec().Sections[1].Aliases, "t")
	b := Default()
	if b.Documents.Globs[0] != "**/PRFAQ.md" || len(b.Sections[0].Aliases) != 0 || b.Sections[8].Aliases[0] != "FAQ (External)" ||
		b.Metrics.Columns[prfaq.FieldMetric][0] != "Metric" || b.Severity["placeholder"] != rule.Error ||
		b.Placeholders.Patterns[0] != defaultPatterns()[0] || rule.IDs()[0] != "frontmatter-invalid" {
		t.Fatal("changing one Default() changed another")
	}
	s := b.Spec()
	s.Sections[8].Aliases[0] = "changed"
	s.Columns[prfaq.FieldTarget][0] = "changed"
	if b.Sections[8].Aliases[0] != "FAQ (External)" || b.Metrics.Columns[prfaq.FieldTarget][0] != "Target" {
		t.Fatal("Spec() shares memory with the Config")
	}
	p := b.PlaceholderPatterns()
	p[0] = nil
	if b.PlaceholderPatterns()[0] == nil {
		t.Fatal("PlaceholderPatterns() shares its slice")
	}
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "\n\n", "# only a comment\n", "\ufeff", "[documents]\n[severity]\n[metrics.columns]\n"} {
		if c := mustParse(t, src); !reflect.DeepEqual(c, Default()) {
			t.Errorf("Parse(%q) differs from Default()", src)
		}
	}
}

// uncomment turns the template's commented key lines and table headers into
// live ones, leaving the explanations alone.
func uncomment(tpl []byte) []byte {
	keyLine := regexp.MustCompile(`^# ([a-z][a-z0-9_-]* = |\[\[?[a-z_.]+\]\]?$)`)
	lines := strings.Split(string(tpl), "\n")
	for i, l := range lines {
		if keyLine.MatchString(l) {
			lines[i] = strings.TrimPrefix(l, "# ")
		}
	}
	return []byte(strings.Join(lines, "\n"))
}

// allKeys is every key the schema knows, as toml.Key.String() writes them.
func allKeys() []string {
	var out []string
	add := func(table string, keys []string) {
		for _, k := range keys {
			out = append(out, table+"."+k)
		}
	}
	add("documents", documentsKeys)
	add("press_release", pressReleaseKeys)
	add("sections", sectionKeys)
	add("metrics", []string{"absent_baseline", "allow_absent_baseline"})
	add("metrics.columns", fieldNames())
	add("placeholders", placeholderKeys)
	add("initiatives", initiativeKeys)
	add("acknowledgement", ackKeys)
	add("hooks", hooksKeys)
	add("baseline", baselineKeys)
	add("severity", rule.IDs())
	sort.Strings(out)
	return out
}

func TestTemplate(t *testing.T) {
	tpl := Template()
	if c := mustParse(t, string(tpl)); !reflect.DeepEqual(c, Default()) {
		t.Error("Parse(Template()) differs from Default()")
	}
	live := uncomment(tpl)
	if bytes.Equal(live, tpl) {
		t.Fatal("uncomment changed nothing")
	}
	c := mustParse(t, string(live))
	if !reflect.DeepEqual(c, Default()) {
		t.Errorf("the uncommented template differs from Default():\n got %+v\nwant %+v", c, Default())
	}
	// Every key of the schema is shown, and nothing else.
	var m map[string]any
	md, err := toml.Decode(string(live), &m)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, k := range md.Keys() {
		if t := md.Type(k...); t != "Hash" && t != "ArrayHash" {
			seen[k.String()] = true
		}
	}
	var got []string
	for k := range seen {
		got = append(got, k)
	}
	sort.Strings(got)
	if want := allKeys(); !reflect.DeepEqual(got, want) {
		t.Errorf("the template shows keys\n%q\nwant\n%q", got, want)
	}
	// Each [[sections]] entry shows all five keys.
	if n := strings.Count(string(live), "\n[[sections]]\n"); n != len(Default().Sections) {
		t.Errorf("template shows %d sections", n)
	}
	if n := strings.Count(string(live), "\nmin_words = "); n != len(Default().Sections) {
		t.Errorf("template shows min_words %d times", n)
	}
	// The template is commented out: no key line is live.
	for i, l := range strings.Split(string(tpl), "\n") {
		if strings.Contains(l, "=") && !strings.HasPrefix(l, "#") {
			t.Errorf("template line %d is live: %q", i+1, l)
		}
	}
	Template()[0] = 'X'
	if Template()[0] != '#' {
		t.Error("Template() shares its bytes")
	}
}

func TestOverrides(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want func(c *Config)
	}{
		{"documents.globs", "[documents]\nglobs = ['prfaqs/**/*.md']\n",
			func(c *Config) { c.Documents.Globs = []string{"prfaqs/**/*.md"} }},
		{"documents.max_bytes", "[documents]\nmax_bytes = 2048\n",
			func(c *Config) { c.Documents.MaxBytes = 2048 }},
		{"dotted key at top level", "documents.max_bytes = 7\n",
			func(c *Config) { c.Documents.MaxBytes = 7 }},
		{"press_release.headline_max_words", "[press_release]\nheadline_max_words = 12\n",
			func(c *Config) { c.PressRelease.HeadlineMaxWords = 12 }},
		{"press_release.max_words inline", "press_release = { max_words = 600 }\n",
			func(c *Config) { c.PressRelease.MaxWords = 600 }},
		{"metrics.absent_baseline", "[metrics]\nabsent_baseline = ['n/a']\n",
			func(c *Config) { c.Metrics.AbsentBaseline = []string{"n/a"} }},
		{"metrics.absent_baseline empty", "[metrics]\nabsent_baseline = []\n",
			func(c *Config) { c.Metrics.AbsentBaseline = []string{} }},
		{"metrics.allow_absent_baseline", "[metrics]\nallow_absent_baseline = false\n",
			func(c *Config) { c.Metrics.AllowAbsentBaseline = false }},
		{"metrics.columns.metric", "[metrics.columns]\nmetric = ['Kennzahl']\n",
			func(c *Config) { c.Metrics.Columns[prfaq.FieldMetric] = []string{"Kennzahl"} }},
		{"metrics.columns.baseline", "[metrics.columns]\nbaseline = ['Ausgangswert']\n",
			func(c *Config) { c.Metrics.Columns[prfaq.FieldBaseline] = []string{"Ausgangswert"} }},
		{"metrics.columns.target", "[metrics.columns]\ntarget = ['Ziel']\n",
			func(c *Config) { c.Metrics.Columns[prfaq.FieldTarget] = []string{"Ziel"} }},
		{"metrics.columns.by", "[metrics.columns]\nby = ['Bis']\n",
			func(c *Config) { c.Metrics.Columns[prfaq.FieldBy] = []string{"Bis"} }},
		{"metrics.columns.source", "[metrics.columns]\nsource = ['Quelle']\n",
			func(c *Config) { c.Metrics.Columns[prfaq.FieldSource] = []string{"Quelle"} }},
		{"metrics.columns.actual", "[metrics.columns]\nactual = ['Ist']\n",
			func(c *Config) { c.Metrics.Columns[prfaq.FieldActual] = []string{"Ist"} }},
		{"metrics.columns moves a name between fields", "[metrics.columns]\ntarget = ['Target', 'Goal']\nby = ['By', 'To']\n",
			func(c *Config) {
				c.Metrics.Columns[prfaq.FieldTarget] = []string{"Target", "Goal"}
				c.Metrics.Columns[prfaq.FieldBy] = []string{"By", "To"}
			}},
		{"placeholders.patterns", "[placeholders]\npatterns = ['\\bTODO\\b', '(?i)\\bwip\\b']\n",
			func(c *Config) {
				c.Placeholders.Patterns = []string{`\bTODO\b`, `(?i)\bwip\b`}
				c.placeholderREs = []*regexp.Regexp{regexp.MustCompile(`\bTODO\b`), regexp.MustCompile(`(?i)\bwip\b`)}
			}},
		{"placeholders.patterns empty", "[placeholders]\npatterns = []\n",
			func(c *Config) { c.Placeholders.Patterns = []string{}; c.placeholderREs = nil }},
		{"placeholders.template_sentences", "[placeholders]\ntemplate_sentences = false\n",
			func(c *Config) { c.Placeholders.TemplateSentences = false }},
		{"initiatives.roots", "[initiatives]\nroots = ['services/*', 'apps/{web,mobile}/*']\n",
			func(c *Config) { c.Initiatives.Roots = []string{"services/*", "apps/{web,mobile}/*"} }},
		{"initiatives.trailer", "[initiatives]\ntrailer = 'Proposes'\n",
			func(c *Config) { c.Initiatives.Trailer = "Proposes" }},
		{"initiatives.branches", "[initiatives]\nbranches = ['initiative/**']\n",
			func(c *Config) { c.Initiatives.Branches = []string{"initiative/**"} }},
		{"acknowledgement.trailer", "[acknowledgement]\ntrailer = 'Metrics-Weakened-By'\n",
			func(c *Config) { c.Acknowledgement.Trailer = "Metrics-Weakened-By" }},
		{"acknowledgement.labels", "[acknowledgement]\nlabels = ['weaken-ok', 'PRFAQ ack']\n",
			func(c *Config) { c.Acknowledgement.Labels = []string{"weaken-ok", "PRFAQ ack"} }},
		{"one section list as inline tables", "sections = [{ name = 'Metrics', kind = 'metrics' }]\n",
			func(c *Config) {
				c.Sections = []Section{{Name: "Metrics", Aliases: []string{}, Kind: prfaq.KindMetrics, Part: prfaq.PartMetrics, Required: true}}
			}},
		{"sections keys", "[[sections]]\nname = ' Why: '\naliases = ['Reason']\nkind = 'prose'\nrequired = false\nmin_words = 3\n[[sections]]\nname = 'Numbers'\nkind = 'metrics'\n",
			func(c *Config) {
				c.Sections = []Section{
					{Name: "Why:", Aliases: []string{"Reason"}, Kind: prfaq.KindProse, Required: false, MinWords: 3},
					{Name: "Numbers", Aliases: []string{}, Kind: prfaq.KindMetrics, Required: true},
				}
			}},
	}
	for _, id := range rule.IDs() {
		for _, s := range []rule.Severity{rule.Warning, rule.Off, rule.Error} {
			tests = append(tests, struct {
				name string
				src  string
				want func(c *Config)
			}{"severity." + id + "=" + string(s), "[severity]\n" + id + " = \"" + string(s) + "\"\n",
				func(c *Config) { c.Severity[id] = s }})
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustParse(t, tt.src)
			want := Default()
			tt.want(want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestSeverityOf(t *testing.T) {
	c := mustParse(t, "[severity]\nplaceholder = 'warning'\nmetric-overdue = 'off'\n")
	for rule, want := range map[string]rule.Severity{"placeholder": rule.Warning, "metric-overdue": rule.Off, "metric-weakened": rule.Error, "no-such-rule": rule.Error} {
		if got := c.SeverityOf(rule); got != want {
			t.Errorf("SeverityOf(%q) = %q, want %q", rule, got, want)
		}
	}
}

func TestGermanSections(t *testing.T) {
	src := `# Eine deutsche PRFAQ
[[sections]]
name = "Zusammenfassung"
min_words = 25

[[sections]]
name = "Zitat eines Kunden"
aliases = ["Kundenzitat"]
required = false

[[sections]]
name = "Häufige Fragen"
aliases = ["FAQ", "Fragen und Antworten"]
kind = "faq"

[[sections]]
name = "Erfolgskennzahlen"
aliases = ["Kennzahlen"]
kind = "metrics"

[metrics.columns]
metric = ["Kennzahl"]
baseline = ["Ausgangswert", "Heute"]
target = ["Zielwert", "Ziel"]
by = ["Bis", "Termin"]
source = ["Quelle"]
actual = ["Ist-Wert", "Ergebnis"]
`
	c := mustParse(t, src)
	want := prfaq.Spec{
		Sections: []prfaq.SectionSpec{
			// Parts are inferred from the German names.
			{Name: "Zusammenfassung", Aliases: []string{}, Kind: prfaq.KindProse, Part: prfaq.PartSummary, Required: true, MinWords: 25},
			{Name: "Zitat eines Kunden", Aliases: []string{"Kundenzitat"}, Kind: prfaq.KindProse, Part: prfaq.PartCustomerQuote, Required: false},
			{Name: "Häufige Fragen", Aliases: []string{"FAQ", "Fragen und Antworten"}, Kind: prfaq.KindFAQ, Part: prfaq.PartExternalFAQ, Required: true},
			{Name: "Erfolgskennzahlen", Aliases: []string{"Kennzahlen"}, Kind: prfaq.KindMetrics, Part: prfaq.PartMetrics, Required: true},
		},
		Columns: map[prfaq.Field][]string{
			prfaq.FieldMetric:   {"Kennzahl"},
			prfaq.FieldBaseline: {"Ausgangswert", "Heute"},
			prfaq.FieldTarget:   {"Zielwert", "Ziel"},
			prfaq.FieldBy:       {"Bis", "Termin"},
			prfaq.FieldSource:   {"Quelle"},
			prfaq.FieldActual:   {"Ist-Wert", "Ergebnis"},
		},
	}
	if got := c.Spec(); !reflect.DeepEqual(got, want) {
		t.Errorf("Spec() = %+v\nwant %+v", got, want)
	}
	// A German duplicate, differing only in case, is refused.
	_, err := Parse(name, []byte(src+"\n[[sections]]\nname = \"häufige fragen\"\n"))
	wantErr := fmt.Sprintf(`.prfaq.toml:%d: sections[4].name: heading "häufige fragen" is already used by sections[2] ("Häufige Fragen")`, strings.Count(src, "\n")+3)
	if err == nil || !strings.HasPrefix(err.Error(), wantErr) {
		t.Errorf("err = %v\nwant %s...", err, wantErr)
	}
}

func TestSpec(t *testing.T) {
	s := Default().Spec()
	if len(s.Sections) != 11 {
		t.Fatalf("%d sections", len(s.Sections))
	}
	ext := s.Sections[8]
	if ext.Name != "External FAQ" || ext.Kind != prfaq.KindFAQ || !ext.Required ||
		!reflect.DeepEqual(ext.Aliases, []string{"FAQ (External)", "Customer FAQ", "External FAQs", "FAQ", "FAQs", "Frequently Asked Questions", "Public FAQ"}) {
		t.Errorf("External FAQ = %+v", ext)
	}
	if q := s.Sections[4]; q.Name != "Leader Quote" || q.Required {
		t.Errorf("Leader Quote = %+v", q)
	}
	if m := s.Sections[10]; m.Name != "Success Metrics" || m.Kind != prfaq.KindMetrics {
		t.Errorf("Success Metrics = %+v", m)
	}
	if sm := s.Sections[1]; sm.Name != "Summary" || sm.MinWords != 25 {
		t.Errorf("Summary = %+v", sm)
	}
	want := map[prfaq.Field][]string{
		prfaq.FieldMetric:   {"Metric", "KPI", "Measure", "Name"},
		prfaq.FieldBaseline: {"Baseline", "Current", "Today", "From"},
		prfaq.FieldTarget:   {"Target", "Goal", "To"},
		prfaq.FieldBy:       {"By", "Deadline", "Due", "When", "Date", "Target date"},
		prfaq.FieldSource:   {"Source", "Measured by", "Data source", "Measurement"},
		prfaq.FieldActual:   {"Actual", "Result", "Achieved"},
	}
	if !reflect.DeepEqual(s.Columns, want) {
		t.Errorf("Columns = %v", s.Columns)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // the whole Error(), or its start when it ends in "..."
	}{
		{"unknown key", "# git-prfaq\n\n[documents]\nmax_bytes = 10\n\n[press_release]\nheadline_max = 12\n",
			`.prfaq.toml:7: unknown key "press_release.headline_max" (known keys: headline_max_words, max_words)`},
		{"integer wanted", "# c\n[documents]\nmax_bytes = \"1MB\"\n",
			`.prfaq.toml:3: documents.max_bytes: want an integer, got string "1MB"`},
		{"float for an integer", "[documents]\nmax_bytes = 1e6\n",
			`.prfaq.toml:2: documents.max_bytes: want an integer, got float 1e+06; write 1000000`},
		{"bad severity", "[severity]\n\n\n\n\n\n\n\n\n\n\nplaceholder = \"fatal\"\n",
			`.prfaq.toml:12: severity.placeholder: want "error", "warning" or "off", got "fatal"`},
		{"severity not a string", "[severity]\nplaceholder = 2\n",
			`.prfaq.toml:2: severity.placeholder: want "error", "warning" or "off", got integer 2`},
		{"severity upper case", "[severity]\nplaceholder = \"Error\"\n",
			`.prfaq.toml:2: severity.placeholder: want "error", "warning" or "off", got "Error"`},
		{"invalid glob on its own line", "# c\n[documents]\nglobs = [\n  \"**/PRFAQ.md\",\n  \"docs/[prfaq/*.md\",\n]\n",
			`.prfaq.toml:5: documents.globs[1]: invalid glob "docs/[prfaq/*.md": syntax error in pattern`},
		{"invalid glob on the key's line", "[documents]\nglobs = [\"a/*.md\", \"docs/{x\"]\n",
			`.prfaq.toml:2: documents.globs[1]: invalid glob "docs/{x": syntax error in pattern`},
		{"invalid regexp", "\n\n\n\n\n\n\n[placeholders]\npatterns = [\"(\"]\n",
			`.prfaq.toml:9: placeholders.patterns[0]: invalid regular expression "(": missing closing )...`},
		{"regexp matching empty text", "[placeholders]\npatterns = ['TODO', 'x*']\n",
			`.prfaq.toml:2: placeholders.patterns[1]: "x*" matches empty text, so it would flag every document; make it match at least one character`},
		{"unknown rule", "[severity]\nmetric-weak = \"off\"\n",
			`.prfaq.toml:2: severity: unknown rule "metric-weak" (known: frontmatter-invalid, status-invalid, headline-missing, headline-too-long, section-missing, section-empty, placeholder, press-release-too-long, faq-unanswered, metrics-missing, metric-unmeasurable, metric-weakened, metric-overdue, claim-unbacked, initiative-without-prfaq, config-weakened, suppression-invalid)`},
		{"TOML syntax", "[documents]\nmax_bytes = 10\nglobs = [\"a\"\n\n[severity]\n",
			`.prfaq.toml:5: invalid TOML: ...`},
		{"TOML unclosed table header", "# c\n[documents\nglobs = []\n",
			`.prfaq.toml:2: invalid TOML: expected '.' or ']' to end table name, but got '\n' instead (TOML syntax: https://toml.io)`},
		{"TOML unclosed table header after a BOM", "\ufeff# c\n[documents\nglobs = []\n",
			`.prfaq.toml:2: invalid TOML: expected '.' or ']' to end table name, but got '\n' instead (TOML syntax: https://toml.io)`},
		{"TOML missing value", "[documents]\nmax_bytes =\n",
			`.prfaq.toml:2: invalid TOML: expected value but found '\n' instead (TOML syntax: https://toml.io)`},
		{"TOML duplicate key", "[documents]\nmax_bytes = 1\n\nmax_bytes = 2\n",
			`.prfaq.toml:4: invalid TOML: ...`},
		{"TOML duplicate table", "[documents]\n[press_release]\n[documents]\n",
			`.prfaq.toml:3: invalid TOML: ...`},
		{"not UTF-8", "# ok\n# \xff\n",
			`.prfaq.toml:2: not UTF-8 text; save the file as UTF-8`},
		{"unknown top-level key", "[document]\nglobs = []\n",
			`.prfaq.toml:1: unknown key "document" (known keys: documents, press_release, sections, metrics, placeholders, initiatives, acknowledgement, hooks, baseline, severity)`},
		{"unknown key in an inline table", "documents = { globs = ['x.md'],\n  max_byte = 3 }\n",
			`.prfaq.toml:2: unknown key "documents.max_byte" (known keys: globs, max_bytes)`},
		{"unknown key in the third section", "[[sections]]\nname = 'A'\n[[sections]]\nname = 'B'\n[[sections]]\nname = 'C'\nkind = 'metrics'\nmin_word = 3\n",
			`.prfaq.toml:8: unknown key "sections[2].min_word" (known keys: name, aliases, kind, part, required, min_words)`},
		{"unknown metric field", "[metrics.columns]\n\nowner = ['Owner']\n",
			`.prfaq.toml:3: unknown key "metrics.columns.owner" (known keys: metric, baseline, target, by, source, actual)`},
		{"table wanted", "documents = 3\n",
			`.prfaq.toml:1: documents: want a table, got integer 3`},
		{"array wanted", "[documents]\nglobs = \"docs/*.md\"\n",
			`.prfaq.toml:2: documents.globs: want an array of strings, got string "docs/*.md"; write ["docs/*.md"]`},
		{"string element wanted", "[documents]\nglobs = [\n'a.md',\n3]\n",
			`.prfaq.toml:4: documents.globs[1]: want a string, got integer 3`},
		{"no globs", "[documents]\nglobs = []\n",
			`.prfaq.toml:2: documents.globs: empty: no file would be a PRFAQ document; list at least one glob, or remove the key for the default`},
		{"empty glob", "[documents]\nglobs = ['']\n",
			`.prfaq.toml:2: documents.globs[0]: empty string; remove it or write a value`},
		{"absolute glob", "[documents]\nglobs = ['/docs/*.md']\n",
			`.prfaq.toml:2: documents.globs[0]: invalid glob "/docs/*.md": write it relative to the repository root, without the leading "/"`},
		{"dot-slash glob", "[initiatives]\nroots = ['./services/*']\n",
			`.prfaq.toml:2: initiatives.roots[0]: invalid glob "./services/*": write it relative to the repository root, without the leading "./"`},
		{"glob leaving the repository", "[initiatives]\nbranches = ['a/../../x']\n",
			`.prfaq.toml:2: initiatives.branches[0]: invalid glob "a/../../x": ".." would leave the repository; write the path from the repository root`},
		{"glob with too many alternatives", "[documents]\nglobs = ['{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}']\n",
			`.prfaq.toml:2: documents.globs[0]: invalid glob "{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}": more than 64 {a,b} alternatives; write fewer, or several globs`},
		{"max_bytes zero", "[documents]\nmax_bytes = 0\n",
			`.prfaq.toml:2: documents.max_bytes: want a number of bytes above 0, got 0`},
		{"max_bytes negative", "[documents]\nmax_bytes = -1\n",
			`.prfaq.toml:2: documents.max_bytes: want a number of bytes above 0, got -1`},
		{"negative word limit", "[press_release]\nmax_words = -800\n",
			`.prfaq.toml:2: press_release.max_words: want a number of words above 0 (to switch the rule off, set its severity to "off"), got -800`},
		{"zero headline limit", "[press_release]\nheadline_max_words = 0\n",
			`.prfaq.toml:2: press_release.headline_max_words: want a number of words above 0 (to switch the rule off, set its severity to "off"), got 0`},
		{"negative min_words", "[[sections]]\nname = 'M'\nkind = 'metrics'\nmin_words = -1\n",
			`.prfaq.toml:4: sections[0].min_words: want a number of words, 0 or more, got -1`},
		{"section without a name", "[[sections]]\nname = 'M'\nkind = 'metrics'\n\n[[sections]]\nkind = 'faq'\n",
			`.prfaq.toml:5: sections[1]: missing name; add name = "<the section's heading>"`},
		{"section with an empty name", "[[sections]]\nname = 'M'\nkind = 'metrics'\n[[sections]]\nname = '  '\n",
			`.prfaq.toml:5: sections[1].name: empty; write the section's heading`},
		{"section name not a string", "[[sections]]\nname = 1\n",
			`.prfaq.toml:2: sections[0].name: want a string, got integer 1`},
		{"duplicate section name", "[[sections]]\nname = 'Summary'\n[[sections]]\nname = 'M'\nkind = 'metrics'\n[[sections]]\nname = 'summary:'\n",
			`.prfaq.toml:7: sections[2].name: heading "summary:" is already used by sections[0] ("Summary"); each name and alias may appear once, compared case-insensitively`},
		{"alias of another section's name", "[[sections]]\nname = 'FAQ'\nkind = 'faq'\n[[sections]]\nname = 'Success Metrics'\naliases = ['Goals',\n  'faq']\nkind = 'metrics'\n",
			`.prfaq.toml:7: sections[1].aliases[1]: heading "faq" is already used by sections[0] ("FAQ"); each name and alias may appear once, compared case-insensitively`},
		{"alias equal to its own name", "[[sections]]\nname = 'Metrics'\naliases = ['METRICS']\nkind = 'metrics'\n",
			`.prfaq.toml:3: sections[0].aliases[0]: heading "METRICS" is already used by sections[0] ("Metrics"); each name and alias may appear once, compared case-insensitively`},
		{"empty alias", "[[sections]]\nname = 'Metrics'\naliases = [' ']\nkind = 'metrics'\n",
			`.prfaq.toml:3: sections[0].aliases[0]: empty string; remove it or write a value`},
		{"unknown kind", "[[sections]]\nname = 'Metrics'\nkind = 'table'\n",
			`.prfaq.toml:3: sections[0].kind: want "prose", "faq" or "metrics", got "table"`},
		{"required not a boolean", "[[sections]]\nname = 'Metrics'\nkind = 'metrics'\nrequired = 'yes'\n",
			`.prfaq.toml:4: sections[0].required: want true or false, got string "yes"`},
		{"two metrics sections", "[[sections]]\nname = 'Metrics'\nkind = 'metrics'\n[[sections]]\nname = 'KPIs'\nkind = 'metrics'\n",
			`.prfaq.toml:6: sections[1].kind: a second "metrics" section; only one section holds the success-metrics table (already sections[0] "Metrics")`},
		{"two metrics sections inline", "sections = [\n  {name = 'Metrics', kind = 'metrics'},\n  {name = 'KPIs', kind = 'metrics'},\n]\n",
			`.prfaq.toml:3: sections[1].kind: a second "metrics" section; only one section holds the success-metrics table (already sections[0] "Metrics")`},
		{"no metrics section", "# x\n[[sections]]\nname = 'Summary'\n",
			`.prfaq.toml:2: sections: no section has kind = "metrics"; add one for the success-metrics table`},
		{"empty section list", "sections = []\n",
			`.prfaq.toml:1: sections: empty: list the sections as [[sections]] tables, or remove the key for the default list`},
		{"sections not tables", "sections = 'Summary'\n",
			`.prfaq.toml:1: sections: want [[sections]] tables, got string "Summary"`},
		{"section not a table", "sections = [\n 'Summary']\n",
			`.prfaq.toml:2: sections[0]: want a table, got string "Summary"`},
		{"empty column list", "[metrics.columns]\nby = []\n",
			`.prfaq.toml:2: metrics.columns.by: empty: the by column could never be found; list at least one header name, or remove the key for the default`},
		{"header in two fields", "[metrics.columns]\nby = ['By', 'goal']\n",
			`.prfaq.toml:2: metrics.columns.by[1]: header "goal" would mean both target and by; keep it under one field`},
		{"absent_baseline element", "[metrics]\nabsent_baseline = ['n/a', false]\n",
			`.prfaq.toml:2: metrics.absent_baseline[1]: want a string, got boolean false`},
		{"allow_absent_baseline not a boolean", "[metrics]\nallow_absent_baseline = 1\n",
			`.prfaq.toml:2: metrics.allow_absent_baseline: want true or false, got integer 1`},
		{"template_sentences not a boolean", "[placeholders]\ntemplate_sentences = 'no'\n",
			`.prfaq.toml:2: placeholders.template_sentences: want true or false, got string "no"`},
		{"bad trailer", "[acknowledgement]\ntrailer = 'PRFAQ-Ack:'\n",
			`.prfaq.toml:2: acknowledgement.trailer: invalid trailer name "PRFAQ-Ack:": use letters, digits and "-" only, without the colon, e.g. "PRFAQ-Ack"`},
		{"trailer with a space", "[initiatives]\ntrailer = 'New initiative'\n",
			`.prfaq.toml:2: initiatives.trailer: invalid trailer name "New initiative": use letters, digits and "-" only, without the colon, e.g. "PRFAQ-Ack"`},
		{"same trailers", "[initiatives]\ntrailer = 'Ack'\n[acknowledgement]\ntrailer = 'ack'\n",
			`.prfaq.toml:4: acknowledgement.trailer: the acknowledgement trailer and initiatives.trailer are both "ack"; give them different names`},
		{"same trailer as the default", "[initiatives]\ntrailer = 'PRFAQ-ACK'\n",
			`.prfaq.toml:2: initiatives.trailer: the acknowledgement trailer and initiatives.trailer are both "PRFAQ-Ack"; give them different names`},
		{"empty label", "[acknowledgement]\nlabels = ['']\n",
			`.prfaq.toml:2: acknowledgement.labels[0]: empty string; remove it or write a value`},
		{"severity not a table", "severity = 'off'\n",
			`.prfaq.toml:1: severity: want a table, got string "off"`},
		{"date-time value", "[documents]\nmax_bytes = 1979-05-27T07:32:00Z\n",
			`.prfaq.toml:2: documents.max_bytes: want an integer, got date-time 1979-05-27T07:32:00Z`},
		{"earliest line wins", "[severity]\nplaceholder = 'fatal'\n[documents]\nmax_bytes = 'x'\n[press_release]\nfoo = 1\n",
			`.prfaq.toml:2: severity.placeholder: want "error", "warning" or "off", got "fatal"`},
		{"CRLF and BOM", "\ufeff# c\r\n[documents]\r\nmax_bytes = 'x'\r\n",
			`.prfaq.toml:3: documents.max_bytes: want an integer, got string "x"`},
		{"after a multi-line string", "[placeholders]\npatterns = ['''\n\n'''\n, 'x*']\n",
			`.prfaq.toml:2: placeholders.patterns[0]: empty string; remove it or write a value`},
		{"after a multi-line string, second element", "[placeholders]\npatterns = ['''\nTODO\n'''\n, 'x*']\n",
			`.prfaq.toml:5: placeholders.patterns[1]: "x*" matches empty text, so it would flag every document; make it match at least one character`},
		{"long string shortened", "[documents]\nmax_bytes = '" + strings.Repeat("a", 100) + "'\n",
			`.prfaq.toml:2: documents.max_bytes: want an integer, got string "` + strings.Repeat("a", 60) + `"…`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse(name, []byte(tt.src))
			if err == nil {
				t.Fatalf("no error; config %+v", c)
			}
			if c != nil {
				t.Error("a config came with the error")
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T is not a *FileError", err)
			}
			got := err.Error()
			if strings.ContainsAny(got, "\r\n") {
				t.Errorf("error is not one line: %q", got)
			}
			if prefix, ok := strings.CutSuffix(tt.want, "..."); ok {
				if !strings.HasPrefix(got, prefix) {
					t.Errorf("got  %s\nwant %s", got, tt.want)
				}
			} else if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestErrorFormat(t *testing.T) {
	for _, tt := range []struct {
		e    FileError
		want string
	}{
		{FileError{File: "a.toml", Line: 3, Key: "k", Msg: "m"}, "a.toml:3: k: m"},
		{FileError{File: "a.toml", Msg: "m"}, "a.toml: m"},
		{FileError{Msg: "m"}, "m"},
	} {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.e, got, tt.want)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	c, err := Load(dir)
	if err != nil || !reflect.DeepEqual(c, Default()) {
		t.Fatalf("Load without a file = %v, %v", c, err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("[press_release]\nmax_words = 500\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err = Load(dir)
	if err != nil || c.PressRelease.MaxWords != 500 {
		t.Fatalf("Load = %+v, %v", c, err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("[press_release]\nmax_words = 'many'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(dir)
	if want := `.prfaq.toml:2: press_release.max_words: want an integer, got string "many"`; err == nil || err.Error() != want {
		t.Errorf("Load error = %v, want %s", err, want)
	}
	dir2 := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir2, FileName), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err = Load(dir2)
	var fe *FileError
	if !errors.As(err, &fe) || fe.File != FileName || fe.Line != 0 {
		t.Errorf("Load of a directory = %v", err)
	}
	big := bytes.Repeat([]byte("# padding\n"), maxFileBytes/10+1)
	if _, err := Parse(name, big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a huge file: %v", err)
	}
}

func TestIsDocument(t *testing.T) {
	c := Default()
	for path, want := range map[string]bool{
		"PRFAQ.md":                       true,
		"services/payments/PRFAQ.md":     true,
		"a/b/c/d/PRFAQ.md":               true,
		"docs/PRFAQ.md":                  true,
		"docs/prfaq/x.md":                true,
		"./docs/prfaq/x.md":              true,
		"docs/prfaq/sub/x.md":            false,
		"docs/prfaq/x.txt":               false,
		"docs/prfaq":                     false,
		"prfaq.md":                       false,
		"PRFAQ.md.orig":                  false,
		"services/PRFAQ.md/notes.md":     false,
		"docs/prfaq-old/x.md":            false,
		"xdocs/prfaq/x.md":               false,
		"services/payments/OLD-PRFAQ.md": false,
		"":                               false,
	} {
		if got := c.IsDocument(path); got != want {
			t.Errorf("IsDocument(%q) = %v, want %v", path, got, want)
		}
		if got := c.DocumentFilter()([]byte(path)); got != want {
			t.Errorf("DocumentFilter()(%q) = %v, want %v", path, got, want)
		}
	}
	c = mustParse(t, "[documents]\nglobs = ['proposals/{2025,2026}/*.md', 'rfc/**/README.md']\n")
	for path, want := range map[string]bool{
		"proposals/2026/x.md":   true,
		"proposals/2024/x.md":   false,
		"rfc/README.md":         true,
		"rfc/a/b/README.md":     true,
		"PRFAQ.md":              false,
		"proposals/2025/a/b.md": false,
		"rfc\\README.md":        true,
		"rfc/README.md/":        true,
	} {
		if got := c.IsDocument(path); got != want {
			t.Errorf("IsDocument(%q) = %v, want %v", path, got, want)
		}
		if got := c.DocumentFilter()([]byte(path)); got != want {
			t.Errorf("DocumentFilter()(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestCheckSize(t *testing.T) {
	c := mustParse(t, "[documents]\nmax_bytes = 100\n")
	if err := c.CheckSize("PRFAQ.md", 100); err != nil {
		t.Error(err)
	}
	err := c.CheckSize("PRFAQ.md", 101)
	if want := "PRFAQ.md: 101 bytes is larger than documents.max_bytes = 100 in .prfaq.toml: shorten the document or raise the limit"; err == nil || err.Error() != want {
		t.Errorf("CheckSize = %v", err)
	}
}

func TestPlaceholderPatterns(t *testing.T) {
	res := Default().PlaceholderPatterns()
	match := func(s string) bool {
		for _, re := range res {
			if re.MatchString(s) {
				return true
			}
		}
		return false
	}
	for s, want := range map[string]bool{
		"<Headline: Company launches product>": true,
		"See <Customer Name> for details":      true,
		"TODO: write this":                     true,
		"Pricing is TBD.":                      true,
		"FIXME":                                true,
		"call XXX":                             true,
		"Lorem Ipsum dolor":                    true,
		"a todo list app":                      false,
		"TODOs":                                false,
		"Jane Roe <jane@example.com>":          false,
		"x < y and z > w":                      false,
		"— <name>, Owner, <gym name>":          true,  // real HTML tags (<br>) are blanked from prose before patterns run
		"ailly assemble <name> builds it":      false, // a command's argument
		"[Pricing TBD — tiered, from free to premium]": true,
		"switched from [competitor] last year":         true,
		"a [sic] in a quote":                           false,
		"An XXXL shirt":                                false,
		"We ship on time.":                             false,
	} {
		if got := match(s); got != want {
			t.Errorf("placeholder match %q = %v, want %v", s, got, want)
		}
	}
	// A Config changed by hand still answers from its own patterns.
	c := Default()
	c.Placeholders.Patterns = []string{"WIP", "("}
	if got := c.PlaceholderPatterns(); len(got) != 1 || got[0].String() != "WIP" {
		t.Errorf("hand-edited patterns = %v", got)
	}
}

func TestInitiatives(t *testing.T) {
	c := mustParse(t, "[initiatives]\nroots = ['services/*', 'apps/{web,ios}/features/*']\nbranches = ['initiative/**', 'feature/new-*']\n")
	for dir, want := range map[string]bool{
		"services/payments":           true,
		"services/payments/":          true,
		"services":                    false,
		"services/payments/api":       false,
		"apps/ios/features/checkout":  true,
		"apps/android/features/x":     false,
		"":                            false,
		"libs/payments":               false,
		"./services/search":           true,
		"services/payments/PRFAQ.md":  false,
		"apps/web/features/a/b/c/d/e": false,
	} {
		if got := c.IsInitiativeRoot(dir); got != want {
			t.Errorf("IsInitiativeRoot(%q) = %v, want %v", dir, got, want)
		}
	}
	for file, want := range map[string]string{
		"services/payments/api/main.go": "services/payments",
		"services/payments/PRFAQ.md":    "services/payments",
		"services/README.md":            "",
		"apps/web/features/x/y.ts":      "apps/web/features/x",
		"main.go":                       "",
	} {
		got, ok := c.InitiativeDir(file)
		if got != want || ok != (want != "") {
			t.Errorf("InitiativeDir(%q) = %q, %v; want %q", file, got, ok, want)
		}
	}
	for branch, want := range map[string]bool{
		"initiative/payments":            true,
		"refs/heads/initiative/a/b":      true,
		"feature/new-checkout":           true,
		"feature/checkout":               false,
		"main":                           false,
		"refs/heads/main":                false,
		"my-initiative/x":                false,
		"refs/heads/feature/new-billing": true,
	} {
		if got := c.InitiativeBranch(branch); got != want {
			t.Errorf("InitiativeBranch(%q) = %v, want %v", branch, got, want)
		}
	}
	if d := Default(); d.IsInitiativeRoot("services/x") || d.InitiativeBranch("initiative/x") {
		t.Error("by default nothing is an initiative")
	}
}

// The pathspecs select, with the real git, exactly the files IsDocument
// accepts.
func TestDocumentPathspecsWithGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	git := func(dir string, args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+repo, "GIT_CONFIG_GLOBAL=/dev/null")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	files := []string{
		"PRFAQ.md", "prfaq.md", "README.md", "PRFAQ.md.orig",
		"docs/PRFAQ.md", "docs/prfaq/x.md", "docs/prfaq/y.md", "docs/prfaq/sub/z.md", "docs/prfaq/notes.txt",
		"docs/prfaq-old/x.md", "docs/prfaq/[x].md", "docs/a b/c.md",
		"services/payments/PRFAQ.md", "services/search/api/PRFAQ.md", "services/PRFAQ.md/inner.md",
		"notes/PRFAQ", "notes2/PRFAQ/x.md", "rfc/2025/README.md", "rfc/2026/a/README.md", "rfc/README.markdown",
		".hidden/PRFAQ.md", "docs/prfaq/.x.md", "docs/ünï/x.md",
	}
	for _, f := range files {
		p := filepath.Join(repo, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git(repo, "init", "-q")
	git(repo, "add", "-A")
	globSets := [][]string{
		nil, // the defaults
		{"notes/PRFAQ"},
		{"notes2/PRFAQ"},
		{"docs/prfaq"},
		{"docs/prfaq/x.md", "PRFAQ.md"},
		{"{docs,notes}/**/*.md"},
		{"rfc/**/README.{md,markdown}", "*.md"},
		{"docs/*/[a-x]*.md", "docs/prfaq/?.md"},
		{"docs/prfaq/\\[x\\].md"},
		{"docs/a b/*.md", "docs/ünï/*"},
		{"**"},
		{"**/*"},
		{"services/*/PRFAQ.md", "services/**/api/*.md"},
		{"docs/prfaq/[!x].md", "docs/prfaq/[^y].md"},
		{"**/PRFAQ*"},
		{".hidden/*", "docs/prfaq/.*"},
		{"docs/*{prfaq,b}/{x,y}.md", "{notes,notes2}/PRFAQ"},
	}
	for _, globs := range globSets {
		c := Default()
		if globs != nil {
			var b strings.Builder
			b.WriteString("[documents]\nglobs = [")
			for i, g := range globs {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString("'" + g + "'")
			}
			b.WriteString("]\n")
			c = mustParse(t, b.String())
		}
		var want []string
		for _, f := range files {
			if c.IsDocument(f) {
				want = append(want, f)
			}
		}
		sort.Strings(want)
		// From a subdirectory too: the pathspecs are anchored at the top.
		for _, dir := range []string{repo, filepath.Join(repo, "docs", "prfaq")} {
			args := append([]string{"-c", "core.quotepath=off", "ls-files", "-z", "--full-name", "--"}, c.DocumentPathspecs()...)
			out := git(dir, args...)
			got := strings.Split(strings.TrimSuffix(out, "\x00"), "\x00")
			if out == "" {
				got = nil
			}
			sort.Strings(got)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("globs %q, pathspecs %q in %s:\ngit selects %q\nIsDocument  %q", c.Documents.Globs, c.DocumentPathspecs(), dir, got, want)
			}
			// The prefilter selects every document, and maybe more.
			args = append([]string{"-c", "core.quotepath=off", "ls-files", "-z", "--full-name", "--"}, c.DocumentPrefilter()...)
			loose := map[string]bool{}
			for _, f := range strings.Split(git(dir, args...), "\x00") {
				loose[f] = true
			}
			for _, f := range want {
				if !loose[f] {
					t.Errorf("globs %q, prefilter %q in %s misses document %q", c.Documents.Globs, c.DocumentPrefilter(), dir, f)
				}
			}
		}
	}
}

func TestDocumentPathspecs(t *testing.T) {
	got := Default().DocumentPathspecs()
	want := []string{":(top,glob)**/PRFAQ.md", ":(top,glob)docs/prfaq/*.md"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DocumentPathspecs() = %q, want %q", got, want)
	}
	c := mustParse(t, "[documents]\nglobs = ['{a,b}/*.md', 'a/*.md', 'docs/PRFAQ.md']\n")
	got = c.DocumentPathspecs()
	want = []string{":(top,glob)a/*.md", ":(top,glob)b/*.md", ":(top,glob)docs/PRFAQ.m[d]"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DocumentPathspecs() = %q, want %q", got, want)
	}
}

// TestNoPlaceholderPatterns: an empty patterns list means none, not the
// defaults (which compile on first use).
func TestNoPlaceholderPatterns(t *testing.T) {
	c := mustParse(t, "[placeholders]\npatterns = []\n")
	if got := c.PlaceholderPatterns(); len(got) != 0 {
		t.Errorf("PlaceholderPatterns = %v, want none", got)
	}
	if got := Default().PlaceholderPatterns(); len(got) != len(defaultPatterns()) {
		t.Errorf("the defaults: %d patterns, want %d", len(got), len(defaultPatterns()))
	}
}

// TestLiteralTail: the tail matchAny checks before matching is what every
// match must end with.
func TestLiteralTail(t *testing.T) {
	t.Parallel()
	for glob, want := range map[string]string{
		"**/PRFAQ.md":           "PRFAQ.md",
		"docs/prfaq/*.md":       ".md",
		"PRFAQ.md":              "PRFAQ.md",
		"proposals/{2025,2026}": "",
		"a/{x,y}.md":            ".md",
		"a/[Pp]RFAQ.md":         "RFAQ.md",
		`a/\*.md`:               ".md",
		"rfc/**":                "",
		"":                      "",
		"a/\xf8":                "",
		"a/\uFFFD.md":           "",
	} {
		if got := literalTail(glob); got != want {
			t.Errorf("literalTail(%q) = %q, want %q", glob, got, want)
		}
	}
}

// TestLiteralHead: the head DocumentFilter checks before matching is what
// every match must start with.
func TestLiteralHead(t *testing.T) {
	t.Parallel()
	for glob, want := range map[string]string{
		"**/PRFAQ.md":           "",
		"docs/prfaq/*.md":       "docs/prfaq",
		"PRFAQ.md":              "PRFAQ.md",
		"proposals/{2025,2026}": "proposals",
		"a/b/[Pp]RFAQ.md":       "a/b",
		`a\*.md`:                "",
		"rfc/**":                "rfc", // matches "rfc"
		" /**":                  " ",
		"a//**":                 "a/",
		"x/y,z/*.md":            "x",
		"":                      "",
		"\xf8/*.md":             "",
		"\uFFFD/*.md":           "",
	} {
		if got := literalHead(glob); got != want {
			t.Errorf("literalHead(%q) = %q, want %q", glob, got, want)
		}
	}
}

// FuzzMatchAnyTail: the tail check never rejects a name the glob matches,
// and DocumentFilter (its head, tail and last-byte checks, and "**/"
// globs matched without doublestar) agrees with IsDocument.
func FuzzMatchAnyTail(f *testing.F) {
	for _, s := range [][2]string{{"**/PRFAQ.md", "a/PRFAQ.md"}, {"docs/prfaq/*.md", "docs/prfaq/x.md"},
		{"a/{x,y}.md", "a/y.md"}, {`a/\*.md`, "a/*.md"}, {"a/[!b]c", "a/xc"},
		{"**/x.md", "./a//x.md"}, {"docs/*.md", "./docs/PRFAQ.md"}, {"a/**", "a\\b/"}, {" /**", " "}, {"a//**", "a"}, {"a//**", "a/"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, glob, name string) {
		if !doublestar.ValidatePattern(glob) {
			return
		}
		if doublestar.MatchUnvalidated(glob, name) && !matchAny([]string{glob}, name) {
			t.Fatalf("%q matches %q, matchAny says no", glob, name)
		}
		c := Default()
		c.Documents.Globs = []string{glob, "**/PRFAQ.md"}
		if c.DocumentFilter()([]byte(name)) != c.IsDocument(name) {
			t.Fatalf("globs %q, %q: DocumentFilter and IsDocument disagree", c.Documents.Globs, name)
		}
	})
}

// BenchmarkDocumentFilter filters the paths of a repository like
// mkrepo's default (100,000 source files; 200 services, each with a
// PRFAQ.md and a README.md), as `git prfaq list` does its index.
func BenchmarkDocumentFilter(b *testing.B) {
	var paths [][]byte
	for i := range 100_000 {
		paths = append(paths, fmt.Appendf(nil, "src/pkg%03d/mod%02d/file%d.go", i/400, i/20%20, i%20))
	}
	for i := range 200 {
		paths = append(paths, fmt.Appendf(nil, "services/svc%03d/PRFAQ.md", i), fmt.Appendf(nil, "services/svc%03d/README.md", i))
	}
	keep := Default().DocumentFilter()
	kept := 0
	for b.Loop() {
		kept = 0
		for _, p := range paths {
			if keep(p) {
				kept++
			}
		}
	}
	if kept != 200 {
		b.Fatalf("kept %d paths, want 200", kept)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(paths)), "ns/path")
}
