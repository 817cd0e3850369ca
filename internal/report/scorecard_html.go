package report

import (
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/prfaq/git-prfaq/internal/scorecard"
)

// This file writes the scorecard as one self-contained HTML page for a
// leadership review (docs/scorecard.md, "HTML"): inline CSS, an inline SVG
// chart per metric, no script and no URL, so it opens offline from a file
// or a mail attachment and asks the network for nothing. html/template
// escapes every text from a document or a commit; maxText bounds each.

// maxText bounds each document-derived text on the page (a headline, a
// metric, a reason): a hostile PRFAQ cannot make the page huge.
const maxText = 200

// ScorecardHTML writes the page.
func ScorecardHTML(w io.Writer, sc scorecard.Scorecard) error {
	return scorecardPage().Execute(w, pageOf(sc))
}

type htmlPage struct {
	Scope       string
	Summary     [][2]string
	Tiles       []tile
	By          string
	Groups      []scorecard.Group
	Initiatives []htmlInitiative
	Slips       []scorecard.Slip
	Weakenings  []scorecard.Weakening
}

// tile is one headline number.
type tile struct {
	Label, Value, Class string
}

type htmlInitiative struct {
	scorecard.Initiative
	StatusText string
	Metrics    []htmlMetric
}

type htmlMetric struct {
	scorecard.Metric
	Chart *svgChart
}

func pageOf(sc scorecard.Scorecard) htmlPage {
	c := sc.Total
	p := htmlPage{Scope: scope(sc), Summary: summaryLines(c), By: sc.By, Groups: sc.Groups,
		Slips: sc.Slips, Weakenings: sc.Weakenings}
	p.Tiles = []tile{
		{"proposed", fmt.Sprint(c.Proposed), ""},
		{"approved", fmt.Sprint(c.Approved), ""},
		{"launched", fmt.Sprint(c.Launched), "good"},
		{"cancelled", fmt.Sprint(c.Cancelled), ""},
		{"metrics met", fmt.Sprintf("%d / %d due", c.Met, c.Due), "good"},
		{"missed", fmt.Sprint(c.Missed), "bad"},
		{"overdue", fmt.Sprint(c.Overdue), "bad"},
		{"deadlines slipped", fmt.Sprint(c.Slips), "warn"},
		{"targets weakened", fmt.Sprintf("%d (%d unacknowledged)", c.Weakened, c.Unacknowledged), "warn"},
	}
	for _, in := range sc.Initiatives {
		hi := htmlInitiative{Initiative: in, StatusText: statusCell(in)}
		for _, m := range in.Metrics {
			hi.Metrics = append(hi.Metrics, htmlMetric{Metric: m, Chart: chartOf(m)})
		}
		p.Initiatives = append(p.Initiatives, hi)
	}
	return p
}

// svgChart is a metric's small line chart, laid out in Go so that the
// template only places numbers.
type svgChart struct {
	Width, Height     int
	Target, Actual    string // polyline points
	TargetDots        []dot
	ActualDots        []dot
	Top, Bottom       string // y axis labels
	TopY, BottomY     int
	First, Last       string // x axis labels (dates)
	Left, Right, Base int
}

type dot struct {
	X, Y  int
	Title string
}

const (
	chartW, chartH  = 260, 96
	padL, padR      = 76, 8
	padT, padB      = 10, 22
	plotW, plotH    = chartW - padL - padR, chartH - padT - padB
	chartLabelRunes = 14
)

// chartOf lays out a metric's target (and actual) points; nil when it has
// none to draw.
func chartOf(m scorecard.Metric) *svgChart {
	if len(m.Targets) == 0 {
		return nil
	}
	// One x axis for both series: the commits in date order.
	dates := map[string]bool{}
	for _, p := range append(append([]scorecard.Point{}, m.Targets...), m.Actuals...) {
		dates[p.Date+" "+p.Commit] = true
	}
	keys := make([]string, 0, len(dates))
	for k := range dates {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	xOf := map[string]int{}
	for i, k := range keys {
		x := padL
		if len(keys) > 1 {
			x = padL + i*plotW/(len(keys)-1)
		}
		xOf[k] = x
	}
	lo, hi := valueRange(m.Targets, m.Actuals)
	yOf := func(v float64) int { return padT + int(float64(plotH)*(hi-v)/(hi-lo)) }
	c := &svgChart{Width: chartW, Height: chartH, Left: padL, Right: padL + plotW, Base: padT + plotH,
		TopY: padT + 4, BottomY: padT + plotH,
		Top: axisLabel(hi, m.Unit), Bottom: axisLabel(lo, m.Unit), First: strings.Fields(keys[0])[0]}
	if len(keys) > 1 {
		c.Last = strings.Fields(keys[len(keys)-1])[0]
	}
	// A target holds until a commit changes it: a step line, drawn on to
	// the newest commit. Actuals are measurements: joined as they are.
	line := func(ps []scorecard.Point, steps bool) (string, []dot) {
		var pts []string
		var dots []dot
		for i, p := range ps {
			x, y := xOf[p.Date+" "+p.Commit], yOf(p.Value)
			if steps && i > 0 {
				pts = append(pts, fmt.Sprintf("%d,%d", x, dots[i-1].Y))
			}
			pts = append(pts, fmt.Sprintf("%d,%d", x, y))
			dots = append(dots, dot{x, y, clip(p.Date+": "+p.Text, maxText)})
		}
		if last := dots[len(dots)-1]; steps && last.X < c.Right {
			pts = append(pts, fmt.Sprintf("%d,%d", c.Right, last.Y))
		}
		return strings.Join(pts, " "), dots
	}
	c.Target, c.TargetDots = line(m.Targets, true)
	if len(m.Actuals) > 0 {
		c.Actual, c.ActualDots = line(m.Actuals, false)
	}
	return c
}

// axisLabel is a value and its unit short enough for the chart's margin:
// 1.2M, 508k, 2.31 s, 36 h.
func axisLabel(v float64, unit string) string {
	short := map[string]string{"seconds": "s", "minutes": "min", "hours": "h", "days": "d", "percentage points": "pp"}
	if u, ok := short[unit]; ok {
		unit = u
	}
	n := number(v)
	switch a := abs(v); {
	case a >= 1e9:
		n = number(v/1e9) + "G"
	case a >= 1e6:
		n = number(v/1e6) + "M"
	case a >= 1e4:
		n = number(v/1e3) + "k"
	}
	return clip(strings.TrimSpace(n+" "+unit), chartLabelRunes)
}

// valueRange spans every value with some room, so that a flat line sits
// in the middle.
func valueRange(series ...[]scorecard.Point) (lo, hi float64) {
	first := true
	for _, ps := range series {
		for _, p := range ps {
			if first || p.Value < lo {
				lo = p.Value
			}
			if first || p.Value > hi {
				hi = p.Value
			}
			first = false
		}
	}
	span := hi - lo
	if span == 0 {
		span = max(abs(hi)/10, 1)
	}
	return roundSignificant(lo - span/5), roundSignificant(hi + span/5)
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// clip bounds a text to n runes, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// scorecardPage is parsed on first use, not at start: parsing it
// allocated about 1,200 objects in every run of git-prfaq, `version` and
// the hooks included (docs/performance.md, "Start-up").
var scorecardPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("scorecard").Funcs(template.FuncMap{
		"clip":    func(s string) string { return clip(s, maxText) },
		"dash":    orDash,
		"day":     dayOf,
		"days":    func(d *int) string { return slipDays(d) },
		"outcome": outcomeCell,
	}).Parse(scorecardTemplate))
})

const scorecardTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PRFAQ scorecard</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 24px 32px; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
.scope { color: #59636e; margin: 0 0 16px; }
.tiles { display: flex; flex-wrap: wrap; gap: 10px; }
.tile { border: 1px solid #d0d7de; border-radius: 8px; padding: 8px 14px; min-width: 110px; background: #f6f8fa; }
.tile .v { font-size: 20px; font-weight: 600; }
.tile .l { color: #59636e; font-size: 12px; }
.tile.good .v { color: #1a7f37; } .tile.bad .v { color: #cf222e; } .tile.warn .v { color: #9a6700; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #d8dee4; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.file { color: #59636e; font-size: 12px; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; background: #eaeef2; }
.s-launched, .o-met { background: #dafbe1; color: #116329; }
.s-approved { background: #ddf4ff; color: #0550ae; }
.s-cancelled, .o-missed, .o-overdue { background: #ffebe9; color: #a40e26; }
.s-review, .o-pending { background: #fff8c5; color: #7d4e00; }
.metrics { display: flex; flex-wrap: wrap; gap: 10px; padding: 4px 0 10px; }
.metric { border: 1px solid #d8dee4; border-radius: 6px; padding: 6px 8px; width: 264px; }
.metric .name { font-weight: 600; }
.metric .cells { color: #59636e; font-size: 12px; }
svg text { font: 10px system-ui, sans-serif; fill: #59636e; }
.legend { color: #59636e; font-size: 12px; }
.ack { color: #1a7f37; } .noack { color: #cf222e; font-weight: 600; }
footer { color: #59636e; font-size: 12px; margin-top: 32px; }
</style>
</head>
<body>
<h1>PRFAQ scorecard</h1>
<p class="scope">{{.Scope}}</p>
<div class="tiles">{{range .Tiles}}<div class="tile {{.Class}}"><div class="v">{{.Value}}</div><div class="l">{{.Label}}</div></div>{{end}}</div>
<h2>Summary</h2>
<table>{{range .Summary}}<tr><th>{{index . 0}}</th><td>{{index . 1}}</td></tr>{{end}}</table>
{{if .Groups}}<h2>By {{.By}}</h2>
<table><tr><th>{{.By}}</th><th>initiatives</th><th>proposed</th><th>approved</th><th>launched</th><th>cancelled</th><th>due</th><th>met</th><th>missed</th><th>overdue</th><th>slips</th><th>weakened</th><th>unacknowledged</th></tr>
{{range .Groups}}<tr><td>{{clip .Key}}</td><td class="n">{{.Initiatives}}</td><td class="n">{{.Proposed}}</td><td class="n">{{.Approved}}</td><td class="n">{{.Launched}}</td><td class="n">{{.Cancelled}}</td><td class="n">{{.Due}}</td><td class="n">{{.Met}}</td><td class="n">{{.Missed}}</td><td class="n">{{.Overdue}}</td><td class="n">{{.Slips}}</td><td class="n">{{.Weakened}}</td><td class="n">{{.Unacknowledged}}</td></tr>
{{end}}</table>{{end}}
<h2>Initiatives</h2>
<p class="legend"><svg width="16" height="8"><line x1="0" y1="4" x2="16" y2="4" stroke="#0969da" stroke-width="2"/></svg> target across commits &nbsp; <svg width="16" height="8"><circle cx="8" cy="4" r="3" fill="#cf222e"/></svg> actual</p>
<table>
<tr><th>initiative</th><th>status</th><th>owner</th><th>proposed</th><th>approved</th><th>launched</th><th>metrics</th><th>slips</th><th>weakened</th></tr>
{{range .Initiatives}}<tr><td>{{clip (dash .Headline)}}<div class="file">{{clip .File}}</div></td><td><span class="badge s-{{clip .Status}}">{{clip (dash .StatusText)}}</span></td><td>{{clip (dash .Owner)}}</td><td>{{dash .Proposed}}</td><td>{{dash .Approved}}</td><td>{{dash .Launched}}</td><td>{{outcome .Initiative}}</td><td class="n">{{.Slips}}</td><td class="n">{{.Weakened}}</td></tr>
{{if .Metrics}}<tr><td colspan="9"><div class="metrics">{{range .Metrics}}<div class="metric"><div class="name">{{clip .Name}} {{if .Outcome}}<span class="badge o-{{.Outcome}}">{{.Outcome}}</span>{{end}}</div>
<div class="cells">target {{clip (dash .Target)}} by {{clip (dash .By)}}{{if .Actual}} · actual {{clip .Actual}}{{end}}</div>
{{with .Chart}}<svg width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}" role="img" aria-label="target across commits">
<line x1="{{.Left}}" y1="{{.Base}}" x2="{{.Right}}" y2="{{.Base}}" stroke="#d0d7de"/>
<line x1="{{.Left}}" y1="10" x2="{{.Left}}" y2="{{.Base}}" stroke="#d0d7de"/>
<text x="{{.Left}}" y="{{.TopY}}" text-anchor="end" dx="-4">{{.Top}}</text>
<text x="{{.Left}}" y="{{.BottomY}}" text-anchor="end" dx="-4">{{.Bottom}}</text>
<text x="{{.Left}}" y="{{.Height}}" dy="-6">{{.First}}</text>
{{if .Last}}<text x="{{.Right}}" y="{{.Height}}" dy="-6" text-anchor="end">{{.Last}}</text>{{end}}
<polyline points="{{.Target}}" fill="none" stroke="#0969da" stroke-width="2"/>
{{range .TargetDots}}<circle cx="{{.X}}" cy="{{.Y}}" r="3" fill="#0969da"><title>target {{.Title}}</title></circle>{{end}}
{{if .Actual}}<polyline points="{{.Actual}}" fill="none" stroke="#cf222e" stroke-width="1" stroke-dasharray="3 2"/>{{end}}
{{range .ActualDots}}<circle cx="{{.X}}" cy="{{.Y}}" r="3.5" fill="#cf222e"><title>actual {{.Title}}</title></circle>{{end}}
</svg>{{else}}<div class="cells">no chart: the target is not a number</div>{{end}}
</div>{{end}}</div></td></tr>{{end}}
{{end}}</table>
{{if .Slips}}<h2>Deadlines moved later after approval</h2>
<table><tr><th>date</th><th>initiative</th><th>metric</th><th>by</th><th>acknowledged</th></tr>
{{range .Slips}}<tr><td>{{day .Date}}</td><td class="file">{{clip .File}}</td><td>{{clip .Metric}}</td><td>{{clip .From}} → {{clip .To}}{{days .Days}}</td><td>{{if .Acknowledged}}<span class="ack">{{clip .Acknowledged}}</span>{{else}}<span class="noack">not acknowledged</span>{{end}}</td></tr>
{{end}}</table>{{end}}
{{if .Weakenings}}<h2>Targets weakened after approval</h2>
<table><tr><th>date</th><th>initiative</th><th>metric</th><th>target</th><th>reason given</th></tr>
{{range .Weakenings}}<tr><td>{{day .Date}}</td><td class="file">{{clip .File}}</td><td>{{clip .Metric}}</td><td>{{clip .From}} → {{clip .To}}</td><td>{{if .Acknowledged}}<span class="ack">{{clip .Acknowledged}}</span>{{else}}<span class="noack">not acknowledged</span>{{end}}</td></tr>
{{end}}</table>{{end}}
<footer>Written by git prfaq scorecard from the repository's history. This page needs no network and runs no script.</footer>
</body>
</html>
`
