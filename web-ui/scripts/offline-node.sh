#!/usr/bin/env bash
# Makes frontend-maven-plugin's install-node-and-npm work without nodejs.org.
#
# The plugin first looks for <local repo>/com/github/eirslett/node/<ver>/node-<ver>-linux-x64.tar.gz.
# When that archive is missing and the Node installed on this machine is exactly the wanted version,
# this script builds the archive from it, in the layout of the official one (bin/node, bin/npm,
# lib/node_modules/npm). Otherwise it does nothing, and the plugin downloads Node as usual.
set -euo pipefail

repo="$1"            # Maven local repository
version="$2"         # e.g. v20.20.2
bare="${version#v}"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 ;;
  Linux-aarch64) platform=linux-arm64 ;;
  *) exit 0 ;;
esac

target_dir="$repo/com/github/eirslett/node/$bare"
archive="$target_dir/node-$bare-$platform.tar.gz"
[ -s "$archive" ] && exit 0

command -v node >/dev/null 2>&1 || exit 0
[ "$(node --version)" = "$version" ] || exit 0
npm_root="$(npm root -g 2>/dev/null || true)"
[ -f "$npm_root/npm/bin/npm-cli.js" ] || exit 0

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dist="$work/node-$version-$platform"
mkdir -p "$dist/bin" "$dist/lib/node_modules"
cp "$(command -v node)" "$dist/bin/node"
cp -R "$npm_root/npm" "$dist/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$dist/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$dist/bin/npx"
mkdir -p "$target_dir"
tar -czf "$work/node.tar.gz" -C "$work" "node-$version-$platform"
mv "$work/node.tar.gz" "$archive"
echo "Packaged the installed Node $version as $archive (nodejs.org not needed)"
