#!/usr/bin/env bash
# tools_search latency (ToolSearch.search end to end, hybrid BM25 + vectors, limit 10), with the query embedded by the
# local all-MiniLM-L6-v2 model inside the timed call and with it pre-computed, after a warm-up:
#   - embedded store (H2 file + in-process vectors) at 10k tools (target p95 <= 10 ms)
#   - PostgreSQL + pgvector HNSW at 100k tools (target p95 <= 20 ms), schema bench_toolbox of RUCHE_TEST_PG_URL
#     (default jdbc:postgresql://127.0.0.1:5432/ruche_test), kept between runs; FRESH=true reloads it.
#
#   bench/toolbox-search.sh [embedded|pgvector|both] [warmup=300] [iterations=2000]
set -euo pipefail
source "$(dirname "$0")/toolbox-lib.sh"
WHICH=${1:-both}; WARMUP=${2:-300}; ITERATIONS=${3:-2000}
main=io.ruche.bench.toolbox.SearchBench
if [ "$WHICH" = embedded ] || [ "$WHICH" = both ]; then
  java $JAVA_OPTS -cp "$BENCH_CP" $main embedded "${EMBEDDED_TOOLS:-10000}" "$WARMUP" "$ITERATIONS"
fi
if [ "$WHICH" = pgvector ] || [ "$WHICH" = both ]; then
  java $JAVA_OPTS -cp "$BENCH_CP" $main pgvector "${PG_TOOLS:-100000}" "$WARMUP" "$ITERATIONS" \
    "${PG_SCHEMA:-bench_toolbox}" "${FRESH:-false}"
fi
