package report

import (
	"encoding/json"
	"io"
	"strconv"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/rule"
)

// Tool identifies git-prfaq in a SARIF log.
type Tool struct {
	Name           string
	Version        string
	InformationURI string
}

// DefaultTool is git-prfaq at version v.
func DefaultTool(v string) Tool {
	return Tool{Name: "git-prfaq", Version: v, InformationURI: "https://github.com/prfaq/git-prfaq"}
}

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// srcRoot is the uriBaseId GitHub code scanning resolves against the
	// checkout: every uri is relative to the repository root.
	srcRoot = "%SRCROOT%"
	// fingerprintKey names our partial fingerprint; the version suffix
	// lets the recipe change without matching old alerts wrongly.
	fingerprintKey = "prfaqFinding/v2"
)

// SARIF writes the findings as a SARIF 2.1.0 log that GitHub code
// scanning accepts: one run, the tool with every rule documented, one
// result per finding.
func SARIF(w io.Writer, r Run, t Tool) error {
	rules, index := sarifRules()
	results := make([]sarifResult, 0, len(r.Findings))
	seen := map[string]int{}
	for _, f := range r.Findings {
		results = append(results, sarifResultOf(f, index, seen))
	}
	log := sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name: t.Name, Version: t.Version, InformationURI: t.InformationURI, Rules: rules,
			}},
			Invocations: []sarifInvocation{sarifInvocationOf(r.Unreadable)},
			// Columns count characters, as an editor shows them.
			ColumnKind: "unicodeCodePoints",
			Results:    results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// sarifInvocationOf says whether the run read every document: one it
// could not read was not checked, so the execution did not succeed, and a
// notification at the file says why.
func sarifInvocationOf(us []Unreadable) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: len(us) == 0}
	for _, u := range us {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level:   "error",
			Message: sarifText{Text: u.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: uriPath(u.File), URIBaseID: srcRoot},
			}}},
		})
	}
	return inv
}

// sarifRules documents every rule, whatever this run found, so that a
// viewer can explain an alert from an older run too.
func sarifRules() ([]sarifRule, map[string]int) {
	docs := rule.Docs()
	defaults := config.Default()
	rules := make([]sarifRule, len(docs))
	index := make(map[string]int, len(docs))
	for i, d := range docs {
		index[d.ID] = i
		rules[i] = sarifRule{
			ID:               d.ID,
			Name:             d.Name,
			ShortDescription: sarifText{Text: d.Short},
			FullDescription:  sarifText{Text: d.Full},
			Help: sarifMarkdown{
				Text:     d.Full + "\n\nFix: " + d.Fix,
				Markdown: d.Full + "\n\n**Fix:** " + d.Fix,
			},
			HelpURI:              "https://github.com/prfaq/git-prfaq#rules",
			DefaultConfiguration: sarifConfig{Level: sarifLevel(defaults.SeverityOf(d.ID))},
			Properties:           sarifRuleProps{Tags: []string{"prfaq", "documentation"}, Precision: precisionOf(d)},
		}
	}
	return rules, index
}

// sarifLevel maps a severity to SARIF's level; off is "none".
func sarifLevel(s rule.Severity) string {
	switch s {
	case rule.Warning:
		return "warning"
	case rule.Off:
		return "none"
	}
	return "error"
}

// sarifResultOf is one finding as a result. seen counts the findings with
// the same fingerprint so far, so that two identical messages in one file
// (two TODOs) stay two alerts.
func sarifResultOf(f rule.Finding, index map[string]int, seen map[string]int) sarifResult {
	res := sarifResult{
		RuleID: f.Rule, RuleIndex: -1, Level: sarifLevel(f.Severity),
		Message: sarifText{Text: f.Message},
	}
	if i, ok := index[f.Rule]; ok {
		res.RuleIndex = i
	}
	if f.Suppressed {
		// Suppressed in the document itself: SARIF 3.35, so that code
		// scanning shows the alert as dismissed, with the reason.
		res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: f.Suppression}}
	}
	if p := sarifPropsOf(f); p != (sarifResultProps{}) {
		res.Properties = &p
	}
	if f.File != "" {
		loc := sarifPhysical{ArtifactLocation: sarifArtifact{URI: uriPath(f.File), URIBaseID: srcRoot}}
		if f.Line > 0 {
			loc.Region = &sarifRegion{StartLine: f.Line, StartColumn: max(f.Column, 1)}
		}
		res.Locations = []sarifLocation{{PhysicalLocation: loc}}
	} else if at := where(f); at != "" {
		// A commit or a branch is no place in the tree: say it in words.
		res.Message.Text = at + ": " + f.Message
	}
	key := f.Fingerprint()
	res.PartialFingerprints = map[string]string{fingerprintKey: key + ":" + strconv.Itoa(seen[key]+1)}
	seen[key]++
	return res
}

// sarifPropsOf is what a finding is about, as fields, in the result's
// property bag under the keys JSON output gives them, so that a script
// reading SARIF need not parse the message either: the section, question,
// template text, metric and field, and the commit or branch of a finding
// that has no file.
func sarifPropsOf(f rule.Finding) sarifResultProps {
	return sarifResultProps{
		Section: f.Section, Question: f.Question, Text: f.Text, Metric: f.Metric, Field: f.Field,
		Commit: f.Commit, Ref: f.Ref, Suggestion: f.Suggestion,
	}
}

// The SARIF 2.1.0 objects git-prfaq writes: only the properties it fills.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifMarkdown  `json:"help"`
	HelpURI              string         `json:"helpUri"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           sarifRuleProps `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifMarkdown struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags      []string `json:"tags"`
	Precision string   `json:"precision"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Properties          *sarifResultProps  `json:"properties,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
}

// sarifSuppression is a result's suppression (SARIF 3.35): inSource, a
// prfaq-ignore comment, with its reason.
type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

// sarifResultProps is a result's property bag (SARIF 3.8: any names but
// "tags"); empty values are left out, as in JSON output.
type sarifResultProps struct {
	Section  string `json:"section,omitempty"`
	Question string `json:"question,omitempty"`
	Text     string `json:"text,omitempty"`
	Metric   string `json:"metric,omitempty"`
	Field    string `json:"field,omitempty"`
	Commit   string `json:"commit,omitempty"`
	Ref      string `json:"ref,omitempty"`
	// Suggestion is the text proposed to write instead (several lines).
	Suggestion string `json:"suggestion,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

// precisionOf is SARIF's confidence in a rule's findings: very high for a
// rule that reads the document's structure, high for one that judges its
// prose (claim-unbacked reads which numbers are claims), which is why such
// a rule is a warning by default.
func precisionOf(d rule.Doc) string {
	if d.Default == rule.Warning {
		return "high"
	}
	return "very-high"
}
