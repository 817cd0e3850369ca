package quantity

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func utcDay(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in         string
		start, end string
		precision  Precision
	}{
		{"2027-06-30", "2027-06-30", "2027-06-30", Day},
		{"  2027-06-30 ", "2027-06-30", "2027-06-30", Day},
		{"2027-6-3", "2027-06-03", "2027-06-03", Day},
		{"2028-02-29", "2028-02-29", "2028-02-29", Day},
		{"2000-02-29", "2000-02-29", "2000-02-29", Day},
		{"2027-02", "2027-02-01", "2027-02-28", Month},
		{"2028-02", "2028-02-01", "2028-02-29", Month},
		{"2100-02", "2100-02-01", "2100-02-28", Month},
		{"2027-12", "2027-12-01", "2027-12-31", Month},
		{"2027-4", "2027-04-01", "2027-04-30", Month},
		{"2027-Q1", "2027-01-01", "2027-03-31", Quarter},
		{"2027-Q2", "2027-04-01", "2027-06-30", Quarter},
		{"2027-Q3", "2027-07-01", "2027-09-30", Quarter},
		{"2027-Q4", "2027-10-01", "2027-12-31", Quarter},
		{"2027-q4", "2027-10-01", "2027-12-31", Quarter},
		{"2027 Q3", "2027-07-01", "2027-09-30", Quarter},
		{"2027Q3", "2027-07-01", "2027-09-30", Quarter},
		{"Q3 2027", "2027-07-01", "2027-09-30", Quarter},
		{"q3 2027", "2027-07-01", "2027-09-30", Quarter},
		{"Q3  2027", "2027-07-01", "2027-09-30", Quarter},
		{"Q3-2027", "2027-07-01", "2027-09-30", Quarter},
		{"2027-H1", "2027-01-01", "2027-06-30", Half},
		{"2027-H2", "2027-07-01", "2027-12-31", Half},
		{"2027-h2", "2027-07-01", "2027-12-31", Half},
		{"H2 2027", "2027-07-01", "2027-12-31", Half},
		{"2027", "2027-01-01", "2027-12-31", Year},
		{"1900", "1900-01-01", "1900-12-31", Year},
		{"2999", "2999-01-01", "2999-12-31", Year},
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
		if d.Start.Location() != time.UTC || d.End.Location() != time.UTC {
			t.Errorf("ParseDate(%q): want times in UTC, got %v and %v", tt.in, d.Start.Location(), d.End.Location())
		}
		if want := strings.TrimSpace(tt.in); d.Text != want || d.String() != want {
			t.Errorf("ParseDate(%q).Text = %q, want %q", tt.in, d.Text, want)
		}
	}
}

func TestParseDateRejects(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"", "want a date as YYYY-MM-DD, YYYY-MM, YYYY-Qn, Qn YYYY, YYYY-Hn or YYYY"},
		{"TBD", "want a date as YYYY-MM-DD"},
		{"soon", "want a date as YYYY-MM-DD"},
		{"2027-13", "month 13 does not exist: want a month from 01 to 12"},
		{"2027-00", "month 00 does not exist"},
		{"2027-13-01", "month 13 does not exist"},
		{"2027-02-30", "February 2027 has 28 days, not 30"},
		{"2027-02-29", "February 2027 has 28 days, not 29"},
		{"2100-02-29", "February 2100 has 28 days, not 29"},
		{"2027-04-31", "April 2027 has 30 days, not 31"},
		{"2027-06-00", "June 2027 has 30 days, not 0"},
		{"2027-Q5", "Q5 does not exist: want a quarter from Q1 to Q4"},
		{"2027-Q0", "Q0 does not exist"},
		{"Q5 2027", "Q5 does not exist"},
		{"2027-H3", "H3 does not exist: want a half from H1 to H2"},
		{"H0 2027", "H0 does not exist"},
		{"1899", "want a year from 1900 to 2999"},
		{"3000", "want a year from 1900 to 2999"},
		{"1899-12-31", "want a year from 1900 to 2999"},
		{"Q1 3000", "want a year from 1900 to 2999"},
		{"FY2027", "fiscal years and quarters differ between companies"},
		{"FY27 Q3", "fiscal years and quarters differ"},
		{"27", "want a date as YYYY-MM-DD"},
		{"20270", "want a date as YYYY-MM-DD"},
		{"2027-006", "want a date as YYYY-MM-DD"},
		{"2027-06-30T12:00", "want a date as YYYY-MM-DD"},
		{"2027/06/30", "want a date as YYYY-MM-DD"},
		{"06/30/2027", "want a date as YYYY-MM-DD"},
		{"30.06.27", "want a date as YYYY-MM-DD"}, // 30.06.2027 is read: see TestParseDateLanguages
		{"June 27", "want a date as YYYY-MM-DD"},  // a month and a day, no year
		{"Q32027", "want a date as YYYY-MM-DD"},
		{"Q3 27", "want a date as YYYY-MM-DD"},
		{"2027--Q3", "want a date as YYYY-MM-DD"},
		{"2027-Q3-01", "want a date as YYYY-MM-DD"},
		{"2027-Q", "want a date as YYYY-MM-DD"},
		{"Q3", "want a date as YYYY-MM-DD"},
		{"２７", "want a date as YYYY-MM-DD"}, // full-width digits are read, but a year has four
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if err == nil {
			t.Errorf("ParseDate(%q) = %s..%s, want an error containing %q", tt.in, d.Start, d.End, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseDate(%q) error = %q, want it to contain %q", tt.in, err, tt.want)
		}
		var pe *ParseError
		if !errors.As(err, &pe) || pe.What != "date" || pe.Input != strings.TrimSpace(tt.in) {
			t.Errorf("ParseDate(%q) error = %#v, want a *ParseError for the date", tt.in, err)
		}
	}
}

func TestDateBefore(t *testing.T) {
	tests := []struct {
		a, b string
		want int // a.Compare(b)
	}{
		{"2027-06-30", "2027-07-01", -1},
		{"2027-Q2", "2027-06-30", 0}, // a period counts as its last day
		{"2027-Q2", "2027-06", 0},
		{"2027-Q2", "2027-H1", 0},
		{"2027-Q2", "2027-07", -1},
		{"2027-06-15", "2027-06", -1},
		{"2027-H2", "2027", 0},
		{"2027", "2027-12-30", 1},
		{"2027-Q4", "Q1 2028", -1},
		{"2028", "2027", 1},
	}
	for _, tt := range tests {
		a, errA := ParseDate(tt.a)
		b, errB := ParseDate(tt.b)
		if errA != nil || errB != nil {
			t.Fatalf("ParseDate(%q), ParseDate(%q): %v, %v", tt.a, tt.b, errA, errB)
		}
		if got := a.Compare(b); got != tt.want {
			t.Errorf("ParseDate(%q).Compare(%q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := a.Before(b); got != (tt.want < 0) {
			t.Errorf("ParseDate(%q).Before(%q) = %v, want %v", tt.a, tt.b, got, tt.want < 0)
		}
	}
}

func TestDaysLate(t *testing.T) {
	berlin := time.FixedZone("CEST", 2*60*60)
	tests := []struct {
		by    string
		today time.Time
		want  int
	}{
		{"2027-06-30", utcDay("2027-06-29"), 0},
		{"2027-06-30", utcDay("2027-06-30"), 0}, // due today is not late
		{"2027-06-30", utcDay("2027-07-01"), 1},
		{"2027-Q2", utcDay("2027-07-10"), 10},
		{"2027", utcDay("2028-01-01"), 1},
		{"2027-06-30", time.Date(2027, 7, 1, 0, 30, 0, 0, berlin), 1}, // still June 30 in UTC, but July 1 where the user is
		{"1900", utcDay("2400-01-01"), 182257},                        // beyond time.Duration's 292 years
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.by)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.DaysLate(tt.today); got != tt.want {
			t.Errorf("ParseDate(%q).DaysLate(%s) = %d, want %d", tt.by, tt.today, got, tt.want)
		}
	}
}

func TestPrecisionString(t *testing.T) {
	want := map[Precision]string{Day: "day", Month: "month", Quarter: "quarter", Half: "half", Year: "year", 0: "Precision(0)"}
	for p, s := range want {
		if p.String() != s {
			t.Errorf("Precision(%d).String() = %q, want %q", int(p), p.String(), s)
		}
	}
}
