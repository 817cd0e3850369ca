package main

//go:generate sh -c "go run . __manpage > ../../git-prfaq.1"

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
)

// manPageCommand is the hidden command that prints git-prfaq.1. It is not
// in commands(), so usage never lists it; the release ships the page it
// printed, committed at the repository root and kept current by
// TestManPageUpToDate.
const manPageCommand = "__manpage"

// regenerate is what to run when the committed page is stale.
const regenerate = "go run ./cmd/git-prfaq __manpage > git-prfaq.1 (or: go generate ./cmd/git-prfaq)"

func writeManPage(ctx context.Context, stdout, stderr io.Writer) int {
	page, err := manPage(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "git-prfaq %s: %v\n", manPageCommand, err)
		return exitUsage
	}
	io.WriteString(stdout, page)
	return exitOK
}

// commandHelp is one command's --help output, split into its parts.
type commandHelp struct {
	name     string
	synopsis string       // after "usage: git prfaq "
	about    string       // the text between the synopsis and the options
	options  []optionHelp // one per flag, as pflag printed it
}

// optionHelp is one flag line: "--format string" and what follows it.
type optionHelp struct {
	spec, usage string
}

// helpFor runs `git prfaq NAME --help` in-process and parses what it
// printed. Reading the printed text, rather than each command's helpText
// and flags, means the page says exactly what -h says, whoever writes the
// command and however it builds its flags.
func helpFor(ctx context.Context, name string) (commandHelp, error) {
	var out, errOut bytes.Buffer
	code := run(ctx, []string{name, "--help"}, strings.NewReader(""), &out, &errOut)
	if code != exitOK || errOut.Len() > 0 {
		return commandHelp{}, fmt.Errorf("git prfaq %s --help: exit %d: %s", name, code, strings.TrimSpace(errOut.String()))
	}
	return parseHelp(name, out.String())
}

// parseHelp splits printHelp's layout: "usage: git prfaq SYNOPSIS", a blank
// line, the about text, then optionally a blank line, "options:" and
// pflag's flag lines.
func parseHelp(name, text string) (commandHelp, error) {
	const prefix = "usage: git prfaq "
	first, rest, _ := strings.Cut(text, "\n")
	if !strings.HasPrefix(first, prefix) {
		return commandHelp{}, fmt.Errorf("git prfaq %s --help: want a first line %q..., got %q", name, prefix, first)
	}
	h := commandHelp{name: name, synopsis: strings.TrimPrefix(first, prefix)}
	about, options := rest, ""
	if i := strings.LastIndex(rest, "\n\noptions:\n"); i >= 0 {
		about, options = rest[:i], rest[i+len("\n\noptions:\n"):]
	}
	h.about = strings.Trim(about, "\n")
	h.options = parseOptions(options)
	return h, nil
}

// parseOptions reads pflag's FlagUsages: a flag line starts "  -x, --name"
// or "      --name", its usage follows after a run of spaces, and a usage
// with a newline continues on lines indented past the flag column.
func parseOptions(text string) []optionHelp {
	var opts []optionHelp
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		isFlag := strings.HasPrefix(line, "  -") && !strings.HasPrefix(line, "  --") ||
			strings.HasPrefix(line, "      --")
		switch {
		case isFlag:
			spec, usage, _ := strings.Cut(strings.TrimSpace(line), "  ")
			opts = append(opts, optionHelp{spec: spec, usage: strings.TrimSpace(usage)})
		case len(opts) > 0 && strings.TrimSpace(line) != "":
			last := &opts[len(opts)-1]
			last.usage += "\n" + strings.TrimSpace(line)
		}
	}
	return opts
}

// manPage renders git-prfaq.1 in man(7) macros.
func manPage(ctx context.Context) (string, error) {
	var helps []commandHelp
	for _, c := range commands() {
		h, err := helpFor(ctx, c.name)
		if err != nil {
			return "", err
		}
		helps = append(helps, h)
	}
	var b strings.Builder
	writeHeader(&b)
	writeSynopsis(&b, helps)
	section(&b, "DESCRIPTION")
	writeText(&b, programAbout)
	writeText(&b, description)
	section(&b, "COMMANDS")
	for _, h := range helps {
		writeCommand(&b, h)
	}
	section(&b, "EXIT STATUS")
	writeItems(&b, exitStatuses)
	section(&b, "ENVIRONMENT")
	writeItems(&b, environment)
	section(&b, "FILES")
	writeItems(&b, files)
	section(&b, "SEE ALSO")
	writeText(&b, seeAlso)
	return b.String(), nil
}

// The parts of the page no command prints. They follow README.md; keep
// them in step with it.
const description = `The PRFAQ documents live in the repository, and git prfaq checks them
there: it refuses a PRFAQ with template text left in, missing sections or
success metrics nobody can measure, and says exactly what to fix and where.
Its git hooks and its merge gate (check --range) also refuse a new
initiative without a PRFAQ and success criteria weakened without an
acknowledgement.

Every command takes -h and --help. git prfaq --help is turned by git into
git help prfaq, which shows this page; git prfaq help COMMAND is
git prfaq COMMAND --help.`

var exitStatuses = []item{
	{"0", "Nothing was found at error severity (warnings may have been printed)."},
	{"1", "Something was found at error severity."},
	{"2", "A usage, configuration, unreadable-file or repository error, with one line on standard error that names the file, line or revision and the fix."},
}

var environment = []item{
	{"NO_COLOR", "When set to anything but the empty string, text output is never coloured. Without it, text is coloured only on a terminal."},
	{"GIT_INDEX_FILE", "The index that check --staged and the pre-commit hook read, as git does: git commit -a and git commit PATH... set it to a temporary index."},
	{"GIT_PRFAQ_TODAY", "The date, as YYYY-MM-DD, that deadline rules compare against when --today is not given, and in the hooks, which have no flags (default: today in UTC)."},
	{"GIT_PRFAQ_CPUPROFILE", "A file to write a Go CPU profile of the run to, for finding where a slow hook spends its time."},
	{"GITHUB_STEP_SUMMARY", "In a GitHub Actions job, the file the job summary is written to: git prfaq check --format github also appends the Markdown report there, since GitHub shows only the first ten annotations of a step."},
}

var files = []item{
	{".prfaq.toml", "The configuration, at the repository root; every key is optional. git prfaq init writes it with every key commented out at its default. In a bare repository (the pre-receive hook) the one committed on HEAD is read. The file is data: nothing in it is ever executed."},
	{"$GIT_DIR/hooks/", "Where git prfaq hook install writes its hooks, or the directory core.hooksPath names. A hook it did not write is kept beside them as HOOK.prfaq-kept."},
}

const seeAlso = `git(1), githooks(5), gitrevisions(7), git-commit(1), git-interpret-trailers(1).

README.md in the source (https://github.com/prfaq/git-prfaq) describes the
PRFAQ document, the rules and the configuration keys.`

// item is one entry of a tagged list (.TP).
type item struct{ tag, text string }

func writeHeader(b *strings.Builder) {
	b.WriteString(`.\" Generated by git prfaq __manpage from the commands' --help text: do not edit.
.\" To regenerate: ` + regenerate + `
.TH GIT\-PRFAQ 1 "" "git\-prfaq" "Git Manual"
.\" Hyphenation and justification off, as git's own pages: option names stay whole.
.nh
.ad l
.SH NAME
git\-prfaq \- check PRFAQ documents (press release and FAQ) in a Git repository
`)
}

// writeSynopsis lists every command's synopsis lines.
func writeSynopsis(b *strings.Builder, helps []commandHelp) {
	section(b, "SYNOPSIS")
	var lines []string
	for _, h := range helps {
		lines = append(lines, synopsisLines(h)...)
	}
	writeSynopsisLines(b, lines)
}

// writeSynopsisLines sets lines with a hanging indent, so a long one wraps
// under its options rather than under "git prfaq".
func writeSynopsisLines(b *strings.Builder, lines []string) {
	b.WriteString(".PP\n.in +10n\n")
	for i, line := range lines {
		if i > 0 {
			b.WriteString(".br\n")
		}
		b.WriteString(".ti -10n\n" + line + "\n")
	}
	b.WriteString(".in -10n\n")
}

// synopsisLines renders a synopsis as lines of roff, one per form: hook's
// "hook install|... | hook run HOOK" is two ways to call it.
func synopsisLines(h commandHelp) []string {
	var lines []string
	for _, form := range synopsisForms(h) {
		name, rest, _ := strings.Cut(form, " ")
		line := `\fBgit prfaq\fR \fB` + escape(name) + `\fR`
		if rest != "" {
			line += " " + unbreakableGroups(escape(rest))
		}
		lines = append(lines, line)
	}
	return lines
}

// synopsisForms splits a synopsis at each " | NAME " outside brackets,
// where NAME is the command's: "[A | B]" is one form with a choice inside.
func synopsisForms(h commandHelp) []string {
	sep := " | " + h.name + " "
	var forms []string
	depth, start := 0, 0
	for i := 0; i < len(h.synopsis); i++ {
		switch h.synopsis[i] {
		case '[':
			depth++
		case ']':
			depth--
		case ' ':
			if depth == 0 && strings.HasPrefix(h.synopsis[i:], sep) {
				forms = append(forms, h.synopsis[start:i])
				start = i + len(" | ")
			}
		}
	}
	return append(forms, h.synopsis[start:])
}

// unbreakableGroups turns the spaces inside brackets into unbreakable ones.
func unbreakableGroups(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '[':
			depth++
		case r == ']' && depth > 0:
			depth--
		case r == ' ' && depth > 0:
			b.WriteString(`\ `)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func writeCommand(b *strings.Builder, h commandHelp) {
	b.WriteString(".SS " + escape(h.name) + "\n")
	writeSynopsisLines(b, synopsisLines(h))
	writeText(b, h.about)
	if len(h.options) == 0 {
		return
	}
	b.WriteString(".PP\nOptions:\n")
	for _, o := range h.options {
		b.WriteString(".TP\n" + optionSpec(o.spec) + "\n")
		writeLines(b, o.usage)
	}
}

// optionSpec sets "-x, --name type" with the flag names in bold and the
// value's name in italics, as man pages do.
func optionSpec(spec string) string {
	words := strings.Fields(spec)
	for i, w := range words {
		font := `\fI`
		if strings.HasPrefix(w, "-") {
			font = `\fB`
		}
		words[i] = font + escape(strings.TrimSuffix(w, ",")) + `\fR`
		if strings.HasSuffix(w, ",") {
			words[i] += ","
		}
	}
	return strings.Join(words, " ")
}

func section(b *strings.Builder, name string) {
	b.WriteString(".SH " + name + "\n")
}

func writeItems(b *strings.Builder, items []item) {
	for _, it := range items {
		b.WriteString(".TP\n\\fB" + escape(it.tag) + "\\fR\n")
		writeLines(b, it.text)
	}
}

// writeText renders plain help text: blank lines separate paragraphs, and
// indented lines (a table such as hook's list of hooks) keep their layout.
func writeText(b *strings.Builder, text string) {
	for _, para := range strings.Split(strings.Trim(text, "\n"), "\n\n") {
		para = strings.Trim(para, "\n")
		if para == "" {
			continue
		}
		b.WriteString(".PP\n")
		indented := false
		for _, line := range strings.Split(para, "\n") {
			isIndented := strings.HasPrefix(line, " ")
			if isIndented != indented {
				if isIndented {
					b.WriteString(".RS 2\n.nf\n")
				} else {
					b.WriteString(".fi\n.RE\n")
				}
				indented = isIndented
			}
			if isIndented {
				line = strings.TrimPrefix(line, "  ")
			}
			writeLines(b, line)
		}
		if indented {
			b.WriteString(".fi\n.RE\n")
		}
	}
}

// writeLines writes text lines escaped, each a line of roff input.
func writeLines(b *strings.Builder, text string) {
	for _, line := range strings.Split(text, "\n") {
		b.WriteString(escapeLine(line) + "\n")
	}
}

// escapeLine escapes a line of text and keeps a leading dot from being read
// as a request (escape has already turned a leading quote into \(aq).
func escapeLine(line string) string {
	s := escape(line)
	if strings.HasPrefix(s, ".") {
		s = `\&` + s
	}
	return s
}

// roffEscapes make the rendered page show what -h shows and copy back as
// typed: groff would otherwise print "-" as a hyphen, "'" and "`" as
// typographic quotes and "~" and "^" as accents.
var roffEscapes = strings.NewReplacer(
	`\`, `\e`,
	`-`, `\-`,
	`'`, `\(aq`,
	"`", `\(ga`,
	`~`, `\(ti`,
	`^`, `\(ha`,
)

func escape(s string) string { return roffEscapes.Replace(s) }
