package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// manPagePath is the committed page the release archives ship.
var manPagePath = filepath.Join("..", "..", "git-prfaq.1")

// TestManPageUpToDate regenerates the page and compares it with the
// committed one, so a change to any command's --help text that forgets
// the page fails here rather than shipping a stale page.
func TestManPageUpToDate(t *testing.T) {
	want, err := manPage(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(manPagePath)
	if err != nil {
		t.Fatalf("%v: generate it with: %s", err, regenerate)
	}
	if string(got) != want {
		line, committed, generated := firstDiff(string(got), want)
		t.Fatalf("git-prfaq.1 differs from the commands' --help text at line %d:\n  committed: %q\n  generated: %q\nregenerate it with: %s",
			line, committed, generated, regenerate)
	}
}

// firstDiff returns the first line number where a and b differ, and the
// two lines.
func firstDiff(a, b string) (int, string, string) {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; ; i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y || i >= len(al) || i >= len(bl) {
			return i + 1, x, y
		}
	}
}

// TestHelpPrintedOnce guards parse: pflag calls Usage itself on -h, and
// calling it again printed every command's help twice.
func TestHelpPrintedOnce(t *testing.T) {
	for _, c := range commands() {
		for _, flag := range []string{"-h", "--help"} {
			out := helpOutput(t, c.name, flag)
			if n := strings.Count(out, "usage: git prfaq "); n != 1 {
				t.Errorf("git prfaq %s %s printed usage %d times:\n%s", c.name, flag, n, out)
			}
		}
	}
}

func helpOutput(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := run(context.Background(), args, strings.NewReader(""), &out, &errOut); code != exitOK {
		t.Fatalf("git prfaq %s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
	}
	return out.String()
}

func TestManPageSections(t *testing.T) {
	page, err := manPage(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		".TH GIT\\-PRFAQ 1", ".SH NAME\ngit\\-prfaq \\- ", ".SH SYNOPSIS", ".SH DESCRIPTION",
		".SH COMMANDS", ".SH EXIT STATUS", ".SH ENVIRONMENT", ".SH FILES", ".SH SEE ALSO",
		"NO_COLOR", "GIT_INDEX_FILE", "GIT_PRFAQ_TODAY", "GIT_PRFAQ_CPUPROFILE", "GITHUB_STEP_SUMMARY",
		".prfaq.toml",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("man page lacks %q", want)
		}
	}
	for _, c := range commands() {
		if !strings.Contains(page, ".SS "+c.name+"\n") {
			t.Errorf("man page has no COMMANDS entry for %s", c.name)
		}
	}
}

func TestParseHelp(t *testing.T) {
	text := "usage: git prfaq demo [--x]\n\nDoes a thing.\n\noptions:\n" +
		"  -f, --format string   output format (default \"text\")\n" +
		"      --long[=true|false]   first line\n" +
		"                            second line\n"
	h, err := parseHelp("demo", text)
	if err != nil {
		t.Fatal(err)
	}
	if h.synopsis != "demo [--x]" || h.about != "Does a thing." {
		t.Errorf("synopsis %q, about %q", h.synopsis, h.about)
	}
	want := []optionHelp{
		{"-f, --format string", `output format (default "text")`},
		{"--long[=true|false]", "first line\nsecond line"},
	}
	if len(h.options) != len(want) {
		t.Fatalf("options %q, want %q", h.options, want)
	}
	for i := range want {
		if h.options[i] != want[i] {
			t.Errorf("option %d: %q, want %q", i, h.options[i], want[i])
		}
	}
	if _, err := parseHelp("demo", "Usage of demo:\n"); err == nil {
		t.Error("a help text without 'usage: git prfaq' parsed")
	}
}

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		`--all-parents`:           `\-\-all\-parents`,
		`see 'git prfaq hook -h'`: `see \(aqgit prfaq hook \-h\(aq`,
		`C:\path`:                 `C:\epath`,
		`.prfaq.toml is data`:     `\&.prfaq.toml is data`,
		"~ ^ `x`":                 `\(ti \(ha \(gax\(ga`,
	} {
		if got := escapeLine(in); got != want {
			t.Errorf("escapeLine(%q) = %q, want %q", in, got, want)
		}
	}
	forms := synopsisForms(commandHelp{name: "hook", synopsis: "hook a [B | hook c] | hook run X"})
	if len(forms) != 2 || forms[0] != "hook a [B | hook c]" || forms[1] != "hook run X" {
		t.Errorf("synopsisForms: %q", forms)
	}
	if got := unbreakableGroups(`[--range A..B | --base REV] PATH`); got != `[--range\ A..B\ |\ --base\ REV] PATH` {
		t.Errorf("unbreakableGroups: %q", got)
	}
}

// TestManPageRenders formats the committed page with groff, all warnings
// on, and checks that the rendered text says what each command's -h says.
func TestManPageRenders(t *testing.T) {
	groff := requireTool(t, "groff")
	cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", manPagePath)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil || errOut.Len() > 0 {
		t.Fatalf("groff -man -Tutf8 -ww git-prfaq.1: %v\n%s", err, errOut.String())
	}
	ascii, err := exec.Command(groff, "-man", "-Tascii", "-P-cbou", manPagePath).Output()
	if err != nil {
		t.Fatalf("groff -Tascii: %v", err)
	}
	rendered := collapse(string(ascii))
	for _, c := range commands() {
		for _, block := range helpBlocks(c.name, helpOutput(t, c.name, "--help")) {
			if !strings.Contains(rendered, block) {
				t.Errorf("rendered man page lacks this part of 'git prfaq %s --help':\n%s", c.name, block)
			}
		}
	}
	if !strings.Contains(rendered, collapse(programAbout)) {
		t.Errorf("rendered man page lacks the program's description")
	}
}

// helpBlocks splits -h output into the synopsis's forms, the paragraphs
// and the flag lines, with whitespace collapsed, as they should read in
// the formatted page.
func helpBlocks(name, help string) []string {
	first, help, _ := strings.Cut(help, "\n")
	var blocks []string
	for _, form := range synopsisForms(commandHelp{name: name, synopsis: strings.TrimPrefix(first, "usage: git prfaq ")}) {
		blocks = append(blocks, "git prfaq "+collapse(form))
	}
	for _, para := range strings.Split(help, "\n\n") {
		if rest, ok := strings.CutPrefix(para, "options:\n"); ok {
			for _, line := range strings.Split(rest, "\n") {
				blocks = append(blocks, collapse(line))
			}
			continue
		}
		blocks = append(blocks, collapse(para))
	}
	return slices.DeleteFunc(blocks, func(b string) bool { return b == "" })
}

var spaces = regexp.MustCompile(`\s+`)

func collapse(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }

// TestManPageInstalled follows the README: with git-prfaq.1 in a man1
// directory on MANPATH, `git prfaq --help` (which git turns into
// `git help prfaq`, then `man git-prfaq`) shows the page.
func TestManPageInstalled(t *testing.T) {
	requireTool(t, "man")
	requireTool(t, "git")
	dir := t.TempDir()
	man1 := filepath.Join(dir, "man1")
	page, err := os.ReadFile(manPagePath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(man1, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(man1, "git-prfaq.1"), page, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("git", "-c", "help.format=man", "prfaq", "--help")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "MANPATH="+dir, "MANPAGER=cat", "PAGER=cat", "MANWIDTH=80",
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull, "MAN_KEEP_FORMATTING=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git prfaq --help: %v\n%s", err, out)
	}
	text := collapse(string(out))
	for _, want := range []string{"git-prfaq - check PRFAQ documents", "EXIT STATUS", "git prfaq check [PATH...]"} {
		if !strings.Contains(text, want) {
			t.Errorf("git prfaq --help lacks %q:\n%s", want, out)
		}
	}
}
