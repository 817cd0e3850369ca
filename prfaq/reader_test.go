package prfaq

import (
	"strings"
	"testing"
)

// partSpec is testSpec with each section's part, as the default
// configuration gives them.
func partSpec() Spec {
	s := testSpec()
	parts := []Part{PartSubheading, PartSummary, PartProblem, PartSolution, PartLeaderQuote, PartGettingStarted,
		PartCustomerQuote, PartCallToAction, PartExternalFAQ, PartInternalFAQ, PartMetrics}
	for i := range s.Sections {
		s.Sections[i].Part = parts[i]
	}
	return s
}

func parts(t *testing.T, src string) *Document {
	t.Helper()
	d, err := Parse([]byte(src), partSpec())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// presence lists each section's presence as a letter: P present, A
// absent, U unsure; with how it was found.
func presence(d *Document) map[string]string {
	out := map[string]string{}
	for name, f := range d.Parts {
		out[name] = []string{"A", "P", "U"}[f.Presence] + ":" + f.How
	}
	return out
}

const narrative = `# PRFAQ: Ledger

## Press Release

### Example Corp Launches Ledger to Help Small Shops Close Their Books in a Day

*Small shops can now close their monthly books in one afternoon.*

**SEATTLE — March 2027** — Today Example Corp announced Ledger, a bookkeeping service for shops with fewer than twenty staff.

Until now, shop owners have spent six evenings every month matching receipts to bank lines by hand, and they still make mistakes.

With Ledger, the owner connects a bank account once and Ledger matches every receipt overnight, asking only about the few it cannot place.

"Every hour an owner spends on books is an hour not spent with customers," said Ana Diaz, VP of Product at Example Corp.

"I closed March in an afternoon," said Bo Chen, owner of Chen's Bakery in Tacoma.

Setting up takes five minutes: sign up and connect a bank account.

Ledger is available today at https://example.com/ledger.
`

func TestNarrativePressRelease(t *testing.T) {
	d := parts(t, narrative)
	if d.Title == nil || d.Title.Text != "PRFAQ: Ledger" {
		t.Errorf("title = %+v", d.Title)
	}
	if d.Headline == nil || !strings.HasPrefix(d.Headline.Text, "Example Corp Launches Ledger") || d.Headline.Pos.Line != 5 {
		t.Errorf("headline = %+v", d.Headline)
	}
	if d.Subheading == nil || d.Subheading.Pos.Line != 7 {
		t.Errorf("subheading = %+v", d.Subheading)
	}
	want := map[string]string{
		"Subheading": "P:line", "Summary": "P:prose", "Problem": "P:prose", "Solution": "P:prose",
		"Leader Quote": "P:prose", "Customer Quote": "P:prose", "How to Get Started": "P:prose", "Call to Action": "P:prose",
		"External FAQ": "A:", "Internal FAQ": "A:", "Success Metrics": "A:",
	}
	got := presence(d)
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %s, want %s", k, got[k], v)
		}
	}
}

func TestRunInLabels(t *testing.T) {
	src := `# Acme launches Ledger for every small shop

**The problem.** Owners spend six evenings a month on books and still make mistakes.

**The solution.** Ledger matches receipts to bank lines automatically every night for them.

**Getting started.** Sign up and connect a bank.

**Call to action:** Try it at example.com.

**Customer Quote**

"I closed March in an afternoon and went home early," one owner told us.
`
	got := presence(parts(t, src))
	for _, k := range []string{"Problem", "Solution", "How to Get Started", "Call to Action", "Customer Quote"} {
		if got[k] != "P:label" {
			t.Errorf("%s = %s, want P:label", k, got[k])
		}
	}
}

func TestOnlyOneParagraph(t *testing.T) {
	// A one-paragraph release is a summary and nothing else.
	got := presence(parts(t, "## PRFAQ\n\nNow engineers can quickly create production-ready pipelines on AWS, so you can get started quickly without making too many choices.\n\n**Q: What is it?**\n\nTemplates.\n"))
	want := map[string]string{"Summary": "P:prose", "Problem": "A:", "Solution": "A:", "How to Get Started": "A:", "Call to Action": "A:", "External FAQ": "P:label", "Internal FAQ": "A:"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %s, want %s", k, got[k], v)
		}
	}
}

func TestNegationAndBareVisit(t *testing.T) {
	src := "# Acme launches Ledger for every small shop\n\nToday Acme released Ledger, a single binary with nothing to install and no account to create.\n\nTo learn more and get started, please visit https://example.com.\n"
	got := presence(parts(t, src))
	if got["How to Get Started"] != "A:" || got["Call to Action"] != "P:prose" {
		t.Errorf("got %v: 'nothing to install' is no step, 'to get started, visit' is a call to action only", got)
	}
}

func TestQuoteAttribution(t *testing.T) {
	tests := []struct {
		name, src        string
		leader, customer bool
	}{
		{"founder and same founder again", `# Acme launches Ledger for every small shop

Today Acme Inc announced Ledger for shops and their owners everywhere.

"We built this because we were tired of spreadsheets," said Sid Roe, founder of Acme Inc.

"This changes how we think about books," added Roe.
`, true, false},
		{"customer at another company", `# Acme launches Ledger for every small shop

Today Acme announced Ledger for shops and their owners everywhere.

> "Reviews dropped from twelve hours to three hours," said Sarah Chen, Senior Product Manager at TechStart Inc.
`, false, true},
		{"unattributed quotation is no quote", `# Acme launches Ledger for every small shop

Today Acme announced Ledger for shops and their owners everywhere.

"We needed a tool that let every voice be heard without fear of judgment."
`, false, false},
		{"block quote with a dash line", `# Acme launches Ledger for every small shop

Today Acme announced Ledger for shops and their owners everywhere.

> I have tried every budgeting app and none of them let me own my data.
> - Albert from San Francisco
`, false, true},
		{"japanese roles", "# AWS、BEACON を発表\n\nAWS は本日、不動産業界向けの書類チェックシステムを発表しました。\n\nAWS アカウントチーム責任者は次のように述べています。「BEACON は新たな市場への参入機会を提供します。」\n\n大手不動産会社の審査担当者からは次のコメントが寄せられています。「残業が大幅に減りました。本当に助かっています。」\n", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := presence(parts(t, tt.src))
			if (got["Leader Quote"] == "P:prose") != tt.leader || (got["Customer Quote"] == "P:prose") != tt.customer {
				t.Errorf("leader %s, customer %s; want %v, %v", got["Leader Quote"], got["Customer Quote"], tt.leader, tt.customer)
			}
		})
	}
}

func TestFAQStructure(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		audiences []string // of each FAQ section, in order
		questions []int
		unanswer  int
	}{
		{"nested sub-FAQs", "## Frequently Asked Questions\n\n### Customer FAQ\n\n**Q: Is it free?**\n\nA: Yes.\n\n### Internal/Technical FAQ\n\n**Q: Why Go?**\n\nA: Speed.\n",
			[]string{"", "external", "internal"}, []int{0, 1, 1}, 0},
		{"topic groups are not questions", "## FAQ\n\n### General Questions\n\n#### Q: What is it?\n**A:** A tool.\n\n### Pricing\n\n**Q: What does it cost?**\nA: Nothing.\n",
			[]string{""}, []int{2}, 0},
		{"numbered bold questions", "## External FAQ\n\n1. **Do I have to know SQL?**\n    Not necessarily. AI writes it for you.\n\n2. **Is there a mobile app?**\n   Not yet.\n",
			[]string{"external"}, []int{2}, 0},
		{"q and a bullets", "FAQ\n\n- Q: What does it check?\n  - A: Documents against checklists.\n- Q: What does it cost?\n  - TBD\n  - usage based\n- Q: Who uses it?\n  - see above\n",
			[]string{""}, []int{3}, 0},
		{"answer only code", "## FAQ\n\n### How do I install it?\n\n```sh\nbrew install ledger\n```\n",
			[]string{""}, []int{1}, 0},
		{"answer only a list", "## FAQ\n\n**Q: How do we handle rate limits?**  \nA:\n- Exponential backoff\n- Queuing\n",
			[]string{""}, []int{1}, 0},
		{"numbered C1 I1", "## Part 3 — FAQ\n\n### Customer / External FAQs\n\n**C1. Which sources are supported?**\nMySQL.\n\n### Internal / Stakeholder FAQs\n\n**I1. Why build this?**\nNo tool exists.\n",
			[]string{"", "external", "internal"}, []int{0, 1, 1}, 0},
		{"noun phrase entries", "# FAQ\n\n## Project Management\nhttps://example.com/board\n\n## Supported devices\nAll phones.\n\n## Which colours are there?\nThree palettes.\n",
			[]string{""}, []int{1}, 0},
		{"bold prefix only", "## FAQ\n\n**Q:** How much does it cost?\n**A:** Nothing.\n\n**Question:** Why?\n\nBecause.\n",
			[]string{""}, []int{2}, 0},
		{"bare audience groups", "## Frequently Asked Questions\n\n### External\n\n### Is it free?\n\nYes.\n\n### Internal\n\n### Why now?\n\nBanks.\n\n### International & Multilingual\n\n### Which languages?\n\nAll.\n",
			[]string{"", "external", "internal"}, []int{0, 1, 2}, 0},
		{"unanswered last question", "## FAQ\n\n**Q: Why?**\n\nBecause.\n\n**Q: And then?**\n",
			[]string{""}, []int{2}, 1},
		{"faq without a heading", "Now engineers can ship faster than ever before with the new templates.\n\n**Q: What is the motivation?**\n\nDelivery is hard.\n\n**Q: What is it?**\n\nTemplates.\n",
			[]string{""}, []int{2}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parts(t, tt.src)
			var aud []string
			var qs []int
			un := 0
			for _, s := range d.Sections {
				if s.Kind() != KindFAQ {
					continue
				}
				aud = append(aud, s.Audience)
				qs = append(qs, len(s.Questions))
				for _, q := range s.Questions {
					if q.Answer == "" && !q.AnswerContent {
						un++
					}
				}
			}
			if strings.Join(aud, ",") != strings.Join(tt.audiences, ",") || !equalInts(qs, tt.questions) || un != tt.unanswer {
				t.Errorf("audiences %q questions %v unanswered %d; want %q %v %d", aud, qs, un, tt.audiences, tt.questions, tt.unanswer)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestMetricsAfterAnH1FAQ(t *testing.T) {
	d := parts(t, "# FAQ\n\n## Why?\n\nBecause.\n\n## Success Metrics\n\n| Metric | Baseline | Target | By | Source |\n|-|-|-|-|-|\n| Users | 10 | 20 | 2027 | CRM |\n")
	if f := d.Parts["Success Metrics"]; f.Presence != Present || f.Section.Metrics == nil {
		t.Errorf("metrics after an H1 FAQ: %+v", f)
	}
}

func TestUndividedFAQ(t *testing.T) {
	d := parts(t, "# Acme launches Ledger for every small shop\n\n## FAQ\n\n### How much does it cost?\n\nTwenty dollars.\n")
	ext, in := d.Parts["External FAQ"], d.Parts["Internal FAQ"]
	if ext.Presence != Present || in.Presence != Absent || !in.Undivided {
		t.Errorf("external %+v internal %+v: one FAQ for everyone is the external FAQ, and says so", ext, in)
	}
	// A question only the team asks makes it hold the internal FAQ too.
	d = parts(t, "# Acme launches Ledger for every small shop\n\n## FAQ\n\n### How much does it cost?\n\nTwenty dollars.\n\n### Why now?\n\nBanks opened their APIs.\n")
	if in := d.Parts["Internal FAQ"]; in.Presence != Present || in.How != "question" || in.Pos.Line != 9 {
		t.Errorf("internal %+v: want it found at the stakeholder question", in)
	}
}

func TestProseMask(t *testing.T) {
	src := "# Acme launches Ledger for every small shop\n\n" +
		"See [TODO list](https://example.com/TODO) and `<Name>` and `deploy [TARGET GA DATE]` and https://x.io/TBD here[^1].\n\n" +
		"- [ ] a task\n\n[Ref]: https://example.com\n"
	d := parts(t, src)
	line := d.Lines[2].Prose
	for _, hidden := range []string{"TODO", "<Name>", "https", "[^1]"} {
		if strings.Contains(line, hidden) {
			t.Errorf("prose %q still holds %q", line, hidden)
		}
	}
	if !strings.Contains(line, "[TARGET GA DATE]") {
		t.Errorf("prose %q lost the bracketed placeholder in inline code", line)
	}
	if len(line) != len(d.Lines[2].Text) {
		t.Errorf("prose changed the line's length")
	}
	if strings.Contains(d.Lines[4].Prose, "[ ]") || strings.TrimSpace(d.Lines[6].Prose) != "" {
		t.Errorf("task box or link definition not blanked: %q %q", d.Lines[4].Prose, d.Lines[6].Prose)
	}
}

func TestLanguage(t *testing.T) {
	tests := map[string]string{
		"Acme launches Ledger. It is a tool for the owners of small shops and it helps them with their books every month, so that they can spend the evenings with their families and not with the receipts they have to match.":                                             "en",
		"Diese App bietet den direkten Zugriff auf Ihre wichtigsten Telefonnummern. Sie ist für das iPhone entwickelt und nutzt die Telefonfunktion, die mit der App auch für alle Einträge und auch für Spitznamen verwendet werden kann.":                                  "de",
		"AWS は本日、不動産・建設業界向けの AI ドキュメント適合性チェックシステムを発表しました。申請書類のチェック作業を大幅に効率化します。":                                                                                                                                                                                             "ja",
		"오늘 우리는 중소기업을 위한 회계 서비스를 출시했습니다. 이제 사장님들은 하루 만에 장부를 마감할 수 있습니다.":                                                                                                                                                                                                     "ko",
		"Aujourd'hui, nous lançons Ledger, un service de comptabilité pour les petites boutiques qui veulent clôturer leurs comptes en une journée au lieu de six soirées passées à rapprocher les reçus des relevés bancaires.":                                             "fr",
		"Dziś uruchamiamy Ledger, usługę księgową dla małych sklepów, które chcą zamykać swoje księgi w jeden dzień zamiast sześciu wieczorów spędzonych na dopasowywaniu paragonów do wyciągów bankowych każdego miesiąca. Właściciele łączą swój bank jeden raz i gotowe.": "",
	}
	for text, want := range tests {
		d := parts(t, "# X\n\n"+text+"\n")
		if d.Language != want {
			t.Errorf("language of %.30q = %q, want %q", text, d.Language, want)
		}
	}
}

func TestUnknownLanguageSaysNothing(t *testing.T) {
	src := "# Acme uruchamia Ledger dla małych sklepów\n\nDziś uruchamiamy Ledger, usługę księgową dla małych sklepów, które chcą zamykać swoje księgi w jeden dzień zamiast sześciu wieczorów spędzonych na dopasowywaniu paragonów do wyciągów bankowych każdego miesiąca. Właściciele łączą swój bank jeden raz.\n"
	for name, f := range parts(t, src).Parts {
		if (name == "Problem" || name == "Call to Action") && f.Presence != Unsure {
			t.Errorf("%s = %+v, want Unsure in a language the reader has no words for", name, f)
		}
	}
}

func TestMetricsTableUnderAnyHeading(t *testing.T) {
	d := parts(t, "# Acme launches Ledger for every small shop\n\n## How we will know\n\n| Metric | Baseline | Target | By |\n|-|-|-|-|\n| Close time | 6 days | 1 day | 2027-06 |\n")
	if f := d.Parts["Success Metrics"]; f.Presence != Present || f.Section == nil || f.Section.Metrics == nil || len(f.Section.Metrics.Metrics) != 1 {
		t.Errorf("metrics = %+v", f)
	}
}

func TestBilingualAndNumberedHeadings(t *testing.T) {
	src := "# 보도자료 (Press Release)\n\n## 에이크미, 소상공인을 위한 장부 서비스 출시\n\n오늘 에이크미는 소상공인을 위한 장부 서비스를 출시했습니다. 이제 하루 만에 장부를 마감할 수 있습니다.\n\n## 3. 자주 묻는 질문 (FAQ)\n\n### 가격은 얼마인가요?\n\n무료입니다.\n"
	d := parts(t, src)
	if d.Headline == nil || !strings.Contains(d.Headline.Text, "출시") {
		t.Errorf("headline = %+v", d.Headline)
	}
	if d.Parts["External FAQ"].Presence != Present {
		t.Errorf("FAQ not found: %+v", d.Parts["External FAQ"])
	}
}

func TestClassifyHeading(t *testing.T) {
	tests := map[string]string{
		"The Problem":                       "problem",
		"Part 1 — Press Release":            "release",
		"INTERNAL FAQ (Technical)":          "faq:internal",
		"Customer / External FAQs":          "faq:external",
		"Internal / Stakeholder FAQs":       "faq:internal",
		"Frequently Asked Questions":        "faq:generic",
		"Technical Questions":               "",
		"Customer Testimonies":              "customer-quote",
		"Availability":                      "call-to-action",
		"PR/FAQ: Collaborative Retro Board": "title",
		"FakeCo Launches PR-FAQ Validator, Reducing Review Time by 75%":                  "",
		"Eliminating iOS Metrics Integration Headaches for AI-Powered Development Teams": "",
		"Häufige Fragen":       "faq:generic",
		"プロジェクトの成功の定義":         "success-metrics",
		"보도자료 (Press Release)": "release",
	}
	for h, want := range tests {
		c := classifyHeading(h)
		got := ""
		switch {
		case c.title:
			got = "title"
		case c.release:
			got = "release"
		case c.faq != faqNone:
			got = "faq:" + map[faqKind]string{faqGeneric: "generic", faqExternal: "external", faqInternal: "internal"}[c.faq]
		case len(c.parts) > 0:
			got = string(c.parts[0])
		}
		if got != want {
			t.Errorf("classifyHeading(%q) = %q, want %q", h, got, want)
		}
	}
}

func TestProseMaskQuotationsAndHTML(t *testing.T) {
	src := "# Acme launches Ledger for every small shop\n\n" +
		"\"I left [competitor] and [the team] helped,\" said [CEO Name]. \"Pick [Yes] [No] [Later].\" A <br> and <gym name> and <details>.\n"
	line := parts(t, src).Lines[2].Prose
	for _, hidden := range []string{"[competitor]", "[the team]", "[Yes]", "[Later]", "<br>", "<details>"} {
		if strings.Contains(line, hidden) {
			t.Errorf("prose %q still holds %q", line, hidden)
		}
	}
	for _, kept := range []string{"[CEO Name]", "<gym name>"} {
		if !strings.Contains(line, kept) {
			t.Errorf("prose %q lost %q", line, kept)
		}
	}
}

func TestTopShapes(t *testing.T) {
	tests := []struct {
		name, src, headline, subheading string
	}{
		{"yaml after a comment", "<!-- c -->\n---\ntype: note\nstatus: draft\n---\n\n# PRFAQ: Ledger\n\n## Press Release\n\n### Acme Launches Ledger for Small Shops Everywhere\n\n*Books closed in an afternoon.*\n\nToday Acme launched Ledger.\n",
			"Acme Launches Ledger for Small Shops Everywhere", "Books closed in an afternoon."},
		{"headline under its heading", "## Press Release\n\nToday Acme launched Ledger for shops, and owners close their books in one afternoon now.\n\n## Headline\n\nAcme brings Ledger to every small shop.\n\n## Sub-headline\n\nBooks in an afternoon.\n",
			"Acme brings Ledger to every small shop.", ""},
		{"headline label", "# 보도자료 (Press Release)\n\n**제목:** _Acme, 소상공인을 위한 장부 서비스 출시_\n\n**부제목:** _하루 만에 장부 마감_\n",
			"Acme, 소상공인을 위한 장부 서비스 출시", ""},
		{"reference line before the tagline", "# Acme Announces General Availability of Ledger\n\nReference: https://example.com/release\n\n*Ledger closes the books of small shops in an afternoon.*\n",
			"Acme Announces General Availability of Ledger", "Ledger closes the books of small shops in an afternoon."},
		{"quoted tagline under a title", "# Ledger — PR FAQ\n\n> Small shops close their books in an afternoon.\n\n## Problem\n\nOwners spend evenings on receipts.\n",
			"", "Small shops close their books in an afternoon."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parts(t, tt.src)
			got := ""
			if d.Headline != nil {
				got = d.Headline.Text
			}
			if got != tt.headline {
				t.Errorf("headline %q, want %q", got, tt.headline)
			}
			if tt.subheading != "" && (d.Subheading == nil || d.Subheading.Text != tt.subheading) {
				t.Errorf("subheading %+v, want %q", d.Subheading, tt.subheading)
			}
		})
	}
}

func TestSummaryAndStoryProblem(t *testing.T) {
	tests := []struct {
		name, src        string
		summary, problem string // "P" present, "A" absent
	}{
		{"story after the summary", "# Acme launches Ledger for every small shop\n\nToday Acme launched Ledger, a bookkeeping service for small shops.\n\nGoing out to the bank on Friday evenings happens in every town, and the receipts pile up in shoeboxes until spring.\n\nLedger matches receipts overnight.\n",
			"P", "P"},
		{"opens with the problem alone", "# Acme launches Ledger for every small shop\n\nOrganizations today struggle to reconcile receipts, and existing tools require specialised knowledge.\n\nLedger provides automatic matching for small shops everywhere in the country.\n",
			"A", "P"},
		{"straight into a part", "# Acme launches Ledger for every small shop\n\n**Problem Statement**\n\nOwners spend evenings matching receipts by hand and make mistakes.\n\n**Solution**\n\nLedger matches receipts automatically every night for small shops.\n",
			"A", "P"},
		{"limits are not the problem", "# Acme launches Ledger for every small shop\n\nToday Acme launched Ledger, a bookkeeping service that lets small shops close their books.\n\nWith Ledger, owners connect their bank once and receipts are matched every night.\n\n## Limitations\n\nIt cannot read handwritten receipts, and manual entry is slow and error-prone.\n",
			"P", "A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := presence(parts(t, tt.src))
			if got["Summary"][:1] != tt.summary || got["Problem"][:1] != tt.problem {
				t.Errorf("summary %s problem %s, want %s %s", got["Summary"], got["Problem"], tt.summary, tt.problem)
			}
		})
	}
}

func TestFAQOddShapes(t *testing.T) {
	d := parts(t, "## FAQ\n\n###\n> Who uses it?\n\n- Shops.\n###\n\n**Q: How does it check?**\n\nIn order:\n\n1. Contract — is it active?\n2. Scope — is it valid?\n")
	var qs []string
	for _, s := range d.Sections {
		for _, q := range s.Questions {
			qs = append(qs, q.Text)
		}
	}
	if strings.Join(qs, "|") != "Who uses it?|How does it check?" {
		t.Errorf("questions %q: a quoted question counts, empty headings and a numbered list inside an answer do not", qs)
	}
}
