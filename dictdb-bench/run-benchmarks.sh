#!/usr/bin/env bash
# DictDB side by side with H2, HSQLDB, SQLite, CQEngine and plain Java collections, in one JMH run, and the
# report made from it.
#
#   dictdb-bench/run-benchmarks.sh            full suite (about 21 minutes on 2 cores): writes
#                                             dictdb-bench/results/peers.json, BENCHMARKS.md, BENCHMARKS-ratios.png
#   dictdb-bench/run-benchmarks.sh --quick    smoke run (10 000 rows, one short iteration; about 2 minutes):
#                                             writes dictdb-bench/results/*-quick.*, leaves BENCHMARKS.md alone
#
# Other options: --no-build (use the existing dictdb-bench/target/benchmarks.jar), --with-engine (also run
# EngineBenchmark first, rewriting dictdb-bench/results/engine.json; about 4 more minutes), --report-only (no build,
# no run: regenerate the report from the last results and their run record, e.g. after editing the template
# dictdb-bench/report/BENCHMARKS.template.md). Any other argument is passed to JMH, e.g. a narrower benchmark
# pattern 'peers\.W2' or '-p store=dictdb,h2'.
set -euo pipefail

SCRIPT="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"

# Arguments as a shell would need them, single-quoted where needed.
quote() {
  local out="" a
  for a in "$@"; do
    if [[ "$a" =~ ^[A-Za-z0-9_./=,:+@-]+$ ]]; then out+="$a "; else out+="'${a//\'/\'\\\'\'}' "; fi
  done
  printf '%s' "${out% }"
}

# Runs a JMH command, its output also in the log ($1). JMH refuses to start while another JMH run holds its lock
# (/tmp/jmh.lock) on this machine; two runs at once would spoil each other's timings, so wait for it (up to an hour).
WAITED=0
run_jmh() {
  local log=$1 tries=0
  shift
  while :; do
    "$@" 2>&1 | tee "$log"
    if grep -q 'Unable to acquire the JMH lock' "$log"; then
      tries=$((tries + 1))
      if [ "$tries" -gt 120 ]; then
        echo "Another JMH run has held the lock for an hour; giving up." >&2
        exit 1
      fi
      echo "Another JMH run is in progress on this machine; waiting 30 s ($tries)..."
      sleep 30
      WAITED=$((WAITED + 30))
      continue
    fi
    return 0
  done
}
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$SCRIPT"; }

ROOT=$(cd "$(dirname "$SCRIPT")/.." && pwd)
cd "$ROOT"

QUICK=0
BUILD=1
ENGINE=0
REPORT_ONLY=0
EXTRA=()
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --no-build) BUILD=0 ;;
    --with-engine) ENGINE=1 ;;
    --report-only) REPORT_ONLY=1 ;;
    -h|--help) usage; exit 0 ;;
    *) EXTRA+=("$arg") ;;
  esac
done

RESULTS=dictdb-bench/results
JAR=dictdb-bench/target/benchmarks.jar
mkdir -p "$RESULTS"
if [ "$QUICK" = 1 ]; then
  JSON=$RESULTS/peers-quick.json
  LOG=$RESULTS/peers-quick.log
  OUT=$RESULTS/BENCHMARKS-quick.md
  CHART=$RESULTS/BENCHMARKS-quick-ratios.png
  RECORD=$RESULTS/peers-quick.run
  SETTINGS=(-p rows=10000 -wi 1 -i 1 -w 200ms -r 200ms)
  REPORT_FLAGS=(--quick)
else
  JSON=$RESULTS/peers.json
  LOG=$RESULTS/peers.log
  OUT=BENCHMARKS.md
  CHART=BENCHMARKS-ratios.png
  RECORD=$RESULTS/peers.run
  SETTINGS=()
  REPORT_FLAGS=()
fi

ENGINE_JSON=$RESULTS/engine.json

if [ "$REPORT_ONLY" = 0 ]; then
COMMAND="dictdb-bench/run-benchmarks.sh${*:+ $*}"
started=$(date +%s)
started_utc=$(date -u '+%Y-%m-%d %H:%M UTC')
# The source measured: the commit checked out when the build starts, and whether the work tree differed from it.
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if ! git diff --quiet HEAD -- 2>/dev/null || [ -n "$(git ls-files --others --exclude-standard 2>/dev/null | head -1)" ]; then
  commit="$commit (with uncommitted changes)"
fi

if [ "$BUILD" = 1 ]; then
  echo "+ mvn -q -B install -DskipTests"
  mvn -q -B install -DskipTests
fi

# Run from a private copy of the jar: a build started meanwhile in this work tree (another `mvn install`) must not
# replace the classes under the running JMH.
RUN_DIR=$(mktemp -d)
trap 'rm -rf "$RUN_DIR"' EXIT
cp "$JAR" "$RUN_DIR/benchmarks.jar"
RUN_JAR=$RUN_DIR/benchmarks.jar

if [ "$ENGINE" = 1 ]; then
  if [ "$QUICK" = 1 ]; then
    ENGINE_CMD=(java -jar "$RUN_JAR" EngineBenchmark -p rows=10000 -wi 1 -i 1 -w 200ms -r 200ms
                -rf json -rff "$RESULTS/engine-quick.json")
  else
    ENGINE_CMD=(java -jar "$RUN_JAR" EngineBenchmark -rf json -rff "$RESULTS/engine.json")
  fi
  echo "+ $(quote "${ENGINE_CMD[@]}")"
  run_jmh "$RESULTS/engine$([ "$QUICK" = 1 ] && echo -quick).log" "${ENGINE_CMD[@]}"
fi

JMH=(java -jar "$RUN_JAR" 'io\.dictdb\.bench\.peers\.' ${SETTINGS[@]+"${SETTINGS[@]}"} ${EXTRA[@]+"${EXTRA[@]}"}
     -rf json -rff "$JSON")
JMH_TEXT=$(quote "${JMH[@]}")
JMH_TEXT=${JMH_TEXT//"$RUN_JAR"/$JAR}  # the report shows the jar's place in the build
echo "+ $JMH_TEXT"
run_jmh "$LOG" "${JMH[@]}"

finished=$(date +%s)
duration=$((finished - started - WAITED))  # not counting the wait for another JMH run

if [ "$ENGINE" = 0 ] && git ls-files --error-unmatch "$ENGINE_JSON" >/dev/null 2>&1 \
    && git diff --quiet HEAD -- "$ENGINE_JSON" 2>/dev/null; then
  engine_date="on $(git log -1 --format=%cs -- "$ENGINE_JSON"), committed"
elif [ -f "$ENGINE_JSON" ]; then
  engine_date="on $(date -u -r "$ENGINE_JSON" '+%Y-%m-%d')"
else
  engine_date="never"
fi

# What the report states about the run, kept so that --report-only can regenerate the same report.
{
  printf 'COMMAND=%q\n' "$COMMAND"
  printf 'JMH_TEXT=%q\n' "$JMH_TEXT"
  printf 'started_utc=%q\n' "$started_utc"
  printf 'duration=%q\n' "$duration"
  printf 'commit=%q\n' "$commit"
  printf 'engine_date=%q\n' "$engine_date"
} > "$RECORD"
else
  if [ ! -f "$RECORD" ] || [ ! -f "$JSON" ]; then
    echo "No results to report on ($JSON, $RECORD): run the suite first." >&2
    exit 1
  fi
  # shellcheck disable=SC1090
  source "$RECORD"
  RUN_DIR=$(mktemp -d)
  trap 'rm -rf "$RUN_DIR"' EXIT
  cp "$JAR" "$RUN_DIR/benchmarks.jar"
  RUN_JAR=$RUN_DIR/benchmarks.jar
  LOG=/dev/null
fi

echo "+ report: $OUT, $CHART"
java -Djava.awt.headless=true -cp "$RUN_JAR" io.dictdb.bench.report.ReportGenerator \
  --peers "$JSON" --engine "$ENGINE_JSON" --template dictdb-bench/report/BENCHMARKS.template.md \
  --out "$OUT" --chart "$CHART" --command "$COMMAND" --jmh-command "$JMH_TEXT" \
  --date "$started_utc" --duration "$duration" --commit "$commit" --engine-date "$engine_date" \
  ${REPORT_FLAGS[@]+"${REPORT_FLAGS[@]}"}

if [ "$REPORT_ONLY" = 1 ]; then
  exit 0
fi
if grep -q '<failure>' "$LOG"; then
  echo "Some benchmarks failed (see $LOG); they are shown as n/a in $OUT." >&2
  exit 1
fi
echo "Done in $((duration / 60)) min $((duration % 60)) s."
