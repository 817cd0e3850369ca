package config

import (
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
