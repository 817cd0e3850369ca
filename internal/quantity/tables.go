package quantity

import (
	"strings"
	"sync"
)

// The tables in this file are read-only: nothing in the package writes to
// them after initialisation. Those that need code to build (maps, the
// replacer) are built on first use, so that no run of git-prfaq pays for
// them at start (docs/performance.md, "Start-up"); lists of constants
// need none.

// currencySymbols maps the symbols written around an amount to ISO 4217
// codes. Longer symbols come first so that "US$" wins over "$".
var currencySymbols = []struct{ symbol, code string }{
	{"US$", "USD"}, {"CA$", "CAD"}, {"AU$", "AUD"}, {"NZ$", "NZD"}, {"HK$", "HKD"},
	{"CN¥", "CNY"}, {"JP¥", "JPY"},
	{"A$", "AUD"}, {"C$", "CAD"}, {"S$", "SGD"}, {"R$", "BRL"},
	{"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}, {"￥", "JPY"},
	{"₹", "INR"}, {"₩", "KRW"}, {"₺", "TRY"}, {"₪", "ILS"}, {"₱", "PHP"},
	// Japanese and Korean write the currency as a word after the amount:
	// "1万円", "5,000원".
	{"円", "JPY"}, {"원", "KRW"},
}

// dotThousandsCurrency reports whether code is a currency whose writers
// group thousands with dots when they write the currency after the
// amount, as continental Europe does: "1.200 €" is twelve hundred euros.
// "€1.200", written the English way, is refused rather than guessed at.
func dotThousandsCurrency(code string) bool { return code == "EUR" }

// currencyCodes are the ISO 4217 codes recognised when written in upper case
// before or after an amount. Codes that read like English words or units
// (ALL, TOP, MOP, CUP, GEL, PHP) are left out on purpose.
var currencyCodes = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"USD": true, "EUR": true, "GBP": true, "JPY": true, "CNY": true, "CHF": true,
		"CAD": true, "AUD": true, "NZD": true, "SEK": true, "NOK": true, "DKK": true,
		"ISK": true, "PLN": true, "CZK": true, "HUF": true, "RON": true, "BGN": true,
		"INR": true, "BRL": true, "MXN": true, "ARS": true, "CLP": true, "COP": true,
		"PEN": true, "KRW": true, "SGD": true, "HKD": true, "TWD": true, "THB": true,
		"IDR": true, "MYR": true, "VND": true, "ZAR": true, "NGN": true, "KES": true,
		"EGP": true, "ILS": true, "TRY": true, "AED": true, "SAR": true, "UAH": true,
	}
})

// scaleWords are the spelled-out scales, matched case-insensitively and
// possibly after a space: "$2 bn", "3 million users", "1,5 Mio. €",
// "1万件". Longer words come first, so that "千万" is not read as "千".
// German "Billion" is 10^12 and is left out, since English "billion" is
// read as 10^9.
var scaleWords = []struct {
	word  string
	pow10 int
}{
	{"bn", 9}, {"thousand", 3}, {"million", 6}, {"billion", 9}, {"trillion", 12},
	// German.
	{"tsd.", 3}, {"tsd", 3}, {"tausend", 3}, {"mio.", 6}, {"mio", 6}, {"millionen", 6},
	{"mrd.", 9}, {"mrd", 9}, {"milliarden", 9},
	// Japanese: 万 is 10^4, 億 10^8.
	{"千万", 7}, {"百万", 6}, {"千", 3}, {"万", 4}, {"億", 8}, {"兆", 12},
	// Korean: 만 is 10^4, 억 10^8.
	{"천만", 7}, {"천", 3}, {"만", 4}, {"억", 8}, {"조", 12},
}

// durationUnit converts a count of the unit to seconds: count × 10^pow10 ×
// factor. Sub-second units use pow10 so that 250 ms is exactly 0.25 s.
type durationUnit struct {
	factor float64
	pow10  int
}

// seconds is the size of one unit, used to check that the parts of a
// compound duration ("1 h 30 min") go from the largest unit to the smallest.
func (u durationUnit) seconds() float64 {
	s := u.factor
	for i := 0; i > u.pow10; i-- {
		s /= 10
	}
	return s
}

const (
	minute = 60
	hour   = 60 * minute
	day    = 24 * hour
	week   = 7 * day
	month  = 30 * day  // for ordering only: months vary
	year   = 365 * day // for ordering only: leap years are ignored
)

// durationUnits maps unit names to their size. A name in lower case matches
// in any case; a name with a capital matches only as written, for German
// nouns that are English words in lower case ("1 Tag" is a day, "1 tag"
// counts tags). "m" is missing on purpose: it is minutes to some writers
// and metres to others. Japanese "月" alone is a month of the calendar
// (3月 is March), so only "ヶ月" and its variants are months. Japanese and
// Korean units may touch the number and the bound after them ("6日以上"):
// see cutDurationUnit.
var durationUnits = sync.OnceValue(func() map[string]durationUnit {
	return map[string]durationUnit{
		"ns": {1, -9}, "nsec": {1, -9}, "nanosecond": {1, -9}, "nanoseconds": {1, -9},
		"µs": {1, -6}, "μs": {1, -6}, "us": {1, -6}, "usec": {1, -6},
		"microsecond": {1, -6}, "microseconds": {1, -6},
		"ms": {1, -3}, "msec": {1, -3}, "msecs": {1, -3},
		"millisecond": {1, -3}, "milliseconds": {1, -3},
		"s": {1, 0}, "sec": {1, 0}, "secs": {1, 0}, "second": {1, 0}, "seconds": {1, 0},
		"min": {minute, 0}, "mins": {minute, 0}, "minute": {minute, 0}, "minutes": {minute, 0},
		"h": {hour, 0}, "hr": {hour, 0}, "hrs": {hour, 0}, "hour": {hour, 0}, "hours": {hour, 0},
		"d": {day, 0}, "day": {day, 0}, "days": {day, 0},
		"w": {week, 0}, "wk": {week, 0}, "wks": {week, 0}, "week": {week, 0}, "weeks": {week, 0},
		"mo": {month, 0}, "mos": {month, 0}, "month": {month, 0}, "months": {month, 0},
		"y": {year, 0}, "yr": {year, 0}, "yrs": {year, 0}, "year": {year, 0}, "years": {year, 0},

		// German.
		"millisekunde": {1, -3}, "millisekunden": {1, -3},
		"sekunde": {1, 0}, "sekunden": {1, 0}, "sek": {1, 0}, "minuten": {minute, 0},
		"stunde": {hour, 0}, "stunden": {hour, 0}, "Std": {hour, 0},
		"Tag": {day, 0}, "tage": {day, 0}, "tagen": {day, 0},
		"woche": {week, 0}, "wochen": {week, 0},
		"monat": {month, 0}, "monate": {month, 0}, "monaten": {month, 0},
		"jahr": {year, 0}, "jahre": {year, 0}, "jahren": {year, 0},

		// Japanese; 間 ("for") may follow.
		"ナノ秒": {1, -9}, "マイクロ秒": {1, -6}, "ミリ秒": {1, -3},
		"秒": {1, 0}, "秒間": {1, 0}, "分": {minute, 0}, "分間": {minute, 0}, "時間": {hour, 0},
		"日": {day, 0}, "日間": {day, 0}, "週": {week, 0}, "週間": {week, 0},
		"ヶ月": {month, 0}, "ヵ月": {month, 0}, "か月": {month, 0}, "カ月": {month, 0}, "ケ月": {month, 0}, "箇月": {month, 0},
		"ヶ月間": {month, 0}, "ヵ月間": {month, 0}, "か月間": {month, 0}, "カ月間": {month, 0},
		"年": {year, 0}, "年間": {year, 0},

		// Korean; 간 ("for") may follow.
		"밀리초": {1, -3}, "초": {1, 0}, "분": {minute, 0}, "시간": {hour, 0},
		"일": {day, 0}, "일간": {day, 0}, "주": {week, 0}, "주간": {week, 0}, "주일": {week, 0},
		"개월": {month, 0}, "개월간": {month, 0}, "년": {year, 0}, "년간": {year, 0},
	}
})

// percentMarkers follow the number of a percentage. Longer markers come
// first so that "percentage points" is not read as "percent".
var percentMarkers = []struct{ marker, unit string }{
	{"percentage points", "pp"}, {"percentage point", "pp"}, {"p.p.", "pp"}, {"pp", "pp"},
	// German, Japanese and Korean points: "3 Prozentpunkte", "3%ポイント", "3%p".
	{"prozentpunkte", "pp"}, {"prozentpunkt", "pp"},
	{"%ポイント", "pp"}, {"％ポイント", "pp"}, {"%p", "pp"}, {"％p", "pp"}, {"퍼센트포인트", "pp"},
	{"%", ""}, {"％", ""}, {"percent", ""}, {"per cent", ""}, {"pct", ""},
	{"prozent", ""}, {"パーセント", ""}, {"퍼센트", ""},
}

// multiplierMarks follow the number of a multiplier: "2x", "1.5×",
// Japanese "2倍", Korean "2배".
var multiplierMarks = []string{"x", "×", "倍", "배"}

// Bound values kept in Quantity.Bound.
const (
	About       = "~"
	Below       = "<"
	AtMost      = "<="
	Above       = ">"
	AtLeast     = ">="
	boundSuffix = "+" // "10k+" means at least 10k
)

// boundPrefixes are the qualifiers people put before a number. Longer
// prefixes come first so that "<=" is not read as "<" and "maximum of" not
// as "maximum".
var boundPrefixes = []struct{ prefix, bound string }{
	{"<=", AtMost}, {">=", AtLeast}, {"=<", AtMost}, {"=>", AtLeast},
	{"≤", AtMost}, {"≥", AtLeast}, {"⩽", AtMost}, {"⩾", AtLeast}, {"≦", AtMost}, {"≧", AtLeast},
	{"<", Below}, {">", Above}, {"~", About}, {"≈", About},
	{"less than or equal to", AtMost}, {"more than or equal to", AtLeast}, {"greater than or equal to", AtLeast},
	{"no more than", AtMost}, {"no less than", AtLeast}, {"no fewer than", AtLeast},
	{"not more than", AtMost}, {"not less than", AtLeast}, {"not exceeding", AtMost},
	{"at or below", AtMost}, {"at or above", AtLeast},
	{"at most", AtMost}, {"at least", AtLeast}, {"up to", AtMost}, {"within", AtMost},
	{"maximum of", AtMost}, {"minimum of", AtLeast}, {"maximum", AtMost}, {"minimum", AtLeast},
	{"max.", AtMost}, {"max", AtMost}, {"min.", AtLeast}, {"min", AtLeast},
	{"more than", Above}, {"greater than", Above}, {"higher than", Above},
	{"less than", Below}, {"fewer than", Below}, {"lower than", Below},
	{"over", Above}, {"above", Above}, {"under", Below}, {"below", Below},
	{"approximately", About}, {"approx.", About}, {"approx", About}, {"about", About},
	{"around", About}, {"circa", About}, {"roughly", About},

	// German.
	{"nicht mehr als", AtMost}, {"nicht weniger als", AtLeast},
	{"mindestens", AtLeast}, {"mind.", AtLeast}, {"höchstens", AtMost}, {"maximal", AtMost},
	{"bis zu", AtMost}, {"innerhalb von", AtMost}, {"innerhalb", AtMost}, {"binnen", AtMost},
	{"mehr als", Above}, {"über", Above}, {"ueber", Above},
	{"weniger als", Below}, {"unter", Below},
	{"ca.", About}, {"etwa", About}, {"rund", About}, {"ungefähr", About},

	// Japanese ("〜3日" is "up to 3 days", not "about") and Korean.
	{"最大", AtMost}, {"最長", AtMost}, {"最低", AtLeast}, {"最小", AtLeast}, {"約", About}, {"およそ", About},
	{"〜", AtMost}, {"～", AtMost},
	{"최대", AtMost}, {"최소", AtLeast}, {"약", About},
}

// boundSuffixes are the bounds people write after a quantity: "5 tickets
// or fewer", "200 ms max". They are matched as whole words at the end of
// the lower-cased unit or qualifier. "min" is missing on purpose: it ends
// "requests per min".
var boundSuffixes = []struct{ suffix, bound string }{
	{"or more", AtLeast}, {"or higher", AtLeast}, {"or greater", AtLeast}, {"or above", AtLeast},
	{"or over", AtLeast}, {"and above", AtLeast}, {"and up", AtLeast}, {"and over", AtLeast},
	{"at least", AtLeast}, {"minimum", AtLeast},
	{"or less", AtMost}, {"or fewer", AtMost}, {"or lower", AtMost}, {"or below", AtMost},
	{"or under", AtMost}, {"and below", AtMost}, {"and under", AtMost},
	{"at most", AtMost}, {"at the most", AtMost}, {"maximum", AtMost}, {"max", AtMost},
	{"or so", About},

	// German.
	{"oder mehr", AtLeast}, {"und mehr", AtLeast}, {"oder höher", AtLeast}, {"mindestens", AtLeast},
	{"oder weniger", AtMost}, {"oder niedriger", AtMost}, {"höchstens", AtMost}, {"maximal", AtMost},

	// Japanese and Korean, which may touch the unit: "100件以上", "3일 이내".
	{"以上", AtLeast}, {"以下", AtMost}, {"以内", AtMost}, {"未満", Below}, {"超", Above}, {"程度", About},
	{"이상", AtLeast}, {"이하", AtMost}, {"이내", AtMost}, {"미만", Below}, {"초과", Above}, {"정도", About},
}

// germanWords say that a cell is written the German way, where a dot
// before three digits groups thousands ("mindestens 1.200 Nutzer", "1.500
// Anfragen pro Tag"): the words of the tables above that only German uses,
// and "je". They are matched as whole words, in any case if written here
// in lower case, and only as written if with a capital: "Tag" and "Std"
// are English words too in lower case.
var germanWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"Tag": true, "Std": true, "je": true,
		"sekunde": true, "sekunden": true, "sek": true, "millisekunde": true, "millisekunden": true,
		"minuten": true, "stunde": true, "stunden": true, "tage": true, "tagen": true,
		"woche": true, "wochen": true, "monat": true, "monate": true, "monaten": true,
		"jahr": true, "jahre": true, "jahren": true,
		"prozent": true, "prozentpunkt": true, "prozentpunkte": true,
		"tsd": true, "tausend": true, "mio": true, "millionen": true, "mrd": true, "milliarden": true,
		"mindestens": true, "mind": true, "höchstens": true, "maximal": true, "bis": true, "zu": true,
		"innerhalb": true, "binnen": true, "mehr": true, "weniger": true, "als": true, "nicht": true,
		"über": true, "ueber": true, "unter": true, "etwa": true, "rund": true, "ungefähr": true,
		"oder": true, "und": true, "höher": true, "niedriger": true,
	}
})

// numberWords are the small numbers people spell out: "Zero critical bugs",
// "top ten".
var numberWords = []struct{ word, digits string }{
	{"zero", "0"}, {"one", "1"}, {"two", "2"}, {"three", "3"}, {"four", "4"}, {"five", "5"},
	{"six", "6"}, {"seven", "7"}, {"eight", "8"}, {"nine", "9"}, {"ten", "10"},
	{"eleven", "11"}, {"twelve", "12"},
}

// rangeWords join the two numbers of a range, which is rejected: "10-20%",
// "10 to 20", German "10 bis 20", Japanese "10〜20%".
var rangeWords = []string{"-", "–", "—", "−", "~", "〜", "～", "to", "bis"}

// rankPrefixes introduce a position in a ranking: "top 3", "#1", "No. 1",
// "rank 2". "top N" means the N-th place or better, so its bound is "<=".
// Each must be followed by a number (after an optional space, "-" or "#").
var rankPrefixes = []struct{ prefix, bound string }{
	{"#", ""}, {"№", ""}, {"no.", ""}, {"nr.", ""}, {"number", ""},
	{"ranked", ""}, {"ranking", ""}, {"rank", ""}, {"top", AtMost},
}

// rankNouns may follow a rank without saying what is ranked: "3rd place",
// "#1 spot". They are dropped, so "#1 spot" compares with "1st".
var rankNouns = []string{"place", "position", "spot", "rank", "ranking"}

// ordinalSuffixes follow the number of a rank: "1st", "22nd", "3rd", "4th".
var ordinalSuffixes = []string{"st", "nd", "rd", "th"}

// statisticWords name the statistic a value is: "p95", "median". Mean and
// average are what a value without one is taken to be.
var statisticWords = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"median": "p50", "mean": statMean, "average": statMean, "avg": statMean,
	}
})

// statMean is the statistic of an average, written or not.
const statMean = "mean"

// monthNames maps month names and their abbreviations, lower-case, to
// months: "Dec", "December", "Sept".
var monthNames = sync.OnceValue(func() map[string]int {
	return map[string]int{
		"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
		"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
		"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
		"oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,

		// German ("Dez. 2027", "30. Juni 2027"); "Jänner" is Austrian.
		"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mär": 3, "mrz": 3, "mai": 5,
		"juni": 6, "juli": 7, "okt": 10, "oktober": 10, "dez": 12, "dezember": 12,
	}
})

// deadlineWords may open a By cell without changing it: "by 2027-06-30",
// "in Q3 2027". Longer phrases come first.
var deadlineWords = []string{"no later than", "not later than", "due by", "due", "by", "in", "until", "till", "on",
	"spätestens bis zum", "spätestens bis", "spätestens am", "spätestens", "bis zum", "bis zur", "bis", "im", "am", "zum"}

// deadlineSuffixes may close a Japanese or Korean By cell without
// changing it: "2027年6月まで", "2027년 6월까지".
var deadlineSuffixes = []string{"までに", "まで", "迄", "까지"}

// A dateModifier picks a part of a period: the end (the period itself,
// since a period counts as its last day), its early, middle or late part.
type dateModifier int

const (
	modNone dateModifier = iota
	modEnd
	modEarly
	modMid
	modLate
)

// dateModifiers open a By cell such as "end of Q3 2027" or "mid-2027".
// Longer phrases come first; those marked yearOnly need a bare year after
// them ("year-end 2027").
var dateModifiers = []struct {
	prefix   string
	mod      dateModifier
	yearOnly bool
}{
	{"the end of", modEnd, false}, {"end of", modEnd, false},
	{"the middle of", modMid, false}, {"middle of", modMid, false},
	{"the start of", modEarly, false}, {"start of", modEarly, false},
	{"the beginning of", modEarly, false}, {"beginning of", modEarly, false},
	{"year-end", modEnd, true}, {"year end", modEnd, true}, {"eoy", modEnd, true},
	{"mid-year", modMid, true}, {"midyear", modMid, true},
	{"early", modEarly, false}, {"mid", modMid, false}, {"late", modLate, false}, {"end", modEnd, false},

	// German: "Ende 2027", "Mitte Dezember 2027", "Anfang Q3 2027".
	{"jahresende", modEnd, true}, {"jahresmitte", modMid, true}, {"jahresanfang", modEarly, true},
	{"ende", modEnd, false}, {"anfang", modEarly, false}, {"beginn", modEarly, false}, {"mitte", modMid, false},
}

// dateSuffixModifiers close a Japanese or Korean By cell and pick a part
// of the period before them, as dateModifiers do: "2027年末" (the end of
// 2027), "2027年6月下旬" (late June), "2027년 6월 말". Longer ones come first.
var dateSuffixModifiers = []struct {
	suffix string
	mod    dateModifier
}{
	{"末日", modLate}, {"末", modEnd}, {"内", modEnd}, {"初め", modEarly}, {"初頭", modEarly}, {"初", modEarly},
	{"半ば", modMid}, {"上旬", modEarly}, {"中旬", modMid}, {"下旬", modLate},
	{"말", modEnd}, {"초순", modEarly}, {"상순", modEarly}, {"초", modEarly}, {"중반", modMid},
	{"중순", modMid}, {"하순", modLate},
}

// The marks of a Japanese or Korean date, which follow its numbers:
// "2027年6月30日", "2027년 6월 30일". A fiscal year ("2027年度") is
// refused, as "FY27" is, because fiscal years differ between companies.
var (
	yearMarks       = []string{"年", "년"}
	fiscalYearMarks = []string{"年度", "년도", "회계연도"}
	monthMarks      = []string{"月", "월"}
	dayMarks        = []string{"日", "일"}
)

// quarterMarks write a quarter around its number: "第3四半期", "3분기".
var quarterMarks = []struct{ before, after string }{{"第", "四半期"}, {"", "四半期"}, {"", "분기"}}

// halfWords name a half of a Japanese or Korean year: "2027年上半期",
// "2027년 하반기".
var halfWords = sync.OnceValue(func() map[string]int {
	return map[string]int{
		"上半期": 1, "上期": 1, "前半": 1, "下半期": 2, "下期": 2, "後半": 2,
		"상반기": 1, "전반기": 1, "하반기": 2, "후반기": 2,
	}
})

// relativeWords in a By cell that is not a date mark a deadline relative
// to something else ("30 days after launch", "Week 4"), which needs the
// calendar date instead.
var relativeWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"launch": true, "launched": true, "launching": true, "after": true, "post-launch": true,
		"ga": true, "release": true, "kickoff": true, "week": true, "weeks": true,
		"sprint": true, "day": true, "days": true, "month": true, "months": true,
		// German: "30 Tage nach Launch", "Woche 4", "KW 27".
		"nach": true, "einführung": true, "markteinführung": true, "woche": true, "wochen": true, "kw": true,
		"tage": true, "tagen": true, "monat": true, "monate": true, "monaten": true,
		// Japanese and Korean, matched anywhere: "ローンチ後30日", "출시 후 3개월".
		"後": true, "ローンチ": true, "リリース": true, "週目": true, "출시": true, "이후": true, "주차": true, "런칭": true,
	}
})

// stopWords end the words that Find takes as a unit or qualifier: "90%
// reduction in time" is "90% reduction".
var stopWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"a": true, "an": true, "the": true, "in": true, "on": true, "at": true, "by": true,
		"for": true, "of": true, "to": true, "from": true, "with": true, "within": true,
		"across": true, "over": true, "under": true, "after": true, "before": true,
		"during": true, "and": true, "or": true, "than": true, "vs": true, "versus": true,
		"while": true, "when": true, "since": true, "as": true, "via": true, "into": true,
		"among": true, "between": true, "through": true, "using": true, "per": true,
		"is": true, "are": true, "be": true, "that": true, "which": true, "who": true,
		"compared": true, "each": true, "every": true,
		// German: "6 Tage bis zum Abschluss", "3 Anrufe pro Woche".
		"der": true, "die": true, "das": true, "den": true, "dem": true, "des": true,
		"ein": true, "eine": true, "einen": true, "einem": true, "einer": true,
		"im": true, "am": true, "um": true, "auf": true, "von": true, "vom": true, "bis": true,
		"für": true, "mit": true, "und": true, "oder": true, "zu": true, "zum": true, "zur": true,
		"bei": true, "nach": true, "vor": true, "seit": true, "aus": true, "als": true, "gegenüber": true,
		"statt": true, "durch": true, "innerhalb": true, "über": true, "unter": true, "während": true,
		"ist": true, "sind": true, "pro": true, "je": true,
	}
})

// perWord reports whether w is one of the stop words after which Find keeps one more word, as
// the rate of a count: "3 calls per week", "3 Anrufe pro Woche".
func perWord(w string) bool { return w == "per" || w == "pro" || w == "je" }

// irregularPlurals lets "1 person" compare with "5 people".
var irregularPlurals = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"person": "people", "child": "children", "man": "men", "woman": "women",
	}
})

// spaceSeparators may group thousands: "1 200", with a plain, no-break,
// narrow no-break or thin space.
var spaceSeparators = []string{" ", "\u00a0", "\u202f", "\u2009"}

// fullWidthForms are the full-width digits and signs of Japanese text,
// read as their ASCII forms: "１２％" is 12%, "２０２７年" is 2027年.
var fullWidthForms = sync.OnceValue(func() *strings.Replacer {
	return strings.NewReplacer(
		"０", "0", "１", "1", "２", "2", "３", "3", "４", "4",
		"５", "5", "６", "6", "７", "7", "８", "8", "９", "9",
		"．", ".", "，", ",", "＋", "+", "－", "-", "／", "/",
	)
})
