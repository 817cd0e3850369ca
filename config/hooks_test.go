package config

import (
	"strings"
	"testing"
)

func TestHooksFailOn(t *testing.T) {
	if got := Default().Hooks.FailOn; got != FailOnError {
		t.Errorf("default hooks.fail_on = %q", got)
	}
	for _, v := range FailOns() {
		c := mustParse(t, "[hooks]\nfail_on = \""+string(v)+"\"\n")
		if c.Hooks.FailOn != v {
			t.Errorf("fail_on = %q read as %q", v, c.Hooks.FailOn)
		}
	}
	for src, want := range map[string]string{
		"[hooks]\nfail_on = \"warnings\"\n": `.prfaq.toml:2: hooks.fail_on: want "error", "warning" or "never", got "warnings"`,
		"[hooks]\nfail_on = false\n":        `.prfaq.toml:2: hooks.fail_on: want "error", "warning" or "never", got boolean false`,
		"[hooks]\nfail = \"never\"\n":       `.prfaq.toml:2: unknown key "hooks.fail" (known keys: fail_on)`,
		"hooks = 1\n":                       `.prfaq.toml:1: hooks: want a table, got integer 1`,
	} {
		_, err := Parse(name, []byte(src))
		if err == nil || err.Error() != want {
			t.Errorf("Parse(%q) = %v, want %s", src, err, want)
		}
	}
}

func TestFailOnFails(t *testing.T) {
	tests := []struct {
		f                FailOn
		errors, warnings int
		want             bool
	}{
		{FailOnError, 0, 0, false}, {FailOnError, 0, 3, false}, {FailOnError, 1, 0, true},
		{FailOnWarning, 0, 0, false}, {FailOnWarning, 0, 1, true}, {FailOnWarning, 1, 0, true},
		{FailOnNever, 5, 5, false},
		{"", 1, 0, true}, {"", 0, 1, false},
	}
	for _, tt := range tests {
		if got := tt.f.Fails(tt.errors, tt.warnings); got != tt.want {
			t.Errorf("FailOn(%q).Fails(%d, %d) = %v", tt.f, tt.errors, tt.warnings, got)
		}
	}
}

func TestBaselineFile(t *testing.T) {
	if got := Default().Baseline.File; got != "" {
		t.Errorf("default baseline.file = %q", got)
	}
	c := mustParse(t, "[baseline]\nfile = \"ci/.prfaq-baseline.json\"\n")
	if c.Baseline.File != "ci/.prfaq-baseline.json" {
		t.Errorf("baseline.file read as %q", c.Baseline.File)
	}
	for _, bad := range []string{"/etc/x.json", "../x.json", "a//b.json", `a\b.json`, "a/"} {
		src := "[baseline]\nfile = \"" + strings.ReplaceAll(bad, `\`, `\\`) + "\"\n"
		if _, err := Parse(FileName, []byte(src)); err == nil || !strings.Contains(err.Error(), ".prfaq.toml:2: baseline.file: want a slash path inside the repository") {
			t.Errorf("%q: %v", bad, err)
		}
	}
	if _, err := Parse(FileName, []byte("[baseline]\nfile = 1\n")); err == nil {
		t.Error("file = 1 accepted")
	}
	base, head := Default(), Default()
	head.Baseline.File = ".prfaq-baseline.json"
	if got := Loosened(base, head); len(got) != 1 || !strings.Contains(got[0], "baseline.file set") {
		t.Errorf("Loosened: %v", got)
	}
	if got := Loosened(head, base); len(got) != 0 {
		t.Errorf("dropping the baseline loosens: %v", got)
	}
}
