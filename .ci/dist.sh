#!/usr/bin/env bash
# Builds Liaison's release files (make dist), or the Linux tree that `make install` installs.
#
#   .ci/dist.sh              dist/liaison-VERSION-windows-amd64.zip,
#                            dist/liaison-VERSION-linux-amd64.tar.xz and dist/SHA256SUMS
#   .ci/dist.sh stage DIR    the Linux package's tree (bin/, share/, install.sh) in DIR
#
# VERSION comes from git describe (.ci/version.sh). The Windows build is cgo through Debian's
# MinGW-w64 cross compiler, linked as a GUI program (-H windowsgui; it attaches to the console
# it is started from, see cmd/liaison/console_windows.go), with the icon, the manifest and the
# version resource in a .syso made by go-winres at a pinned version. .ci/deps.sh dist installs
# what this needs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

go=${GO:-go}
id=io.github.liaison_app.liaison
winres=github.com/tc-hib/go-winres@v0.3.3 # makes the .syso: icon, manifest, version resource
version=$(bash .ci/version.sh version)
numeric=$(bash .ci/version.sh numeric)
commit=$(bash .ci/version.sh commit)
date=$(bash .ci/version.sh date)
ldflags="-s -w -X main.version=$version -X main.commit=$commit"
mtime=$(git log -1 --format=%ct HEAD) # archive entries carry the commit's time
syso=cmd/liaison/rsrc_windows_amd64.syso # go-winres's output, only while liaison.exe is built

# stage_linux DIR: the binary, desktop entry, hicolor icons, metainfo and install.sh.
stage_linux() {
	local d=$1
	mkdir -p "$d/bin" "$d/share/applications" "$d/share/metainfo"
	echo "dist: building the Linux binary (cgo, OpenGL)" >&2
	nice "$go" build -trimpath -ldflags "$ldflags" -o "$d/bin/liaison" ./cmd/liaison
	cp assets/linux/$id.desktop "$d/share/applications/"
	sed -e "s|@VERSION@|${version#v}|" -e "s|@DATE@|$date|" -e "s|@COMMIT@|$commit|" \
		assets/linux/$id.metainfo.xml >"$d/share/metainfo/$id.metainfo.xml"
	for s in 16 24 32 48 64 128 256 512; do
		mkdir -p "$d/share/icons/hicolor/${s}x$s/apps"
		convert assets/icon.png -resize "${s}x$s" -strip "png32:$d/share/icons/hicolor/${s}x$s/apps/$id.png"
	done
	install -m 755 assets/linux/install.sh "$d/install.sh"
	cp LICENSE "$d/LICENSE"
}

# build_windows DIR: liaison.exe with its resources, and the texts beside it.
build_windows() {
	local d=$1
	mkdir -p "$d"
	echo "dist: the Windows resources (go-winres)" >&2
	"$go" run "$winres" simply --arch amd64 --out cmd/liaison/rsrc --manifest gui \
		--icon assets/icon.png --product-name Liaison --file-description Liaison \
		--product-version "$numeric" --file-version "$numeric" \
		--original-filename liaison.exe --copyright "$(sed -n 's/^Copyright (c) //p' LICENSE | head -1)"
	echo "dist: cross-building liaison.exe (cgo through x86_64-w64-mingw32-gcc; the first time takes minutes)" >&2
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		nice "$go" build -trimpath -ldflags "-H windowsgui $ldflags" -o "$d/liaison.exe" ./cmd/liaison
	rm -f "$syso"
	sed 's/$/\r/' LICENSE >"$d/LICENSE.txt"
	sed -e "s|@VERSION@|$version|" -e 's/$/\r/' assets/windows/README.txt >"$d/README.txt"
}

case ${1:-all} in
stage)
	[[ -n ${2:-} ]] || { echo "usage: $0 stage DIR" >&2; exit 2; }
	rm -rf "$2"
	stage_linux "$2"
	exit 0
	;;
all) ;;
*)
	echo "usage: $0 [all | stage DIR]" >&2
	exit 2
	;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$syso"' EXIT
linux=liaison-$version-linux-amd64 windows=liaison-$version-windows-amd64
mkdir -p dist
rm -f dist/liaison-*-linux-amd64.tar.xz dist/liaison-*-windows-amd64.zip dist/SHA256SUMS

stage_linux "$tmp/$linux"
tar -C "$tmp" --owner=0 --group=0 --numeric-owner --sort=name --mtime="@$mtime" -cJf "dist/$linux.tar.xz" "$linux"

build_windows "$tmp/$windows"
find "$tmp/$windows" -exec touch -d "@$mtime" {} +
(cd "$tmp" && zip -q -X -r "$OLDPWD/dist/$windows.zip" "$windows")

(cd dist && sha256sum "$windows.zip" "$linux.tar.xz" >SHA256SUMS)
echo "dist: wrote" >&2
(cd dist && ls -l "$windows.zip" "$linux.tar.xz" SHA256SUMS) >&2
