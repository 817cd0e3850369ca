package quantity

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// ClaimKind is how a sentence claims a quantity.
type ClaimKind int

// The kinds of claim. Each says what a success metric must show to back
// it (see Claim.BackedBy).
const (
	// Change is a change by an amount: "50% improvement in conversion",
	// "reduce review time by 75%", "by 2 days", "by 5 points".
	Change ClaimKind = iota + 1
	// Factor is a change by a factor: "2x faster", "3 times more",
	// "doubles", "halves".
	Factor
	// FromTo is a change between two values: "from 6 days to 1".
	FromTo
	// Level is a value to reach after a change verb: "cuts close time to
	// 1 day", "raises uptime to 99.99%".
	Level
)

// Direction is which way a claim says a number moves.
type Direction int

const (
	// Better: the claim says the number improves without saying which way
	// ("improvement", "faster"); the metric's own baseline→target says it.
	Better Direction = iota
	Up               // "increase", "more", "higher", "doubles"
	Down             // "reduce", "cut", "fewer", "lower", "halves"
)

// Claim is a quantity a sentence claims as the effect of a change.
type Claim struct {
	Kind ClaimKind
	Dir  Direction
	// Amount is the change of a Change claim: a percentage (relative, or
	// percentage points with Unit "pp") or an absolute quantity ("2 days").
	Amount Quantity
	// Factor is a Factor claim's factor, above 1 ("halves" is 2, Down).
	Factor float64
	// From and To are a FromTo claim's ends (a bare To takes From's unit:
	// "from 6 days to 1" is 1 day); To alone is a Level claim's value.
	From, To Quantity
	// Subject names what changes, as written ("qualified lead
	// conversion"), "" when the sentence does not say near the number.
	Subject string
	// Text is the claim as written, whitespace folded; Start and End are
	// its byte offsets in the text Claims read.
	Text       string
	Start, End int
}

// maxClaimWindow is how many words before a number a change verb may
// stand and still be the number's ("reduce the time it takes to close
// the books by 50%").
const maxClaimWindow = 10

// maxSubjectWords caps the words of a claim's subject.
const maxSubjectWords = 6

// Claims returns the quantities text claims as the effect of a change, in
// the order written. Precision matters more than recall: a number is a
// claim only with a change word next to it (a verb such as "reduce" or
// "improve" before it, a noun or comparative such as "improvement",
// "faster" or "fewer" after it), as a factor ("2x faster", "doubles"),
// or as "from X to Y". A number on its own (a date, a year, a version, a
// price, "24/7", a count of customers, a rank) is not a claim, and
// neither is anything inside quotation marks, which is someone's
// testimony rather than the release's promise. Words are English.
func Claims(text string) []Claim {
	s := &claimScan{text: text}
	s.tokenize()
	var out []Claim
	for i := 0; i < len(s.toks); i++ {
		c, next, ok := s.claimAt(i)
		if !ok {
			continue
		}
		if n := len(out); n > 0 && c.Start < out[n-1].End {
			// The verb it found belongs to the claim before ("50%
			// reduction in cut times from 6 days to 1"): claims never
			// overlap, so this one starts where it was found.
			c.Start = s.toks[i].start
			c.Text = s.textOf(c.Start, c.End)
		}
		if n := len(out); n > 0 && s.restates(out[n-1], c) {
			c.Amount, c.Start = out[n-1].Amount, out[n-1].Start
			if out[n-1].Subject != "" {
				c.Subject = out[n-1].Subject
			}
			c.Text = s.textOf(c.Start, c.End)
			out = out[:n-1]
		}
		out = append(out, c)
		i = next - 1
	}
	return out
}

// restates reports whether c spells out the change prev claimed, as in
// "by 75%, from 12 hours to 3 hours": one claim, backed by either.
func (s *claimScan) restates(prev, c Claim) bool {
	if prev.Kind != Change || c.Kind != FromTo || c.Start < prev.End {
		return false
	}
	between := strings.TrimSpace(emphasisFree(s.text[prev.End:c.Start]))
	return between == "," || between == "" || between == "—" || between == "(" || between == "–"
}

// token is one whitespace-separated word of the text, with its offsets.
type token struct {
	start, end int
	word       string // lower-cased, without surrounding punctuation
	breakAfter bool   // a sentence or clause ends after it
	quoted     bool   // inside quotation marks
	verb       bool   // a verb (or noun) of change, going dir
	dir        Direction
}

type claimScan struct {
	text string
	toks []token
	// clauseEnd[i] is the byte offset where token i's clause ends.
	clauseEnd []int
}

// maxMentionBytes bounds how far a quantity is read from where it starts
// ("at least 1,200 active users per week" is 36 bytes), so that reading
// every number of a long paragraph stays linear in its length.
const maxMentionBytes = 160

// tokenize splits the text into words, marking those inside quotation
// marks and those that end a sentence or clause.
func (s *claimScan) tokenize() {
	inQuote := false
	i, last := 0, 0
	for i < len(s.text) {
		r, size := utf8.DecodeRuneInString(s.text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		start := i
		if strings.Contains(s.text[last:start], "\n\n") {
			inQuote = false // a quotation never closed ends with its paragraph
		}
		for i < len(s.text) {
			r, size = utf8.DecodeRuneInString(s.text[i:])
			if unicode.IsSpace(r) {
				break
			}
			i += size
		}
		raw := s.text[start:i]
		opens, closes := quoteMarks(raw)
		if opens {
			inQuote = true
		}
		t := token{start: start, end: i, word: claimWord(raw), quoted: inQuote}
		t.dir, t.verb = changeVerb(t.word)
		t.breakAfter = endsClause(raw)
		if closes {
			inQuote = false
		}
		s.toks = append(s.toks, t)
		last = i
	}
	s.clauseEnd = make([]int, len(s.toks))
	end := len(s.text)
	for j := len(s.toks) - 1; j >= 0; j-- {
		if s.toks[j].breakAfter {
			end = s.toks[j].end
		}
		s.clauseEnd[j] = end
	}
}

// quoteMarks reports whether a word opens and whether it closes a
// quotation. A straight double quote opens at a word's start and closes
// at its end; apostrophes are not quotation marks.
func quoteMarks(raw string) (opens, closes bool) {
	trimmed := strings.TrimLeft(raw, "*_([")
	first, _ := utf8.DecodeRuneInString(trimmed)
	opens = strings.ContainsRune("\"“„«「", first)
	t := strings.TrimRight(raw, "*_)].,;:!?")
	last, _ := utf8.DecodeLastRuneInString(t)
	closes = strings.ContainsRune("\"”»」", last) && (len(t) > 1 || !opens)
	return opens, closes
}

// claimWord is a word lower-cased without the punctuation and emphasis
// around it: "**Reducing**" is "reducing", "75%," is "75%".
func claimWord(raw string) string {
	w := strings.TrimFunc(raw, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '%' && r != '$' && r != '€' && r != '£'
	})
	return strings.ToLower(w)
}

// endsClause reports whether a word ends a sentence or a clause: it ends
// with . ! ? ; or :, or is a dash standing alone.
func endsClause(raw string) bool {
	if raw == "—" || raw == "–" || raw == "-" || raw == "--" {
		return true
	}
	t := strings.TrimRight(raw, "*_)]\"”’'")
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") ||
		strings.HasSuffix(t, ";") || strings.HasSuffix(t, ":")
}

// claimAt reads a claim starting at token i, if there is one, and
// returns the token after it.
func (s *claimScan) claimAt(i int) (Claim, int, bool) {
	t := s.toks[i]
	if t.quoted {
		return Claim{}, 0, false
	}
	if c, next, ok := s.wordFactor(i); ok {
		return c, next, true
	}
	if t.word == "from" {
		if c, next, ok := s.fromTo(i); ok {
			return c, next, true
		}
	}
	if !s.mayStartQuantity(i) || !s.couldClaim(i) {
		return Claim{}, 0, false // no change word near: not worth reading the number
	}
	q, end, ok := s.mention(i)
	if !ok {
		return Claim{}, 0, false
	}
	switch {
	case q.Kind == Multiplier || isTimes(q):
		return s.factor(i, end, q)
	case q.Kind == Percent:
		return s.change(i, end, q)
	case q.Kind == Duration || q.Kind == Currency || q.Kind == Unit:
		if c, next, ok := s.absolute(i, end, q); ok {
			return c, next, true
		}
		if q.Kind != Unit {
			// A count reached ("grew to 25 engineers", "expands to 3
			// regions") is the size of something, not a change a
			// metric measures: only a percentage, a duration or an
			// amount of money is a level claimed.
			return s.level(i, end, q)
		}
	}
	return Claim{}, 0, false
}

// couldClaim is a cheap test of whether a number at token i can be a
// claim at all, before it is read: a word of change must stand near it
// ("by", "up", "to" before it; a noun of change or a comparative right
// after it; a verb of change in its clause).
func (s *claimScan) couldClaim(i int) bool {
	switch s.word(i - 1) {
	case "by", "up", "down", "to":
		return true
	}
	for k := i; k < len(s.toks) && k <= i+3; k++ {
		w := s.word(k)
		if _, ok := changeNouns()[w]; ok || w == "times" {
			return true
		}
		if s.toks[k].breakAfter {
			break
		}
	}
	_, _, ok := s.verbBefore(i)
	return ok
}

// mention reads the quantity whose text starts at token i: the number
// with its bound, marker and, for a count, the noun it counts. end is the
// index of the token after it.
func (s *claimScan) mention(i int) (Quantity, int, bool) {
	if i >= len(s.toks) || !s.mayStartQuantity(i) {
		return Quantity{}, 0, false
	}
	start := s.toks[i].start
	rest := emphasisFree(s.text[start:min(s.clauseEnd[i], start+maxMentionBytes)])
	trimmed := strings.TrimLeft(rest, " ([")
	q, n, ok := mentionAt(trimmed)
	n += len(rest) - len(trimmed)
	if !ok {
		return Quantity{}, 0, false
	}
	end := i + 1
	for end < len(s.toks) && s.toks[end].start < start+n {
		end++
	}
	return q, end, true
}

// mayStartQuantity is a cheap test that spares reading most words as
// quantities: a quantity starts with a digit or a currency sign ("75%",
// "$3M"), with a bound before a number ("up to 40%", "~2x"), or with a
// number word ("one day").
func (s *claimScan) mayStartQuantity(i int) bool {
	raw := emphasisFree(s.text[s.toks[i].start:s.toks[i].end])
	raw = strings.TrimLeft(raw, " ([")
	if r, _ := utf8.DecodeRuneInString(raw); unicode.IsDigit(r) || unicode.Is(unicode.Sc, r) || strings.ContainsRune("~≈<>≤≥+-−", r) {
		return true
	}
	if boundWords()[s.word(i)] {
		for k := i + 1; k < len(s.toks) && k <= i+3; k++ {
			if startsDigit(s.word(k)) || strings.ContainsAny(s.word(k), "$€£¥") {
				return true
			}
		}
	}
	return isNumberWord(s.word(i))
}

// isNumberWord reports whether w is a number spelled out, zero to twelve.
func isNumberWord(w string) bool {
	if len(w) < 3 || len(w) > 6 {
		return false
	}
	for _, n := range numberWords {
		if w == n.word {
			return true
		}
	}
	return false
}

// boundWords start the bounds a number may follow ("up to", "at least",
// "more than", "about").
var boundWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"up": true, "at": true, "more": true, "less": true, "fewer": true, "no": true, "not": true, "over": true,
		"under": true, "below": true, "above": true, "about": true, "around": true, "approximately": true,
		"approx": true, "roughly": true, "circa": true, "within": true, "max": true, "min": true, "maximum": true,
		"minimum": true, "greater": true, "higher": true, "lower": true,
	}
})

// emphasisFree blanks Markdown emphasis and code marks, keeping offsets.
func emphasisFree(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '*' || r == '_' || r == '`' {
			return ' '
		}
		return r
	}, s)
}

// mentionAt reads a quantity at the start of s as Find does, and returns
// it with the number of bytes it took. Ranks and dates are not read, nor
// a plain number without a unit.
func mentionAt(s string) (Quantity, int, bool) {
	padding := len(s) - len(strings.TrimLeft(s, " "))
	s = s[padding:]
	_, r := cutBound(s)
	if _, _, isRank := cutRankPrefix(r); isRank {
		return Quantity{}, 0, false
	}
	a, rest, err := cutAmount(r, false)
	if err != nil || isDateNumber(a, rest) {
		return Quantity{}, 0, false
	}
	numText := strings.TrimSpace(r[:len(r)-len(rest)])
	if _, afterWord, spelled := cutNumberWord(numText); spelled {
		numText = a.mantissa + afterWord
	}
	if r2, plus := cutPlus(rest); plus {
		rest = r2
	}
	if _, ok := cutOrdinal(rest); ok {
		return Quantity{}, 0, false // "2nd": a place
	}
	after, marked := cutMarker(a, rest, false)
	core := numText + strings.TrimRight(rest[:len(rest)-len(after)], " ")
	used := len(s) - len(after)
	if t, ok := cutPrefixFold(skipSpace(after), "times"); ok && !marked {
		// "3 times faster" is a factor, as "3x faster" is.
		q, err := Parse(numText + "x")
		q.Text = numText + " times"
		return q, padding + len(s) - len(t), err == nil && q.Kind == Multiplier
	}
	if !marked {
		words := followingWords(after, true)
		if len(words) == 0 {
			return Quantity{}, 0, false
		}
		noun := headNoun(words)
		core += " " + noun
		if k := strings.Index(strings.ToLower(after), strings.ToLower(strings.Fields(noun)[0])); k >= 0 {
			used = len(s) - len(after) + k + len(noun)
		}
	}
	q, err := Parse(core)
	if err != nil || q.Kind == Number || q.Kind == Rank || q.Kind == Ratio {
		return Quantity{}, 0, false
	}
	return q, padding + min(used, len(s)), true
}

// startsDigit reports whether a word is a number ("75%", "3"), not a
// name with digits in it ("p95", "LZ4").
func startsDigit(w string) bool { return w != "" && isDigit(w[0]) }

// isTimes reports whether q counts "times": "3 times faster".
func isTimes(q Quantity) bool {
	return q.Kind == Unit && (q.Unit == "times" || q.Unit == "time")
}

// word is token j's word, "" past either end.
func (s *claimScan) word(j int) string {
	if j < 0 || j >= len(s.toks) {
		return ""
	}
	return s.toks[j].word
}

// cueAfter is the change word right after the mention ending before
// token end, with its direction.
func (s *claimScan) cueAfter(end int) (Direction, bool) {
	if end >= len(s.toks) || s.toks[end-1].breakAfter {
		return 0, false
	}
	d, ok := changeNouns()[s.word(end)]
	return d, ok
}

// verbBefore finds a change verb in the clause before token i, up to
// maxClaimWindow words back, and returns its index and direction.
func (s *claimScan) verbBefore(i int) (int, Direction, bool) {
	for j := i - 1; j >= 0 && j >= i-maxClaimWindow; j-- {
		if s.toks[j].breakAfter || s.toks[j].quoted {
			return 0, 0, false
		}
		if s.toks[j].verb {
			return j, s.toks[j].dir, true
		}
		if s.word(j) == "speed" && s.word(j+1) == "up" {
			return j, Better, true // "speed up payouts by 50%"
		}
	}
	return 0, 0, false
}

// change reads a percentage as a claim: "50% improvement", "75% fewer",
// "by 75%" after a change verb, "up 20%".
func (s *claimScan) change(i, end int, q Quantity) (Claim, int, bool) {
	if d, ok := s.cueAfter(end); ok {
		c := Claim{Kind: Change, Dir: d, Amount: q}
		subj, last := s.subjectAfter(end + 1)
		if subj == "" && s.word(end) != "" {
			subj, _ = s.subjectBefore(i)
		}
		c.Subject = subj
		return s.finish(c, i, max(last, end+1)), max(last, end+1), true
	}
	switch s.word(i - 1) {
	case "up", "down":
		d := Up
		if s.word(i-1) == "down" {
			d = Down
		}
		subj, _ := s.subjectBefore(i - 1)
		c := Claim{Kind: Change, Dir: d, Amount: q, Subject: subj}
		return s.finish(c, i-1, end), end, true
	case "by":
		if v, d, ok := s.verbBefore(i - 1); ok {
			c := Claim{Kind: Change, Dir: d, Amount: q, Subject: s.subjectBetween(v+1, i-1)}
			return s.finish(c, v, end), end, true
		}
	}
	if c, next, ok := s.level(i, end, q); ok {
		return c, next, true // "improves accuracy to 99.5%"
	}
	return s.bareChange(i, end, q)
}

// isNoun reports whether a word of change is only a noun ("reduction",
// "improvements", "growth"), which cannot take a number as its object;
// "boost" and "increase" may be verbs.
func isNoun(w string) bool {
	w = strings.TrimSuffix(w, "s")
	return strings.HasSuffix(w, "tion") || strings.HasSuffix(w, "ment") || w == "growth" || w == "uplift" || w == "speedup"
}

// commaBetween reports whether a word from a to b-1 ends with a comma.
func (s *claimScan) commaBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if strings.HasSuffix(strings.TrimRight(s.text[s.toks[k].start:s.toks[k].end], "*_\"”"), ",") {
			return true
		}
	}
	return false
}

// maxBareWindow is how near a verb of change must stand to a percentage
// that follows it without "by": "revenue grew 40%", "boost conversion 20%".
const maxBareWindow = 4

// bareChange reads a percentage right after a verb of change and its
// object, without "by": "grew 40%", "boost conversion 20%". A preposition
// before the number ("for 95% of users", "in 40% of cases") says it is a
// share, not the change.
func (s *claimScan) bareChange(i, end int, q Quantity) (Claim, int, bool) {
	if stopWords()[s.word(i-1)] {
		return Claim{}, 0, false
	}
	v, d, ok := s.verbBefore(i)
	if !ok || i-v > maxBareWindow || s.claimedBetween(v, i) || isNoun(s.word(v)) || s.commaBetween(v, i) {
		return Claim{}, 0, false // "45-90% reduction, median 75%": no verb
	}
	subj := s.subjectBetween(v+1, i)
	if subj == "" {
		subj, _ = s.subjectBefore(v)
	}
	c := Claim{Kind: Change, Dir: d, Amount: q, Subject: subj}
	return s.finish(c, v, end), end, true
}

// absolute reads "by 2 days" after a change verb as a change by an
// amount.
func (s *claimScan) absolute(i, end int, q Quantity) (Claim, int, bool) {
	if s.word(i-1) != "by" {
		return Claim{}, 0, false
	}
	v, d, ok := s.verbBefore(i - 1)
	if !ok {
		return Claim{}, 0, false
	}
	c := Claim{Kind: Change, Dir: d, Amount: q, Subject: s.subjectBetween(v+1, i-1)}
	return s.finish(c, v, end), end, true
}

// level reads "to 1 day" after a change verb as the value to reach.
func (s *claimScan) level(i, end int, q Quantity) (Claim, int, bool) {
	if s.word(i-1) != "to" {
		return Claim{}, 0, false
	}
	v, d, ok := s.verbBefore(i - 1)
	if !ok || d == Better && !strings.HasPrefix(s.word(v), "improv") {
		return Claim{}, 0, false
	}
	c := Claim{Kind: Level, Dir: d, To: q, Subject: s.subjectBetween(v+1, i-1)}
	return s.finish(c, v, end), end, true
}

// factor reads "2x faster", "3 times more", "improves X 2x".
func (s *claimScan) factor(i, end int, q Quantity) (Claim, int, bool) {
	if q.Value <= 1 {
		return Claim{}, 0, false
	}
	if d, ok := s.cueAfter(end); ok {
		c := Claim{Kind: Factor, Dir: d, Factor: q.Value}
		subj, last := s.subjectAfter(end + 1)
		if subj == "" {
			subj, _ = s.subjectBefore(i)
		}
		c.Subject = subj
		return s.finish(c, i, max(last, end+1)), max(last, end+1), true
	}
	if v, d, ok := s.verbBefore(i); ok {
		c := Claim{Kind: Factor, Dir: d, Factor: q.Value, Subject: s.subjectBetween(v+1, i)}
		return s.finish(c, v, end), end, true
	}
	return Claim{}, 0, false
}

// wordFactor reads a factor said in one word: "doubles", "halved".
func (s *claimScan) wordFactor(i int) (Claim, int, bool) {
	f, ok := factorWords()[s.word(i)]
	if !ok {
		return Claim{}, 0, false
	}
	subj, last := s.subjectAfter(i + 1)
	if subj == "" {
		return Claim{}, 0, false // "doubling down": nothing named to double
	}
	c := Claim{Kind: Factor, Dir: f.dir, Factor: f.factor, Subject: subj}
	return s.finish(c, i, last), last, true
}

// fromTo reads "from 6 days to 1" at token i ("from"): two quantities of
// the same kind and different values.
func (s *claimScan) fromTo(i int) (Claim, int, bool) {
	from, end, ok := s.mentionOrBare(i + 1)
	if !ok || s.word(end) != "to" || s.toks[end-1].breakAfter {
		return Claim{}, 0, false
	}
	to, end2, ok := s.mentionOrBare(end + 1)
	if !ok || from.Kind == Number && to.Kind == Number {
		return Claim{}, 0, false // "from 1 to 5": a scale, not a change
	}
	from, to = Align(from, to)
	if !looseSame(from, to) || from.Value == to.Value {
		return Claim{}, 0, false
	}
	d := Up
	if to.Value < from.Value {
		d = Down
	}
	start, subj := i, ""
	if v, _, ok := s.verbBefore(i); ok && !s.claimedBetween(v, i) {
		start, subj = v, s.subjectBetween(v+1, i)
	}
	if subj == "" {
		subj, _ = s.subjectBefore(start)
	}
	c := Claim{Kind: FromTo, Dir: d, From: from, To: to, Subject: subj}
	return s.finish(c, start, end2), end2, true
}

// claimedBetween reports whether a number stands between tokens a and b:
// then the verb at a belongs to it ("reduce X by 75%, from ...").
func (s *claimScan) claimedBetween(a, b int) bool {
	for k := a + 1; k < b; k++ {
		if startsDigit(s.word(k)) {
			return true
		}
	}
	return false
}

// mentionOrBare reads a quantity at token i, or a bare number ("to 1"),
// which takes the other end's unit.
func (s *claimScan) mentionOrBare(i int) (Quantity, int, bool) {
	if q, end, ok := s.mention(i); ok {
		return q, end, true
	}
	if i >= len(s.toks) || !startsDigit(s.word(i)) {
		return Quantity{}, 0, false
	}
	q, err := Parse(strings.TrimRight(emphasisFree(s.text[s.toks[i].start:s.toks[i].end]), " .,;:!?)"))
	if err != nil || q.Kind != Number {
		return Quantity{}, 0, false
	}
	return q, i + 1, true
}

// subjectAfter reads what a claim is about after its change word: "in
// qualified lead conversion", "fewer revision cycles". It returns the
// subject and the index of the token after it.
func (s *claimScan) subjectAfter(j int) (string, int) {
	if j > 0 && j-1 < len(s.toks) && (s.toks[j-1].breakAfter || strings.HasSuffix(s.text[s.toks[j-1].start:s.toks[j-1].end], ",")) {
		return "", j // "triples, because": the clause ends at the comma
	}
	if w := s.word(j); w == "in" || w == "of" || w == "on" {
		j++
	}
	if leadingDeterminers()[s.word(j)] {
		j++
	}
	var words []string
	k := j
	for ; k < len(s.toks) && len(words) < maxSubjectWords; k++ {
		w := s.word(k)
		if w == "" || stopWords()[w] || subjectStops()[w] || s.toks[k].quoted || startsDigit(w) {
			break
		}
		words = append(words, s.rawWord(k))
		if s.toks[k].breakAfter || strings.HasSuffix(s.text[s.toks[k].start:s.toks[k].end], ",") {
			k++
			break
		}
	}
	if len(words) == 0 {
		return "", j
	}
	return strings.Join(words, " "), k
}

// subjectBefore reads the words right before token i that name what
// changes: "conversion up 20%", "builds 2x faster".
func (s *claimScan) subjectBefore(i int) (string, int) {
	var words []string
	k := i - 1
	for ; k >= 0 && len(words) < maxSubjectWords; k-- {
		w := s.word(k)
		if len(words) == 0 && copulas()[w] && !s.toks[k].breakAfter {
			continue
		}
		if w == "" || s.toks[k].breakAfter || stopWords()[w] || subjectStops()[w] || startsDigit(w) {
			break
		}
		if _, verb := changeVerb(w); verb {
			break
		}
		words = append([]string{s.rawWord(k)}, words...)
		if k > 0 && strings.HasSuffix(s.text[s.toks[k-1].start:s.toks[k-1].end], ",") {
			break
		}
	}
	return strings.Join(words, " "), k + 1
}

// subjectBetween is the words from token a up to token b, without a
// leading article: "reduce document review time by 75%" gives "document
// review time", "cut the time to first response by half" gives "time to
// first response". It stops at a number or the end of a clause.
func (s *claimScan) subjectBetween(a, b int) string {
	var words []string
	for k := a; k < b && len(words) < maxSubjectWords; k++ {
		w := s.word(k)
		if len(words) == 0 && (leadingDeterminers()[w] || k == a && w == "up" && s.word(k-1) == "speed") {
			continue // "lower your bill": "bill"; "speed up payouts": "payouts"
		}
		if w == "" || startsDigit(w) || w == "by" || w == "from" || subjectStops()[w] {
			break
		}
		words = append(words, s.rawWord(k))
		if s.toks[k].breakAfter {
			break
		}
	}
	for len(words) > 0 && stopWords()[strings.ToLower(words[len(words)-1])] {
		words = words[:len(words)-1] // "cut close time to": not "to"
	}
	return strings.Join(words, " ")
}

// rawWord is token k as written, without surrounding punctuation or
// emphasis.
func (s *claimScan) rawWord(k int) string {
	raw := s.text[s.toks[k].start:s.toks[k].end]
	return strings.TrimFunc(raw, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// finish sets the claim's text and offsets: tokens from..to-1.
func (s *claimScan) finish(c Claim, from, to int) Claim {
	to = min(max(to, from+1), len(s.toks))
	c.Start, c.End = s.toks[from].start, s.toks[to-1].end
	c.Text = s.textOf(c.Start, c.End)
	return c
}

// textOf is the text from start to end as a claim quotes it: emphasis
// marks and closing punctuation dropped, whitespace folded.
func (s *claimScan) textOf(start, end int) string {
	return strings.Join(strings.Fields(strings.TrimRight(emphasisFree(s.text[start:end]), " ,;:.!?")), " ")
}

// changeVerb reports whether w is a verb (or noun) of change and which
// way it goes; w is lower-case.
func changeVerb(w string) (Direction, bool) {
	if len(w) < 3 {
		return 0, false
	}
	for _, v := range verbsByLetter()[w[0]] {
		if strings.HasPrefix(w, v.stem) && len(w) <= len(v.stem)+4 {
			return v.dir, true
		}
	}
	return 0, false
}

// verbStem is the stem of a verb of change and the direction it says.
type verbStem struct {
	stem string
	dir  Direction
}

// changeVerbs are stems of the verbs a press release claims a change
// with ("reduces", "reducing", "reduced" share "reduc").
var changeVerbs = []verbStem{
	{"reduc", Down}, {"cut", Down}, {"lower", Down}, {"decreas", Down}, {"shrink", Down},
	{"slash", Down}, {"shorten", Down}, {"trim", Down}, {"halv", Down}, {"eliminat", Down},
	{"increas", Up}, {"boost", Up}, {"rais", Up}, {"grow", Up}, {"lift", Up}, {"doubl", Up},
	{"tripl", Up}, {"expand", Up}, {"multipl", Up},
	{"grew", Up}, {"rose", Up}, {"rise", Up}, {"rising", Up}, {"jump", Up}, {"climb", Up},
	{"fell", Down}, {"declin", Down}, {"dropp", Down},
	{"improv", Better}, {"accelerat", Better}, {"speeds", Better}, {"speeding", Better}, {"sped", Better},
}

// verbsByLetter indexes changeVerbs by their first byte: changeVerb runs
// on every word of the parts read. Built on first use.
var verbsByLetter = sync.OnceValue(func() map[byte][]verbStem {
	m := map[byte][]verbStem{}
	for _, v := range changeVerbs {
		m[v.stem[0]] = append(m[v.stem[0]], v)
	}
	return m
})

// changeNouns are the words after a number that make it a change: nouns
// of change and comparatives.
var changeNouns = sync.OnceValue(func() map[string]Direction {
	return map[string]Direction{
		"improvement": Better, "improvements": Better, "better": Better, "faster": Better, "quicker": Better,
		"speedup": Better, "speed-up": Better,
		"increase": Up, "increases": Up, "gain": Up, "gains": Up, "growth": Up, "uplift": Up, "lift": Up,
		"boost": Up, "rise": Up, "more": Up, "higher": Up, "greater": Up, "larger": Up, "bigger": Up,
		"reduction": Down, "reductions": Down, "decrease": Down, "drop": Down, "decline": Down, "cut": Down,
		"fewer": Down, "less": Down, "lower": Down, "cheaper": Down, "shorter": Down, "smaller": Down,
	}
})

// factorWord is a factor said in one word and its direction.
type factorWord struct {
	factor float64
	dir    Direction
}

// factorWords say a factor in one word.
var factorWords = sync.OnceValue(func() map[string]factorWord {
	return map[string]factorWord{
		"doubles": {2, Up}, "doubled": {2, Up}, "doubling": {2, Up},
		"triples": {3, Up}, "tripled": {3, Up}, "tripling": {3, Up},
		"quadruples": {4, Up}, "quadrupled": {4, Up}, "quadrupling": {4, Up},
		"halves": {2, Down}, "halved": {2, Down}, "halving": {2, Down},
	}
})

// subjectStops end a claim's subject besides the stop words.
var subjectStops = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"we": true, "our": true, "your": true, "their": true, "its": true, "it": true, "this": true,
		"so": true, "but": true, "now": true, "today": true, "than": true, "can": true, "will": true,
		"up": true, "down": true,
	}
})

// leadingDeterminers open a subject without naming it.
var leadingDeterminers = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"the": true, "a": true, "an": true, "your": true, "our": true, "their": true, "its": true, "his": true, "her": true,
	}
})

// copulas stand between a subject and its claim ("builds are 2x faster").
var copulas = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"is": true, "are": true, "was": true, "were": true, "be": true, "get": true, "gets": true,
		"run": true, "runs": true, "become": true, "becomes": true,
	}
})

// looseSame reports whether two quantities measure the same thing, leaving
// aside the words after them: "99.9% uptime" and "99.9%" do, "$5" and "€5"
// or "40 tickets" and "30 users" do not.
func looseSame(a, b Quantity) bool {
	if a.Kind == 0 || a.Kind != b.Kind {
		return false
	}
	if a.Kind == Unit {
		return a.Unit == "" || b.Unit == "" || sameText(a.Unit, b.Unit)
	}
	return a.Unit == b.Unit
}
