package prfaq_test

import (
	"strings"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
)

// hostile are inputs made to exhaust the reader or the checker, as
// functions of their size in bytes (issue 10): each is either refused
// early or checked in time linear in its size.
var hostile = []struct {
	name string
	gen  func(size int) []byte
}{
	{"dotted key", frontMatter(func(n int) string { return strings.Repeat("a.", n/2) + "a = 1" })},
	{"table header", frontMatter(func(n int) string { return "[" + strings.Repeat("a.", n/2) + "a]" })},
	{"inline tables", frontMatter(func(n int) string {
		return "a = " + strings.Repeat("{a=", n/4) + "1" + strings.Repeat("}", n/4)
	})},
	{"arrays", frontMatter(func(n int) string { return "a = " + strings.Repeat("[", n/2) + strings.Repeat("]", n/2) })},
	{"link openings", line("[a](")},
	{"link openings with <", line("[a](<b")},
	{"image openings", line("![a](")},
	{"link openings on lines", lines("[a](\n")},
	{"nested brackets", func(size int) []byte {
		return []byte(head + strings.Repeat("[", size/2) + "a" + strings.Repeat("]", size/2) + "\n")
	}},
	{"list markers", func(size int) []byte { return []byte(head + strings.Repeat("- ", size/2) + "x\n") }},
	{"ordered markers", func(size int) []byte { return []byte(head + strings.Repeat("1. ", size/3) + "x\n") }},
	{"quoted list markers", func(size int) []byte { return []byte(head + strings.Repeat("> - ", size/4) + "x\n") }},
	{"indented lists", lines(func() string {
		var b strings.Builder
		for i := range 99 {
			b.WriteString(strings.Repeat("  ", i) + "- x\n")
		}
		return b.String()
	}())},
	{"lists 99 deep", lines(strings.Repeat("- ", 99) + "x\n")},
	{"mismatched emphasis", line("*a_ ")},
	{"emphasis rule of three", func(size int) []byte { return []byte(head + "a**b" + strings.Repeat("c* ", size/3) + "\n") }},
	{"mixed emphasis", line("*a_b*c_d**e_f*g**h*i_j**")},
	{"placeholders", line("TBD ")},
	{"angle placeholders", line("<Name> ")},
	{"percent placeholders", line("n% ")},
	{"wide table", func(size int) []byte {
		n := size / 6
		return []byte(head + "|" + strings.Repeat("a|", n) + "\n|" + strings.Repeat("-|", n) + "\n|" + strings.Repeat("x|", n) + "\n")
	}},
	{"short lines", lines("a\n")},
	// claim-unbacked reads the summary against a metrics table.
	{"claims", func(size int) []byte {
		return []byte(metricsHead + strings.Repeat("cuts close time by 50% from 6 days to 2 and 2x faster ", size/55) + "\n")
	}},
	{"claims on lines", func(size int) []byte {
		return []byte(metricsHead + strings.Repeat("reduces \"costs\" by 40%, from $5 to $3\n", size/38))
	}},
}

// metricsHead opens a document whose summary is read for claims.
const metricsHead = "# Example Corp launches Ledger\n\n## Success Metrics\n\n| Metric | Baseline | Target | By | Source |\n|---|---|---|---|---|\n| Close | 6 days | 1 day | 2027-06-30 | Survey |\n\n## Summary\n\n"

const head = "# Example Corp launches Ledger\n\n## Summary\n\n"

func frontMatter(body func(n int) string) func(int) []byte {
	return func(size int) []byte { return []byte("+++\n" + body(size) + "\n+++\n" + head + "Text.\n") }
}

// line is unit repeated on one line up to size bytes.
func line(unit string) func(int) []byte {
	return func(size int) []byte { return []byte(head + strings.Repeat(unit, size/len(unit)) + "\n") }
}

// lines is unit (whole lines) repeated up to size bytes.
func lines(unit string) func(int) []byte {
	return func(size int) []byte { return []byte(head + strings.Repeat(unit, max(size/len(unit), 1))) }
}

// checkTime parses and checks src once and returns how long it took.
func checkTime(t testing.TB, src []byte, cfg *config.Config) time.Duration {
	t.Helper()
	return workTime(func() {
		doc, err := prfaq.Parse(src, cfg.Spec())
		if err == nil {
			check.Document(check.Input{File: "PRFAQ.md", Doc: doc, Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}, cfg)
		}
	})
}

// TestHostileLinear parses and checks each hostile input at 64 KB and 256
// KB: four times the input must take about four times as long (more than
// eight times fails), as TestParseLinear does for realistic shapes. Full
// size (1 MiB, documents.max_bytes) is BenchmarkHostile and, without
// -short, TestHostileFullSize.
func TestHostileLinear(t *testing.T) {
	const small, large, rounds, maxRatio = 64 << 10, 256 << 10, 5, 8.0
	cfg := config.Default()
	for _, h := range hostile {
		t.Run(h.name, func(t *testing.T) {
			s, l := h.gen(small), h.gen(large)
			ts, tl := time.Duration(1<<63-1), time.Duration(1<<63-1)
			ratio := 0.0
			for range rounds {
				ts = max(min(ts, checkTime(t, s, cfg)), 200*time.Microsecond)
				tl = min(tl, checkTime(t, l, cfg))
				if ratio = float64(tl) / float64(ts); ratio <= maxRatio {
					break
				}
			}
			t.Logf("%d bytes: %v; %d bytes: %v; ratio %.1f", len(s), ts, len(l), tl, ratio)
			if ratio > maxRatio {
				t.Errorf("checking %d bytes took %v, %.1f times the %v of %d bytes: want at most %.0f (linear is 4)",
					len(l), tl, ratio, ts, len(s), maxRatio)
			}
		})
	}
}

// TestHostileFullSize checks each hostile input at the default size limit
// within a second (the best of three runs, so that a burst of load on a
// shared machine does not fail it). Skipped with -short.
func TestHostileFullSize(t *testing.T) {
	if testing.Short() {
		t.Skip("1 MiB inputs: run without -short")
	}
	cfg := config.Default()
	for _, h := range hostile {
		src := h.gen(int(cfg.Documents.MaxBytes) - 64)
		best := time.Duration(1<<63 - 1)
		for range 3 {
			if best = min(best, checkTime(t, src, cfg)); best <= time.Second {
				break
			}
		}
		if best > time.Second {
			t.Errorf("%s: checking %d bytes took %v, want at most 1s", h.name, len(src), best)
		}
	}
}

// BenchmarkHostile parses and checks each hostile input at 1 MiB.
func BenchmarkHostile(b *testing.B) {
	cfg := config.Default()
	for _, h := range hostile {
		src := h.gen(int(cfg.Documents.MaxBytes) - 64)
		b.Run(strings.ReplaceAll(h.name, " ", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				checkTime(b, src, cfg)
			}
		})
	}
}
