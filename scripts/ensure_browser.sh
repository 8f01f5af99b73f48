#!/usr/bin/env bash
# Make sure the e2e tests' prerequisites exist: Debian's chromium (Playwright drives it via
# executable_path, because `playwright install` cannot download here) and Japanese fonts
# (without them every Japanese label in a screenshot is tofu).
set -euo pipefail

PKGS=(chromium fonts-noto-cjk)

have_chromium() { [[ -x /usr/bin/chromium ]]; }
have_ja_fonts() {
  # fontconfig is what Chromium asks; dpkg is the fallback when fc-list is absent.
  if command -v fc-list >/dev/null 2>&1; then
    [[ -n "$(fc-list :lang=ja family 2>/dev/null)" ]]
  else
    dpkg -s fonts-noto-cjk >/dev/null 2>&1
  fi
}

have_chromium && have_ja_fonts && exit 0

if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure_browser: installing ${PKGS[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${PKGS[@]}"
  have_chromium && have_ja_fonts && exit 0
  echo "ensure_browser: installed ${PKGS[*]} but /usr/bin/chromium or Japanese fonts still missing" >&2
  exit 1
fi

have_chromium || echo "ensure_browser: /usr/bin/chromium not found." >&2
have_ja_fonts || echo "ensure_browser: no Japanese fonts (fc-list :lang=ja is empty)." >&2
cat >&2 <<MSG
The browser tests need Debian's Chromium and the Noto CJK fonts. Install them with:

    sudo apt-get install -y ${PKGS[*]}

(Do not run 'playwright install': its browser download does not work here.)
MSG
exit 1
