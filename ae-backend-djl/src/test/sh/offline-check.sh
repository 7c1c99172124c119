#!/usr/bin/env bash
# The djl backend as a user meets it: no network at all and an empty DJL cache directory.
#   1. times the first tensor operation with an empty cache (libtorch is extracted from the jar) and again warm;
#   2. runs ae-tests (the conformance suite on pure and djl, F32 and F64, and the guard) with another empty
#      cache; the suite prints its summary.
# Needs a prior online build (./mvnw install) so that ~/.m2 holds every artifact; Maven runs with -o.
# Without network namespaces (unshare -n needs root or user namespaces) it says so and keeps the network.
set -euo pipefail
cd "$(dirname "$0")/../../../.."

if unshare -n true 2>/dev/null; then
  offline=(unshare -n)
  echo "network: none (unshare -n)"
else
  offline=()
  echo "network: unshare -n is not available here, the network stays up (DJL runs offline all the same)"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./mvnw -B -q -o install -pl ae-api,ae-backend-pure,ae-backend-djl -DskipTests
./mvnw -B -q -o dependency:build-classpath -pl ae-backend-djl -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath.txt" >/dev/null
classpath="ae-backend-djl/target/test-classes:ae-backend-djl/target/classes:$(cat "$work/classpath.txt")"

mkdir "$work/cache"
for start in cold warm; do
  echo -n "$start: "
  "${offline[@]}" env DJL_CACHE_DIR="$work/cache" java -cp "$classpath" dev.autoencoder.backend.djl.FirstOperationTime
done
echo "cache after the first start: $(du -sh "$work/cache" | cut -f1)"

mkdir "$work/suite-cache"
"${offline[@]}" env DJL_CACHE_DIR="$work/suite-cache" ./mvnw -B -q -o install -pl ae-tests
echo "offline check passed"
