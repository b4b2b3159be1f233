#!/bin/bash
# Interop test: keyway-cli against cognito-local (jagregory/cognito-local),
# a local Amazon Cognito user-pool emulator from the npm registry.
#
# Usage:   cognito-local.sh /path/to/keyway-cli
# Result:  exit 0 = pass, 77 = skip, anything else = fail (meson "exitcode").
#
# Environment:
#   CI=true            missing prerequisites (node >= 18, npm, python3, curl)
#                      or a failed npm install become failures instead of skips.
#   KEYWAY_NPM_CACHE   npm cache directory (npm --cache) kept between runs; with
#                      it, the install is done --prefer-offline and takes a few
#                      seconds.  Without it a throw-away cache inside the temp
#                      dir is used, i.e. every run downloads the ~100 packages.
#   npm_config_*       passed through to npm (e.g. npm_config_registry for a
#                      mirror): HOME is redirected, so ~/.npmrc is NOT read.
#   KEEP_TMP=1         keep the temporary directory (for debugging).
#
# Nothing here talks to AWS: every request goes to 127.0.0.1.
#
# Facts about cognito-local 5.3.0 that this test relies on (read from the
# package's lib/ directory; see also ecosystem.md section 4.1):
#  * lib/server/config.js: listens on $HOST (default "localhost") : $PORT
#    (default 9229); config and data live in ./.cognito (config.json, db/)
#    relative to the CURRENT DIRECTORY, so it is started from inside $tmp.
#    GET /health answers {"ok":true} once it listens.
#  * lib/server/server.js: requests are routed only on X-Amz-Target; the body is
#    parsed only when Content-Type is application/x-amz-json-1.1; Authorization
#    and SigV4 are never looked at.  Errors are HTTP 400 with
#    Content-Type application/json and body {"__type":"<Name>Exception",
#    "message":"..."} (no x-amzn-ErrorType header); unimplemented operations give
#    HTTP 500 {"__type":"CognitoLocal#Unsupported",...}.
#  * UserPoolDefaults.UsernameAttributes defaults to ["email"]: the pool uses
#    email addresses as user names, the stored Username is the sub (a UUID), and
#    look-ups by email work.  This test therefore uses an email as --username.
#  * lib/targets/forgotPassword.js: returns the RAW email as
#    CodeDeliveryDetails.Destination (real Cognito masks it, a***@e***);
#    unknown users always give UserNotFoundException.
#  * lib/services/otp.js: code = $CODE or a random 6-digit string (may start
#    with 0).  We unset CODE and read the real code from the emulator's log:
#    lib/services/messageDelivery/consoleMessageSender.js logs, through
#    pino-pretty with ANSI colours, a boxen box (round corners) like
#        ╭──────...──╮
#        │   Confirmation Code Delivery                          │
#        │   Username:    e7711292-b334-4d9f-9d9e-8c924c581106   │
#        │   Destination: alice@example.test                     │
#        │   Code:        860290                                 │
#        ╰──────...──╯ {"reqId":"aec73ee7","target":"ForgotPassword"}
#  * lib/targets/confirmForgotPassword.js: wrong code -> CodeMismatchException
#    "Incorrect confirmation code"; no expiry, no attempt limit, no password
#    policy check; success sets UserStatus CONFIRMED.
#  * CreateUserPoolClient honours GenerateSecret (returns a ClientSecret) but
#    SecretHash is never validated anywhere, so the secret pass below only
#    shows keyway-cli works when KEYWAY_CLIENT_SECRET is set; it cannot prove
#    the hash is right.
#  * lib/targets/initiateAuth.js: a wrong password gives InvalidPasswordException
#    (real Cognito: NotAuthorizedException "Incorrect username or password."),
#    so both are accepted for the "old password is dead" check.
#  * Only cognito-local's own version is pinned; its dependencies follow the
#    semver ranges in its package.json.

set -euo pipefail

COGNITO_LOCAL_VERSION=5.3.0
# dist.integrity of cognito-local@5.3.0 as the npm registry publishes it
COGNITO_LOCAL_INTEGRITY='sha512-cIDVOJ8Tfg226OUMd5rPgm9TKm+Nnsw6NEBwLJKsqG/+a5mMgjR5xhBZCvQkx7FksY7abj9naiLECraFoQ81Dg=='

step=0
log() { printf '%s\n' "$*"; }
ok() { step=$((step + 1)); log "ok $step - $*"; }

# skip_or_fail REASON: skip (77) normally, fail when CI=true.
skip_or_fail() {
    if [ "${CI:-}" = true ]; then
        log "not ok - $1 (CI=true, so this is a failure)"
        exit 1
    fi
    log "1..0 # SKIP $1"
    exit 77
}

if [ $# -ne 1 ]; then
    log "usage: $0 /path/to/keyway-cli" >&2
    exit 1
fi
case $1 in /*) cli_bin=$1 ;; *) cli_bin=$PWD/$1 ;; esac
if [ ! -x "$cli_bin" ]; then
    log "not ok - keyway-cli not found or not executable: $cli_bin"
    exit 1
fi

for tool in node npm python3 curl timeout; do
    command -v "$tool" > /dev/null 2>&1 || skip_or_fail "$tool not found in PATH"
done
node_major=$(node -p 'process.versions.node.split(".")[0]' 2> /dev/null || echo 0)
[ "$node_major" -ge 18 ] 2> /dev/null ||
    skip_or_fail "node >= 18 needed by cognito-local $COGNITO_LOCAL_VERSION (found $(node --version 2> /dev/null || echo none))"

# ---------------------------------------------------------------- sandbox ---
tmp=$(mktemp -d "${TMPDIR:-/tmp}/keyway-cognito-local.XXXXXX")
emu_pid=
emu_log=$tmp/cognito-local.log
failed=1

strip_ansi() { sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$@"; }

cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    if [ -n "$emu_pid" ] && kill -0 "$emu_pid" 2> /dev/null; then
        kill "$emu_pid" 2> /dev/null || true
        for _ in $(seq 50); do
            kill -0 "$emu_pid" 2> /dev/null || break
            sleep 0.1
        done
        kill -9 "$emu_pid" 2> /dev/null || true
        wait "$emu_pid" 2> /dev/null || true
    fi
    if [ "$failed" = 1 ] && [ "$rc" != 77 ] && [ -s "$emu_log" ]; then
        log "# ---- cognito-local log (last 200 lines) ----"
        strip_ansi "$emu_log" | tail -n 200 | sed 's/^/# /'
        log "# ---- end of cognito-local log ----"
    fi
    if [ "${KEEP_TMP:-}" = 1 ]; then
        log "# kept $tmp"
    else
        rm -rf "$tmp"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

die() {
    log "not ok $((step + 1)) - $*"
    exit 1
}

# Isolate everything from the developer's account: no ~/.aws, no profile, no
# real credentials or endpoints, no proxy for 127.0.0.1, no fixed OTP.
while IFS= read -r var; do
    unset "$var"
done < <(compgen -e | grep -E '^(AWS_|KEYWAY_)' | grep -v '^KEYWAY_NPM_CACHE$' || true)
unset CODE DEBUG COGNITO_LOCAL_DEVMODE HOST PORT
export AWS_CONFIG_FILE=$tmp/home/.aws/config
export AWS_SHARED_CREDENTIALS_FILE=$tmp/home/.aws/credentials
export AWS_EC2_METADATA_DISABLED=true
export HOME=$tmp/home
export XDG_CONFIG_HOME=$tmp/home/.config
export XDG_CACHE_HOME=$tmp/home/.cache
export XDG_DATA_HOME=$tmp/home/.local/share
export XDG_STATE_HOME=$tmp/home/.local/state
export NO_PROXY=127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}
export no_proxy=$NO_PROXY
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME" \
    "$tmp/npm" "$tmp/emu"

log "# keyway-cli: $cli_bin"
log "# node $(node --version), npm $(npm --version 2> /dev/null), tmp $tmp"

# ---------------------------------------------------------------- install ---
npm_cache=${KEYWAY_NPM_CACHE:-$tmp/npm-cache}
npm_args=(install --no-audit --no-fund --no-update-notifier --ignore-scripts
    --loglevel=warn --cache "$npm_cache" --prefix "$tmp/npm")
[ -n "${KEYWAY_NPM_CACHE:-}" ] && npm_args+=(--prefer-offline)
t0=$SECONDS
if ! (cd "$tmp/npm" && timeout 300 npm "${npm_args[@]}" "cognito-local@$COGNITO_LOCAL_VERSION") \
    > "$tmp/npm.log" 2>&1; then
    sed 's/^/# npm: /' "$tmp/npm.log" | tail -n 40
    skip_or_fail "npm install cognito-local@$COGNITO_LOCAL_VERSION failed (no registry access?)"
fi
pkg=$tmp/npm/node_modules/cognito-local
got_version=$(node -p "require('$pkg/package.json').version")
[ "$got_version" = "$COGNITO_LOCAL_VERSION" ] ||
    die "installed cognito-local is $got_version, wanted $COGNITO_LOCAL_VERSION"
got_integrity=$(node -p "require('$tmp/npm/node_modules/.package-lock.json').packages['node_modules/cognito-local'].integrity")
[ "$got_integrity" = "$COGNITO_LOCAL_INTEGRITY" ] ||
    die "cognito-local tarball integrity mismatch: $got_integrity"
ok "npm install cognito-local@$COGNITO_LOCAL_VERSION ($((SECONDS - t0)) s)"

# ------------------------------------------------------------------ start ---
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_emulator() {
    port=$(free_port)
    : > "$emu_log"
    (cd "$tmp/emu" && exec env HOST=127.0.0.1 PORT="$port" \
        AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE=1 \
        node "$pkg/lib/bin/start.js") >> "$emu_log" 2>&1 &
    emu_pid=$!
    local deadline=$((SECONDS + 30))
    while [ $SECONDS -lt $deadline ]; do
        if ! kill -0 "$emu_pid" 2> /dev/null; then
            wait "$emu_pid" 2> /dev/null || true
            emu_pid=
            return 1
        fi
        if curl -fsS --noproxy '*' --max-time 2 "http://127.0.0.1:$port/health" 2> /dev/null |
            grep -q '"ok":true'; then
            return 0
        fi
        sleep 0.2
    done
    die "cognito-local did not answer on 127.0.0.1:$port within 30 s"
}

started=
for attempt in 1 2 3; do
    if start_emulator; then
        started=1
        break
    fi
    log "# cognito-local exited during start-up (attempt $attempt, port $port)"
    strip_ansi "$emu_log" | tail -n 20 | sed 's/^/# /'
done
[ -n "$started" ] || die "cognito-local would not start"
ENDPOINT=http://127.0.0.1:$port
ok "cognito-local listening on $ENDPOINT (pid $emu_pid)"

# ------------------------------------------------------------ raw API ---
# api OPERATION JSON -> response body in $tmp/resp.json, HTTP status in $http
api() {
    http=$(curl -sS --noproxy '*' --max-time 10 -o "$tmp/resp.json" -w '%{http_code}' \
        -X POST "$ENDPOINT/" \
        -H 'Content-Type: application/x-amz-json-1.1' \
        -H "X-Amz-Target: AWSCognitoIdentityProviderService.$1" \
        -H 'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/cognito-idp/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000000000000000000000000000000000000000000000000000000000000000' \
        --data-binary "$2") || die "$1: curl failed"
}
api_ok() {
    api "$@"
    [ "$http" = 200 ] || die "$1 returned HTTP $http: $(cat "$tmp/resp.json")"
}
# jget FILE PYTHON-EXPRESSION-ON-d
jget() {
    python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}
# json KEY VALUE ... -> JSON object (values are strings; @json: prefix = raw JSON)
json() {
    python3 -c '
import json, sys
a = sys.argv[1:]
o = {}
for k, v in zip(a[::2], a[1::2]):
    o[k] = json.loads(v[6:]) if v.startswith("@json:") else v
print(json.dumps(o))' "$@"
}

EMAIL=alice@example.test
OLD_PASS='Old-Passw0rd!1'
NEW_PASS="N3w-Passw0rd!$RANDOM"
NEW_PASS2="S3cret-Passw0rd!$RANDOM"

api_ok CreateUserPool "$(json PoolName keyway-interop)"
POOL=$(jget "$tmp/resp.json" 'd["UserPool"]["Id"]')
ok "CreateUserPool -> $POOL"

flows='@json:["ALLOW_USER_PASSWORD_AUTH","ALLOW_REFRESH_TOKEN_AUTH"]'
api_ok CreateUserPoolClient "$(json UserPoolId "$POOL" ClientName keyway-public ExplicitAuthFlows "$flows")"
CLIENT_ID=$(jget "$tmp/resp.json" 'd["UserPoolClient"]["ClientId"]')
[ "$(jget "$tmp/resp.json" 'd["UserPoolClient"].get("ClientSecret") is None')" = True ] ||
    die "public client unexpectedly has a secret"
ok "CreateUserPoolClient (no secret) -> $CLIENT_ID"

api_ok CreateUserPoolClient "$(json UserPoolId "$POOL" ClientName keyway-confidential \
    GenerateSecret @json:true ExplicitAuthFlows "$flows")"
SECRET_CLIENT_ID=$(jget "$tmp/resp.json" 'd["UserPoolClient"]["ClientId"]')
CLIENT_SECRET=$(jget "$tmp/resp.json" 'd["UserPoolClient"].get("ClientSecret") or ""')
[ -n "$CLIENT_SECRET" ] || die "GenerateSecret did not return a ClientSecret"
ok "CreateUserPoolClient (GenerateSecret) -> $SECRET_CLIENT_ID"

attrs="@json:[{\"Name\":\"email\",\"Value\":\"$EMAIL\"},{\"Name\":\"email_verified\",\"Value\":\"true\"}]"
api_ok AdminCreateUser "$(json UserPoolId "$POOL" Username "$EMAIL" MessageAction SUPPRESS UserAttributes "$attrs")"
USER_SUB=$(jget "$tmp/resp.json" 'd["User"]["Username"]')
ok "AdminCreateUser $EMAIL (stored as $USER_SUB)"

api_ok AdminSetUserPassword "$(json UserPoolId "$POOL" Username "$EMAIL" Password "$OLD_PASS" Permanent @json:true)"
api_ok AdminGetUser "$(json UserPoolId "$POOL" Username "$EMAIL")"
[ "$(jget "$tmp/resp.json" 'd["UserStatus"]')" = CONFIRMED ] || die "user is not CONFIRMED: $(cat "$tmp/resp.json")"
ok "AdminSetUserPassword --permanent -> CONFIRMED"

# InitiateAuth with USER_PASSWORD_AUTH; sets $http, response in resp.json.
# Optional third argument: client secret, for SECRET_HASH (ignored by cognito-local).
initiate_auth() {
    local params
    params=$(python3 -c '
import base64, hashlib, hmac, json, sys
user, pw, cid, secret = sys.argv[1:5]
p = {"USERNAME": user, "PASSWORD": pw}
if secret:
    p["SECRET_HASH"] = base64.b64encode(hmac.new(secret.encode(), (user + cid).encode(), hashlib.sha256).digest()).decode()
print(json.dumps(p))' "$EMAIL" "$1" "$2" "${3:-}")
    api InitiateAuth "$(json AuthFlow USER_PASSWORD_AUTH ClientId "$2" AuthParameters "@json:$params")"
}
# has_token: the last InitiateAuth returned HTTP 200 with an AccessToken.
has_token() {
    [ "$http" = 200 ] &&
        [ -n "$(jget "$tmp/resp.json" 'd.get("AuthenticationResult", {}).get("AccessToken", "")')" ]
}
initiate_auth "$OLD_PASS" "$CLIENT_ID"
has_token || die "InitiateAuth with the initial password failed: HTTP $http $(cat "$tmp/resp.json")"
ok "InitiateAuth with the initial password works"

# ------------------------------------------------------------ keyway-cli ---
# cli [ENV=VAL ...] -- ARGS... ; stdin is passed through.  Feed passwords with
# a here-string, not a pipe: a pipeline would run cli in a subshell and lose $rc.
# Sets $rc; output in $tmp/out, $tmp/err.
cli() {
    local envs=()
    while [ "$1" != -- ]; do
        envs+=("$1")
        shift
    done
    shift
    rc=0
    env "${envs[@]}" timeout 60 "$cli_bin" --endpoint-url "$ENDPOINT" --region us-east-1 "$@" \
        > "$tmp/out" 2> "$tmp/err" || rc=$?
}
show_cli() {
    log "# exit status: $rc"
    sed 's/^/# stdout: /' "$tmp/out"
    sed 's/^/# stderr: /' "$tmp/err"
}
cli_die() {
    show_cli
    die "$@"
}
# The password must never be printed by keyway-cli.
check_no_leak() {
    if grep -qF -- "$1" "$tmp/out" "$tmp/err"; then
        cli_die "keyway-cli printed the password"
    fi
}
# expect_error STATUS EXCEPTION OPERATION
expect_error() {
    [ "$rc" = "$1" ] || cli_die "expected exit status $1, got $rc"
    grep -qE "^An error occurred \\($2\\) when calling the $3 operation: .+" "$tmp/err" ||
        cli_die "stderr lacks 'An error occurred ($2) when calling the $3 operation: ...'"
    [ ! -s "$tmp/out" ] || cli_die "stdout is not empty on error"
}

log_size() { stat -c %s "$emu_log"; }

# read_code OFFSET DESTINATION: the code from the first "Confirmation Code
# Delivery" box logged after byte OFFSET whose Destination is DESTINATION.
read_code() {
    timeout 15 python3 - "$emu_log" "$1" "$2" << 'EOF'
import re, sys, time
path, offset, dest = sys.argv[1], int(sys.argv[2]), sys.argv[3]
ansi = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
deadline = time.monotonic() + 10  # pino-pretty writes asynchronously
while True:
    with open(path, "rb") as f:
        f.seek(offset)
        text = ansi.sub("", f.read().decode("utf-8", "replace"))
    codes = []
    for box in text.split("Confirmation Code Delivery")[1:]:
        d = re.search(r"^\W*Destination:\s+(\S+)", box, re.M)
        c = re.search(r"^\W*Code:\s+(\d+)", box, re.M)
        if d and c and d.group(1) == dest:
            codes.append(c.group(1))
    if codes:
        if len(codes) > 1:
            sys.exit("more than one code delivered: %s" % codes)
        print(codes[0])
        sys.exit(0)
    if time.monotonic() > deadline:
        sys.exit("no Confirmation Code Delivery box for %s in the log" % dest)
    time.sleep(0.1)
EOF
}

# check_delivery: stdout of forgot-password is AWS-CLI-shaped JSON.
check_delivery() {
    python3 - "$tmp/out" "$EMAIL" << 'EOF' || cli_die "forgot-password output is not the expected JSON"
import json, sys
d = json.load(open(sys.argv[1]))
cdd = d["CodeDeliveryDetails"]
assert cdd["Destination"] == sys.argv[2], cdd   # cognito-local does not mask
assert cdd["DeliveryMedium"] == "EMAIL", cdd
assert cdd["AttributeName"] == "email", cdd
EOF
}

# --- forgot-password / confirm-forgot-password, public client ---
offset=$(log_size)
cli -- forgot-password --client-id "$CLIENT_ID" --username "$EMAIL"
[ "$rc" = 0 ] || cli_die "forgot-password failed"
check_delivery
ok "keyway-cli forgot-password -> CodeDeliveryDetails.Destination $EMAIL"

CODE=$(read_code "$offset" "$EMAIL") || die "could not read the confirmation code from cognito-local's log"
[[ $CODE =~ ^[0-9]{6}$ ]] || die "odd confirmation code '$CODE'"
ok "read confirmation code $CODE from cognito-local's log"

WRONG_CODE=$(printf '%06d' $(((10#$CODE + 1) % 1000000)))
cli -- confirm-forgot-password --client-id "$CLIENT_ID" \
    --username "$EMAIL" --confirmation-code "$WRONG_CODE" <<< "$NEW_PASS"
check_no_leak "$NEW_PASS"
expect_error 254 CodeMismatchException ConfirmForgotPassword
ok "keyway-cli confirm-forgot-password with a wrong code -> 254 CodeMismatchException"

cli -- confirm-forgot-password --client-id "$CLIENT_ID" \
    --username "$EMAIL" --confirmation-code "$CODE" <<< "$NEW_PASS"
check_no_leak "$NEW_PASS"
[ "$rc" = 0 ] || cli_die "confirm-forgot-password failed"
if [ -s "$tmp/out" ]; then
    python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$tmp/out" ||
        cli_die "confirm-forgot-password printed something that is not JSON"
fi
ok "keyway-cli confirm-forgot-password (password on stdin) -> 0"

initiate_auth "$NEW_PASS" "$CLIENT_ID"
has_token || die "InitiateAuth with the new password failed: HTTP $http $(cat "$tmp/resp.json")"
ok "InitiateAuth with the new password -> AccessToken"

initiate_auth "$OLD_PASS" "$CLIENT_ID"
err_type=$(jget "$tmp/resp.json" 'd.get("__type", "")' 2> /dev/null || true)
case "$http:$err_type" in
    400:NotAuthorizedException | 400:InvalidPasswordException) ;;
    *) die "old password still accepted or odd error: HTTP $http $(cat "$tmp/resp.json")" ;;
esac
ok "InitiateAuth with the old password -> $err_type"

# --- negative: unknown user ---
cli -- forgot-password --client-id "$CLIENT_ID" --username nobody@example.test
expect_error 254 UserNotFoundException ForgotPassword
ok "keyway-cli forgot-password for an unknown user -> 254 UserNotFoundException"

# --- admin-get-user (SigV4-signed by keyway-cli; cognito-local ignores it) ---
cli AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY -- \
    admin-get-user --user-pool-id "$POOL" --username "$EMAIL"
[ "$rc" = 0 ] || cli_die "admin-get-user failed"
python3 - "$tmp/out" "$EMAIL" "$USER_SUB" << 'EOF' || cli_die "admin-get-user output is not the expected JSON"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["UserStatus"] == "CONFIRMED", d
assert d["Username"] == sys.argv[3], d
attrs = {a["Name"]: a["Value"] for a in d["UserAttributes"]}
assert attrs.get("email") == sys.argv[2], attrs
EOF
ok "keyway-cli admin-get-user -> UserStatus CONFIRMED, email $EMAIL"

# --- second pass with a confidential client (KEYWAY_CLIENT_SECRET) ---
# cognito-local accepts but never checks SecretHash: this is a smoke test.
offset=$(log_size)
cli KEYWAY_CLIENT_SECRET="$CLIENT_SECRET" -- forgot-password --client-id "$SECRET_CLIENT_ID" --username "$EMAIL"
[ "$rc" = 0 ] || cli_die "forgot-password with a client secret failed"
check_delivery
CODE2=$(read_code "$offset" "$EMAIL") || die "could not read the second confirmation code"
cli KEYWAY_CLIENT_SECRET="$CLIENT_SECRET" -- confirm-forgot-password \
    --client-id "$SECRET_CLIENT_ID" --username "$EMAIL" --confirmation-code "$CODE2" <<< "$NEW_PASS2"
check_no_leak "$NEW_PASS2"
[ "$rc" = 0 ] || cli_die "confirm-forgot-password with a client secret failed"
initiate_auth "$NEW_PASS2" "$SECRET_CLIENT_ID" "$CLIENT_SECRET"
[ "$http" = 200 ] || die "InitiateAuth after the secret-client reset failed: HTTP $http $(cat "$tmp/resp.json")"
ok "secret client: forgot-password + confirm-forgot-password with KEYWAY_CLIENT_SECRET (SecretHash not validated by cognito-local)"

log "1..$step"
log "# total $SECONDS s"
failed=0
