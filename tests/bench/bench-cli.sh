#!/bin/bash
# bench-cli.sh: times whole-process `keyway-cli forgot-password` against
# `aws cognito-idp forgot-password` (Debian's awscli) on the same local fake
# Cognito, in alternation, and prints the median wall times, their ratio and
# each tool's peak RSS. A figure, not a pass/fail test.
#
# Usage:   bench-cli.sh [BUILD_DIR]          (default: _build)
# Env:     RUNS=N       runs per tool (default 20)
#          AWS_CLI=PATH the AWS CLI to compare with (default /usr/bin/aws,
#                       Debian's package, not whatever `aws` PATH finds first)
#          KEYWAY_FAKE=PATH the fake Cognito (default BUILD_DIR/tests/keyway-fake-cognito)
# Result:  0 when every run of both tools succeeded; 1 when a tool failed to
#          run or answered anything but a delivered code.
#
# Nothing here talks to AWS: both tools are pointed at 127.0.0.1.

set -u

build_dir=${1:-_build}
runs=${RUNS:-20}
aws_cli=${AWS_CLI:-/usr/bin/aws}
cli=$build_dir/src/cli/keyway-cli
fake=${KEYWAY_FAKE:-$build_dir/tests/keyway-fake-cognito}

die () {
  echo "bench-cli.sh: $*" >&2
  exit 1
}

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number, not '$runs'"
[[ -x $cli ]] || die "no $cli; build first (ninja -C $build_dir)"
[[ -x $fake ]] || die "no $fake; build first (ninja -C $build_dir)"
[[ -x $aws_cli ]] || die "no AWS CLI at $aws_cli; install Debian's awscli package or set AWS_CLI"

# %M (peak RSS) needs GNU time; bash's time keyword has no memory figure.
if ! [[ -x /usr/bin/time ]]; then
  if (( EUID == 0 )); then
    echo "Installing GNU time for peak RSS figures..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time > /dev/null ||
      die "could not install the time package"
  else
    die "/usr/bin/time is missing: apt-get install time"
  fi
fi

tmp=$(mktemp -d -t keyway-bench.XXXXXX)
fake_pid=

# shellcheck disable=SC2317  # called by the EXIT trap
cleanup () {
  # Closing its stdin stops the fake (--until-stdin-closes); the kill is for
  # a fake that stopped reading.
  local fd=${FAKE[1]:-}
  if [[ -n $fd ]]; then
    exec {fd}>&-
  fi
  if [[ -n $fake_pid ]]; then
    kill "$fake_pid" 2> /dev/null
    wait "$fake_pid" 2> /dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# Neither tool may read a config, credentials, cache or pager setting from
# the person running this: both get an empty HOME and the same environment.
mkdir -p "$tmp/home"
for var in $(compgen -e); do
  if [[ $var == AWS_* ]]; then
    unset "$var"
  fi
done
export HOME=$tmp/home
export XDG_CONFIG_HOME=$HOME/.config XDG_CACHE_HOME=$HOME/.cache XDG_DATA_HOME=$HOME/.local/share
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE
export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
export AWS_CONFIG_FILE=$HOME/.aws/config
export AWS_SHARED_CREDENTIALS_FILE=$HOME/.aws/credentials
export AWS_EC2_METADATA_DISABLED=true
export AWS_PAGER=
export LC_ALL=C.UTF-8

# ForgotPassword spends the user's hourly attempt budget (10 by default),
# and this sends 2 x (RUNS + 1) of them.
attempts=$(( 2 * (runs + 1) + 10 ))
coproc FAKE { exec "$fake" --attempt-limit "$attempts" --until-stdin-closes 2> "$tmp/fake.log"; }
# shellcheck disable=SC2153  # FAKE_PID is set by coproc
fake_pid=$FAKE_PID
url=
if read -r -t 10 line <&"${FAKE[0]}"; then
  url=${line#KEYWAY_FAKE_URL=}
fi
[[ $url == http://127.0.0.1:* ]] || die "keyway-fake-cognito did not start: $(cat "$tmp/fake.log")"

# shellcheck disable=SC2034  # both are read through the nameref in run ()
keyway_cmd=("$cli" --endpoint-url "$url" --region us-east-1
            forgot-password --client-id keywaydemo --username jane)
# shellcheck disable=SC2034
aws_cmd=("$aws_cli" cognito-idp forgot-password --endpoint-url "$url" --region us-east-1
         --client-id keywaydemo --username jane --no-cli-pager)

codes_sent () {
  grep -c '^KEYWAY_FAKE_CODE username=jane ' "$tmp/fake.log"
}

failures=0

# run TOOL: runs one call, appends "SECONDS KILOBYTES" to $tmp/TOOL.times,
# and counts it as failed unless it exited 0, printed the delivery details
# and the fake really sent a code.
run () {
  local tool=$1 before after start end status
  local -n cmd=${tool}_cmd

  before=$(codes_sent)
  start=$EPOCHREALTIME
  /usr/bin/time -f '%M' -o "$tmp/rss" "${cmd[@]}" > "$tmp/out" 2> "$tmp/err" < /dev/null
  status=$?
  end=$EPOCHREALTIME
  after=$(codes_sent)

  if (( status != 0 )) || ! grep -q '"CodeDeliveryDetails"' "$tmp/out" || (( after != before + 1 )); then
    failures=$(( failures + 1 ))
    echo "$tool failed (exit status $status, codes sent: $(( after - before ))): $(head -c 300 "$tmp/err" | tr '\n' ' ')" >&2
    return
  fi

  echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.6f", e - s }') $(tail -n 1 "$tmp/rss")" \
    >> "$tmp/$tool.times"
}

# One untimed call each, so that neither pays for a cold page cache.
run keyway > /dev/null
run aws > /dev/null
: > "$tmp/keyway.times"
: > "$tmp/aws.times"

for (( i = 0; i < runs; i++ )); do
  run keyway
  run aws
done

# median FILE: the median of the first column; peak FILE: the largest second
# column, in MB.
median () {
  sort -n -k1,1 "$1" | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
peak () {
  awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { printf "%.1f", m / 1024 }' "$1"
}

keyway_ok=$(wc -l < "$tmp/keyway.times")
aws_ok=$(wc -l < "$tmp/aws.times")
keyway_median=$(median "$tmp/keyway.times")
aws_median=$(median "$tmp/aws.times")
keyway_peak=$(peak "$tmp/keyway.times")
aws_peak=$(peak "$tmp/aws.times")
aws_version=$("$aws_cli" --version 2>&1 | head -n 1 | awk '{ print $1 }')
keyway_version=$("$cli" --version 2>/dev/null | head -n 1)

row () {
  local name=$1 ok=$2 median=$3 peak=$4

  if (( ok == 0 )); then
    printf '%-28s %3s/%-3s %17s %14s\n' "$name" "$ok" "$runs" - -
  else
    printf '%-28s %3s/%-3s %14.1f ms %11s MB\n' "$name" "$ok" "$runs" \
      "$(awk -v m="$median" 'BEGIN { print m * 1000 }')" "$peak"
  fi
}

echo
echo "forgot-password against keyway-fake-cognito at $url, $runs runs each, alternating"
printf '%-28s %7s %17s %14s\n' tool ok "median wall" "peak RSS"
row "${keyway_version:-keyway-cli}" "$keyway_ok" "$keyway_median" "$keyway_peak"
row "${aws_version:-aws}" "$aws_ok" "$aws_median" "$aws_peak"
if (( keyway_ok > 0 && aws_ok > 0 )); then
  awk -v k="$keyway_median" -v a="$aws_median" -v r="$keyway_peak" 'BEGIN {
    ratio = a / k
    printf "ratio (aws / keyway-cli median): %.1fx  (target: >= 10x, %s; keyway-cli RSS target: < 15 MB, %s)\n",
      ratio, (ratio >= 10 ? "met" : "NOT met"), (r < 15 ? "met" : "NOT met")
  }'
fi

# A sanitizer build is several times slower and larger; say so rather than
# let its figures pass for the real ones.
if nm -D "$cli" 2> /dev/null | grep -q '__asan_init\|__ubsan_handle' ||
   nm "$cli" 2> /dev/null | grep -q '__asan_init\|__ubsan_handle'; then
  echo "note: $cli is a sanitizer build; its figures are not representative"
fi

if (( failures > 0 )); then
  echo "$failures run(s) failed; the figures above leave them out" >&2
  exit 1
fi

exit 0
