#!/bin/sh
# Installs Liaison from this folder (the unpacked liaison-VERSION-linux-amd64.tar.xz) into
# the standard places under PREFIX, or removes it again:
#
#   ./install.sh                       into /usr/local as root, else into ~/.local
#   ./install.sh --prefix DIR          (or PREFIX=DIR ./install.sh)
#   ./install.sh --uninstall [--prefix DIR]
#
# It puts bin/liaison, the desktop entry (share/applications), the icon in every hicolor
# size (share/icons/hicolor) and the AppStream metainfo (share/metainfo) under PREFIX;
# DESTDIR, when set, is put in front as packagers expect. Your database is never touched:
# it lives in ~/.local/share/liaison/ (see the README).
set -eu

id=io.github.liaison_app.liaison
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-}
action=install

usage() { sed -n '2,13s/^# \{0,1\}//p' "$0"; }
while [ $# -gt 0 ]; do
	case $1 in
	--prefix) [ $# -ge 2 ] || { usage >&2; exit 2; }; prefix=$2; shift 2 ;;
	--prefix=*) prefix=${1#--prefix=}; shift ;;
	--uninstall) action=uninstall; shift ;;
	-h | --help) usage; exit 0 ;;
	*) echo "install.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
	esac
done
if [ -z "$prefix" ]; then
	if [ "$(id -u)" -eq 0 ]; then prefix=/usr/local; else prefix=$HOME/.local; fi
fi
case $prefix in /*) ;; *) prefix=$(pwd)/$prefix ;; esac
dest=${DESTDIR:-}$prefix

# What this package holds, relative to PREFIX.
files() {
	(cd "$here" && find bin share -type f | LC_ALL=C sort)
}

refresh_caches() { # best effort: desktops find new entries and icons without a log-out
	[ -z "${DESTDIR:-}" ] || return 0
	if command -v update-desktop-database >/dev/null 2>&1; then
		update-desktop-database -q "$dest/share/applications" 2>/dev/null || true
	fi
	if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$dest/share/icons/hicolor/index.theme" ]; then
		gtk-update-icon-cache -q -t "$dest/share/icons/hicolor" 2>/dev/null || true
	fi
}

if [ "$action" = uninstall ]; then
	# What any version installs (so that this script also works from the source tree).
	n=0
	for f in "$dest/bin/liaison" "$dest/share/applications/$id.desktop" "$dest/share/metainfo/$id.metainfo.xml" \
		"$dest"/share/icons/hicolor/*/apps/$id.png; do
		if [ -e "$f" ]; then rm -f "$f"; n=$((n + 1)); fi
	done
	refresh_caches
	echo "Removed $n files of Liaison from $dest (your database is kept)."
	exit 0
fi

for f in $(files); do
	mode=644
	case $f in bin/*) mode=755 ;; esac
	mkdir -p "$(dirname "$dest/$f")"
	case $f in
	share/applications/*.desktop)
		# The entry starts this very binary, wherever PREFIX is (quoted: it may hold spaces).
		esc=$(printf '%s' "$prefix" | sed 's/[\\|&]/\\&/g')
		sed "s|^Exec=liaison\$|Exec=\"$esc/bin/liaison\"|" "$here/$f" >"$dest/$f.tmp"
		chmod "$mode" "$dest/$f.tmp"
		mv -f "$dest/$f.tmp" "$dest/$f"
		;;
	*)
		cp "$here/$f" "$dest/$f.tmp"
		chmod "$mode" "$dest/$f.tmp"
		mv -f "$dest/$f.tmp" "$dest/$f"
		;;
	esac
done
refresh_caches
echo "Installed Liaison $("$dest/bin/liaison" --version 2>/dev/null | sed -n '1s/^Liaison //p') into $dest."
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "Note: $prefix/bin is not on your PATH; the menu entry works, or run $prefix/bin/liaison." ;; esac
