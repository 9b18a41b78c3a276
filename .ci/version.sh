#!/usr/bin/env bash
# Prints what a build is called, from git:
#   .ci/version.sh           v1.2.0-5-g0123abc[-dirty]   (git describe of the last v* tag)
#   .ci/version.sh numeric   1.2.0.5                     (Windows' four-part file version)
#   .ci/version.sh commit    the full hash of HEAD
#   .ci/version.sh date      the commit's date, YYYY-MM-DD (the AppStream release date)
# Before the first v* tag, the version counts from v0.0.0: v0.0.0-132-g0123abc.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

describe() {
	git describe --tags --match 'v[0-9]*' --dirty 2>/dev/null && return
	local d=""
	git diff --quiet HEAD 2>/dev/null || d=-dirty
	echo "v0.0.0-$(git rev-list --count HEAD)-g$(git rev-parse --short=7 HEAD)$d"
}

case ${1:-version} in
version) describe ;;
numeric)
	v=$(describe)
	# v1.2.3 → 1.2.3.0; v1.2.3-5-gabc → 1.2.3.5; anything after the patch number dropped
	if [[ $v =~ ^v([0-9]+)\.([0-9]+)\.([0-9]+)[^-]*(-([0-9]+)-g)? ]]; then
		echo "${BASH_REMATCH[1]}.${BASH_REMATCH[2]}.${BASH_REMATCH[3]}.${BASH_REMATCH[5]:-0}"
	else
		echo 0.0.0.0
	fi
	;;
commit) git rev-parse HEAD ;;
date) git log -1 --format=%cs HEAD ;;
*)
	echo "usage: $0 [version|numeric|commit|date]" >&2
	exit 2
	;;
esac
