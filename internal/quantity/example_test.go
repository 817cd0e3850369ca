package quantity_test

import (
	"fmt"

	"github.com/prfaq/git-prfaq/internal/quantity"
)

func ExampleParse() {
	for _, cell := range []string{"$1.2M", "250 ms", "≥ 40 tickets"} {
		q, err := quantity.Parse(cell)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: %s %g %q bound=%q\n", q.Text, q.Kind, q.Value, q.Unit, q.Bound)
	}
	_, err := quantity.Parse("10-20%")
	fmt.Println(err)
	// Output:
	// $1.2M: currency 1.2e+06 "USD" bound=""
	// 250 ms: duration 0.25 "" bound=""
	// ≥ 40 tickets: unit 40 "tickets" bound=">="
	// ranges are not supported: write one number, the value you commit to (such as 20%, not 10-20%)
}

func ExampleQuantity_Comparable() {
	baseline, _ := quantity.Parse("1 ticket")
	target, _ := quantity.Parse("40 tickets")
	other, _ := quantity.Parse("30 users")
	fmt.Println(baseline.Comparable(target), baseline.Compare(target))
	fmt.Println(target.Comparable(other))
	// Output:
	// true -1
	// false
}

func ExampleParseDate() {
	d, _ := quantity.ParseDate("2027-Q1")
	fmt.Println(d.Precision, d.Start.Format("2006-01-02"), d.End.Format("2006-01-02"))
	// Output: quarter 2027-01-01 2027-03-31
}
