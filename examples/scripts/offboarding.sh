#!/usr/bin/env bash
# Offboarding: erase the personal data of everyone in an HR export of leavers, and archive
# each erasure's signed receipts.
#
#   DSR_TENANT=acme ./offboarding.sh leavers.csv /srv/dpo/receipts
#   DSR_GROUP=company ./offboarding.sh leavers.csv /srv/dpo/receipts
#
# With DSR_GROUP, every leaver is one request across every system of that tenant group
# (`dsr tenant group add`): one command, `dsr erase --from LIST --group NAME`, erases her in
# all of them and signs one case receipt per leaver naming each system's receipt.
#
# leavers.csv has a header naming identity columns: email, name, phone, login (repeat a column,
# or separate values with ';', for several), and optionally reference and received (YYYY-MM-DD).
# The client secret of a FotoWeb tenant comes from DSR_CLIENT_SECRET or DSR_CLIENT_SECRET_FILE.
#
# Stopped part-way (Ctrl-C, SIGTERM, a reboot), it is run again with the same list: dsr
# finishes what was begun and does no leaver twice.
#
# A photo showing a leaver beside colleagues keeps her face when its metadata is scrubbed. By
# default such photos are listed as "image still shows the subject" for a person to edit or
# delete (and the leaver's status is partial). Set DSR_KEEP_GROUP_PHOTOS to the controller's
# reason to keep them instead (the reason goes into every receipt), or
# DSR_DELETE_GROUP_PHOTOS=1 to delete them.
#
# Exit status: 0 when every leaver's erasure is verified, 3 when some are partial or failed
# or a row is unusable (listed on stderr), 4 when a legal hold kept assets back, 130/143 when
# stopped, 2 when dsr could not start (configuration, input).
set -euo pipefail

usage="usage: DSR_TENANT=NAME (or DSR_GROUP=NAME) $0 LEAVERS.csv RECEIPT_ARCHIVE_DIR"
leavers=${1:?$usage}
archive=${2:?$usage}
systems=()
if [ -n "${DSR_GROUP:-}" ]; then
    # A group names its tenants: a tenant from the environment would contradict it.
    unset DSR_TENANT
    systems=(--group "$DSR_GROUP")
    # Each tenant of the group is synced on its own.
    mapfile -t tenants < <(dsr tenant group list --output json | python3 -c '
import json, sys
for g in json.load(sys.stdin):
    if g["name"] == sys.argv[1]:
        print("\n".join(g["tenants"]))
' "$DSR_GROUP")
    [ "${#tenants[@]}" -gt 0 ] || { echo "no tenant group '$DSR_GROUP': see dsr tenant group list" >&2; exit 2; }
else
    : "${DSR_TENANT:?$usage}"
    export DSR_TENANT
    tenants=("$DSR_TENANT")
fi
export DSR_PURPOSE="${DSR_PURPOSE:-offboarding: erasure of leavers listed in $(basename "$leavers")}"

umask 077
mkdir -p "$archive"
# Present while a run over this list is unfinished: the next run resumes it.
unfinished="$archive/.unfinished-$(sha256sum <"$leavers" | cut -c1-16)"
results="$archive/erasures-$(date +%F).jsonl"

# Erasure acts on what the index knows: bring it up to date first (not while resuming: the
# plans of the stopped run stand).
resume=()
if [ -e "$unfinished" ]; then
    resume=(--resume)
else
    for tenant in "${tenants[@]}"; do
        dsr sync --quiet --tenant "$tenant"
    done
fi

shown=()
if [ -n "${DSR_KEEP_GROUP_PHOTOS:-}" ]; then
    shown=(--shown-with-others keep --reason "$DSR_KEEP_GROUP_PHOTOS")
elif [ -n "${DSR_DELETE_GROUP_PHOTOS:-}" ]; then
    shown=(--shown-with-others delete)
fi
if [ "${#resume[@]}" -gt 0 ]; then
    # A resumed run carries out the plans already made, decision included.
    shown=()
fi

touch "$unfinished"
status=0
# One erasure case per leaver, every plan made before anything changes; --yes: this job
# runs unattended. One JSON line per leaver as soon as it is finished.
dsr erase --from "$leavers" "${systems[@]}" "${resume[@]}" "${shown[@]}" --yes --quiet --jobs 4 --output jsonl \
    --verified-by "HR leaver record" >"$results" || status=$?
case "$status" in
    130 | 143)
        echo "offboarding stopped; run it again with the same list to finish" >&2
        exit "$status"
        ;;
    0 | 3 | 4) rm -f "$unfinished" ;;
    *) exit "$status" ;;
esac

# Each leaver's outcome for the log, and the signed receipts for the DPO's records.
python3 - "$results" "$archive" <<'PY'
import json, pathlib, shutil, sys
results, archive = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
def keep(receipt, dest):
    receipt = pathlib.Path(receipt)
    dest.mkdir(parents=True, exist_ok=True)
    for f in (receipt, receipt.with_name(receipt.name + ".sig")):
        shutil.copy2(f, dest / f.name)

for line in results.read_text().splitlines():
    r = json.loads(line)
    who = r.get("reference") or f"row {r['row']}"
    if "outcome" in r:
        # A request across the systems of a group: one case receipt, a receipt per system.
        if r["outcome"] == "done":
            print(f"{who}: case {r['case']} erased and verified in every system", file=sys.stderr)
        elif r["outcome"] == "error":
            print(f"{who}: {r['error']}", file=sys.stderr)
        else:
            left = ", ".join(f"{s['tenant']} {s['outcome']}" for s in r["systems"])
            print(f"{who}: case {r['case']}: {r['outcome']} ({left})", file=sys.stderr)
        if r.get("case_receipt"):
            keep(r["case_receipt"], archive / r["case"] / "case-receipt")
        for s in r.get("systems", []):
            if s.get("receipt"):
                keep(s["receipt"], archive / r["case"] / s["tenant"])
    elif r["status"] == "verified":
        print(f"{who}: case {r['case']} erased and verified", file=sys.stderr)
    elif r["status"] == "withheld" and not r.get("errors"):
        # Done but for what a legal hold keeps (an order under the bookkeeping hold): the
        # receipt names what was kept and why; a fresh locate still finds it.
        print(f"{who}: case {r['case']} erased and verified but for what a legal hold keeps (withheld: see its receipt)", file=sys.stderr)
    else:
        print(f"{who}: {r['status']}: {'; '.join(r['errors'])}", file=sys.stderr)
    if r.get("receipt"):
        receipt = pathlib.Path(r["receipt"])
        keep(receipt, archive / r["case"] / receipt.parent.name)
PY
exit "$status"
