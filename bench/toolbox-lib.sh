# Builds bench/toolbox-bench and its reactor dependencies, then sets BENCH_CP (sourced by the Toolbox benchmarks).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$ROOT/scripts/find-jdk.sh"
(cd "$ROOT" && ./mvnw -B -q -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -pl bench/toolbox-bench -am)
BENCH_CP="$ROOT/bench/toolbox-bench/target/classes:$(cat "$ROOT/bench/toolbox-bench/target/classpath.txt")"
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx1g}
