package quantity

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

// More seeds live in testdata/fuzz/FuzzParse and testdata/fuzz/FuzzParseDate.

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"1,200", "-3", "1 200", "12%", "3pp", "$1.2M", "€300k", "USD 40", "-$3",
		"250 ms", "1 h 30 min", "2x", "4.5/5", "40 tickets", "500K users",
		"≥ 99.9%", "10k+", "10-20%", "from 45 to 80", "2027-06-30", "TBD", "",
		"< 200 ms p95", "p95 < 200 ms", "$1.2M ARR", "top 3", "#1", "100+ stars",
		"5 tickets or fewer", "Zero critical bugs", "2nd place", "Dec 2027",
		"6 Tage", "1 Tag", "1,5 Tage", "12,5 %", "1.200 Nutzer", "mindestens 1.200 Nutzer",
		"1.200.000", "1.200,50 €", "1,5 Mio. €", "höchstens 3 Std.", "0,125", "1 200,5",
		"6日以上", "3ヶ月", "１２％", "1万件", "3億円", "30分以内", "約10%",
		"6일", "3시간 30분", "1만 명", "100건 이상", "10% 미만", "3%p", "3분기",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Reason == "" || pe.What != "quantity" {
				t.Fatalf("Parse(%q) error %#v, want a *ParseError with a reason", s, err)
			}
			if q != (Quantity{}) {
				t.Fatalf("Parse(%q) = %+v with an error, want the zero Quantity", s, q)
			}
			return
		}
		if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) {
			t.Fatalf("Parse(%q).Value = %v, want a finite number", s, q.Value)
		}
		if q.Kind < Number || q.Kind > Rank {
			t.Fatalf("Parse(%q).Kind = %v, want a valid kind", s, q.Kind)
		}
		if q.Text != strings.TrimSpace(s) {
			t.Fatalf("Parse(%q).Text = %q, want the trimmed input", s, q.Text)
		}
		again, err := Parse(q.Text)
		if err != nil {
			t.Fatalf("Parse(%q) succeeded but Parse of its Text %q failed: %v", s, q.Text, err)
		}
		if again.Kind != q.Kind || again.Value != q.Value || again.Unit != q.Unit ||
			again.Qualifier != q.Qualifier || again.Bound != q.Bound {
			t.Fatalf("Parse(%q) = %+v, but Parse of its Text = %+v", s, q, again)
		}
		if !q.Comparable(q) || q.Compare(q) != 0 {
			t.Fatalf("Parse(%q) = %+v is not comparable and equal to itself", s, q)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2027-06-30", "2027-06", "2027-Q3", "Q3 2027", "2027-H2", "2027", "2028-02",
		"2027-02-30", "2027-13", "Q5 2027", "FY27", "", "06/30/2027",
		"Dec 2027", "December 31, 2027", "end of 2027", "end of Q3 2027", "mid-2027",
		"by late Dec 2027", "Week 4",
		"Dez. 2027", "30. Juni 2027", "30.06.2027", "Ende 2027", "Mitte Dezember 2027", "bis Ende 2027",
		"2027年6月30日", "２０２７年６月", "2027年Q3", "2027年度末", "2027年6月下旬", "2027年末まで",
		"2027년 6월 30일", "2027년 3분기", "2027년 말", "2027. 6. 30.", "출시 후 3개월",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Reason == "" || pe.What != "date" {
				t.Fatalf("ParseDate(%q) error %#v, want a *ParseError with a reason", s, err)
			}
			return
		}
		if d.Text != strings.TrimSpace(s) {
			t.Fatalf("ParseDate(%q).Text = %q, want the trimmed input", s, d.Text)
		}
		if d.Start.Year() < minYear || d.End.Year() > maxYear || d.End.Before(d.Start) {
			t.Fatalf("ParseDate(%q) = %v..%v, want an ordered period within %d..%d", s, d.Start, d.End, minYear, maxYear)
		}
		for _, tm := range []time.Time{d.Start, d.End} {
			if tm.Location() != time.UTC || !tm.Equal(tm.Truncate(24*time.Hour)) {
				t.Fatalf("ParseDate(%q) = %v..%v, want midnights in UTC", s, d.Start, d.End)
			}
		}
		if next := d.End.AddDate(0, 0, 1); d.Precision != Day && next.Day() != 1 {
			t.Fatalf("ParseDate(%q) ends %v, want the last day of a month", s, d.End)
		}
		again, err := ParseDate(d.Text)
		if err != nil || !again.Start.Equal(d.Start) || !again.End.Equal(d.End) || again.Precision != d.Precision {
			t.Fatalf("ParseDate(%q) = %+v, but ParseDate of its Text = %+v, %v", s, d, again, err)
		}
	})
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"100+ GitHub stars", "Zero critical bugs", "90% reduction in time spent gathering iOS metrics",
		"Become default solution for iOS + AI integration", "$1.2M ARR by end of 2027",
		"Top 3 in the App Store", "p95 latency under 200 ms", "Launch by 2027-06-30", "",
		"Mindestens 1.200 Nutzer bis Ende 2027", "3 Anrufe pro Woche", "年間 10 万件以上の書類を処理",
		"残業時間を30%削減", "월간 사용자 1만 명 달성",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, ok := Find(s)
		if !ok {
			if q != (Quantity{}) {
				t.Fatalf("Find(%q) = %+v, false; want the zero Quantity", s, q)
			}
			return
		}
		again, err := Parse(q.Text)
		if err != nil {
			t.Fatalf("Find(%q) = %q, which Parse rejects: %v", s, q.Text, err)
		}
		if again.Kind != q.Kind || again.Value != q.Value || again.Unit != q.Unit || again.Qualifier != q.Qualifier {
			t.Fatalf("Find(%q) = %+v, but Parse of its Text = %+v", s, q, again)
		}
	})
}
