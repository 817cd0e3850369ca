package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/history"
)

// paint colours text on a terminal. Every effect gets a colour code of the
// same length ("39" is the default colour), so tabwriter, which counts
// bytes, still lines the columns up.
type paint bool

func (p paint) code(code, s string) string {
	if !p {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (p paint) effect(e change.Effect) string {
	s := string(e)
	switch e {
	case change.Weakened:
		return p.code("31", s)
	case change.Improved:
		return p.code("32", s)
	}
	return p.code("39", s)
}

func (p paint) bold(s string) string { return p.code("1", s) }

// effectHead is the EFFECT header with the colour codes' length too, in
// the default colour, so that it lines up with the cells below it.
func (p paint) effectHead() string { return p.code("39", "EFFECT") }

// historyJSON writes {"changes": [...]} as CLI.md defines it, with the
// prose diffs of diff --prose as an added key.
func historyJSON(w io.Writer, changes []change.Change, prose []proseJSON) error {
	if changes == nil {
		changes = []change.Change{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // authors are "Name <email>"
	return enc.Encode(struct {
		Changes []change.Change `json:"changes"`
		Prose   []proseJSON     `json:"prose,omitempty"`
	}{changes, prose})
}

// proseJSON is one section's word diff in diff --prose --format json.
type proseJSON struct {
	File    string      `json:"file"`
	Section string      `json:"section"`
	Diff    []wordsJSON `json:"diff"`
}

type wordsJSON struct {
	Op   string `json:"op"` // equal, delete or insert
	Text string `json:"text"`
}

func proseOf(file string, ds []history.SectionDiff) []proseJSON {
	var out []proseJSON
	for _, d := range ds {
		p := proseJSON{File: file, Section: d.Section}
		for _, w := range d.Words {
			p.Diff = append(p.Diff, wordsJSON{Op: opName(w.Op), Text: w.Text})
		}
		out = append(out, p)
	}
	return out
}

func opName(op history.Op) string {
	switch op {
	case history.Delete:
		return "delete"
	case history.Insert:
		return "insert"
	}
	return "equal"
}

// byFile groups changes by file, files in order of first appearance and
// each file's changes in their order.
func byFile(cs []change.Change) (files []string, groups map[string][]change.Change) {
	groups = map[string][]change.Change{}
	for _, c := range cs {
		if _, ok := groups[c.File]; !ok {
			files = append(files, c.File)
		}
		groups[c.File] = append(groups[c.File], c)
	}
	return files, groups
}

// column is one column of a change table.
type column struct {
	head string
	cell func(change.Change) string
}

// writeTable writes one file's changes as an indented table. Every row
// has every cell, even empty ones (tabwriter aligns a column only over
// consecutive rows that have it); the padding this leaves at the end of
// a line is trimmed afterwards.
func writeTable(w io.Writer, cols []column, cs []change.Change) error {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 4, 2, ' ', 0)
	heads := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = c.head
	}
	fmt.Fprintf(tw, "  %s\n", strings.Join(heads, "\t"))
	for _, ch := range cs {
		cells := make([]string, len(cols))
		for i, c := range cols {
			cells[i] = oneLine(c.cell(ch))
		}
		fmt.Fprintf(tw, "  %s\n", strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, line := range strings.SplitAfter(buf.String(), "\n") {
		if line == "" {
			continue
		}
		if _, err := io.WriteString(w, strings.TrimRight(line, " \n")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// fromTo is "from → to", "added" or "removed".
func fromTo(c change.Change) string {
	if c.Field == change.FieldMetric {
		if c.From == "" {
			return "(added)"
		}
		return "(removed)"
	}
	return cell(c.From) + " → " + cell(c.To)
}

// cell quotes only an empty value, which would otherwise vanish.
func cell(s string) string {
	if s == "" {
		return `""`
	}
	return s
}

// oneLine keeps a table row on one line whatever a cell holds.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || r == '\t' }), " ")
}

// shortHash abbreviates a commit as git does by default.
func shortHash(h string) string {
	if len(h) > 7 {
		return h[:7]
	}
	return h
}

// authorName drops the email of "Name <email>".
func authorName(a string) string {
	if i := strings.Index(a, " <"); i > 0 {
		return a[:i]
	}
	return a
}

// writeWords renders a word diff: coloured on a terminal (deletions red,
// insertions green), else marked [-deleted-] and {+inserted+} as
// git diff --word-diff=plain does.
func writeWords(w io.Writer, p paint, words []history.Words) error {
	var b strings.Builder
	for _, wd := range words {
		switch wd.Op {
		case history.Delete:
			if p {
				b.WriteString(p.code("31", wd.Text))
			} else {
				b.WriteString("[-" + wd.Text + "-]")
			}
		case history.Insert:
			if p {
				b.WriteString(p.code("32", wd.Text))
			} else {
				b.WriteString("{+" + wd.Text + "+}")
			}
		default:
			b.WriteString(wd.Text)
		}
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if _, err := fmt.Fprintf(w, "    %s\n", line); err != nil {
			return err
		}
	}
	return nil
}
