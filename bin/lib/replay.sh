# shellcheck shell=bash
# bin/stack replay PATH --split-seed N --out FILE [options]: the UCI credit data set through the
# running stack (replay-tool module), then the test ROC AUC. Sourced by bin/stack, which provides
# ROOT, LOGS, KAFKA_PORT, SERVICE_PORT, ALL_SERVICES, SERVICES, all_up, cmd_start, build_failed.

replay_classpath() {
  local lib="$ROOT/replay-tool/target/lib" jar
  jar="$ROOT/replay-tool/target/replay-tool-0.1.0-SNAPSHOT.jar"
  if [[ ! -f "$jar" || ! -d "$lib" ]]; then
    mkdir -p "$LOGS"
    echo "Building the replay tool; log: $LOGS/build.log" >&2
    (cd "$ROOT" && ./mvnw -q -B -pl platform,replay-tool install -DskipTests &&
      ./mvnw -q -B -pl replay-tool dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib) \
      >>"$LOGS/build.log" 2>&1 || build_failed
  fi
  echo "$jar:$lib/*"
}

cmd_replay() {
  if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
    echo "usage: bin/stack replay PATH --split-seed N --out FILE [--algorithm GRADIENT_BOOSTED_TREES|LOGISTIC_REGRESSION]" >&2
    exit 2
  fi
  # shellcheck disable=SC2034 # read by all_up and cmd_start in bin/stack
  SERVICES=("${ALL_SERVICES[@]}")
  if ! all_up; then
    cmd_start
  fi
  local cp token approver
  cp="$(replay_classpath)" || exit 1
  # a core banking system posting customers and events, and an analyst training the model; a second
  # analyst approves its activation (risk-service's four eyes)
  token="$(cmd_token core-banking,risk-analyst replay.tool)" || exit 1
  approver="$(cmd_token risk-analyst replay.approver)" || exit 1
  LENDKEEP_TOKEN="$token" LENDKEEP_APPROVER_TOKEN="$approver" java -Xmx1g --enable-native-access=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" com.lendkeep.replay.Replay "$@" \
    --customer-url "http://localhost:${SERVICE_PORT[customer-service]}" \
    --risk-url "http://localhost:${SERVICE_PORT[risk-service]}" \
    --kafka "localhost:${KAFKA_PORT}"
}
