package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/internal/scan"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// This file writes what `git prfaq list` prints: one row per PRFAQ in the
// work tree.

// ListEntry is one row of `list`; the JSON keys are part of the CLI.
type ListEntry struct {
	File     string `json:"file"`
	Headline string `json:"headline"`
	Status   string `json:"status"`
	Owner    string `json:"owner"`
	Metrics  int    `json:"metrics"`
	Met      int    `json:"met"`
	Missed   int    `json:"missed"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
	Pass     bool   `json:"pass"`
	Error    string `json:"error,omitempty"`

	// Progress is where each metric with an Actual or Current value
	// stands between its baseline and target (check.MetricProgress).
	Progress []check.Progress `json:"progress,omitempty"`
}

// ListEntries makes a row of each checked document: its status, owner,
// metrics (and for a launched PRFAQ how many were met or missed) and
// whether it passed; an unreadable one says why.
func ListEntries(results []scan.Result) []ListEntry {
	entries := make([]ListEntry, len(results))
	for i, r := range results {
		entries[i] = listEntryOf(r)
	}
	return entries
}

func listEntryOf(r scan.Result) ListEntry {
	en := ListEntry{File: r.Path}
	if r.Err != nil || r.Summary == nil {
		if r.Err != nil {
			en.Error = r.Err.Error()
		}
		return en
	}
	s := r.Summary
	en.Status, en.Owner, en.Headline = s.Status, s.Owner, s.Headline
	en.Progress = s.Progress
	en.Errors, en.Warnings = rule.Count(r.Findings)
	en.Pass = en.Errors == 0
	en.Metrics, en.Met, en.Missed = s.MetricCount, s.Met, s.Missed
	return en
}

// ListJSON writes {"prfaqs": [...]}, indented by two spaces, as one
// json.Encoder would encode the whole list, one entry at a time: encoding
// it whole held 10,000 PRFAQs' JSON twice over (compact, then indented)
// and grew both buffers by copying.
func ListJSON(w io.Writer, entries []ListEntry) error {
	if len(entries) == 0 || slices.ContainsFunc(entries, unencodable) {
		// All at once: an entry JSON cannot encode fails the whole list
		// before a byte is written, as it always did.
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			PRFAQs []ListEntry `json:"prfaqs"`
		}{entries})
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	var entry bytes.Buffer
	enc := json.NewEncoder(&entry)
	enc.SetIndent("    ", "  ") // an element of the array under "prfaqs"
	bw.WriteString("{\n  \"prfaqs\": [\n")
	for i := range entries {
		entry.Reset()
		if err := enc.Encode(&entries[i]); err != nil { // a pointer: no copy in an interface
			return err
		}
		bw.WriteString("    ")
		bw.Write(bytes.TrimSuffix(entry.Bytes(), []byte("\n")))
		if i < len(entries)-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("  ]\n}\n")
	return bw.Flush()
}

// unencodable reports whether an entry holds a number JSON has no form
// for (a fraction that is NaN or infinite).
func unencodable(en ListEntry) bool {
	return slices.ContainsFunc(en.Progress, func(p check.Progress) bool {
		return math.IsNaN(p.Fraction) || math.IsInf(p.Fraction, 0)
	})
}

// ListText writes a table of the entries, or says how to start one when
// there are none.
func ListText(w io.Writer, entries []ListEntry) error {
	if len(entries) == 0 {
		_, err := fmt.Fprintln(w, "no PRFAQ documents: git prfaq new <dir> scaffolds one")
		return err
	}
	// One write per row to an unbuffered stdout would be 10,000 write
	// calls at 10,000 PRFAQs.
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := listTable(bw, entries); err != nil {
		return err
	}
	return bw.Flush()
}

func listTable(w io.Writer, entries []ListEntry) error {
	t := newTable("FILE", "STATUS", "OWNER", "METRICS", "CHECK")
	t.reserve(len(entries), 80)
	for _, en := range entries {
		t.cell(textLine(en.File))
		t.cell(orDash(textLine(en.Status)))
		t.cell(orDash(textLine(en.Owner)))
		t.text = appendMetrics(t.text, en)
		t.end()
		if en.Error != "" {
			t.cell(textLine(checkCell(en)))
		} else {
			t.text = appendCheck(t.text, en) // printable ASCII: textLine would not change it
			t.end()
		}
	}
	if err := t.write(w); err != nil {
		return err
	}
	return progressText(w, entries)
}

// progressText writes, under the list, one line per metric with a current
// value: where it stands between baseline and target and what is left.
func progressText(w io.Writer, entries []ListEntry) error {
	if !slices.ContainsFunc(entries, func(en ListEntry) bool { return len(en.Progress) > 0 }) {
		return nil
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return err
	}
	t := newTable("FILE", "METRIC", "BASELINE → TARGET", "NOW", "PROGRESS")
	for _, en := range entries {
		file := textLine(en.File)
		for _, p := range en.Progress {
			t.cell(file)
			t.cell(textLine(p.Metric))
			t.text = append(append(append(t.text, textLine(p.Baseline)...), " → "...), textLine(p.Target)...)
			t.end()
			t.cell(textLine(p.Current))
			start := len(t.text)
			t.text = appendProgressWords(t.text, p)
			if words := t.text[start:]; !printable(string(words)) {
				t.text = t.text[:start]
				t.cell(textLine(string(words)))
				continue
			}
			t.end()
		}
	}
	return t.write(w)
}

// table is a text table whose columns are aligned as text/tabwriter
// aligns them (minwidth 0, padding 2, padded with spaces, widths counted
// in runes; the last column is not padded). list writes its tables so
// rather than through tabwriter, which at 10,000 PRFAQs took a tenth of
// a warm run (docs/performance.md). Cells must hold no tab or newline
// (textLine).
//
// The cells' text is kept in one buffer, not as 50,000 strings: a cell
// can be appended to it without a string of its own (strconv.AppendInt),
// and the collector has no pointers to follow.
type table struct {
	cols   int
	text   []byte  // every cell's text, one after another, row by row
	ends   []int32 // where each cell ends in text
	runes  []int32 // each cell's width in runes
	widths []int   // each column's widest cell, in runes
}

func newTable(header ...string) *table {
	t := &table{cols: len(header), widths: make([]int, len(header))}
	t.row(header...)
	return t
}

// reserve makes room for rows more rows of about rowBytes bytes.
func (t *table) reserve(rows, rowBytes int) {
	t.text = slices.Grow(t.text, rows*rowBytes)
	t.ends = slices.Grow(t.ends, rows*t.cols)
	t.runes = slices.Grow(t.runes, rows*t.cols)
}

// row adds a row; it must have as many cells as the header.
func (t *table) row(cells ...string) {
	for _, c := range cells {
		t.cell(c)
	}
}

// cell adds the next cell, row by row.
func (t *table) cell(s string) {
	t.text = append(t.text, s...)
	t.end()
}

// end ends the cell appended to t.text since the last one ended.
func (t *table) end() {
	start := 0
	if n := len(t.ends); n > 0 {
		start = int(t.ends[n-1])
	}
	width := utf8.RuneCount(t.text[start:])
	col := len(t.ends) % t.cols
	t.widths[col] = max(t.widths[col], width)
	t.ends = append(t.ends, int32(len(t.text)))
	t.runes = append(t.runes, int32(width))
}

// spaces pads cells: one append per cell rather than one per space.
const spaces = "                                                                "

// write writes the rows in blocks of about 32 KiB (one write per row was
// a tenth of list's time at 10,000 PRFAQs).
func (t *table) write(w io.Writer) error {
	const block = 32 << 10
	buf := make([]byte, 0, block+256)
	start := 0
	for i, end := range t.ends {
		buf = append(buf, t.text[start:end]...)
		start = int(end)
		col := i % t.cols
		if col == t.cols-1 {
			buf = append(buf, '\n')
			if len(buf) >= block {
				if _, err := w.Write(buf); err != nil {
					return err
				}
				buf = buf[:0]
			}
			continue
		}
		for pad := t.widths[col] + 2 - int(t.runes[i]); pad > 0; pad -= len(spaces) {
			buf = append(buf, spaces[:min(pad, len(spaces))]...)
		}
	}
	_, err := w.Write(buf)
	return err
}

// ProgressWords says where a metric stands in a few words: "60% of the
// way, 2 days to go", "met", "past target", "moved away, 7% to go".
func ProgressWords(p check.Progress) string { return string(appendProgressWords(nil, p)) }

func appendProgressWords(b []byte, p check.Progress) []byte {
	switch p.State {
	case "met", "past target":
		return append(b, p.State...)
	case "on the way":
		b = append(appendPercent(b, p.Fraction), " of the way, "...)
	default:
		b = append(append(b, p.State...), ", "...)
	}
	return append(append(b, p.Remaining...), " to go"...)
}

// appendPercent writes a fraction as a whole percentage, never rounding a
// metric short of its target up to 100%.
func appendPercent(b []byte, f float64) []byte {
	pct := math.Round(f * 100)
	if pct >= 100 && f < 1 {
		pct = 99
	}
	return append(strconv.AppendFloat(b, pct, 'f', 0, 64), '%') // as fmt's %.0f
}

// appendMetrics and appendCheck append the METRICS and CHECK cells of a
// row with strconv, not fmt: they are written for every row.
func appendMetrics(b []byte, en ListEntry) []byte {
	b = strconv.AppendInt(b, int64(en.Metrics), 10)
	if prfaq.Status(en.Status).Normal() == prfaq.Launched && en.Metrics > 0 {
		b = append(b, " (met "...)
		b = strconv.AppendInt(b, int64(en.Met), 10)
		b = append(b, ", missed "...)
		b = strconv.AppendInt(b, int64(en.Missed), 10)
		b = append(b, ')')
	}
	return b
}

func appendCheck(b []byte, en ListEntry) []byte {
	switch {
	case en.Error != "":
		return append(append(b, "unreadable: "...), en.Error...)
	case !en.Pass:
		return append(strconv.AppendInt(append(b, "fail ("...), int64(en.Errors), 10), " errors)"...)
	case en.Warnings > 0:
		return append(strconv.AppendInt(append(b, "pass ("...), int64(en.Warnings), 10), " warnings)"...)
	}
	return append(b, "pass"...)
}

func checkCell(en ListEntry) string { return string(appendCheck(nil, en)) }

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
