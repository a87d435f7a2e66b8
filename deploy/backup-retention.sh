#!/bin/bash
# Retention of the backups `npm run backup` writes (one folder compagnon-YYYYMMDDTHHMMSSZ each):
# keeps the DAILY newest backups in BACKUP_DIR, and in BACKUP_DIR/weekly the first backup of each
# ISO week (a hard-linked copy: no extra space), the WEEKLY newest of them. Everything older goes.
# usage: backup-retention.sh BACKUP_DIR [DAILY=7] [WEEKLY=4]
set -euo pipefail
dir=${1:?usage: backup-retention.sh BACKUP_DIR [DAILY] [WEEKLY]}
daily=${2:-7}
weekly=${3:-4}
mkdir -p "$dir/weekly"

# Backups, oldest first (their names sort by time; partial ones start with a dot and never match).
list() { find "$1" -mindepth 1 -maxdepth 1 -type d -name 'compagnon-*' -printf '%f\n' | sort; }

# "NAME WEEK" per backup (compagnon-20261205T031500Z 2026-W49), one `date` for them all.
weeks() {
  local names
  names=$(list "$1")
  [[ -n $names ]] || return 0
  paste -d ' ' <(echo "$names") <(echo "$names" | cut -c11-18 | date -u -f - +%G-W%V)
}

# The first backup of each week not yet kept as a weekly one.
declare -A kept=()
while read -r _ week; do kept[$week]=1; done < <(weeks "$dir/weekly")
while read -r name week; do
  if [[ -z ${kept[$week]:-} ]]; then
    cp -al "$dir/$name" "$dir/weekly/$name"
    kept[$week]=1
  fi
done < <(weeks "$dir")

prune() {
  local folder=$1 keep=$2
  list "$folder" | head -n "-$keep" | while read -r name; do rm -rf -- "${folder:?}/$name"; done
}
prune "$dir" "$daily"
prune "$dir/weekly" "$weekly"
