#!/bin/sh
# Builds a Debian bookworm base image with Node.js 20 from Debian's own packages, for machines
# that cannot pull images from a registry. Debian bookworm packages Node 18 only, so the Node 20
# binary (and its npm) of the machine running this script is copied into the image: run it on a
# Debian/Ubuntu x86-64 host whose `node --version` is v20.x.
#
#   sudo scripts/build-base-image.sh [image-name]      # default: zhaoshang-base:bookworm-node20
#   docker build --build-arg BASE_IMAGE=zhaoshang-base:bookworm-node20 -t zhaoshang-bot .
#
# Needs: root, debootstrap (apt-get install -y debootstrap), docker, and a Debian mirror
# (MIRROR, default: the one in this machine's apt sources, else deb.debian.org).
set -eu
IMAGE="${1:-zhaoshang-base:bookworm-node20}"
SUITE="${SUITE:-bookworm}"
MIRROR="${MIRROR:-$(grep -rhoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d 2>/dev/null | head -n1 | awk '{print $2}')}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
NODE_BIN="$(command -v node)"
NODE_MAJOR="$("$NODE_BIN" -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" = 20 ] || { echo "this machine's node is v$NODE_MAJOR, need v20" >&2; exit 1; }
NPM_DIR="$(dirname "$(readlink -f "$(command -v npm)")")/.."

ROOTFS="$(mktemp -d /tmp/zs-rootfs.XXXXXX)"
trap 'rm -rf "$ROOTFS"' EXIT
echo "debootstrap $SUITE from $MIRROR into $ROOTFS"
debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$ROOTFS" "$MIRROR"

# Node 20 and npm, as the official node image lays them out.
install -m 0755 "$NODE_BIN" "$ROOTFS/usr/local/bin/node"
mkdir -p "$ROOTFS/usr/local/lib/node_modules"
cp -a "$(readlink -f "$NPM_DIR")" "$ROOTFS/usr/local/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$ROOTFS/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$ROOTFS/usr/local/bin/npx"
# The official image's unprivileged user.
chroot "$ROOTFS" sh -c 'groupadd --gid 1000 node && useradd --uid 1000 --gid node --create-home --shell /bin/sh node'
# Smaller image: no apt lists, caches or docs.
rm -rf "$ROOTFS/var/lib/apt/lists/"* "$ROOTFS/var/cache/apt/"*.bin "$ROOTFS/usr/share/doc/"* "$ROOTFS/usr/share/man/"*
chroot "$ROOTFS" /usr/local/bin/node --version

tar -C "$ROOTFS" -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["node"]' \
  - "$IMAGE"
docker image ls "$IMAGE"
