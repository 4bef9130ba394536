#!/usr/bin/env bash
# Offboarding: erase the personal data of everyone in an HR export of leavers, and archive
# each erasure's signed receipts.
#
#   DSR_TENANT=acme ./offboarding.sh leavers.csv /srv/dpo/receipts
#
# leavers.csv has a header naming identity columns: email, name, phone, login (repeat a column,
# or separate values with ';', for several), and optionally reference and received (YYYY-MM-DD).
# The client secret of a FotoWeb tenant comes from DSR_CLIENT_SECRET or DSR_CLIENT_SECRET_FILE.
#
# Exit status: 0 when every leaver's erasure is verified, 3 when some are partial or failed
# (listed on stderr), 2 when dsr could not start (configuration, input).
set -euo pipefail

usage="usage: DSR_TENANT=NAME $0 LEAVERS.csv RECEIPT_ARCHIVE_DIR"
leavers=${1:?$usage}
archive=${2:?$usage}
: "${DSR_TENANT:?$usage}"
export DSR_TENANT
export DSR_PURPOSE="${DSR_PURPOSE:-offboarding: erasure of leavers listed in $(basename "$leavers")}"

umask 077
mkdir -p "$archive"

# Erasure acts on what the index knows: bring it up to date first.
dsr sync --quiet

status=0
cases=$(mktemp)
trap 'rm -f "$cases"' EXIT
# One erasure case per leaver, one case id per line; rows dsr cannot use are reported with
# their row numbers on stderr, and make the status 3.
dsr case open --right erasure --from "$leavers" \
    --verified-by "HR leaver record" --reference "offboarding $(date +%F)" >"$cases" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    exit "$status"
fi

while read -r case_id; do
    # --yes: this job runs unattended; the plan is kept beside the receipts.
    if dsr erase "$case_id" --yes --quiet --output json >"$archive/$case_id-plan.json"; then
        echo "$case_id: erased and verified" >&2
    else
        rc=$?
        echo "$case_id: not complete (dsr erase exited $rc); see dsr case show $case_id" >&2
        status=3
    fi
    # The case's signed receipts, for the DPO's records.
    dsr case show "$case_id" --output json |
        python3 -c 'import json, sys; print("\n".join(json.load(sys.stdin)["receipts"]))' |
        while read -r receipt; do
            [ -n "$receipt" ] || continue
            dest="$archive/$case_id/$(basename "$(dirname "$receipt")")"
            mkdir -p "$dest"
            cp "$receipt" "$receipt.sig" "$dest/"
        done
done <"$cases"
exit "$status"
