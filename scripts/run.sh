#!/usr/bin/env bash
# Runs Ruche from the build: builds the jar if it is missing, extracts it (class loading from an extracted
# layout is about twice as fast as from the nested jar) and, on a JDK with an AOT cache (25+), trains a
# start-up cache once per build (about 30 s) that halves the start-up time again. Arguments go to the server,
# e.g. `scripts/run.sh stdio` or `scripts/run.sh --server.port=9090`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/find-jdk.sh
jar=mcp-server/target/ruche.jar
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package -pl mcp-server -am
app=mcp-server/target/app
if [ ! -f "$app/ruche.jar" ] || [ "$jar" -nt "$app/ruche.jar" ]; then
  rm -rf "$app"
  java -Djarmode=tools -jar "$jar" extract --destination "$app" >&2
fi
aot="$app/ruche.aot"
if [ ! -f "$aot" ] && java -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then
  echo "ruche: creating the start-up cache once for this build (about 30 s)" >&2
  training=$(mktemp -d)
  java -XX:AOTCacheOutput="$aot" -Dspring.context.exit=onRefresh -jar "$app/ruche.jar" \
    --platform.data-dir="$training" --platform.stores.embedded.data-dir="$training" --server.port=0 \
    >"$training/training.log" 2>&1 || echo "ruche: running without a start-up cache (see $training/training.log)" >&2
fi
flags=()
[ -f "$aot" ] && flags+=("-XX:AOTCache=$aot")
exec java "${flags[@]}" -jar "$app/ruche.jar" "$@"
