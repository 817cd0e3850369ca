package prfaq

import (
	"github.com/yuin/goldmark/ast"
	gmparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// MaxEmphasisRuns bounds the runs of * and _ that goldmark reads as
// emphasis delimiters in one paragraph (or heading, or table cell); past
// it, * and _ are read as text. goldmark matches each closing run against
// every run before it (it keeps no "openers bottom"), so 60,000 unmatched
// runs such as "*a_ " took 12 s; with the bound, its work per paragraph is
// at most the bound squared. A real paragraph has a few dozen.
const MaxEmphasisRuns = 128

// inlineParsers are goldmark's default inline parsers with emphasis
// capped at MaxEmphasisRuns per block.
func inlineParsers() []util.PrioritizedValue {
	ps := gmparser.DefaultInlineParsers()
	for i, p := range ps {
		if ip, ok := p.Value.(gmparser.InlineParser); ok && string(ip.Trigger()) == "*_" {
			ps[i].Value = cappedEmphasis{ip}
		}
	}
	return ps
}

var emphasisRunsKey = gmparser.NewContextKey()

// cappedEmphasis is an emphasis parser that stops making delimiters after
// MaxEmphasisRuns in one block.
type cappedEmphasis struct{ gmparser.InlineParser }

func (p cappedEmphasis) Parse(parent ast.Node, block text.Reader, pc gmparser.Context) ast.Node {
	n, _ := pc.Get(emphasisRunsKey).(int)
	if n >= MaxEmphasisRuns {
		return nil
	}
	node := p.InlineParser.Parse(parent, block, pc)
	if node != nil {
		pc.Set(emphasisRunsKey, n+1)
	}
	return node
}

// CloseBlock starts the count again for the next block.
// goldmark calls it once a block's inlines are parsed.
func (p cappedEmphasis) CloseBlock(_ ast.Node, _ text.Reader, pc gmparser.Context) {
	pc.Set(emphasisRunsKey, 0)
}
