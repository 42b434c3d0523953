#!/usr/bin/env bash
# Validates docs/asyncapi/asyncapi.yaml (and the schemas it refers to) with the AsyncAPI CLI, the
# npm tool AsyncAPI users run. Optional: without npm, or when the CLI cannot be installed, it says so
# and exits 0; the Java checks (platform AsyncApiDocumentTest, in ./mvnw verify) run everywhere.
# Fails on any error or warning; the only diagnostic today is the information that AsyncAPI 3.1 exists.
set -euo pipefail
cd "${0%/*}"
CLI_VERSION=6.2.0
if ! command -v npm >/dev/null 2>&1; then
  echo "asyncapi validate: SKIPPED (no npm here); the Java checks of the document still run in ./mvnw verify"
  exit 0
fi
cache="${LENDKEEP_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lendkeep}/asyncapi-cli-$CLI_VERSION"
if [[ ! -x "$cache/node_modules/.bin/asyncapi" ]]; then
  mkdir -p "$cache"
  if ! (cd "$cache" && timeout 300 npm install --silent --no-audit --no-fund "@asyncapi/cli@$CLI_VERSION" >/dev/null 2>&1); then
    echo "asyncapi validate: SKIPPED (npm could not install @asyncapi/cli@$CLI_VERSION)" >&2
    exit 0
  fi
fi
# no usage metrics sent from CI
echo '{"analyticsEnabled":"false","infoMessageShown":"true"}' > "$cache/analytics.json"
export ASYNCAPI_METRICS_CONFIG_PATH="$cache/analytics.json" SUPPRESS_NO_CONFIG_WARNING=true
"$cache/node_modules/.bin/asyncapi" validate asyncapi.yaml --fail-severity=warn 2>&1 | grep -v '^WARNING:'
exit "${PIPESTATUS[0]}"
