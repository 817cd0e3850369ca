#!/usr/bin/env bash
# The logic of the git-prfaq GitHub Action (action.yml at the repository
# root). It lives here rather than inline in action.yml so that it can be run
# and tested outside GitHub: action/action_test.go drives it with a fixture
# event payload and fake GITHUB_* files.
#
#   run.sh install   install git-prfaq (release archive, checksum verified, or
#                    go install) and add it to GITHUB_PATH
#   run.sh check     compute the range to check from the event, fetch the
#                    history a shallow clone lacks, run git prfaq check and
#                    write annotations, the job summary, SARIF and outputs
#
# Inputs arrive as INPUT_* environment variables that action.yml sets from
# its inputs: they are never pasted into the script text, so an input (or a
# label name) cannot inject shell code.
#
# Variables only the tests set:
#   PRFAQ_RELEASE_BASE_URL  where releases live (default
#                           https://github.com/OWNER/REPO/releases): archives
#                           are read from BASE/download/vVERSION/, the latest
#                           version from where BASE/latest redirects
#   PRFAQ_JSON_TOOL         jq or python3: which one reads JSON
set -eu
set -o pipefail

# ---- messages ---------------------------------------------------------------

# escape_data escapes a workflow command's message as @actions/core does, so
# text from a payload or git cannot end the command or start another one.
escape_data() {
  local s=$1
  s=${s//'%'/%25}
  s=${s//$'\r'/%0D}
  s=${s//$'\n'/%0A}
  printf '%s' "$s"
}

# escape_line escapes text for a plain log line as escape_data does, and
# the "[" of "##[" too: the runner reads that legacy command prefix
# anywhere in a line, not only at its start.
escape_line() {
  local s
  s=$(escape_data "$1")
  printf '%s' "${s//'##['/'##%5B'}"
}

# log MESSAGE prints a message that quotes text from git-prfaq, git, the
# event or an input as one plain line: escaped (escape_line), and after a
# "| " when it would start with "::", so the runner never reads it as a
# workflow command (::add-mask::, ::stop-commands::, a forged ::error::).
log() {
  local s
  s=$(escape_line "$*")
  case ${s#"${s%%[![:space:]]*}"} in
    ::*) s="| $s" ;;
  esac
  printf '%s\n' "$s"
}

# log_lines prints text on stdin (git-prfaq's or git's stderr) line by
# line, each after a "| " and escaped as log does.
log_lines() {
  local line
  while IFS= read -r line || [ -n "$line" ]; do
    printf '| %s\n' "$(escape_line "$line")"
  done
}

error() { printf '::error title=git-prfaq::%s\n' "$(escape_data "$*")"; }
warning() { printf '::warning title=git-prfaq::%s\n' "$(escape_data "$*")"; }
notice() { printf '::notice title=git-prfaq::%s\n' "$(escape_data "$*")"; }

# die STATUS MESSAGE: an error annotation, then exit. Status 2 is a setup or
# repository problem, as for git prfaq itself; 1 is reserved for findings.
die() {
  local code=$1
  shift
  error "$*"
  exit "$code"
}

group() { printf '::group::%s\n' "$(escape_data "$*")"; }
endgroup() { printf '::endgroup::\n'; }

# set_output NAME VALUE appends to $GITHUB_OUTPUT (values are single-line
# numbers, paths and commit ids) and logs it, which helps when run locally.
# A line break would start another output: refused.
set_output() {
  case $2 in
    *$'\n'* | *$'\r'*) die 2 "output $1: the value $2 holds a line break" ;;
  esac
  log "$1=$2"
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
  fi
}

# ---- JSON -------------------------------------------------------------------
# The event payload and git prfaq's JSON are read with jq, which every
# GitHub-hosted runner has, or python3 on a self-hosted runner without jq.

JSON_TOOL=
pick_json_tool() {
  JSON_TOOL=${PRFAQ_JSON_TOOL:-}
  if [ -z "$JSON_TOOL" ]; then
    if command -v jq >/dev/null 2>&1; then
      JSON_TOOL=jq
    elif command -v python3 >/dev/null 2>&1; then
      JSON_TOOL=python3
    else
      die 2 "reading the event payload needs jq or python3 on the runner: install one of them before this step"
    fi
  fi
  case $JSON_TOOL in
    jq | python3) ;;
    *) die 2 "PRFAQ_JSON_TOOL=$JSON_TOOL: use jq or python3" ;;
  esac
}

# json_get FILE KEY.PATH prints the value at the dotted path (a string as is,
# anything else as JSON), or nothing when it is missing, null or false.
json_get() {
  if [ "$JSON_TOOL" = jq ]; then
    jq -r --arg p "$2" 'getpath($p | split(".")) // empty | if type == "string" then . else tojson end' "$1"
  else
    python3 - "$1" "$2" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    v = json.load(f)
for k in sys.argv[2].split("."):
    v = v.get(k) if isinstance(v, dict) else None
if v is not None and v is not False:
    print(v if isinstance(v, str) else json.dumps(v))
PY
  fi
}

# json_names FILE KEY.PATH prints the "name" of each object in the list at
# the path, one a line (a pull request's labels).
json_names() {
  if [ "$JSON_TOOL" = jq ]; then
    jq -r --arg p "$2" '(getpath($p | split(".")) // [])[] | .name // empty' "$1"
  else
    python3 - "$1" "$2" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    v = json.load(f)
for k in sys.argv[2].split("."):
    v = v.get(k) if isinstance(v, dict) else None
for item in v or []:
    if isinstance(item, dict) and item.get("name"):
        print(item["name"])
PY
  fi
}

# count_weakened FILE ACKNOWLEDGED counts the weakened metric changes in a
# check --format json report that are (true) acknowledged, or (false) not
# acknowledged and counted by the gate: git-prfaq gives those a severity,
# and none when metric-weakened is off.
count_weakened() {
  if [ "$JSON_TOOL" = jq ]; then
    jq --argjson acked "$2" '[.changes // [] | .[] | select(.effect == "weakened" and
      (if $acked then (.acknowledged // "") != "" else (.acknowledged // "") == "" and (.severity // "") != "" end))] | length' "$1"
  else
    python3 - "$1" "$2" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    r = json.load(f)
acked = sys.argv[2] == "true"
print(sum(1 for c in r.get("changes") or []
          if c.get("effect") == "weakened" and
          (bool(c.get("acknowledged")) if acked else not c.get("acknowledged") and bool(c.get("severity")))))
PY
  fi
}

# ---- where the action came from ---------------------------------------------

# action_ref is the ref the workflow named in uses: (v1.2.3, v0, main, a
# commit), or nothing for a local action (uses: ./). github.action_ref is
# not promised inside composite actions (actions/runner#2473), so fall back
# to the path the runner unpacked the action to: _actions/OWNER/REPO/REF.
action_ref() {
  if [ -n "${ACTION_REF:-}" ]; then
    printf '%s' "$ACTION_REF"
    return
  fi
  local p=${GITHUB_ACTION_PATH:-}
  p=${p//\\//}
  case $p in
    */_actions/*/*/*) printf '%s' "${p##*/}" ;;
  esac
}

action_repository() {
  if [ -n "${ACTION_REPOSITORY:-}" ]; then
    printf '%s' "$ACTION_REPOSITORY"
    return
  fi
  local p=${GITHUB_ACTION_PATH:-}
  p=${p//\\//}
  case $p in
    */_actions/*/*/*)
      p=${p%/*}
      printf '%s/%s' "$(basename "$(dirname "$p")")" "${p##*/}"
      ;;
    *) printf 'prfaq/git-prfaq' ;;
  esac
}

# ---- install ----------------------------------------------------------------

temp_root() { printf '%s' "${RUNNER_TEMP:-${TMPDIR:-/tmp}}"; }

exe_suffix() {
  if [ "${RUNNER_OS:-}" = Windows ]; then printf '.exe'; fi
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | awk '{print $1}'
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | awk '{print $1}'
  elif command -v openssl >/dev/null 2>&1; then
    openssl dgst -sha256 -r "$1" | awk '{print $1}'
  else
    die 2 "verifying the download needs sha256sum, shasum or openssl on the runner"
  fi
}

lower() { printf '%s' "$1" | tr '[:upper:]' '[:lower:]'; }

# latest_version sets VERSION to the latest release: where BASE/latest
# redirects (…/releases/tag/vX.Y.Z) needs no API token, so meets no API
# rate limit.
latest_version() {
  local base=$1 url
  url=$(curl -fsSLI --retry 3 -o /dev/null -w '%{url_effective}' "$base/latest") ||
    die 2 "could not ask $base/latest for the latest release: set the version input, or install: go"
  case $url in
    */tag/v*) VERSION=${url##*/tag/v} ;;
    *) die 2 "$base has no release yet: set the version input, or install: go" ;;
  esac
}

# release_version sets VERSION to the version input, else the action's own
# ref when it names a release (v1.2.3), else the latest release. (Results
# go through a variable, not $(…), so that die and warning reach the log.)
VERSION=
release_version() {
  local base=$1 v=${INPUT_VERSION:-} ref
  if [ -n "$v" ] && [ "$v" != latest ]; then
    VERSION=${v#v}
    return
  fi
  ref=$(action_ref)
  if [ -z "$v" ] && [[ $ref =~ ^v[0-9]+\.[0-9]+\.[0-9]+ ]]; then
    VERSION=${ref#v}
    return
  fi
  latest_version "$base"
  # A workflow on a moving major tag (uses: …@v0) gets the newest release;
  # say so when that is another major version than the one it asked for.
  if [[ $ref =~ ^v([0-9]+)(\.|$) ]] && [[ $VERSION != "${BASH_REMATCH[1]}".* ]]; then
    warning "the action's ref is $ref but the latest release is v$VERSION: set the version input to pin a release"
  fi
}

extract() {
  local archive=$1 dest=$2
  case $archive in
    *.tar.gz) tar -xzf "$archive" -C "$dest" ;;
    *.zip)
      if command -v unzip >/dev/null 2>&1; then
        unzip -q -o "$archive" -d "$dest"
      elif command -v 7z >/dev/null 2>&1; then
        7z x -y -o"$dest" "$archive" >/dev/null
      else
        # shellcheck disable=SC2016 # PowerShell expands $env:…, not bash
        PRFAQ_ZIP=$archive PRFAQ_DEST=$dest powershell -NoProfile -Command \
          'Expand-Archive -Force -LiteralPath $env:PRFAQ_ZIP -DestinationPath $env:PRFAQ_DEST'
      fi
      ;;
  esac
}

install_release() {
  local bin_dir=$1 repo base version os arch ext archive url work want got found
  repo=$(action_repository)
  base=${PRFAQ_RELEASE_BASE_URL:-https://github.com/$repo/releases}
  base=${base%/}
  command -v curl >/dev/null 2>&1 || die 2 "install: release needs curl on the runner (or use install: go)"

  # goreleaser names archives after Go's GOOS and GOARCH.
  case ${RUNNER_OS:-} in
    Linux) os=linux ext=tar.gz ;;
    macOS) os=darwin ext=tar.gz ;;
    Windows) os=windows ext=zip ;;
    *) die 2 "no git-prfaq release for RUNNER_OS=${RUNNER_OS:-(unset)}: use install: go" ;;
  esac
  case ${RUNNER_ARCH:-} in
    X64) arch=amd64 ;;
    ARM64) arch=arm64 ;;
    *) die 2 "no git-prfaq release for RUNNER_ARCH=${RUNNER_ARCH:-(unset)} (releases are built for X64 and ARM64): use install: go" ;;
  esac

  release_version "$base"
  version=$VERSION
  archive="git-prfaq_${version}_${os}_${arch}.${ext}"
  url="$base/download/v$version"
  work=$(mktemp -d "$(temp_root)/git-prfaq-download.XXXXXX")

  log "Downloading $url/$archive"
  curl -fsSL --retry 3 -o "$work/$archive" "$url/$archive" ||
    die 2 "could not download $url/$archive: is v$version a git-prfaq release? Set the version input to one that is, or use install: go"
  curl -fsSL --retry 3 -o "$work/checksums.txt" "$url/checksums.txt" ||
    die 2 "could not download $url/checksums.txt, so $archive cannot be verified"

  # checksums.txt is sha256sum's format: "<hex>  <name>" (or "*<name>").
  want=$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1; exit }' "$work/checksums.txt")
  [ -n "$want" ] || die 2 "checksums.txt of v$version has no line for $archive, so it cannot be verified"
  got=$(sha256_of "$work/$archive")
  if [ "$(lower "$want")" != "$(lower "$got")" ]; then
    die 2 "checksum mismatch for $archive: checksums.txt says $want, the download is $got; it is corrupt or not what was released, so it is not installed"
  fi
  echo "sha256 $got verified against checksums.txt"

  mkdir -p "$work/x"
  extract "$work/$archive" "$work/x" || die 2 "could not extract $archive"
  found=$(find "$work/x" -type f -name "git-prfaq$(exe_suffix)")
  found=${found%%$'\n'*}
  [ -n "$found" ] || die 2 "$archive holds no git-prfaq$(exe_suffix)"
  mv "$found" "$bin_dir/"
  chmod +x "$bin_dir/git-prfaq$(exe_suffix)"
  rm -rf "$work"
}

install_go() {
  local bin_dir=$1 ref mod=github.com/prfaq/git-prfaq
  command -v go >/dev/null 2>&1 || die 2 "install: go needs Go on the runner: add actions/setup-go before this action"
  ref=${INPUT_VERSION:-}
  if [ -n "$ref" ] && [ "$ref" != latest ]; then
    ref=v${ref#v}
  elif [ -z "$ref" ]; then
    ref=$(action_ref)
  fi
  if [ -z "$ref" ] && [ -f "${GITHUB_ACTION_PATH:-}/go.mod" ] &&
    grep -q "^module $mod\$" "${GITHUB_ACTION_PATH}/go.mod"; then
    # A local action (uses: ./) has no ref, but its directory is the
    # module's source at the commit the workflow runs: build that.
    log "Building git-prfaq from $GITHUB_ACTION_PATH"
    (cd "$GITHUB_ACTION_PATH" && go build -trimpath -o "$bin_dir/git-prfaq$(exe_suffix)" ./cmd/git-prfaq) ||
      die 2 "go build ./cmd/git-prfaq in $GITHUB_ACTION_PATH failed"
    return
  fi
  log "go install $mod/cmd/git-prfaq@${ref:-latest}"
  GOBIN=$bin_dir go install "$mod/cmd/git-prfaq@${ref:-latest}" ||
    die 2 "go install $mod/cmd/git-prfaq@${ref:-latest} failed: check the version input and that the runner's Go is recent enough (see go.mod)"
}

cmd_install() {
  local method=${INPUT_INSTALL:-release} bin_dir
  [ -n "${GITHUB_PATH:-}" ] || die 2 "GITHUB_PATH is not set: run.sh install runs inside a GitHub Actions step"
  check_text "the version input" "${INPUT_VERSION:-}" "a release such as 1.2.3, or latest"
  bin_dir=$(mktemp -d "$(temp_root)/git-prfaq.XXXXXX")/bin
  mkdir -p "$bin_dir"
  case $method in
    release) install_release "$bin_dir" ;;
    go) install_go "$bin_dir" ;;
    *) die 2 "install: \"$method\" is neither release nor go" ;;
  esac
  "$bin_dir/git-prfaq$(exe_suffix)" version ||
    die 2 "the installed $bin_dir/git-prfaq$(exe_suffix) does not run on this runner"
  # Later steps (the check) find it through PATH, and git finds git-prfaq
  # there for `git prfaq`. The runner wants a Windows path on Windows.
  if [ "${RUNNER_OS:-}" = Windows ] && command -v cygpath >/dev/null 2>&1; then
    bin_dir=$(cygpath -w "$bin_dir")
  fi
  printf '%s\n' "$bin_dir" >>"$GITHUB_PATH"
}

# ---- range ------------------------------------------------------------------

ZERO_RE='^0+$'

# check_text WHAT VALUE FIX refuses an input (WHAT: "the sarif input")
# that holds a control character: a line break would forge a log line or
# an output. Empty means unset.
check_text() {
  if [[ $2 == *[[:cntrl:]]* ]]; then
    die 2 "$1 \"$2\" holds a control character (a line break?): give $3"
  fi
}

# check_rev WHAT VALUE FIX is check_text for a value that reaches git as a
# revision, which must not start with "-" either: git would read it as an
# option (--upload-pack=… runs a program).
check_rev() {
  case $2 in
    -*) die 2 "$1 \"$2\" starts with \"-\": give $3 (git would read it as an option)" ;;
  esac
  check_text "$@"
}

# need_id WHAT VALUE refuses a commit id from the event payload that is not
# one (40 or 64 hex digits): it reaches git as an argument.
need_id() {
  if ! [[ $2 =~ ^[0-9a-fA-F]{40}([0-9a-fA-F]{24})?$ ]]; then
    die 2 "the $1 \"$2\" is not a commit id"
  fi
}

# git_logged ARGS... runs git with its stderr shown as data (log_lines): a
# message that quotes a remote's URL or a ref cannot become a command.
git_logged() {
  local errf rc=0
  errf=$(mktemp "$(temp_root)/git-prfaq-git.XXXXXX")
  git "$@" 2>"$errf" || rc=$?
  log_lines <"$errf" >&2
  rm -f "$errf"
  return "$rc"
}

has_commit() { git cat-file -e "$1^{commit}" 2>/dev/null; }

is_shallow() { [ "$(git rev-parse --is-shallow-repository)" = true ]; }

REMOTE=origin

# fetch_commits REV... fetches what is missing of the named commits. In a
# shallow clone only a slice of their history comes along (find_merge_base
# deepens it when that is not enough); in a full clone, all of it.
fetch_commits() {
  local missing=() rev
  for rev in "$@"; do
    has_commit "$rev" || missing+=("$rev")
  done
  [ "${#missing[@]}" -gt 0 ] || return 0
  local depth=()
  if is_shallow; then depth=(--depth=50); fi
  log "Fetching ${missing[*]} from $REMOTE"
  git_logged fetch --no-tags --quiet ${depth[@]+"${depth[@]}"} -- "$REMOTE" "${missing[@]}" || true
  for rev in "${missing[@]}"; do
    has_commit "$rev" || return 1
  done
}

# find_merge_base A B prints the merge base, deepening a shallow clone step
# by step (most pull requests need only a little history; a whole clone of a
# large repository is slow) and unshallowing it as a last resort.
find_merge_base() {
  local a=$1 b=$2 step
  for step in 100 1000 unshallow; do
    if git merge-base "$a" "$b" 2>/dev/null; then
      return 0
    fi
    is_shallow || return 1
    if [ "$step" = unshallow ]; then
      echo "No merge base yet; fetching the whole history (--unshallow)" >&2
      git_logged fetch --no-tags --quiet --unshallow -- "$REMOTE" "$a" "$b" >&2 || true
    else
      echo "No merge base yet; fetching $step more commits (--deepen=$step)" >&2
      git_logged fetch --no-tags --quiet --deepen="$step" -- "$REMOTE" "$a" "$b" >&2 || true
    fi
  done
  git merge-base "$a" "$b" 2>/dev/null
}

fetch_depth_fix="set fetch-depth: 0 on actions/checkout (and keep its credentials, persist-credentials: true, so this action can fetch), or fetch the history yourself before this step"

# resolve_base NAME WHAT sets BASE_SHA to the commit NAME (a branch, tag
# or commit; WHAT says where it came from) names: as named, as a
# remote-tracking branch, or fetched from the remote. NAME reaches git
# only after --end-of-options or --, and is refused when it starts with
# "-" all the same (check_rev).
BASE_SHA=
resolve_base() {
  local name=$1 rev
  check_rev "$2" "$name" "a branch, tag or commit"
  for rev in "$name" "$REMOTE/$name"; do
    if BASE_SHA=$(git rev-parse --verify --quiet --end-of-options "$rev^{commit}"); then
      return
    fi
  done
  # In a shallow clone, a slice of its history, as for the event's commits.
  local depth=()
  if is_shallow; then depth=(--depth=50); fi
  if git_logged fetch --no-tags --quiet ${depth[@]+"${depth[@]}"} -- "$REMOTE" "$name" &&
    BASE_SHA=$(git rev-parse --verify --quiet "FETCH_HEAD^{commit}"); then
    return
  fi
  die 2 "base \"$name\" is neither a revision here nor one $REMOTE has: name a branch, tag or commit"
}

# ---- check ------------------------------------------------------------------

# run_prfaq FORMAT OUT ERR runs the check in one format. Its status is
# returned; 2 (a usage or repository error) ends the action.
run_prfaq() {
  local format=$1 out=$2 err=$3 rc=0
  # The Markdown report links lines to GITHUB_SHA's blobs; in a pull request
  # that is the test merge commit, whose lines need not be head's: point the
  # links at the commit checked.
  GITHUB_SHA=${LINK_SHA:-${GITHUB_SHA:-}} \
    git prfaq check "${MODE[@]}" ${ACK[@]+"${ACK[@]}"} --format "$format" >"$out" 2>"$err" || rc=$?
  if [ "$rc" -ge 2 ]; then
    # git-prfaq's stderr quotes file names from the change: data only.
    log_lines <"$err" >&2
    die 2 "git prfaq check ${MODE[*]} --format $format failed (exit $rc): $(head -n 1 "$err")"
  fi
  return "$rc"
}

# comment_on_pr REPORT FAILED MODE EVENT keeps the one pull-request
# comment up to date (git prfaq comment): created as MODE says (always, or
# on-failure when FAILED is true), updated whenever it exists. Only for
# pull_request and pull_request_target events. It never fails the step: a
# comment that could not be posted is a warning (git prfaq comment warns,
# exit 0, when the token may not comment, as on a fork's pull request).
comment_on_pr() {
  local report=$1 failed=$2 mode=$3 event=$4 errf rc=0
  [ "$mode" != never ] || return 0
  case $event in
    pull_request | pull_request_target) ;;
    *) return 0 ;;
  esac
  if [ -z "${INPUT_TOKEN:-${GITHUB_TOKEN:-}}" ]; then
    log "no token input: no pull-request comment"
    return 0
  fi
  local args=(--report "$report" --marker check --when "$mode")
  if [ "$failed" = true ]; then args+=(--failed); fi
  errf=$(mktemp "$(temp_root)/git-prfaq-comment.XXXXXX")
  # Its stdout is escaped by git-prfaq (notes, and ::warning lines it
  # means); its stderr quotes the API's answers: data only.
  GITHUB_TOKEN=${INPUT_TOKEN:-${GITHUB_TOKEN:-}} GITHUB_EVENT_NAME=$event \
    git prfaq comment "${args[@]}" 2>"$errf" || rc=$?
  log_lines <"$errf" >&2
  if [ "$rc" -ne 0 ]; then
    warning "the pull-request comment was not posted or updated (git prfaq comment exit $rc): $(head -n 1 "$errf")"
  fi
  rm -f "$errf"
}

file_size() { if [ -f "$1" ]; then wc -c <"$1" | tr -d ' '; else echo 0; fi; }

MODE=()
ACK=()
LINK_SHA=

cmd_check() {
  local event=${GITHUB_EVENT_PATH:-} name=${GITHUB_EVENT_NAME:-}
  local base_tip='' head='' labels='' before after ref default

  command -v git >/dev/null 2>&1 || die 2 "git is not on PATH"
  command -v git-prfaq >/dev/null 2>&1 ||
    die 2 "git-prfaq is not on PATH: the action's install step adds it; when running run.sh yourself, install it first"
  git rev-parse --git-dir >/dev/null 2>&1 ||
    die 2 "$(pwd) is not in a git repository: run actions/checkout (with fetch-depth: 0) before this action, or set working-directory to the checkout"
  pick_json_tool
  if ! git remote get-url "$REMOTE" >/dev/null 2>&1; then
    REMOTE=$(git remote)
    REMOTE=${REMOTE%%$'\n'*}
    REMOTE=${REMOTE:-origin}
  fi

  check_rev "the base input" "${INPUT_BASE:-}" "a branch, tag or commit"
  check_text "the sarif input" "${INPUT_SARIF:-}" "a path such as results/prfaq.sarif"
  check_text "the ack-label input" "${INPUT_ACK_LABEL:-}" "a label name"

  # fail-on: which findings fail the step. fail-on-findings is its older
  # alias: true is error, false is never; fail-on wins when both are set.
  local fail_on alias=''
  case $(lower "${INPUT_FAIL_ON_FINDINGS:-}") in
    '') ;;
    true) alias=error ;;
    false) alias=never ;;
    *) die 2 "fail-on-findings: \"${INPUT_FAIL_ON_FINDINGS}\" is neither true nor false (it is the older name of fail-on: true is error, false is never)" ;;
  esac
  fail_on=$(lower "${INPUT_FAIL_ON:-}")
  case $fail_on in
    '') fail_on=${alias:-error} ;;
    error | warning | never)
      if [ -n "$alias" ] && [ "$alias" != "$fail_on" ]; then
        warning "fail-on is $fail_on and fail-on-findings is ${INPUT_FAIL_ON_FINDINGS}: fail-on wins; remove fail-on-findings"
      fi
      ;;
    *) die 2 "fail-on: \"${INPUT_FAIL_ON}\" is not error, warning or never" ;;
  esac

  local comment_mode
  comment_mode=$(lower "${INPUT_COMMENT:-on-failure}")
  case $comment_mode in
    on-failure | always | never) ;;
    *) die 2 "comment: \"${INPUT_COMMENT}\" is not on-failure, always or never" ;;
  esac

  if [ -n "$event" ] && [ ! -f "$event" ]; then
    die 2 "GITHUB_EVENT_PATH=$event does not exist"
  fi
  case $name in
    pull_request* | merge_group | push)
      [ -n "$event" ] || die 2 "GITHUB_EVENT_NAME is $name but GITHUB_EVENT_PATH is not set: the payload names the commits to check"
      ;;
  esac
  if [ -z "$name" ] && [ -n "$event" ] && [ -n "$(json_get "$event" pull_request.head.sha)" ]; then
    name=pull_request
  fi

  case $name in
    pull_request | pull_request_target | pull_request_review | pull_request_review_comment)
      # base.sha is the base branch's tip when the event fired, not where the
      # pull request left it: the merge base is computed below.
      base_tip=$(json_get "$event" pull_request.base.sha)
      head=$(json_get "$event" pull_request.head.sha)
      labels=$(json_names "$event" pull_request.labels)
      if [ -z "$head" ] || [ -z "$base_tip" ]; then
        die 2 "the $name payload ($event) has no pull_request.base.sha or head.sha"
      fi
      need_id "$name payload's base sha" "$base_tip"
      need_id "$name payload's head sha" "$head"
      ;;
    merge_group)
      base_tip=$(json_get "$event" merge_group.base_sha)
      head=$(json_get "$event" merge_group.head_sha)
      if [ -z "$head" ] || [ -z "$base_tip" ]; then
        die 2 "the merge_group payload ($event) has no merge_group.base_sha or head_sha"
      fi
      need_id "merge_group payload's base_sha" "$base_tip"
      need_id "merge_group payload's head_sha" "$head"
      ;;
    push)
      before=$(json_get "$event" before)
      after=$(json_get "$event" after)
      ref=$(json_get "$event" ref)
      default=$(json_get "$event" repository.default_branch)
      if [[ $after =~ $ZERO_RE ]]; then
        notice "$ref was deleted: nothing to check"
        set_output findings 0
        set_output warnings 0
        set_output weakened 0
        set_output acknowledged 0
        return 0
      fi
      need_id "push payload's after" "$after"
      head=$after
      if [ -n "$before" ] && ! [[ $before =~ $ZERO_RE ]]; then
        need_id "push payload's before" "$before"
        base_tip=$before
      elif [ -n "$default" ] && [ "$ref" != "refs/heads/$default" ]; then
        # A new branch: check what it adds to the default branch.
        resolve_base "$default" "the push payload's repository.default_branch"
        base_tip=$BASE_SHA
      fi
      ;;
  esac

  if [ -n "${INPUT_BASE:-}" ]; then
    resolve_base "$INPUT_BASE" "the base input"
    base_tip=$BASE_SHA
  fi
  if [ -n "$base_tip" ] && [ -z "$head" ]; then
    head=$(git rev-parse HEAD)
  fi

  local mb=''
  if [ -n "$base_tip" ]; then
    group "Finding the range to check"
    if ! fetch_commits "$base_tip" "$head"; then
      endgroup
      die 2 "could not fetch $base_tip and $head from $REMOTE: $fetch_depth_fix"
    fi
    if ! mb=$(find_merge_base "$base_tip" "$head"); then
      endgroup
      if is_shallow; then
        die 2 "this shallow clone lacks the merge base of $base_tip and $head, and $REMOTE would not give more history: $fetch_depth_fix"
      fi
      die 2 "$base_tip and $head have no common history, so there is no range to check"
    fi
    log "base $base_tip, head $head, merge base $mb"
    endgroup
    MODE=(--range "$mb..$head")
    LINK_SHA=$head
  else
    # No pull request, push or base: a scheduled or manual run checks every
    # PRFAQ at HEAD (overdue metrics included).
    notice "no pull request or push range in this ${name:-run} event and no base input: checking every PRFAQ at HEAD"
    MODE=(--all)
  fi

  # A pull-request label acknowledges every weakening in the range, as a
  # PRFAQ-Ack trailer would; GitHub label names are case-insensitive.
  local ack_label=${INPUT_ACK_LABEL-prfaq-ack} label acked_by=''
  if [ -n "$ack_label" ] && [ -n "$labels" ] && [ "${MODE[0]}" = --range ]; then
    while IFS= read -r label; do
      if [ "$(lower "$label")" = "$(lower "$ack_label")" ]; then
        acked_by=$label
      fi
    done <<<"$labels"
  fi
  if [ -n "$acked_by" ]; then
    ACK=(--ack "pull-request label $acked_by")
    notice "the pull request has the label \"$acked_by\": every weakened success metric in it is acknowledged"
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
      # A backquote in the label would end the code span early.
      # shellcheck disable=SC2016 # the backquotes are Markdown
      printf '> [!NOTE]\n> Weakened success metrics in this pull request are acknowledged by its label **`%s`**.\n\n' \
        "$(printf '%s' "$acked_by" | tr '`' "'")" >>"$GITHUB_STEP_SUMMARY"
    fi
  fi

  local out rc=0 json report err sarif=${INPUT_SARIF:-} size
  out=$(mktemp -d "$(temp_root)/git-prfaq-report.XXXXXX")
  json=$out/check.json
  report=$out/report.md
  err=$out/stderr

  # JSON first: it decides the outputs and the exit status.
  run_prfaq json "$json" "$err" || rc=$?

  # Annotations. The github format also appends the Markdown report to the
  # job summary; were it not to (an older git-prfaq), append it below.
  size=$(file_size "${GITHUB_STEP_SUMMARY:-/dev/null}")
  run_prfaq github "$out/github.txt" "$err" || true
  cat "$out/github.txt"
  (
    unset GITHUB_STEP_SUMMARY
    run_prfaq markdown "$report" "$err"
  ) || [ "$?" -eq 1 ] || exit 2
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ "$(file_size "$GITHUB_STEP_SUMMARY")" = "$size" ]; then
    cat "$report" >>"$GITHUB_STEP_SUMMARY"
  fi

  if [ -n "$sarif" ]; then
    # Relative to the workspace, as github/codeql-action/upload-sarif reads
    # its sarif_file, whatever the working-directory.
    case $sarif in
      /* | [A-Za-z]:[\\/]*) ;;
      *) sarif=${GITHUB_WORKSPACE:-$(pwd)}/$sarif ;;
    esac
    mkdir -p "$(dirname "$sarif")"
    run_prfaq sarif "$sarif" "$err" || true
    log "SARIF written to $sarif"
  fi

  local findings warnings weakened acknowledged
  findings=$(json_get "$json" summary.errors)
  warnings=$(json_get "$json" summary.warnings)
  weakened=$(count_weakened "$json" false)
  acknowledged=$(count_weakened "$json" true)
  set_output findings "${findings:-0}"
  set_output warnings "${warnings:-0}"
  set_output weakened "$weakened"
  set_output acknowledged "$acknowledged"
  set_output report "$report"
  set_output range "${mb:+$mb..$head}"
  set_output sarif "$sarif"

  # The JSON run exited 1 for errors; fail-on decides what fails the step
  # (git-prfaq itself is run without --fail-on, so any release works).
  findings=${findings:-0}
  warnings=${warnings:-0}
  local fails=false
  case $fail_on in
    error) [ "$rc" -eq 0 ] || fails=true ;;
    warning) if [ "$rc" -ne 0 ] || [ "$warnings" -gt 0 ]; then fails=true; fi ;;
  esac
  comment_on_pr "$report" "$fails" "$comment_mode" "$name"
  if [ "$fails" = true ]; then
    echo "git-prfaq found $findings error(s) and $warnings warning(s), and fail-on is $fail_on: see the annotations and the job summary" >&2
    return 1
  fi
  if [ "$rc" -ne 0 ]; then
    if [ -n "${INPUT_FAIL_ON:-}" ]; then
      warning "$findings error(s) found; fail-on is $fail_on, so this step passes"
    else
      warning "$findings error(s) found; fail-on-findings is false, so this step passes"
    fi
  fi
  return 0
}

case ${1:-} in
  install) cmd_install ;;
  check) cmd_check ;;
  *)
    echo "usage: run.sh install|check (see action.yml)" >&2
    exit 2
    ;;
esac
