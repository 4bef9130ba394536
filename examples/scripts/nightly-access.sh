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

# One access case per request and its package as OUTBOX/access-CASE.zip; one JSON line per
# request on stdout as soon as it is written (row, reference, case, status, output,
# receipt, errors). Rows dsr cannot use are reported with their row numbers on stderr, and
# make the status 3.
exec dsr access --from "$requests" --out "$outbox" --verified-by "ticket system" \
    --quiet --output jsonl
