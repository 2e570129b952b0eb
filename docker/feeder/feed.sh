#!/bin/sh
# The compose feeder, one round after another: the trainer synthesises a few voices as WAV files (a fresh seed
# each round), then the developer stack's `feed` publishes them to the audio topic as one call (wav-<round>), in
# real time.
set -eu
: "${CALLFACE_BOOTSTRAP_SERVERS:?set CALLFACE_BOOTSTRAP_SERVERS}"
: "${CALLFACE_SCHEMA_REGISTRY_URL:?set CALLFACE_SCHEMA_REGISTRY_URL}"
topic="${CALLFACE_AUDIO_TOPIC:-callface.audio}"
callers="${FEEDER_CALLERS:-3}"
seconds="${FEEDER_SECONDS:-12}"
rounds="${FEEDER_ROUNDS:-3}"

round=1
while [ "$round" -le "$rounds" ]; do
  corpus="$(mktemp -d)"
  java -jar /app/trainer.jar synth --out "$corpus" --identities "$callers" --clips-per-identity 1 \
    --clip-seconds "$seconds" --val-fraction 0 --test-fraction 0 --seed "$round"
  java -jar /app/callface-dev.jar feed --bootstrap-servers "$CALLFACE_BOOTSTRAP_SERVERS" \
    --schema-registry-url "$CALLFACE_SCHEMA_REGISTRY_URL" --topic "$topic" --no-synthetic --round "$round" \
    "$corpus"/audio/*.wav
  rm -rf "$corpus"
  round=$((round + 1))
done
