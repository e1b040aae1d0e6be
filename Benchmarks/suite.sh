#!/usr/bin/env bash
# The benchmark suite: every figure of Benchmarks/README.md's summary table in one run.
#
#   Benchmarks/suite.sh           the full suite (about 5 minutes on the 2-core VM; needs tj3)
#   Benchmarks/suite.sh --smoke   small sizes, for CI: checks that every step runs, not the figures
#
# Prints a Markdown table (also written to Benchmarks/data/suite-latest.md). Peak memory is the
# maximum resident set size that /usr/bin/time -v reports for the whole process.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

smoke=0
[ "${1:-}" = "--smoke" ] && smoke=1
if [ $smoke = 1 ]; then
  scale_mb=1; oracle_tasks=300; chain=10000; iterations=1000; network=300; report_iterations=100
else
  scale_mb=20; oracle_tasks=10000; chain=100000; iterations=10000; network=1000; report_iterations=1000
fi

echo "== building (release)" >&2
swift build -c release >&2
(cd Benchmarks && swift build -c release >&2)
tp="$root/.build/release/tenderplan"
bench="$root/Benchmarks/.build/release/tenderplan-bench"
data="$root/Benchmarks/data"
mkdir -p "$data"

rows=()
row() { rows+=("| $1 | $2 | $3 |"); echo "  $1: $2" >&2; }

# Seconds and peak MB of one command: "S.SS s, N MB".
measure() {
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; rm -f "$log"; return 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
              /Maximum resident set size/ { m = $2 / 1024 }
              END { printf "%.2f s, %.0f MB", s, m }' "$log"
  rm -f "$log"
}

echo "== load + validate against bare libyaml (${scale_mb} MB scenario)" >&2
scale="$data/suite-scale-${scale_mb}mb.yaml"
"$bench" generate "$scale_mb" "$scale" >&2
load=$("$bench" load "$scale" 10)
echo "$load" >&2
row "load + validate, ${scale_mb} MB scenario, share of bare libyaml throughput (best of 10 each)" \
    "$(echo "$load" | sed -n 's/.*(\([0-9]*%\) of bare libyaml.*/\1/p')" "≥ 50 %"
peak=$("$bench" peak check "$scale")
echo "$peak" >&2
row "load + validate on it: peak memory of the loader (\`tenderplan-bench peak check\`)" \
    "$(echo "$peak" | sed -n 's/.*peak RSS \(.*\) for.*(\(.*\))/\1 (\2)/p')" "< 6× file"
row "\`tenderplan validate\` on it: time, peak memory" "$(measure "$tp" validate "$scale")" "—"
row "\`tenderplan plan\` on it (300 leveled go-lives, exact slack by the delay test): time, peak memory" \
    "$(measure "$tp" plan "$scale" --format csv)" "< 2 s"
row "\`tenderplan report\` on it (${report_iterations} iterations): time, peak memory" \
    "$(measure "$tp" report "$scale" --iterations $report_iterations --output "$data/suite-reports")" "—"

echo "== plan against tj3 (${oracle_tasks} tasks)" >&2
if command -v tj3 >/dev/null; then
  oracle=$(TENDERPLAN_BIN="$tp" TENDERPLAN_ORACLE_TASKS=$oracle_tasks \
           swift test --disable-xctest --filter largeNetworkSideBySide 2>&1 | grep -o 'oracle: .*' || true)
  [ -n "$oracle" ] || { echo "the tj3 side-by-side failed" >&2; exit 1; }
  row "\`tenderplan plan\` vs tj3, ${oracle_tasks}-task network" "${oracle#oracle: }" "dates identical, ≥ 100×"
else
  row "\`tenderplan plan\` vs tj3" "skipped: tj3 is not installed" "—"
fi

echo "== ${chain}-task chain" >&2
"$bench" chain "$chain" "$data/suite-chain.yaml" >&2
row "${chain}-task chain, \`tenderplan plan --format json\`" "$(measure "$tp" plan "$data/suite-chain.yaml" --format json)" "—"

echo "== risk, ${iterations} iterations" >&2
# A three-point estimate (duration − 1, duration, 2 × duration) on every fifth task.
"$bench" network "$network" "$data/suite-network-estimates.yaml" --estimates >&2
row "risk, ${network}-item network, ${iterations} iterations, 2 threads" \
    "$(measure "$tp" risk "$data/suite-network-estimates.yaml" --iterations $iterations --threads 2 --format json)" "< 3 s"
row "risk, ${network}-item network, ${iterations} iterations, 1 thread" \
    "$(measure "$tp" risk "$data/suite-network-estimates.yaml" --iterations $iterations --threads 1 --format json)" "—"
row "risk, nms-staged, ${iterations} iterations, 2 threads" \
    "$(measure "$tp" risk Scenarios/nms-staged.yaml --iterations $iterations --threads 2 --format json)" "—"
row "\`tenderplan report Scenarios/nms-staged.yaml\` (${iterations} iterations)" \
    "$(measure "$tp" report Scenarios/nms-staged.yaml --iterations $iterations --output "$data/suite-reports")" "—"

{
  echo "| measure | figure | target |"
  echo "|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee "$data/suite-latest.md"
