package gitcmd

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestConfigGet(t *testing.T) {
	dir := newRepo(t)
	repo := open(t, dir)
	git(t, dir, "config", "prfaq.single", "value with spaces")
	git(t, dir, "config", "--add", "prfaq.multi", "first")
	git(t, dir, "config", "--add", "prfaq.multi", "last")
	git(t, dir, "config", "prfaq.newline", "a\nb")
	for key, want := range map[string]string{"prfaq.single": "value with spaces", "prfaq.multi": "last", "prfaq.newline": "a\nb"} {
		if got, ok, err := repo.ConfigGet(ctx, key); err != nil || !ok || got != want {
			t.Errorf("ConfigGet(%s) = %q, %v, %v; want %q", key, got, ok, err, want)
		}
	}
	if got, ok, err := repo.ConfigGet(ctx, "prfaq.unset"); err != nil || ok || got != "" {
		t.Errorf("ConfigGet(unset) = %q, %v, %v; want not set", got, ok, err)
	}
	if _, _, err := repo.ConfigGet(ctx, "nosection"); err == nil || !strings.Contains(err.Error(), "key does not contain a section") {
		t.Errorf("ConfigGet(invalid key) err = %v", err)
	}
}

func TestConfigGetPath(t *testing.T) {
	dir := newRepo(t)
	repo := open(t, dir)
	home, _ := os.UserHomeDir()
	git(t, dir, "config", "core.hooksPath", ".githooks")
	git(t, dir, "config", "prfaq.abs", "/etc/hooks")
	git(t, dir, "config", "prfaq.home", "~/hooks")
	for key, want := range map[string]string{
		"core.hooksPath": filepath.Join(dir, ".githooks"),
		"prfaq.abs":      "/etc/hooks",
		"prfaq.home":     filepath.Join(home, "hooks"),
	} {
		if got, ok, err := repo.ConfigGetPath(ctx, key); err != nil || !ok || got != want {
			t.Errorf("ConfigGetPath(%s) = %q, %v, %v; want %q", key, got, ok, err, want)
		}
	}
	bare := open(t, newRepo(t, "--bare"))
	git(t, bare.GitDir, "config", "core.hooksPath", "hooks2")
	if got, _, err := bare.ConfigGetPath(ctx, "core.hooksPath"); err != nil || got != filepath.Join(bare.GitDir, "hooks2") {
		t.Errorf("bare ConfigGetPath = %q, %v", got, err)
	}
}

func TestTrailers(t *testing.T) {
	repo := open(t, newRepo(t))
	for _, tc := range []struct {
		name, msg string
		want      []Trailer
	}{
		{"none", "Subject\n\nBody text.\n", nil},
		{"basic", "Weaken target\n\nBody.\n\nPRFAQ-Ack: agreed with finance\nSigned-off-by: A <a@example.com>\n",
			[]Trailer{{"PRFAQ-Ack", "agreed with finance"}, {"Signed-off-by", "A <a@example.com>"}}},
		{"continuation", "S\n\nPRFAQ-Ack: a long reason\n  that continues\n",
			[]Trailer{{"PRFAQ-Ack", "a long reason that continues"}}},
		{"comments and divider", "S\n\nbody\n---\nnot a divider in a commit message\n\nPRFAQ-Ack: yes\n# Please enter the commit message\n# Key: not a trailer\n",
			[]Trailer{{"PRFAQ-Ack", "yes"}}},
		{"not the last paragraph", "S\n\nPRFAQ-Ack: early\n\nfinal paragraph\n", nil},
		{"subject only", "PRFAQ-Ack: subject is not a trailer\n", nil},
	} {
		got, err := repo.Trailers(ctx, []byte(tc.msg))
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Trailers = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}

func TestParseTrailerLine(t *testing.T) {
	for line, want := range map[string]Trailer{
		"Key: value":        {"Key", "value"},
		"Key-2= v: w":       {"Key-2", "v: w"},
		"Key :  spaced ":    {"Key", "spaced"},
		"Key:":              {"Key", ""},
		"Ünï: x":            {},
		"no separator here": {},
	} {
		got, ok := parseTrailerLine(line)
		if got != want || ok != (want != Trailer{}) {
			t.Errorf("parseTrailerLine(%q) = %q, %v; want %q", line, got, ok, want)
		}
	}
}
