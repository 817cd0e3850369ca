package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/history"
	"github.com/prfaq/git-prfaq/rule"
)

// This file writes metric changes, what `git prfaq diff` and `git prfaq
// log` print: a table per PRFAQ in text, {"changes": [...]} in JSON (the
// shape the README shows under "Metric history").

// DiffFile is one PRFAQ's part of a diff: the pair of versions compared,
// with their metric changes, and the word diff of each section whose text
// changed (nil without --prose).
type DiffFile struct {
	history.Pair
	Prose []history.SectionDiff
}

// DiffText writes each PRFAQ that changed under its name (saying when it
// was added, deleted or renamed): its metric changes as a table, then the
// word diff of each changed section. Nothing changed is one line saying so.
func DiffText(w io.Writer, files []DiffFile, st Style) error {
	shown := 0
	for _, f := range files {
		if len(f.Changes) == 0 && len(f.Prose) == 0 {
			continue
		}
		if shown > 0 {
			fmt.Fprintln(w)
		}
		shown++
		fmt.Fprintln(w, st.bold(textLine(pairTitle(f.Pair))))
		if len(f.Changes) == 0 {
			fmt.Fprintln(w, "  no metric changes")
		} else if err := writeTable(w, diffColumns(st), f.Changes); err != nil {
			return err
		}
		for _, s := range f.Prose {
			fmt.Fprintf(w, "  %s\n", st.bold("## "+textLine(s.Section)))
			if err := writeWords(w, st, s.Words); err != nil {
				return err
			}
		}
	}
	if shown == 0 {
		_, err := fmt.Fprintln(w, "no metric changes")
		return err
	}
	return nil
}

// DiffJSON writes the changes of every file as {"changes": [...]}; with
// prose, the word diffs are added under "prose" (a list even when empty).
func DiffJSON(w io.Writer, files []DiffFile, prose bool) error {
	var changes []change.Change
	var ps []proseJSON
	for _, f := range files {
		changes = append(changes, f.Changes...)
		if prose {
			ps = append(ps, proseOf(f.File(), f.Prose)...)
		}
	}
	if prose && ps == nil {
		ps = []proseJSON{}
	}
	return changesJSON(w, changes, ps)
}

// LogText writes the metric history grouped by PRFAQ, each file's changes
// in the order they come: who moved which goalpost when, and the reason
// they gave.
func LogText(w io.Writer, changes []change.Change, st Style) error {
	if len(changes) == 0 {
		_, err := fmt.Fprintln(w, "no metric changes")
		return err
	}
	files, groups := byFile(changes)
	for i, f := range files {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, st.bold(textLine(f)))
		if err := writeTable(w, logColumns(st), groups[f]); err != nil {
			return err
		}
	}
	return nil
}

// LogJSON writes the metric history as {"changes": [...]}.
func LogJSON(w io.Writer, changes []change.Change) error {
	return changesJSON(w, changes, nil)
}

// changesJSON writes {"changes": [...]} as the README shows it, with the
// prose diffs of diff --prose as an added key.
func changesJSON(w io.Writer, changes []change.Change, prose []proseJSON) error {
	if changes == nil {
		changes = []change.Change{}
	}
	if prose == nil && len(changes) > 0 {
		return streamChangesJSON(w, changes)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // authors are "Name <email>"
	return enc.Encode(struct {
		Changes []change.Change `json:"changes"`
		Prose   []proseJSON     `json:"prose,omitempty"`
	}{changes, prose})
}

// streamChangesJSON writes what changesJSON writes without prose, byte
// for byte, one change at a time: encoding a log of 30,000 changes whole
// held about 30 MB (the output twice over) on top of the changes.
func streamChangesJSON(w io.Writer, changes []change.Change) error {
	bw := bufio.NewWriter(w)
	var one bytes.Buffer
	enc := json.NewEncoder(&one)
	enc.SetIndent("    ", "  ")
	enc.SetEscapeHTML(false) // authors are "Name <email>"
	bw.WriteString("{\n  \"changes\": [\n")
	for i := range changes {
		one.Reset()
		if err := enc.Encode(&changes[i]); err != nil {
			return err
		}
		bw.WriteString("    ")
		bw.Write(bytes.TrimSuffix(one.Bytes(), []byte("\n")))
		if i+1 < len(changes) {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("  ]\n}\n")
	return bw.Flush()
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

// pairTitle names the file and says when it was added, deleted or moved.
func pairTitle(p history.Pair) string {
	switch {
	case p.OldPath == "":
		return p.Path + " (new)"
	case p.Path == "":
		return p.OldPath + " (deleted)"
	case p.OldPath != p.Path:
		return p.Path + " (renamed from " + p.OldPath + ")"
	}
	return p.Path
}

// Text colours: every effect gets a colour code of the same length ("39"
// is the default colour), so tabwriter, which counts bytes, still lines
// the columns up.

func (s Style) effect(e change.Effect) string {
	t := string(e)
	switch e {
	case change.Weakened:
		return s.paint("31", t)
	case change.Improved:
		return s.paint("32", t)
	}
	return s.paint("39", t)
}

func (s Style) bold(t string) string { return s.paint("1", t) }

// effectHead is the EFFECT header with the colour codes' length too, in
// the default colour, so that it lines up with the cells below it.
func (s Style) effectHead() string { return s.paint("39", "EFFECT") }

// column is one column of a change table. cell returns document text,
// which the table makes one line and escapes; painted cells (the effect)
// are written as they are.
type column struct {
	head    string
	cell    func(change.Change) string
	painted bool
}

// diffColumns: the two states are the same for every row.
func diffColumns(st Style) []column {
	return []column{
		{head: "METRIC", cell: func(c change.Change) string { return c.Metric }},
		{head: "FIELD", cell: func(c change.Change) string { return c.Field }},
		{head: "FROM → TO", cell: textFromTo},
		{head: st.effectHead(), cell: func(c change.Change) string { return st.effect(c.Effect) }, painted: true},
		{head: "REASON", cell: diffReason},
	}
}

// logColumns: who moved which goalpost when, and the reason they gave.
func logColumns(st Style) []column {
	return []column{
		{head: "COMMIT", cell: func(c change.Change) string { return shortID(c.Commit) }},
		{head: "DATE", cell: func(c change.Change) string { return dateOnly(c.Date) }},
		{head: "AUTHOR", cell: func(c change.Change) string { return authorName(c.Author) }},
		{head: "METRIC", cell: func(c change.Change) string { return c.Metric }},
		{head: "FIELD", cell: func(c change.Change) string { return c.Field }},
		{head: "FROM → TO", cell: textFromTo},
		{head: st.effectHead(), cell: func(c change.Change) string { return st.effect(c.Effect) }, painted: true},
		{head: "REASON", cell: ackStatus},
	}
}

// ackStatus is the one place diff and log text say what the merge gate
// makes of a weakening (change.Change.Severity, set by gate.Classify): the
// reason it was acknowledged with, and by which later commit; that it is
// not acknowledged, where the gate refuses it or only warns; nothing for
// any other change, or when metric-weakened is off.
func ackStatus(c change.Change) string {
	switch {
	case c.Effect != change.Weakened:
		return ""
	case c.Acknowledged != "" && c.AcknowledgedBy != "":
		return "acknowledged by " + shortID(c.AcknowledgedBy) + ": " + textLine(c.Acknowledged)
	case c.Acknowledged != "":
		return textLine(c.Acknowledged)
	case c.Severity == rule.Error:
		return "(not acknowledged)"
	case c.Severity == rule.Warning:
		return "(not acknowledged: a warning)"
	}
	return ""
}

// diffReason is the diff's REASON cell: why the effect, and for a
// weakening what the gate makes of it.
func diffReason(c change.Change) string {
	st := ackStatus(c)
	switch {
	case st == "":
		return c.Reason
	case c.Acknowledged == "":
		return c.Reason + " " + st
	case c.AcknowledgedBy == "":
		st = "acknowledged: " + st
	}
	return c.Reason + "; " + st
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
			cells[i] = c.cell(ch)
			if !c.painted {
				cells[i] = textLine(cells[i])
			}
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

// textFromTo is "from → to", "(added)" or "(removed)".
func textFromTo(c change.Change) string {
	if c.Field == change.FieldMetric {
		if c.From == "" {
			return "(added)"
		}
		return "(removed)"
	}
	return shown(c.From) + " → " + shown(c.To)
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

// authorName drops the email of "Name <email>".
func authorName(a string) string {
	if i := strings.Index(a, " <"); i > 0 {
		return a[:i]
	}
	return a
}

func dateOnly(d string) string {
	if len(d) >= 10 {
		return d[:10]
	}
	return d
}

// writeWords renders a word diff: coloured on a terminal (deletions red,
// insertions green), else marked [-deleted-] and {+inserted+} as
// git diff --word-diff=plain does. Each line is indented under its
// section; control characters in the text are shown escaped.
func writeWords(w io.Writer, st Style, words []history.Words) error {
	var b strings.Builder
	for _, wd := range words {
		text := Escape(wd.Text)
		switch wd.Op {
		case history.Delete:
			if st.Color {
				b.WriteString(st.paint("31", text))
			} else {
				b.WriteString("[-" + text + "-]")
			}
		case history.Insert:
			if st.Color {
				b.WriteString(st.paint("32", text))
			} else {
				b.WriteString("{+" + text + "+}")
			}
		default:
			b.WriteString(text)
		}
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if _, err := fmt.Fprintf(w, "    %s\n", line); err != nil {
			return err
		}
	}
	return nil
}
