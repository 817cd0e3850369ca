package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/config"
)

const customConfig = `[documents]
max_bytes = 2048

[[sections]]
name = "Zusammenfassung"
aliases = ["Überblick", "say \"hi\"\\now"]

[[sections]]
name = "Kennzahlen"
kind = "metrics"

[placeholders]
patterns = ['\bTODO\b', '<[A-Z][a-z]+>']

[hooks]
fail_on = "never"

[severity]
placeholder = "warning"
`

// The TOML printed is a .prfaq.toml that gives the same configuration,
// and each value names the line that set it.
func TestConfigTOMLRoundTrip(t *testing.T) {
	for _, src := range []string{"", customConfig, string(config.Template())} {
		c, err := config.Parse(config.FileName, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		var data []byte
		if src != "" {
			data = []byte(src)
		}
		var out bytes.Buffer
		if err := ConfigTOML(&out, config.Effective(c, data), ConfigSource{File: config.FileName, Exists: data != nil}); err != nil {
			t.Fatal(err)
		}
		back, err := config.Parse("printed", out.Bytes())
		if err != nil {
			t.Fatalf("the printed configuration does not parse: %v\n%s", err, out.String())
		}
		if got, want := values(config.Effective(back, nil)), values(config.Effective(c, nil)); !reflect.DeepEqual(got, want) {
			t.Errorf("round trip differs:\n got %v\nwant %v", got, want)
		}
	}
	c, err := config.Parse(config.FileName, []byte(customConfig))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := ConfigTOML(&out, config.Effective(c, []byte(customConfig)), ConfigSource{File: config.FileName, Exists: true}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\n[documents]\nglobs = [\"**/PRFAQ.md\", \"docs/prfaq/*.md\"] # default\nmax_bytes = 2048 # .prfaq.toml:2\n",
		"\n[[sections]]\nname = \"Zusammenfassung\" # .prfaq.toml:5\naliases = [\"Überblick\", \"say \\\"hi\\\"\\\\now\"] # .prfaq.toml:6\n",
		"kind = \"metrics\" # .prfaq.toml:10\n",
		"patterns = [\"\\\\bTODO\\\\b\", \"<[A-Z][a-z]+>\"] # .prfaq.toml:13\n",
		"\n[hooks]\nfail_on = \"never\" # .prfaq.toml:16\n",
		"placeholder = \"warning\" # .prfaq.toml:19\n",
		"metric-weakened = \"error\" # default\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("printed configuration lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Count(out.String(), "[[sections]]") != 2 {
		t.Errorf("want 2 sections:\n%s", out.String())
	}
}

func values(ss []config.Setting) map[string]any {
	m := map[string]any{}
	for _, s := range ss {
		m[s.Key] = s.Value
	}
	return m
}

func TestConfigJSON(t *testing.T) {
	c, err := config.Parse(config.FileName, []byte(customConfig))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	src := ConfigSource{File: "0123456789ab:.prfaq.toml", Exists: true, Rev: "0123456789abcdef0123456789abcdef01234567"}
	if err := ConfigJSON(&out, config.Effective(c, []byte(customConfig)), src); err != nil {
		t.Fatal(err)
	}
	var got struct {
		File     string
		Exists   bool
		Rev      string
		Settings []struct {
			Key    string
			Value  any
			Source string
		}
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.File != src.File || !got.Exists || got.Rev != src.Rev {
		t.Errorf("header = %+v", got)
	}
	by := map[string]string{}
	for _, s := range got.Settings {
		by[s.Key] = s.Source
	}
	for k, want := range map[string]string{
		"documents.max_bytes":    "0123456789ab:.prfaq.toml:2",
		"documents.globs":        "default",
		"sections[1].kind":       "0123456789ab:.prfaq.toml:10",
		"hooks.fail_on":          "0123456789ab:.prfaq.toml:16",
		"acknowledgement.labels": "default",
		"severity.placeholder":   "0123456789ab:.prfaq.toml:19",
	} {
		if by[k] != want {
			t.Errorf("source of %s = %q, want %q", k, by[k], want)
		}
	}
	if got.Settings[0].Key != "documents.globs" {
		t.Errorf("first setting %q, want the template's order", got.Settings[0].Key)
	}
}
