#!/usr/bin/env bash
# Nightly access requests: for each request received during the day (a CSV exported from the
# ticket system), open an access case, write the Art. 15 package as a ZIP for the DPO to
# review and send, and print one JSON line per request.
#
#   DSR_TENANT=acme ./nightly-access.sh requests.csv /srv/dpo/outbox
#
# requests.csv: email, name, phone, login (as known), reference (the ticket), received.
# The tenant's record of processing must be filled in (dsr tenant ropa NAME --init).
set -euo pipefail

usage="usage: DSR_TENANT=NAME $0 REQUESTS.csv OUTBOX_DIR"
requests=${1:?$usage}
outbox=${2:?$usage}
: "${DSR_TENANT:?$usage}"
export DSR_TENANT
export DSR_PURPOSE="${DSR_PURPOSE:-nightly answer to access requests ($(date +%F))}"

umask 077
mkdir -p "$outbox"
dsr sync --quiet

status=0
cases=$(mktemp)
trap 'rm -f "$cases"' EXIT
# Rows dsr cannot use are reported with their row numbers on stderr (status 3).
dsr case open --right access --from "$requests" --verified-by "ticket system" >"$cases" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    exit "$status"
fi

while read -r case_id; do
    package="$outbox/access-$case_id.zip"
    if dsr access "$case_id" --out "$package" --quiet >/dev/null; then
        printf '{"case":"%s","status":"written","package":"%s"}\n' "$case_id" "$package"
    else
        rc=$?
        printf '{"case":"%s","status":"failed","exit":%d}\n' "$case_id" "$rc"
        status=3
    fi
done <"$cases"
exit "$status"
