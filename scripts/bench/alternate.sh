#!/bin/bash
# Alternating with/without runs in one session, for a workaround that must show a gain beyond noise:
#   flock /tmp/warta-heavy.lock scripts/bench/alternate.sh N ROUNDS name:ENV=V,ENV2=V2 name2: ...
# Per round and per configuration (in turn): a cold build (its own empty cacheDir, outDir and Node
# compile cache) then a warm one (one story edited). Appends "N name phase round wall cpu rss load"
# to .bench/alternate-N.tsv. The corpus (seed 1) is generated once into $TMPDIR/warta-alternate/.
set -e
cd "$(dirname "$0")/../.."
N=$1; ROUNDS=$2; shift 2
B=${TMPDIR:-/tmp}/warta-alternate
CORPUS=$B/corpus-$N
A=$PWD/.bench/alt   # inside the project: an outDir outside it breaks Astro's prerender chunks
mkdir -p $B $A
[ -d $CORPUS ] || node scripts/generate-corpus.ts --count $N --out $CORPUS --seed 1 >/dev/null
RES=.bench/alternate-$N.tsv
for r in $(seq 1 $ROUNDS); do
  for spec in "$@"; do
    name=${spec%%:*}; envs=${spec#*:}
    for phase in cold warm; do
      out=$A/out-$name; cache=$A/cache-$name; cc=$A/cc-$name
      if [ $phase = cold ]; then rm -rf $out $cache $cc; else
        f=$(cd $CORPUS && ls articles/*/*/*.md | sort | sed -n "$((N/2))p")
        printf '\nPembaruan %s %s: keterangan tambahan dari narasumber.\n' $name $r >> $CORPUS/$f
      fi
      log=$A/$name-$phase-$r.log
      env ASTRO_TELEMETRY_DISABLED=1 WARTA_NOW=2026-07-01T12:00:00+07:00 WARTA_CONTENT_DIR=$CORPUS WARTA_CACHE_DIR=$cache NODE_COMPILE_CACHE=$cc $(echo $envs | tr ',' ' ') \
        /usr/bin/time -f "%e %U %S %M" -o $log.time node node_modules/astro/bin/astro.mjs build --outDir $out > $log 2>&1 || { echo "FAILED: $log"; tail -20 $log; exit 1; }
      read e u s m < $log.time
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%sMB\tload=%s\n' $N $name $phase $r $e $(echo "$u+$s" | bc) $((m/1024)) $(cut -d' ' -f1 /proc/loadavg) | tee -a $RES
    done
  done
done
