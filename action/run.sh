#!/usr/bin/env bash
# The steps of the git-prfaq GitHub Action (action.yml at the repository
# root): the checksum-verified install, then one git prfaq ci call, which
# holds the Action's logic (internal/ci). action/*_test.go run it with a
# fixture event payload and fake GITHUB_* files.
#
#   run.sh install   install git-prfaq (release archive, checksum verified, or
#                    go install) and add it to GITHUB_PATH
#   run.sh check     git prfaq ci: the range from the event, the check,
#                    annotations, job summary, SARIF, outputs and comment
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

error() { printf '::error title=git-prfaq::%s\n' "$(escape_data "$*")"; }
warning() { printf '::warning title=git-prfaq::%s\n' "$(escape_data "$*")"; }

# die STATUS MESSAGE: an error annotation, then exit. Status 2 is a setup or
# repository problem, as for git prfaq itself; 1 is reserved for findings.
die() {
  local code=$1
  shift
  error "$*"
  exit "$code"
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

# check_text WHAT VALUE FIX refuses an input (WHAT: "the version input")
# that holds a control character: a line break would forge a log line.
# Empty means unset.
check_text() {
  if [[ $2 == *[[:cntrl:]]* ]]; then
    die 2 "$1 \"$2\" holds a control character (a line break?): give $3"
  fi
}

# ---- check ------------------------------------------------------------------

# The check is git prfaq ci (internal/ci): it reads the event and the
# INPUT_* variables action.yml sets, and writes the annotations, the job
# summary, SARIF, the outputs and the pull-request comment.
cmd_check() {
  command -v git-prfaq >/dev/null 2>&1 ||
    die 2 "git-prfaq is not on PATH: the action's install step adds it; when running run.sh yourself, install it first"
  exec git prfaq ci
}

case ${1:-} in
  install) cmd_install ;;
  check) cmd_check ;;
  *)
    echo "usage: run.sh install|check (see action.yml)" >&2
    exit 2
    ;;
esac
