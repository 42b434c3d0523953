# shellcheck shell=bash
# Finds a JDK 21 or newer and exports JAVA_HOME and PATH for it. Sourced by bin/stack and .ci/run.
# Order: $JAVA_HOME if it is 21+, else the newest /usr/lib/jvm/*/bin/java that is 21+,
# else the `java` on PATH if it is 21+. Exits 1 with a clear message when there is none.

# Prints the major version of a java binary (8 for "1.8.0_392", 21 for "21.0.2"), or nothing.
lendkeep_java_major() {
  local version
  version="$("$1" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)" || true
  case "$version" in
    1.*) version="${version#1.}" ;;
  esac
  version="${version%%[!0-9]*}"
  [[ -n "$version" ]] && echo "$version"
  return 0
}

lendkeep_find_jdk() {
  local min=21 found=() candidate major best="" best_major=0
  if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
    major="$(lendkeep_java_major "${JAVA_HOME}/bin/java")"
    if [[ -n "$major" && "$major" -ge "$min" ]]; then
      export JAVA_HOME
      export PATH="${JAVA_HOME}/bin:${PATH}"
      return 0
    fi
    found+=("\$JAVA_HOME=${JAVA_HOME} (${major:-unknown})")
  elif [[ -n "${JAVA_HOME:-}" ]]; then
    found+=("\$JAVA_HOME=${JAVA_HOME} (no bin/java there)")
  fi
  for candidate in /usr/lib/jvm/*/bin/java; do
    [[ -x "$candidate" ]] || continue
    major="$(lendkeep_java_major "$candidate")"
    [[ -n "$major" ]] || continue
    if [[ "$major" -ge "$min" && "$major" -gt "$best_major" ]]; then
      best="$candidate" best_major="$major"
    elif [[ "$major" -lt "$min" ]]; then
      found+=("${candidate%/bin/java} (${major})")
    fi
  done
  # Not in /usr/lib/jvm (SDKMAN, Homebrew, a tarball...): accept the java on PATH if it is new enough.
  if [[ -z "$best" ]] && candidate="$(command -v java)"; then
    candidate="$(readlink -f "$candidate")"
    major="$(lendkeep_java_major "$candidate")"
    if [[ -n "$major" && "$major" -ge "$min" ]]; then
      best="$candidate"
    else
      found+=("${candidate} on PATH (${major:-unknown})")
    fi
  fi
  if [[ -z "$best" ]]; then
    local list="found no JDK at all"
    if [[ ${#found[@]} -gt 0 ]]; then
      list="$(printf '%s, ' "${found[@]}")"
      list="found only ${list%, }"
    fi
    echo "LendKeep needs a JDK 21 or newer; ${list};" \
      "install e.g. openjdk-21 or Temurin 21+ and set JAVA_HOME" >&2
    exit 1
  fi
  JAVA_HOME="$(dirname "$(dirname "$best")")"
  export JAVA_HOME
  export PATH="${JAVA_HOME}/bin:${PATH}"
}

lendkeep_find_jdk
