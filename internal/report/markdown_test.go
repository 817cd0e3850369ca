package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/rule"
)

// renderGFM turns Markdown into HTML as a GitHub-flavoured renderer does
// (tables, strikethrough, autolinks), with raw HTML refused as GitHub
// sanitises it: any "raw HTML omitted" means text got through as HTML.
func renderGFM(t *testing.T, md string) string {
	t.Helper()
	var b bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestMarkdownInjection(t *testing.T) {
	r := injectionRun()
	r.Findings = append(r.Findings, rule.Finding{Rule: "placeholder", Severity: rule.Error, File: "a/PRFAQ.md", Line: 2, Column: 1,
		Message: "template text \"| x | y |\" and <script>alert(1)</script> and [link](https://evil.example) and ![img](x.png) and `code` and **bold** and &amp; and $x$"})
	var b bytes.Buffer
	if err := Markdown(&b, r, Links{}); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	html := renderGFM(t, md)
	if strings.Contains(html, "raw HTML omitted") || strings.Contains(html, "<script") || strings.Contains(html, "<b>") {
		t.Errorf("document text reached the page as HTML:\n%s", html)
	}
	for _, bad := range []string{"<img", "<strong>bold", "<code>code", ">link</a>", "<del>", "<em>"} {
		if strings.Contains(html, bad) {
			t.Errorf("document text became markup (%s):\n%s", bad, html)
		}
	}
	// Every table keeps its shape: one row per finding, four cells each;
	// the changes table one row of seven.
	tables := regexp.MustCompile(`(?s)<table>.*?</table>`).FindAllString(html, -1)
	if want := 7; len(tables) != want {
		t.Fatalf("%d tables, want %d (one per place and the changes):\n%s", len(tables), want, html)
	}
	for i, tb := range tables {
		cells := 4
		if i == len(tables)-1 {
			cells = 7
		}
		for _, row := range regexp.MustCompile(`(?s)<tbody>.*</tbody>`).FindAllString(tb, -1) {
			if rows := strings.Count(row, "<tr>"); rows != 1 {
				t.Errorf("table %d has %d body rows, want 1:\n%s", i, rows, tb)
			}
			if n := strings.Count(row, "<td"); n != cells {
				t.Errorf("table %d row has %d cells, want %d:\n%s", i, n, cells, tb)
			}
		}
	}
	// Links: ours, each to an encoded path, or a URL the text shows as
	// itself (GitHub autolinks those in any text; nothing is hidden).
	for _, m := range regexp.MustCompile(`<a href="([^"]*)">([^<]*)</a>`).FindAllStringSubmatch(html, -1) {
		if !regexp.MustCompile(`^[A-Za-z0-9._~/%-]+(#L[0-9]+)?$`).MatchString(m[1]) && m[1] != m[2] {
			t.Errorf("link to %q, shown as %q, is not one of ours", m[1], m[2])
		}
	}
	if !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the text itself must still be shown, escaped:\n%s", html)
	}
}

func TestMarkdownPipesAndMath(t *testing.T) {
	got := cell("a | b $5 and $6 <i> &copy; *x* _y_ `z` [l](u) ~s~ # h\nnext\tcol")
	want := `a \| b \$5 and \$6 \<i\> \&copy; \*x\* \_y\_ \` + "`" + `z\` + "`" + ` \[l\](u) \~s\~ \# h next col`
	if got != want {
		t.Errorf("cell = %s\nwant   %s", got, want)
	}
}

func TestMarkdownChartEscaping(t *testing.T) {
	r := Run{Summary: Summarize(1, nil), Charts: []Chart{{
		File: "a/PRFAQ.md", Metric: "Close \"time\"\n```\n%%{init}%%", Unit: "da\"ys",
		Points: []Point{{Commit: "aaaaaaaaaa", Value: 1500, Text: "1,500"}, {Commit: "bbbbbbbbbb", Value: 0.000012345, Text: "x"}},
	}}}
	var b bytes.Buffer
	if err := Markdown(&b, r, Links{}); err != nil {
		t.Fatal(err)
	}
	block := b.String()[strings.Index(b.String(), "```mermaid"):]
	lines := strings.Split(strings.TrimSuffix(block, "\n"), "\n")
	if len(lines) != 8 || lines[7] != "```" {
		t.Fatalf("the mermaid block must be seven lines and its fence, got:\n%s", block)
	}
	if strings.Count(block, "%%") != 2 {
		t.Errorf("only our init directive may hold %%%%:\n%s", block)
	}
	for _, want := range []string{
		`    title "Close 'time'     % {init}% : target"`,
		`    x-axis "commit" ["aaaaaaa", "bbbbbbb"]`,
		`    y-axis "da'ys" 0 --> 1650`,
		`    line [1500, 0.00001234]`,
	} {
		if !strings.Contains(block, want+"\n") {
			t.Errorf("mermaid block lacks %q:\n%s", want, block)
		}
	}
}

func TestLinksFromEnv(t *testing.T) {
	env := map[string]string{"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "abc123"}
	l := LinksFromEnv(func(k string) string { return env[k] })
	if l.Blob != "https://github.com/o/r/blob/abc123/" || l.Commit != "https://github.com/o/r/commit/" {
		t.Errorf("links = %+v", l)
	}
	env["GITHUB_SHA"] = "abc) [x](y"
	if l := LinksFromEnv(func(k string) string { return env[k] }); l != (Links{}) {
		t.Errorf("a variable that would break a link must give relative links, got %+v", l)
	}
	if l := LinksFromEnv(func(string) string { return "" }); l != (Links{}) {
		t.Errorf("outside Actions links are relative, got %+v", l)
	}
}

func TestURIPath(t *testing.T) {
	for in, want := range map[string]string{
		"services/pay/PRFAQ.md":  "services/pay/PRFAQ.md",
		"docs/a b (1).md":        "docs/a%20b%20%281%29.md",
		"c:/x&y#z?.md":           "c%3A/x%26y%23z%3F.md",
		"ünï/PRFAQ.md":           "%C3%BCn%C3%AF/PRFAQ.md",
		"a%0A::error::/PRFAQ.md": "a%250A%3A%3Aerror%3A%3A/PRFAQ.md",
	} {
		if got := uriPath(in); got != want {
			t.Errorf("uriPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdownChangesAck(t *testing.T) {
	for _, c := range []struct {
		ch   change.Change
		want string
	}{
		{change.Change{Effect: change.Weakened, Severity: rule.Error}, "**not acknowledged**"},
		{change.Change{Effect: change.Weakened, Severity: rule.Warning}, "not acknowledged (a warning)"},
		{change.Change{Effect: change.Weakened}, "—"}, // metric-weakened is off
		{change.Change{Effect: change.Weakened, Acknowledged: "late | <b>"}, `✅ late \| \<b\>`},
		{change.Change{Effect: change.Weakened, Acknowledged: "later", AcknowledgedBy: "30cf1eb9c8bc11ae"}, "✅ later (30cf1eb)"},
		{change.Change{Effect: change.Improved}, "—"},
	} {
		if got := ackCell(c.ch); got != c.want {
			t.Errorf("ackCell(%+v) = %q, want %q", c.ch, got, c.want)
		}
	}
}
