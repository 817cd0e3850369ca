// Package check applies the PRFAQ rules to a parsed document. It is pure:
// no files, no git, no clock (the caller passes today's date), so every rule
// is testable from a string. Rule identifiers, severities and the Finding
// type live in package rule.
package check
