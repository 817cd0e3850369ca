// Command md2html renders a Markdown report into the page template, as
// GitHub would show it: GitHub-flavoured Markdown, raw HTML refused.
// render.sh runs it; go test does not (it lives under testdata).
//
//	go run md2html.go page.html < report.md > page.html
package main

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"os"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "md2html:", err)
		os.Exit(1)
	}
}

func run() error {
	if len(os.Args) != 2 {
		return fmt.Errorf("usage: md2html TEMPLATE < REPORT.md > PAGE.html")
	}
	page, err := template.ParseFiles(os.Args[1])
	if err != nil {
		return fmt.Errorf("read the template: %w", err)
	}
	md, err := io.ReadAll(os.Stdin)
	if err != nil {
		return fmt.Errorf("read the report: %w", err)
	}
	var body bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(md, &body); err != nil {
		return fmt.Errorf("render the report: %w", err)
	}
	// The body is goldmark's output, already escaped: it goes in as HTML.
	return page.Execute(os.Stdout, struct{ Body template.HTML }{template.HTML(body.String())})
}
