#!/usr/bin/env bash
# Training on data larger than memory: throughput of the voice stage's data paths on one corpus, and a run whose heap
# is below the corpus's spectrogram size. Run from the repository root after ./mvnw -B -ntp package -DskipTests.
set -euo pipefail
OUT=${1:?usage: trainer/bench/larger-than-memory.sh OUTDIR}
JAR=trainer/target/trainer.jar
export DJL_OFFLINE=true
mkdir -p "$OUT"
[ -f "$OUT/corpus/manifest.csv" ] || java -jar $JAR synth --out "$OUT/corpus" --identities 150 --clips-per-identity 4 --renderings 1 --seed 5
COMMON="train --data $OUT/corpus --preset tiny --face-epochs 1 --epochs 3 --augment 0 --seed 5"
run() { # name heap extra-args
  local name=$1 heap=$2; shift 2
  /usr/bin/time -v java -Xmx$heap -jar $JAR $COMMON --out "$OUT/$name" "$@" > "$OUT/$name.log" 2>&1
  echo "$name $(grep 'Maximum resident' "$OUT/$name.log" | awk '{print $NF}') kB"
}
run in-memory 4g
run on-the-fly-w0 4g --data-workers 0 --cached-spectrograms 0
run on-the-fly-w1 4g --data-workers 1 --cached-spectrograms 0
run on-the-fly-w2 4g --data-workers 2 --cached-spectrograms 0
run small-heap 400m --cached-spectrograms 0
run small-heap-default 400m
for name in in-memory on-the-fly-w0 on-the-fly-w1 on-the-fly-w2 small-heap small-heap-default; do
  echo "== $name"; grep -i "^voice" "$OUT/$name/training-log.csv" || true
  sha256sum "$OUT/$name/encoder.onnx" | cut -c1-16
done
