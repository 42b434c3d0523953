#!/usr/bin/env bash
# Checks the operations files (docs/operations.md): the Prometheus alert rules (syntax and unit
# tests), the example Prometheus config, the Grafana dashboard (loads as a dashboard and every
# panel query is valid PromQL) and the Kubernetes manifests. Needs promtool (Debian package
# `prometheus`) and jq; run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")"

promtool check rules prometheus/lendkeep-alerts.yml
promtool test rules prometheus/alerts-test.yml
promtool check config prometheus/prometheus.yml

dashboard=grafana/lendkeep-dashboard.json
jq -e '(.title | type == "string") and (.uid | type == "string") and (.schemaVersion | type == "number")
  and (.panels | length > 0)
  and all(.panels[]; (.id | type == "number") and (.type | type == "string") and (.title | type == "string")
      and (.gridPos | .h > 0 and .w > 0 and .w <= 24) and (.targets | length > 0)
      and all(.targets[]; (.expr | type == "string") and (.refId | type == "string")))
  and ([.panels[].id] | length == (unique | length))' "$dashboard" >/dev/null \
  || { echo "$dashboard: not a valid dashboard (title, uid, schemaVersion, panels with id, type, gridPos, targets)" >&2; exit 1; }
# Every panel query parsed by Prometheus' own parser: written as recording rules for promtool.
rules="$(mktemp)"
trap 'rm -f "$rules"' EXIT
{
  echo "groups:"
  echo "  - name: dashboard-queries"
  echo "    rules:"
  jq -r '.panels[].targets[].expr' "$dashboard" | awk '{ gsub(/\x27/, "\x27\x27"); printf "      - record: dashboard:query:%d\n        expr: \x27%s\x27\n", NR, $0 }'
} >"$rules"
promtool check rules "$rules" >/dev/null || { promtool check rules "$rules"; echo "$dashboard: a panel query is not valid PromQL" >&2; exit 1; }
echo "$dashboard: $(jq '.panels | length' "$dashboard") panels, $(jq '[.panels[].targets[]] | length' "$dashboard") queries, all valid PromQL"

if [[ -x k8s/check.sh ]]; then
  k8s/check.sh
fi
