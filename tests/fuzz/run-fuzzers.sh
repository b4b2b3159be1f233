#!/bin/bash
# run-fuzzers.sh: runs every libFuzzer target of a build directory for a
# bounded time, each from a few hand-written seeds.
#
# Usage:   run-fuzzers.sh [BUILD_DIR] [SECONDS_PER_TARGET]
#          (defaults: _build and 60)
# Result:  0 when no target crashed, leaked or hung; 1 otherwise; 2 when
#          there is nothing to run.
#
# The build directory is configured with
#   CC=clang meson setup BUILD_DIR -Dfuzzing=true \
#     -Db_sanitize=address,undefined -Db_lundef=false
#
# Seeds are written here rather than committed, one small set per target.
# Corpora live in a temporary folder that is removed afterwards unless a
# target crashed (or KEEP_TMP=1); crash inputs and logs are kept there and
# their paths printed.

set -u

here=$(cd "$(dirname "$0")" && pwd)
build_dir=${1:-_build}
seconds=${2:-60}

if ! [[ $seconds =~ ^[1-9][0-9]*$ ]]; then
  echo "run-fuzzers.sh: the time per target must be a positive number of seconds, not '$seconds'" >&2
  exit 2
fi

fuzz_dir=$build_dir/tests/fuzz
targets=()
for path in "$fuzz_dir"/fuzz-*; do
  if [[ -f $path && -x $path ]]; then
    targets+=("$path")
  fi
done

if (( ${#targets[@]} == 0 )); then
  echo "run-fuzzers.sh: no fuzz targets in $fuzz_dir; configure with CC=clang and -Dfuzzing=true, then build" >&2
  exit 2
fi

work=$(mktemp -d -t keyway-fuzz.XXXXXX)

# GLib 2.74's slice allocator would hide heap errors from AddressSanitizer,
# and it reads G_SLICE when GLib starts, before the target does anything.
export G_SLICE=always-malloc
export G_DEBUG=gc-friendly
export LC_ALL=C.UTF-8
# Full stacks on every allocation cost speed, but the suppressions can only
# name json-glib's parser when the unwinder sees past GLib, which has no
# frame pointers.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:check_initialization_order=1:strict_string_checks=1:fast_unwind_on_malloc=0}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

# seed NAME PREFIX BODY: PREFIX is printf %b escapes (the response target's
# selector bytes), BODY is written as is.
seed () {
  printf '%b%s' "$2" "$3" > "$corpus/$1"
}

seed_response () {
  # Byte 0 is the operation (0 ForgotPassword, 1 ConfirmForgotPassword,
  # 2 AdminResetUserPassword, 3 AdminGetUser, 4 AdminSetUserPassword,
  # 5 ListUsers); byte 1 the status index (0: 200, 1: 400, 5: 500, 6: 502)
  # plus flags for the headers that follow, one per line (0x10 ErrorType,
  # 0x20 ErrorMessage, 0x40 RequestId). See fuzz-response.c.
  seed forgot-password '\x00\x00' \
    '{"CodeDeliveryDetails":{"Destination":"j***@e***","DeliveryMedium":"EMAIL","AttributeName":"email"}}'
  seed confirm-empty '\x01\x00' '{}'
  seed code-mismatch '\x01\x01' '{"__type":"CodeMismatchException","message":"x"}'
  seed code-mismatch-header '\x01\x51' \
    $'aws.cognito#CodeMismatchException:http://internal.amazon.com/coral/com.amazonaws.cognito/\n7c2a0b5e-0000-4000-8000-000000000000\n{"message":"Invalid code"}'
  seed throttling-code '\x05\x01' '{"code":"ThrottlingException","Message":"Rate exceeded"}'
  seed internal-error '\x02\x25' $'Internal failure\n{"__type":"InternalErrorException"}'
  seed html-502 '\x02\x06' \
    '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>'
  seed admin-get-user '\x03\x00' \
    '{"Username":"jane","UserAttributes":[{"Name":"email","Value":"jane@example.com"},{"Name":"email_verified","Value":"true"}],"UserCreateDate":1.682955829578E9,"UserLastModifiedDate":1682955829,"Enabled":true,"UserStatus":"CONFIRMED","PreferredMfaSetting":"SOFTWARE_TOKEN_MFA","UserMFASettingList":["SOFTWARE_TOKEN_MFA"]}'
  seed list-users '\x05\x00' \
    '{"Users":[{"Username":"sam","Attributes":[{"Name":"phone_number","Value":"+15555550123"}],"UserCreateDate":1.7E9,"UserLastModifiedDate":1700000000.5,"Enabled":false,"UserStatus":"FORCE_CHANGE_PASSWORD"}],"PaginationToken":"next"}'

  cat > "$dict" <<'EOF'
"{"
"}"
"["
"]"
":"
","
"\x22"
"null"
"true"
"false"
"1.682955829578E9"
"-1e400"
"\x5cu0000"
"__type"
"code"
"message"
"Message"
"CodeDeliveryDetails"
"Destination"
"DeliveryMedium"
"AttributeName"
"Username"
"UserAttributes"
"Attributes"
"Name"
"Value"
"UserCreateDate"
"UserLastModifiedDate"
"Enabled"
"UserStatus"
"UserMFASettingList"
"PreferredMfaSetting"
"Users"
"PaginationToken"
"#"
"aws.cognito#"
"CodeMismatchException"
EOF
}

seed_aws_config () {
  seed config-profile '' $'[default]\nregion = us-east-1\noutput = json\n\n[profile x]\nregion = eu-west-1\nservices = local\n\n[services local]\ncognito-identity-provider =\n  endpoint_url = http://127.0.0.1:9229\n'
  seed credentials '' $'# helpdesk keys\n[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n\n[x]\naws_access_key_id=AKIDEXAMPLE\naws_secret_access_key=secret\naws_session_token=token ; not a comment\n'
  seed config-nested '' $'[profile y]\ns3 =\n  max_concurrent_requests = 10\n; comment\nregion=us-gov-west-1\nendpoint_url = https://cognito-idp.us-east-1.amazonaws.com\nuse_fips_endpoint = true\n'
  seed config-broken '' $'[profile \nregion\n  = x\n[]\n'

  cat > "$dict" <<'EOF'
"["
"]"
"[profile "
"[services "
"[sso-session "
"[default]"
"="
"\x0a"
"\x0a  "
"#"
";"
" ;"
"region"
"services"
"endpoint_url"
"cognito-identity-provider"
"aws_access_key_id"
"aws_secret_access_key"
"aws_session_token"
"use_fips_endpoint"
EOF
}

failed=0

for target in "${targets[@]}"; do
  name=$(basename "$target")
  corpus=$work/corpus/$name
  artifacts=$work/artifacts/$name
  dict=$work/$name.dict
  log=$work/$name.log
  mkdir -p "$corpus" "$artifacts"
  : > "$dict"

  case $name in
    fuzz-response) seed_response ;;
    fuzz-aws-config) seed_aws_config ;;
    *) ;;  # a new target starts from an empty corpus until it gets seeds here
  esac

  dict_arg=()
  if [[ -s $dict ]]; then
    dict_arg=(-dict="$dict")
  fi

  # libFuzzer checks its time limit between inputs; the outer timeout only
  # catches a target that hangs where libFuzzer's own -timeout cannot.
  timeout --kill-after=10 $(( seconds + 120 )) \
    "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict_arg[@]}" \
      "$corpus" > "$log" 2>&1
  status=$?

  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  if [[ -z $execs ]]; then
    execs=$(sed -n 's/^Done \([0-9]*\) runs in.*/\1/p' "$log" | tail -n 1)
  fi
  corpus_size=$(find "$corpus" -type f | wc -l)
  crashes=$(find "$artifacts" -type f | wc -l)

  if (( status == 0 && crashes == 0 )); then
    printf '%-20s %12s execs in %ss, %s corpus inputs: no crash\n' \
      "$name" "${execs:-?}" "$seconds" "$corpus_size"
  else
    failed=1
    if (( status == 124 || status == 137 )); then
      what="HUNG (killed after $(( seconds + 120 ))s)"
    else
      what="CRASHED (exit status $status)"
    fi
    printf '%-20s %12s execs: %s\n' "$name" "${execs:-?}" "$what"
    # The sanitizer's or libFuzzer's report, without the run's progress lines.
    grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse|INITED)|^INFO:|^Dictionary:|^[[:space:]]*NEW_FUNC' "$log" \
      | head -n 60 | sed 's/^/    /'
    echo "    log:       $log"
    echo "    artifacts: $artifacts"
    for artifact in "$artifacts"/*; do
      [[ -f $artifact ]] || continue
      # GLib has no frame pointers: only slow unwinding shows who allocated a leak.
      echo "    input:     $artifact ($(stat -c %s "$artifact") bytes)"
      echo "    reproduce: G_SLICE=always-malloc ASAN_OPTIONS=fast_unwind_on_malloc=0 LSAN_OPTIONS=suppressions=$here/lsan.supp $target $artifact"
    done
  fi
done

if (( failed )) || [[ ${KEEP_TMP:-0} == 1 ]]; then
  echo "fuzz work folder kept: $work"
else
  rm -rf "$work"
fi

exit $failed
