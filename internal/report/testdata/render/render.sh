#!/bin/sh
# Renders git-prfaq's Markdown report the way a pull request shows it and
# takes a screenshot, so that a person can look at it: goldmark turns the
# Markdown into HTML, mermaid (from npm) draws the xychart-beta charts, and
# headless Chromium (Debian's chromium package) photographs the page.
# Not run by go test: it needs chromium, npm and the registry.
#
# Usage, from anywhere in the repository:
#   internal/report/testdata/render/render.sh [-o OUT.png] [REPORT.md]
# Without REPORT.md it builds a scratch repository (fixtures of
# cmd/git-prfaq/testdata/script/formats.txtar), makes a pull-request-like
# range that moves two targets, and renders
# `git prfaq check --range main..feature --format markdown`.
# MERMAID_DIR=DIR reuses a directory where `npm install mermaid` was run.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
out=/tmp/report.png
if [ "${1:-}" = "-o" ]; then out=$2; shift 2; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# fixture NAME: one file of the formats.txtar archive.
fixture() {
	awk -v want="-- $1 --" '$0 == want { on = 1; next } /^-- .* --$/ { on = 0 } on' \
		"$root/cmd/git-prfaq/testdata/script/formats.txtar"
}

# commit MSG [TRAILER]: commit everything, with fixed dates for stable ids.
commit() {
	git add -A
	git commit -q -m "$1" ${2:+-m "$2"}
}

# scratch_report writes the report of a range that relaxes, acknowledges
# and then partly restores a target, and raises another, to report.md. It
# runs in a subshell: the isolated HOME and git identity stay inside.
scratch_report() (
	(cd "$root" && go build -o "$work/bin/git-prfaq" ./cmd/git-prfaq)
	# Go's caches live under HOME by default: keep the real ones.
	export GOPATH="$(go env GOPATH)" GOMODCACHE="$(go env GOMODCACHE)" GOCACHE="$(go env GOCACHE)"
	export PATH="$work/bin:$PATH" HOME="$work" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$work/.gitconfig"
	export GIT_AUTHOR_NAME="Jane Roe" GIT_AUTHOR_EMAIL=jane@example.com GIT_COMMITTER_NAME="Jane Roe" GIT_COMMITTER_EMAIL=jane@example.com
	export GIT_AUTHOR_DATE=2026-11-26T10:00:00Z GIT_COMMITTER_DATE=2026-11-26T10:00:00Z GIT_PRFAQ_TODAY=2026-11-26
	mkdir -p "$work/repo/services/pay" "$work/repo/services/ship"
	cd "$work/repo"
	git init -q -b main
	fixture good.md > services/pay/PRFAQ.md
	commit 'Add pay'
	git checkout -q -b feature
	target() { fixture good.md | sed "s/| 1 day |/| $1 |/; s/| 1,200 shops |/| $2 |/" > services/pay/PRFAQ.md; }
	target '3 days' '1,200 shops'; commit 'Relax the close time'
	target '5 days' '1,500 shops'; commit 'Relax it again, more shops' 'PRFAQ-Ack: the bank API ships in Q3, not Q1'
	target '4 days' '2,000 shops'; commit 'Tighten a little'
	target '2 days' '2,000 shops'; commit 'Tighten again'
	fixture todo.md > services/ship/PRFAQ.md; commit 'Draft ship'
	git prfaq check --range main..feature --format markdown > "$work/report.md" || true
)

if [ $# -ge 1 ]; then cp "$1" "$work/report.md"; else scratch_report; fi

mermaid=${MERMAID_DIR:-$work/npm}
if [ ! -f "$mermaid/node_modules/mermaid/dist/mermaid.min.js" ]; then
	mkdir -p "$mermaid"
	(cd "$mermaid" && npm install --silent --no-audit --no-fund mermaid >/dev/null)
fi
cp "$mermaid/node_modules/mermaid/dist/mermaid.min.js" "$work/"
(cd "$root" && go run ./report/testdata/render/md2html.go "$here/page.html") < "$work/report.md" > "$work/page.html"

# virtual-time-budget lets mermaid finish drawing before the screenshot.
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
	--disable-component-update --disable-sync --no-first-run --hide-scrollbars \
	--user-data-dir="$work/chromium" --virtual-time-budget=10000 \
	--window-size=1200,1600 --screenshot="$out" "file://$work/page.html" 2>/dev/null
cp "$work/report.md" "${out%.png}.md"
echo "wrote $out (and the Markdown beside it, ${out%.png}.md)"
