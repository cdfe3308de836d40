# shellcheck shell=bash
# Source this file: finds a JDK 21+ and exports JAVA_HOME and PATH.
#   source scripts/find-jdk.sh
# Order: an existing JAVA_HOME (if it is 21+), /usr/lib/jvm/temurin-25-jdk-amd64,
# then any /usr/lib/jvm/* that is 21+ (newest first). Never falls back to an older JDK.
# RUCHE_JVM_DIR overrides /usr/lib/jvm (for tests of this script).

_ruche_jdk_major() { # prints the major version of the JDK at $1, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -version 2>&1 | sed -n 's/.* version "\([0-9][0-9.]*\).*/\1/p' | head -n1 |
    awk -F. '{ print ($1 == 1 ? $2 : $1) }'
}

_ruche_find_jdk() {
  local candidate major jvm="${RUCHE_JVM_DIR:-/usr/lib/jvm}"
  for candidate in "${JAVA_HOME:-}" "$jvm/temurin-25-jdk-amd64" \
      $(ls -d "$jvm"/*/ 2>/dev/null | sed 's:/$::' | sort -rV); do
    [ -n "$candidate" ] || continue
    major="$(_ruche_jdk_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      echo "find-jdk: using JDK $major at $JAVA_HOME" >&2
      return 0
    fi
  done
  echo "No JDK 21+ found: install one (e.g. Temurin 21 or 25) and set JAVA_HOME" >&2
  return 1
}

_ruche_rc=0
_ruche_find_jdk || _ruche_rc=$?
unset -f _ruche_jdk_major _ruche_find_jdk
# 'return' when sourced; 'exit' when run as a script.
return "$_ruche_rc" 2>/dev/null || exit "$_ruche_rc"
