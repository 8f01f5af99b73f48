#!/usr/bin/env bash
# Make sure the hosted-deployment tests (tests/e2e/test_hosted.py) can start their own nginx: they
# need the binary of Debian's nginx package (nginx-light: proxy, upstream hash, map, WebSockets).
# The tests run nginx themselves as the test user, with a config and prefix in a temporary folder
# on 127.0.0.1 (tests/e2e/deployment.py); nothing here starts or enables the system service.
set -euo pipefail

NGINX="${CSIRT_NGINX:-/usr/sbin/nginx}"
[[ -x "$NGINX" ]] && exit 0

if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure_nginx: installing nginx-light ..."
  # Debian's postinst starts the service (port 80) where invoke-rc.d lets it: forbid that for the
  # install, unless the machine already has its own policy.
  made_policy=""
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    made_policy=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  status=0
  { apt-get update -q && apt-get install -y -q nginx-light; } || status=$?
  [[ -n "$made_policy" ]] && rm -f /usr/sbin/policy-rc.d
  [[ $status -eq 0 && -x "$NGINX" ]] && exit 0
  echo "ensure_nginx: installing nginx-light failed, or $NGINX is still missing" >&2
  exit 1
fi

cat >&2 <<'MSG'
ensure_nginx: nginx not found (/usr/sbin/nginx). The hosted-deployment tests start their own
nginx in front of two app servers; without it they are skipped (and fail in CI). Install it with:

    sudo apt-get install -y nginx-light

MSG
[[ -n "${CI:-}" ]] && exit 1
exit 0
