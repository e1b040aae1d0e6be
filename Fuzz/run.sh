#!/usr/bin/env bash
# Coverage-guided fuzzing of the whole pipeline with libFuzzer (see Sources/tenderplan-fuzz/FuzzTarget.swift).
#
#   Fuzz/run.sh [SECONDS [LIBFUZZER-OPTIONS…]]   default 60 s; the corpus grows in Fuzz/.build/corpus and is kept
#
# The corpus starts from the bundled scenarios, their include files and the bad-input tests (Fuzz/seeds/).
# An input that crashes, traps, hangs (over 10 s), needs more than 2 GB or gives an unlocated diagnostic is
# written to Fuzz/.build/artifacts/ and the script exits non-zero; reproduce one with
#   TENDERPLAN_FUZZ_INCLUDES=Scenarios Fuzz/.build/release/tenderplan-fuzz Fuzz/.build/artifacts/crash-…
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true

swift build -c release --sanitize fuzzer --product tenderplan-fuzz
mkdir -p .build/corpus .build/artifacts .build/seeds
cp ../Scenarios/*.yaml ../Scenarios/include/*.yaml seeds/*.yaml .build/seeds/

export TENDERPLAN_FUZZ_INCLUDES="$PWD/../Scenarios"
# Swift's backtracer would hold a crashing input for seconds; libFuzzer prints its own report.
export SWIFT_BACKTRACE=enable=no
# One process on one core: -jobs/-workers would hide the cost on the second core and race the corpus folder.
.build/release/tenderplan-fuzz .build/corpus .build/seeds \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=131072 \
  -artifact_prefix=.build/artifacts/ -print_final_stats=1 "$@"
