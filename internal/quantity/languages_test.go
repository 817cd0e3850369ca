package quantity

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The forms in this file are how PRFAQs written in German, Japanese and
// Korean write their metrics, which must be read like English ones.

func TestParseLanguages(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in        string
		kind      Kind
		value     float64
		unit      string
		qualifier string
		bound     string
	}{
		// German durations.
		{"6 Tage", Duration, 6 * day, "", "", ""},
		{"1 Tag", Duration, day, "", "", ""},
		{"3 Tagen", Duration, 3 * day, "", "", ""},
		{"1 Sekunde", Duration, 1, "", "", ""},
		{"30 Sekunden", Duration, 30, "", "", ""},
		{"30 Sek.", Duration, 30, "", "", ""},
		{"1 Minute", Duration, minute, "", "", ""},
		{"45 Minuten", Duration, 45 * minute, "", "", ""},
		{"45 Min.", Duration, 45 * minute, "", "", ""},
		{"1 Stunde", Duration, hour, "", "", ""},
		{"36 Stunden", Duration, 36 * hour, "", "", ""},
		{"3 Std.", Duration, 3 * hour, "", "", ""},
		{"3 Std", Duration, 3 * hour, "", "", ""},
		{"1 Woche", Duration, week, "", "", ""},
		{"2 Wochen", Duration, 2 * week, "", "", ""},
		{"1 Monat", Duration, month, "", "", ""},
		{"3 Monate", Duration, 3 * month, "", "", ""},
		{"3 Monaten", Duration, 3 * month, "", "", ""},
		{"1 Jahr", Duration, year, "", "", ""},
		{"2 Jahre", Duration, 2 * year, "", "", ""},
		{"2 Jahren", Duration, 2 * year, "", "", ""},
		{"250 Millisekunden", Duration, 0.25, "", "", ""},
		{"1 Std. 30 Min.", Duration, 90 * minute, "", "", ""},
		{"1,5 Tage", Duration, 1.5 * day, "", "", ""},
		{"1 tag", Unit, 1, "tag", "", ""}, // lower case: an English tag, not a day
		{"3 std", Unit, 3, "std", "", ""},
		{"10 Werktage", Unit, 10, "werktage", "", ""}, // like "10 business days"

		// German numbers, percentages, money and scales.
		{"12,5 %", Percent, 12.5, "", "", ""},
		{"12,5%", Percent, 12.5, "", "", ""},
		{"12 Prozent", Percent, 12, "", "", ""},
		{"3 Prozentpunkte", Percent, 3, "pp", "", ""},
		{"1 Prozentpunkt", Percent, 1, "pp", "", ""},
		{"1.200.000 Nutzer", Unit, 1200000, "nutzer", "", ""},
		{"1.200,5 Nutzer", Unit, 1200.5, "nutzer", "", ""},
		{"mindestens 1.200 Nutzer", Unit, 1200, "nutzer", "", ">="},
		{"1.200 Nutzer pro Monat", Unit, 1200, "nutzer pro monat", "", ""},
		{"1.500 Anfragen pro Tag", Unit, 1500, "anfragen pro tag", "", ""},
		{"1.500 Stunden", Duration, 1500 * hour, "", "", ""},
		{"300 €", Currency, 300, "EUR", "", ""},
		{"1.200 €", Currency, 1200, "EUR", "", ""},
		{"1.200,50 €", Currency, 1200.5, "EUR", "", ""},
		{"12,50 €", Currency, 12.5, "EUR", "", ""},
		{"1.200 EUR", Currency, 1200, "EUR", "", ""},
		{"€ 1.200 pro Monat", Currency, 1200, "EUR", "pro monat", ""},
		{"1,5 Mio. €", Currency, 1.5e6, "EUR", "", ""},
		{"2 Mrd. EUR", Currency, 2e9, "EUR", "", ""},
		{"300 Tsd. €", Currency, 300000, "EUR", "", ""},
		{"3 Millionen Nutzer", Unit, 3e6, "nutzer", "", ""},
		{"€40k MRR", Currency, 40000, "EUR", "mrr", ""},

		// German bounds.
		{"mindestens 500 Nutzer", Unit, 500, "nutzer", "", ">="},
		{"mind. 500 Nutzer", Unit, 500, "nutzer", "", ">="},
		{"höchstens 3 Tage", Duration, 3 * day, "", "", "<="},
		{"Höchstens 3 Tage", Duration, 3 * day, "", "", "<="},
		{"maximal 200 ms", Duration, 0.2, "", "", "<="},
		{"unter 2 s", Duration, 2, "", "", "<"},
		{"weniger als 1 %", Percent, 1, "", "", "<"},
		{"über 99,9 %", Percent, 99.9, "", "", ">"},
		{"Über 99,9 %", Percent, 99.9, "", "", ">"},
		{"mehr als 40 Tickets", Unit, 40, "tickets", "", ">"},
		{"bis zu 3 Tage", Duration, 3 * day, "", "", "<="},
		{"innerhalb von 2 Tagen", Duration, 2 * day, "", "", "<="},
		{"nicht mehr als 5 Fehler", Unit, 5, "fehler", "", "<="},
		{"ca. 45 %", Percent, 45, "", "", "~"},
		{"etwa 45 %", Percent, 45, "", "", "~"},
		{"5 Tickets oder weniger", Unit, 5, "tickets", "", "<="},
		{"100 Nutzer oder mehr", Unit, 100, "nutzer", "", ">="},

		// Japanese: units after the number, with or without a space.
		{"6日", Duration, 6 * day, "", "", ""},
		{"6 日", Duration, 6 * day, "", "", ""},
		{"6日間", Duration, 6 * day, "", "", ""},
		{"3時間", Duration, 3 * hour, "", "", ""},
		{"30分", Duration, 30 * minute, "", "", ""},
		{"30分間", Duration, 30 * minute, "", "", ""},
		{"45秒", Duration, 45, "", "", ""},
		{"250ミリ秒", Duration, 0.25, "", "", ""},
		{"2週間", Duration, 2 * week, "", "", ""},
		{"3ヶ月", Duration, 3 * month, "", "", ""},
		{"3か月", Duration, 3 * month, "", "", ""},
		{"3カ月", Duration, 3 * month, "", "", ""},
		{"3ヵ月", Duration, 3 * month, "", "", ""},
		{"3ヶ月間", Duration, 3 * month, "", "", ""},
		{"1年", Duration, year, "", "", ""},
		{"1年間", Duration, year, "", "", ""},
		{"1時間30分", Duration, 90 * minute, "", "", ""},
		{"250ミリ秒(p95)", Duration, 0.25, "", "(p95)", ""},
		{"100件", Unit, 100, "件", "", ""},
		{"100 件", Unit, 100, "件", "", ""},
		{"500人", Unit, 500, "人", "", ""},
		{"1,200人", Unit, 1200, "人", "", ""},
		{"3日目", Unit, 3, "日目", "", ""}, // the third day: not a duration
		{"10%", Percent, 10, "", "", ""},
		{"10％", Percent, 10, "", "", ""},
		{"１２％", Percent, 12, "", "", ""}, // full-width digits
		{"１，２００件", Unit, 1200, "件", "", ""},
		{"12.5パーセント", Percent, 12.5, "", "", ""},
		{"3%ポイント", Percent, 3, "pp", "", ""},
		{"1万", Number, 10000, "", "", ""},
		{"1.5万", Number, 15000, "", "", ""},
		{"3億", Number, 3e8, "", "", ""},
		{"1万件", Unit, 10000, "件", "", ""},
		{"10 万件", Unit, 100000, "件", "", ""},
		{"3千万", Number, 3e7, "", "", ""},
		{"500円", Currency, 500, "JPY", "", ""},
		{"3億円", Currency, 3e8, "JPY", "", ""},
		{"¥1万", Currency, 10000, "JPY", "", ""},
		{"2倍", Multiplier, 2, "", "", ""},

		// Japanese bounds.
		{"100件以上", Unit, 100, "件", "", ">="},
		{"3日以下", Duration, 3 * day, "", "", "<="},
		{"30分以内", Duration, 30 * minute, "", "", "<="},
		{"10%未満", Percent, 10, "", "", "<"},
		{"10％未満", Percent, 10, "", "", "<"},
		{"100件超", Unit, 100, "件", "", ">"},
		{"6日以上", Duration, 6 * day, "", "", ">="},
		{"1万件以上", Unit, 10000, "件", "", ">="},
		{"10 万件以上", Unit, 100000, "件", "", ">="},
		{"約10%", Percent, 10, "", "", "~"},
		{"最大3日", Duration, 3 * day, "", "", "<="},
		{"〜3日", Duration, 3 * day, "", "", "<="}, // "up to", not "about"

		// Korean.
		{"6일", Duration, 6 * day, "", "", ""},
		{"3시간", Duration, 3 * hour, "", "", ""},
		{"30분", Duration, 30 * minute, "", "", ""},
		{"45초", Duration, 45, "", "", ""},
		{"2주", Duration, 2 * week, "", "", ""},
		{"2주간", Duration, 2 * week, "", "", ""},
		{"3개월", Duration, 3 * month, "", "", ""},
		{"1년", Duration, year, "", "", ""},
		{"3시간 30분", Duration, 210 * minute, "", "", ""},
		{"100건", Unit, 100, "건", "", ""},
		{"500명", Unit, 500, "명", "", ""},
		{"500 명", Unit, 500, "명", "", ""},
		{"3개", Unit, 3, "개", "", ""},   // items, not months
		{"3분기", Unit, 3, "분기", "", ""}, // a quarter, not minutes
		{"1만", Number, 10000, "", "", ""},
		{"1만 명", Unit, 10000, "명", "", ""},
		{"1만명", Unit, 10000, "명", "", ""},
		{"3억 원", Currency, 3e8, "KRW", "", ""},
		{"5,000원", Currency, 5000, "KRW", "", ""},
		{"3%p", Percent, 3, "pp", "", ""},
		{"2배", Multiplier, 2, "", "", ""},
		{"100건 이상", Unit, 100, "건", "", ">="},
		{"100건이상", Unit, 100, "건", "", ">="},
		{"3일 이하", Duration, 3 * day, "", "", "<="},
		{"3일 이내", Duration, 3 * day, "", "", "<="},
		{"10% 미만", Percent, 10, "", "", "<"},
		{"3초 초과", Duration, 3, "", "", ">"},
		{"최대 3일", Duration, 3 * day, "", "", "<="},
		{"최소 100명", Unit, 100, "명", "", ">="},
		{"약 10%", Percent, 10, "", "", "~"},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): unexpected error %v", tt.in, err)
			continue
		}
		if q.Kind != tt.kind || math.Abs(q.Value-tt.value) > 1e-9*math.Abs(tt.value) || q.Unit != tt.unit || q.Qualifier != tt.qualifier || q.Bound != tt.bound {
			t.Errorf("Parse(%q) = %v %v unit=%q qualifier=%q bound=%q; want %v %v unit=%q qualifier=%q bound=%q",
				tt.in, q.Kind, q.Value, q.Unit, q.Qualifier, q.Bound, tt.kind, tt.value, tt.unit, tt.qualifier, tt.bound)
		}
		if q.Text != strings.TrimSpace(tt.in) {
			t.Errorf("Parse(%q).Text = %q, want the cell as written", tt.in, q.Text)
		}
	}
}

// TestNumberConventions pins the rule that reads German decimal commas and
// dot thousands without ever reading an English number the German way.
func TestNumberConventions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in    string
		value float64 // of the quantity; NaN when the cell is refused
		why   string
	}{
		// English, as before: a comma before three digits groups thousands.
		{"1,200", 1200, "English thousands"},
		{"66,350", 66350, "English thousands"},
		{"1,234,567.89", 1234567.89, "English thousands and decimals"},
		{"1,200 Tage", 1200 * day, "a comma before three digits groups thousands, even in German"},
		{"1.5", 1.5, "English decimal"},
		{"4.0", 4, "English decimal"},
		{".5", 0.5, "English decimal"},
		{"0.125", 0.125, "a lone 0 never starts a group"},
		{"1234.567", 1234.567, "more than three digits before the dot: a decimal"},
		{"99.999%", 99.999, "three decimals of a percentage are English"},
		{"1.500 ms", 0.0015, "three decimals of an English unit"},
		{"$1.125", 1.125, "three decimals after $"},
		{"1.125x", 1.125, "three decimals of a multiplier"},
		{"4.500/5", 0.9, "three decimals of a ratio"},
		{"1 200", 1200, "a space groups thousands"},

		// German decimal commas, which English never writes.
		{"1,5", 1.5, "a comma before one digit is a decimal"},
		{"12,25", 12.25, "a comma before two digits is a decimal"},
		{"1,2345", 1.2345, "a comma before four digits is a decimal"},
		{"0,125", 0.125, "a comma after a lone 0 is a decimal"},
		{"1200,5", 1200.5, "a decimal comma after four digits"},
		{"1 200,5", 1200.5, "a space groups thousands before a decimal comma"},
		{"4,5/5", 0.9, "a ratio with a decimal comma"},

		// German dot thousands where English cannot be meant.
		{"1.200.000", 1200000, "several dot groups"},
		{"1.200,5", 1200.5, "a dot group before a decimal comma"},
		{"1.200 Tage", 1200 * day, "a German unit"},
		{"höchstens 1.200 ms", 1.2, "a German bound"},
		{"1.200 €", 1200, "euros after the number, as continental Europe writes them"},

		// Neither: refused rather than guessed.
		{"1.200", math.NaN(), "a bare number"},
		{"1.200 Nutzer", math.NaN(), "a count without a German word"},
		{"1.200 users", math.NaN(), "a count without a German word"},
		{"1.200 USD", math.NaN(), "dollars written after the number"},
		{"€1.200", math.NaN(), "euros written first, the English way"},
		{"EUR 1.200", math.NaN(), "euros written first, the English way"},
		{"1,200,3", math.NaN(), "a malformed English group"},
		{"1200,300", math.NaN(), "a comma before three digits after four"},
		{"1,5.3", math.NaN(), "a decimal comma, then a point"},
		{"1.200.5", math.NaN(), "a dot group, then a point"},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if math.IsNaN(tt.value) {
			if err == nil {
				t.Errorf("Parse(%q) = %v, want it refused (%s)", tt.in, q.Value, tt.why)
			}
			continue
		}
		if err != nil || math.Abs(q.Value-tt.value) > 1e-9*math.Abs(tt.value) {
			t.Errorf("Parse(%q) = %v, %v; want %v (%s)", tt.in, q.Value, err, tt.value, tt.why)
		}
	}
	_, err := Parse("1.200 Nutzer")
	if err == nil || !strings.Contains(err.Error(), "decimal point in English but groups thousands in German") {
		t.Errorf("Parse(%q) error = %v, want it to say why the dot is ambiguous", "1.200 Nutzer", err)
	}
}

func TestComparableLanguages(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want bool
	}{
		{"6 Tage", "1 Tag", true},
		{"6 Tage", "36 Stunden", true},
		{"6 days", "1 Tag", true},
		{"6日", "1日", true},
		{"6日", "36時間", true},
		{"6일", "1일", true},
		{"6日", "6 days", true},
		{"12,5 %", "20 %", true},
		{"12 Prozent", "15%", true},
		{"3%p", "2pp", true},
		{"3 Prozentpunkte", "3%", false},
		{"1,2 Mio. €", "2 Mio. €", true},
		{"100件", "50件", true},
		{"100件", "1万件以上", true},
		{"500人", "1,200 人", true},
		{"500명", "1만 명", true},
		{"100건", "100건 이상", true},
		{"100件", "100건", false},
		{"500명", "500人", false},
		{"1 tag", "40 tags", true},
		{"1 Tag", "40 tags", false},
		{"500円", "¥1,000", true},
		{"1만 원", "₩5,000", true},
	}
	for _, tt := range tests {
		a, errA := Parse(tt.a)
		b, errB := Parse(tt.b)
		if errA != nil || errB != nil {
			t.Fatalf("Parse(%q), Parse(%q): %v, %v", tt.a, tt.b, errA, errB)
		}
		if got := a.Comparable(b); got != tt.want {
			t.Errorf("Parse(%q).Comparable(Parse(%q)) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := b.Comparable(a); got != tt.want {
			t.Errorf("Parse(%q).Comparable(Parse(%q)) = %v, want %v (Comparable must be symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
	if msg := Mismatch("Baseline", mustParse(t, "100件"), "Target", mustParse(t, "100건")); !strings.Contains(msg, `count different things ("件" vs "건")`) {
		t.Errorf("Mismatch(100件, 100건) = %q", msg)
	}
}

func mustParse(t *testing.T, s string) Quantity {
	t.Helper()
	q, err := Parse(s)
	if err != nil {
		t.Fatalf("Parse(%q): %v", s, err)
	}
	return q
}

func TestParseLanguagesRejects(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"10 bis 20 Tage", "ranges are not supported"},
		{"10〜20%", "ranges are not supported"},
		{"10～20%", "ranges are not supported"},
		{"10~20%", "ranges are not supported"},
		{"30.06.2027", "this is a date, not a quantity"},
		{"Ende 2027", "this is a date, not a quantity"},
		{"Dez. 2027", "this is a date, not a quantity"},
		{"2027年", "this is a date, not a quantity"},
		{"2027年6月", "this is a date, not a quantity"},
		{"２０２７年６月", "this is a date, not a quantity"},
		{"2027년 6월", "this is a date, not a quantity"},
		{"１２,５.３％", "groups of three digits"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		var pe *ParseError
		if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.As(err, &pe) || pe.Input != tt.in {
			t.Errorf("Parse(%q) error = %v, want a *ParseError containing %q", tt.in, err, tt.want)
		}
	}
}

func TestParseDateLanguages(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in         string
		start, end string
		precision  Precision
	}{
		// German.
		{"Dez. 2027", "2027-12-01", "2027-12-31", Month},
		{"Dezember 2027", "2027-12-01", "2027-12-31", Month},
		{"März 2027", "2027-03-01", "2027-03-31", Month},
		{"Mai 2027", "2027-05-01", "2027-05-31", Month},
		{"Okt. 2027", "2027-10-01", "2027-10-31", Month},
		{"Jänner 2028", "2028-01-01", "2028-01-31", Month},
		{"30. Juni 2027", "2027-06-30", "2027-06-30", Day},
		{"30 Juni 2027", "2027-06-30", "2027-06-30", Day},
		{"30.06.2027", "2027-06-30", "2027-06-30", Day},
		{"1.6.2027", "2027-06-01", "2027-06-01", Day},
		{"Q3 2027", "2027-07-01", "2027-09-30", Quarter},
		{"Ende 2027", "2027-01-01", "2027-12-31", Year},
		{"Ende Q3 2027", "2027-07-01", "2027-09-30", Quarter},
		{"Ende Dez. 2027", "2027-12-01", "2027-12-31", Month},
		{"Mitte 2027", "2027-01-01", "2027-06-30", Half},
		{"Mitte Dezember 2027", "2027-12-15", "2027-12-15", Day},
		{"Anfang 2027", "2027-01-01", "2027-03-31", Quarter},
		{"Anfang Q3 2027", "2027-07-01", "2027-07-31", Month},
		{"Jahresende 2027", "2027-01-01", "2027-12-31", Year},
		{"bis Ende 2027", "2027-01-01", "2027-12-31", Year},
		{"bis zum 30.06.2027", "2027-06-30", "2027-06-30", Day},
		{"spätestens 30.06.2027", "2027-06-30", "2027-06-30", Day},
		{"im Q3 2027", "2027-07-01", "2027-09-30", Quarter},

		// Japanese.
		{"2027年", "2027-01-01", "2027-12-31", Year},
		{"2027年6月", "2027-06-01", "2027-06-30", Month},
		{"2027年06月", "2027-06-01", "2027-06-30", Month},
		{"2027 年 6 月", "2027-06-01", "2027-06-30", Month},
		{"2027年6月30日", "2027-06-30", "2027-06-30", Day},
		{"２０２７年６月３０日", "2027-06-30", "2027-06-30", Day},
		{"2027年Q3", "2027-07-01", "2027-09-30", Quarter},
		{"2027年 Q3", "2027-07-01", "2027-09-30", Quarter},
		{"2027年第3四半期", "2027-07-01", "2027-09-30", Quarter},
		{"2027年上半期", "2027-01-01", "2027-06-30", Half},
		{"2027年下期", "2027-07-01", "2027-12-31", Half},
		{"2027年後半", "2027-07-01", "2027-12-31", Half},
		{"2027年末", "2027-01-01", "2027-12-31", Year},
		{"2027年内", "2027-01-01", "2027-12-31", Year},
		{"2027年初め", "2027-01-01", "2027-03-31", Quarter},
		{"2027年半ば", "2027-01-01", "2027-06-30", Half},
		{"2027年6月末", "2027-06-01", "2027-06-30", Month},
		{"2027年6月末日", "2027-06-30", "2027-06-30", Day},
		{"2027年6月上旬", "2027-06-10", "2027-06-10", Day},
		{"2027年6月中旬", "2027-06-15", "2027-06-15", Day},
		{"2027年6月下旬", "2027-06-30", "2027-06-30", Day},
		{"2027年Q3末", "2027-07-01", "2027-09-30", Quarter},
		{"2027年6月まで", "2027-06-01", "2027-06-30", Month},
		{"2027年6月末までに", "2027-06-01", "2027-06-30", Month},

		// Korean.
		{"2027년", "2027-01-01", "2027-12-31", Year},
		{"2027년 6월", "2027-06-01", "2027-06-30", Month},
		{"2027년6월", "2027-06-01", "2027-06-30", Month},
		{"2027년 6월 30일", "2027-06-30", "2027-06-30", Day},
		{"2027년 3분기", "2027-07-01", "2027-09-30", Quarter},
		{"2027년 Q3", "2027-07-01", "2027-09-30", Quarter},
		{"2027년 상반기", "2027-01-01", "2027-06-30", Half},
		{"2027년 하반기", "2027-07-01", "2027-12-31", Half},
		{"2027년 말", "2027-01-01", "2027-12-31", Year},
		{"2027년말", "2027-01-01", "2027-12-31", Year},
		{"2027년 초", "2027-01-01", "2027-03-31", Quarter},
		{"2027년 6월 말", "2027-06-01", "2027-06-30", Month},
		{"2027년 6월 중순", "2027-06-15", "2027-06-15", Day},
		{"2027년 6월까지", "2027-06-01", "2027-06-30", Month},
		{"2027. 6. 30.", "2027-06-30", "2027-06-30", Day},
		{"2027.06.30", "2027-06-30", "2027-06-30", Day},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): unexpected error %v", tt.in, err)
			continue
		}
		if !d.Start.Equal(utcDay(tt.start)) || !d.End.Equal(utcDay(tt.end)) || d.Precision != tt.precision {
			t.Errorf("ParseDate(%q) = %s..%s %v, want %s..%s %v", tt.in,
				d.Start.Format(time.DateOnly), d.End.Format(time.DateOnly), d.Precision, tt.start, tt.end, tt.precision)
		}
		if d.Text != strings.TrimSpace(tt.in) {
			t.Errorf("ParseDate(%q).Text = %q, want the cell as written", tt.in, d.Text)
		}
	}
}

func TestParseDateLanguagesRejects(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"31.06.2027", "June 2027 has 30 days, not 31"},
		{"30.13.2027", "month 13 does not exist"},
		{"06/30/2027", "want a date as YYYY-MM-DD"},
		{"30.06.27", "want a date as YYYY-MM-DD"},
		{"2027年13月", "month 13 does not exist"},
		{"2027年2月30日", "February 2027 has 28 days, not 30"},
		{"2027年第5四半期", "Q5 does not exist"},
		{"6月30日", "want a date as YYYY-MM-DD"}, // no year
		{"2027年6月30", "want a date as YYYY-MM-DD"},
		{"2027年度", "fiscal years and quarters differ between companies"},
		{"2027年度末", "fiscal years and quarters differ"},
		{"2027年度上半期", "fiscal years and quarters differ"},
		{"2027년도", "fiscal years and quarters differ"},
		{"2027 회계연도", "fiscal years and quarters differ"},
		{"Ende 2027年末", "want a date as YYYY-MM-DD"}, // two modifiers
		{"2027年6月30日下旬", "early, mid and late need a period longer than a day"},
		{"30 Tage nach Launch", "write the calendar date it falls on"},
		{"Woche 4", "write the calendar date it falls on"},
		{"KW 27", "write the calendar date it falls on"},
		{"ローンチ後30日", "write the calendar date it falls on"},
		{"リリースから3ヶ月後", "write the calendar date it falls on"},
		{"출시 후 3개월", "write the calendar date it falls on"},
		{"4주차", "write the calendar date it falls on"},
	}
	for _, tt := range tests {
		_, err := ParseDate(tt.in)
		var pe *ParseError
		if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.As(err, &pe) || pe.What != "date" {
			t.Errorf("ParseDate(%q) error = %v, want a *ParseError containing %q", tt.in, err, tt.want)
		}
	}
}

func TestFindLanguages(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string // "" when no quantity
		kind Kind
	}{
		{"Mindestens 1.200 Nutzer bis Ende 2027", "1200 Nutzer", Unit},
		{"Abschlussdauer von 6 Tagen auf 1 Tag", "6 Tagen", Duration},
		{"3 Anrufe pro Woche", "3 Anrufe pro Woche", Unit},
		{"12,5 % weniger Tickets", "12,5 % weniger Tickets", Percent},
		{"1.200 aktive Nutzer", "", 0}, // "1.200" is ambiguous here
		{"年間 10 万件以上の書類を処理", "10 万 件", Unit},
		{"残業時間を30%削減", "30% 削減", Percent},
		{"２０２７年に１２％増", "12％ 増", Percent},
		{"2027年6月までに 100 社", "100 社", Unit},
		{"デプロイ時間 30 分", "30 分", Duration},
		{"2027年に開始", "", 0},
		{"월간 사용자 1만 명 달성", "1만 명", Unit},
		{"2027년까지 고객 500명", "500 명", Unit},
	}
	for _, tt := range tests {
		q, ok := Find(tt.in)
		if ok != (tt.want != "") || q.Text != tt.want || q.Kind != tt.kind {
			t.Errorf("Find(%q) = %q %v %v, want %q %v", tt.in, q.Text, q.Kind, ok, tt.want, tt.kind)
		}
	}
}

// TestMaxCJKUnit keeps maxCJKUnit at least as long as the longest
// Japanese or Korean duration unit, which would otherwise never be tried.
func TestMaxCJKUnit(t *testing.T) {
	t.Parallel()
	for w := range durationUnits() {
		if first, _ := utf8.DecodeRuneInString(w); isCJK(first) && utf8.RuneCountInString(w) > maxCJKUnit {
			t.Errorf("duration unit %q has %d characters, more than maxCJKUnit (%d)", w, utf8.RuneCountInString(w), maxCJKUnit)
		}
	}
}

// TestGermanWordsAreRead keeps germanWords to words the tables read, so
// that it does not drift from them.
func TestGermanWordsAreRead(t *testing.T) {
	t.Parallel()
	known := map[string]bool{}
	add := func(phrase string) {
		for _, w := range strings.FieldsFunc(phrase, func(r rune) bool { return r == ' ' || r == '.' }) {
			known[w] = true
		}
	}
	for w := range durationUnits() {
		add(w)
	}
	for _, tables := range [][]string{deadlineWords, rangeWords} {
		for _, w := range tables {
			add(w)
		}
	}
	for _, m := range percentMarkers {
		add(m.marker)
	}
	for _, b := range boundPrefixes {
		add(b.prefix)
	}
	for _, b := range boundSuffixes {
		add(b.suffix)
	}
	for _, s := range scaleWords {
		add(s.word)
	}
	for w := range germanWords() {
		if !known[w] && w != "je" {
			t.Errorf("germanWords has %q, which no table reads", w)
		}
	}
}
