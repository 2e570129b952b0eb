#!/usr/bin/env bash
# Writes the held-out speech set of `trainer listen`: the same fixed English text (about 30 s) spoken by the twelve
# English voice variants of eSpeak NG, en+m1..m7 (male) and en+f1..f5 (female), as WAV files (22,050 Hz, 16-bit mono,
# eSpeak's own rate) with a manifest, speech.csv (file,sex,age). The age column stays empty: these are synthetic voices
# with no speaker, and eSpeak's nominal voice ages (70 for m1 and f1, none for the others) are not ages of anyone.
#
# eSpeak NG is a formant synthesiser unrelated to callface's own (io.callface.audio.synth), and the training corpus is
# made by callface's synthesiser only, so this speech is held out by construction; `trainer listen` also refuses any
# file that is a corpus clip. Needs espeak-ng (Debian/Ubuntu: apt-get install -y espeak-ng); CI does not.
#
# Usage: trainer/bench/espeak-heldout.sh OUTDIR
set -euo pipefail

out=${1:?usage: $0 OUTDIR}
command -v espeak-ng >/dev/null || { echo "espeak-ng is not installed (apt-get install -y espeak-ng)" >&2; exit 1; }
mkdir -p "$out"

# A fixed text, written for this check; about 30 s at eSpeak's default 175 words per minute.
text="Good morning, and thank you for calling. I am sorry to keep you waiting, but the line has been busy all \
morning. Before we start, could you tell me your name and the number on your last letter? Thank you. I can see \
that your order left the warehouse on Tuesday, and it should arrive by the end of the week. If nobody is at home, \
the driver will leave a card, and you can collect the parcel from the post office on the high street. Is there \
anything else I can help you with today? Then I wish you a very pleasant afternoon. Goodbye."

echo "file,sex,age" > "$out/speech.csv"
for variant in m1 m2 m3 m4 m5 m6 m7 f1 f2 f3 f4 f5; do
  espeak-ng -v "en+$variant" -w "$out/en-$variant.wav" "$text"
  case $variant in m*) sex=male ;; *) sex=female ;; esac
  echo "en-$variant.wav,$sex," >> "$out/speech.csv"
done
echo "wrote $(($(wc -l < "$out/speech.csv") - 1)) voices and $out/speech.csv ($(espeak-ng --version | head -1))"
