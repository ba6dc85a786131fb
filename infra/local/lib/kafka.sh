# Apache Kafka, KRaft single node (broker and controller in one JVM), from Maven Central jars.

kafka_installed() {
  [[ -f "$GB_KAFKA_HOME/libs/kafka_2.13-$GB_KAFKA_VERSION.jar" && -f "$GB_KAFKA_HOME/.complete" ]]
}

kafka_install() {
  if kafka_installed; then
    say "kafka $GB_KAFKA_VERSION: cached in $GB_KAFKA_HOME"
    return 0
  fi
  require_cmd java "Install a Java runtime (17 or newer), e.g. 'apt-get install openjdk-17-jre-headless'."
  require_cmd mvn "Install Apache Maven, e.g. 'apt-get install maven'; it fetches the Kafka jars from Maven Central."
  say "kafka $GB_KAFKA_VERSION: resolving jars from Maven Central (first time only)"
  rm -rf "$GB_KAFKA_HOME"
  mkdir -p "$GB_KAFKA_HOME/libs"
  mvn -q -B -Dstyle.color=never -f "$GB_LOCAL_DIR/kafka/pom.xml" \
    -Dkafka.version="$GB_KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$GB_KAFKA_HOME/libs" ||
    die "maven could not resolve org.apache.kafka:kafka_2.13:$GB_KAFKA_VERSION (is Maven Central reachable?)"
  touch "$GB_KAFKA_HOME/.complete"
}

kafka_java() {
  # shellcheck disable=SC2086 # the heap setting is a list of JVM flags
  java $GB_KAFKA_HEAP -XX:+UseSerialGC -Dlog4j.configuration="file:$GB_DATA_DIR/kafka/log4j.properties" \
    -cp "$GB_KAFKA_HOME/libs/*" "$@"
}

kafka_write_config() {
  local dir="$GB_DATA_DIR/kafka"
  mkdir -p "$dir/logs"
  cat >"$dir/server.properties" <<PROPS
# Written by infra/local/stack; edits are overwritten on the next 'up'.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$GB_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$GB_KAFKA_PORT,CONTROLLER://127.0.0.1:$GB_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$GB_KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/logs
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
default.replication.factor=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
num.network.threads=2
num.io.threads=2
background.threads=2
log.retention.hours=168
PROPS
  cat >"$dir/log4j.properties" <<'PROPS'
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.request.logger=WARN
PROPS
}

kafka_healthy() {
  # A real admin client: asks the broker for its cluster id. Bounded, because the client waits a
  # minute for a broker that accepts the connection and never answers (a broker stuck in start-up).
  # shellcheck disable=SC2086 # the heap setting is a list of JVM flags
  timeout 30 java $GB_KAFKA_HEAP -XX:+UseSerialGC -Dlog4j.configuration="file:$GB_DATA_DIR/kafka/log4j.properties" \
    -cp "$GB_KAFKA_HOME/libs/*" org.apache.kafka.tools.ClusterTool cluster-id --bootstrap-server "127.0.0.1:$GB_KAFKA_PORT"
}

# kafka_format_and_start: format the log directory if it is new, start the broker; 1 when the
# format step refuses the directory (the log's tail is shown).
kafka_format_and_start() {
  local dir="$GB_DATA_DIR/kafka"
  if ! kafka_java kafka.tools.StorageTool format -t "$(cat "$dir/cluster-id")" \
    -c "$dir/server.properties" --ignore-formatted >>"$GB_LOG_DIR/kafka.log" 2>&1; then
    warn "kafka storage format failed; see $GB_LOG_DIR/kafka.log"
    show_log_tail kafka 10
    return 1
  fi
  say "kafka: starting on 127.0.0.1:$GB_KAFKA_PORT"
  start_process kafka "$GB_LOG_DIR/kafka.log" \
    java $GB_KAFKA_HEAP -XX:+UseSerialGC -Dlog4j.configuration="file:$dir/log4j.properties" \
    -cp "$GB_KAFKA_HOME/libs/*" kafka.Kafka "$dir/server.properties"
}

kafka_up() {
  if is_running kafka; then
    say "kafka: already running (pid $(cat "$(pid_file kafka)"))"
    return 0
  fi
  port_busy "$GB_KAFKA_PORT" && die "port $GB_KAFKA_PORT is taken by another process; set GB_KAFKA_PORT"
  port_busy "$GB_KAFKA_CONTROLLER_PORT" &&
    die "port $GB_KAFKA_CONTROLLER_PORT (Kafka's controller) is taken by another process; set GB_KAFKA_CONTROLLER_PORT"
  kafka_write_config
  local dir="$GB_DATA_DIR/kafka"
  if [[ ! -f "$dir/cluster-id" ]]; then
    kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1 >"$dir/cluster-id"
  fi
  local kept_log=0
  [[ -f "$dir/logs/meta.properties" ]] && kept_log=1
  local outcome=0
  if kafka_format_and_start; then
    try_healthy kafka "$GB_KAFKA_START_SECONDS" kafka_healthy || outcome=$?
  else
    outcome=2
  fi
  if ((outcome == 0)); then
    say "kafka: healthy"
    return 0
  fi
  ((outcome == 1)) && show_log_tail kafka
  ((kept_log)) ||
    die "kafka did not come up (within ${GB_KAFKA_START_SECONDS}s) on an empty log; see $GB_LOG_DIR/kafka.log"
  # A log kept from an earlier run (a machine stopped with the broker running, a disk filled up)
  # can hold the broker in recovery or in a state it does not leave. The local stack's events are
  # a development copy: move the log aside, never delete it, and start on an empty one.
  local aside
  aside="$dir/broken-$(date -u +%Y%m%dT%H%M%SZ)"
  warn "kafka did not come up on the log kept from before (within ${GB_KAFKA_START_SECONDS}s); moving it to $aside (nothing is deleted) and starting on an empty log"
  stop_process kafka
  mv "$dir/logs" "$aside"
  mkdir -p "$dir/logs"
  kafka_format_and_start || die "kafka storage format failed on an empty log; see $GB_LOG_DIR/kafka.log"
  wait_healthy kafka "$GB_KAFKA_START_SECONDS" kafka_healthy
  say "kafka: healthy (on an empty log; the old one is in $aside)"
}

kafka_status() { kafka_healthy; }
