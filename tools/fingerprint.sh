#!/usr/bin/env bash
# Behaviour fingerprint of a TinyJ checkout, to diff before and after a refactoring:
#   tools/fingerprint.sh OUTDIR        (run from the repository root; needs ../shared)
# Writes, per model of ../shared/models and ../shared/models/corpus/models and per board
# (arduino-nano-33-ble, nucleo-l4r5zi), `tinyj run --format json --ignore-limits` (outputs, cycles,
# per-op cycles, SRAM, flash, energy) and its stderr with the exit code; plus the default run and
# `tinyj calibrate --format json`. Compare two folders with tools/fingerprint-diff.py A B.
set -uo pipefail
out="${1:?usage: tools/fingerprint.sh OUTDIR}"
mkdir -p "$out"
for m in ../shared/models/*.tflite ../shared/models/corpus/models/*.tflite; do
  n=$(basename "$m" .tflite)
  for b in arduino-nano-33-ble nucleo-l4r5zi; do
    ./tinyj run --model "$m" --board "$b" --ignore-limits --format json >"$out/$n.$b.json" 2>"$out/$n.$b.err"
    echo "rc=$?" >>"$out/$n.$b.err"
  done
done
./tinyj run --format json >"$out/default.json" 2>&1
./tinyj calibrate --format json >"$out/calibrate.json" 2>&1
