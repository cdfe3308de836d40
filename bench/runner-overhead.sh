#!/usr/bin/env bash
# Overhead of the sandboxed runner: ToolRunner.invoke (embedded stores, HTTP transport, pure tool, generous limits)
# vs the same POST made directly with java.net.http to the same loopback JDK HttpServer, interleaved call by call,
# after a warm-up. Target: p50 added <= 1 ms.
#
#   bench/runner-overhead.sh [warmup=2000] [iterations=5000]
set -euo pipefail
source "$(dirname "$0")/toolbox-lib.sh"
java $JAVA_OPTS -cp "$BENCH_CP" io.ruche.bench.toolbox.RunnerBench "${1:-2000}" "${2:-5000}"
