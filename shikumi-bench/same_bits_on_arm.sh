#!/bin/sh
# Same bits on ARM, checked on an x86 machine: runs shikumi.jar in Debian's arm64 OpenJDK 17 under qemu's user-mode
# emulation (each ARM instruction C2 emits is emulated, NEON and SVE included, so the Vector API takes its ARM code
# paths) and compares the model files its runs write, byte for byte, with those of the same runs on this machine.
# A check of the numbers, not of the speed: emulated code runs 20-100 times slower.
#
# CPUs: cortex-a72 (NEON, 128-bit vectors: the float kernels' 4x4 tiles of 128 bits) and qemu's "max" CPU with SVE
# at 256 and 512 bits. Jobs: the book's job (double kernels, 500 iterations), Fashion-MNIST 784-32-10 with softmax
# and momentum, and 784-24-10 with tanh and Adam (float kernels, 1 epoch of 600 batches, 2 threads).
#
# Needs (once, as root): dpkg --add-architecture arm64 && apt-get update && apt-get install -y qemu-user-static
# and Debian's dataset-fashion-mnist. The arm64 JDK is downloaded (apt-get download) and unpacked under
# shikumi-bench/target/arm; nothing is installed for arm64.
#
# Usage (from the repository root, after ./mvnw -B -q -pl shikumi-cli -am package -DskipTests):
#   sh shikumi-bench/same_bits_on_arm.sh        # exit 0 when every model file has the same bytes
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$ROOT/shikumi-bench/target/arm
JAR=$ROOT/shikumi-cli/target/shikumi.jar
FM=/usr/share/datasets/fashion-mnist
ARMJAVA=$WORK/root/usr/lib/jvm/java-17-openjdk-arm64/bin/java

[ -f "$JAR" ] || { echo "no $JAR: build first (./mvnw -B -q -pl shikumi-cli -am package -DskipTests)" >&2; exit 2; }
command -v qemu-aarch64-static >/dev/null || { echo "qemu-aarch64-static not found: apt-get install -y qemu-user-static" >&2; exit 2; }
[ -d "$FM" ] || { echo "$FM not found: apt-get install -y dataset-fashion-mnist" >&2; exit 2; }
if [ ! -x "$ARMJAVA" ]; then
    dpkg --print-foreign-architectures | grep -qx arm64 ||
        { echo "arm64 packages not available: dpkg --add-architecture arm64 && apt-get update" >&2; exit 2; }
    mkdir -p "$WORK/debs" "$WORK/root"
    (cd "$WORK/debs" && apt-get download -q openjdk-17-jre-headless:arm64 libc6:arm64 libgcc-s1:arm64 \
        libstdc++6:arm64 zlib1g:arm64 >/dev/null)
    for deb in "$WORK"/debs/*.deb; do dpkg -x "$deb" "$WORK/root"; done
fi

book="train"
fm="train --data idx:$FM --layers 784,32,10 --output softmax --batch 100 --epochs 1 --threads 2"
roles="train --data idx:$FM --layers 784,24,10 --output softmax --activation tanh --optimizer adam --eta 0.001 --batch 100 --epochs 1 --threads 2"
out=$WORK/out
rm -rf "$out"
mkdir -p "$out"
for job in book fm roles; do
    eval "args=\$$job"
    # shellcheck disable=SC2086
    java --add-modules jdk.incubator.vector -jar "$JAR" $args --json --out "$out/$job-x86.json" >"$out/$job-x86.stdout" 2>/dev/null
done
x86tile=$(sed -n 's/.*"tile" *: *"\([^"]*\)".*/\1/p' "$out/fm-x86.stdout" | head -1)
echo "reference: this machine ($(uname -m)), float kernels: $x86tile"
echo "| ARM CPU (qemu) | float kernels there | book | Fashion-MNIST softmax | tanh + Adam |"
echo "|---|---|---|---|---|"
failed=0
for cpu in cortex-a72 max,sve-default-vector-length=32 max,sve-default-vector-length=64; do
    row=""
    for job in book fm roles; do
        eval "args=\$$job"
        name=$job-$(echo "$cpu" | tr ',=' '--')
        # shellcheck disable=SC2086
        if QEMU_CPU=$cpu qemu-aarch64-static -L "$WORK/root" "$ARMJAVA" --add-modules jdk.incubator.vector -jar "$JAR" \
            $args --json --out "$out/$name.json" >"$out/$name.stdout" 2>"$out/$name.stderr"; then
            if cmp -s "$out/$name.json" "$out/$job-x86.json"; then
                row="$row | same bytes"
            else
                row="$row | **differ**"
                failed=1
            fi
        else
            row="$row | **failed** (see $out/$name.stderr)"
            failed=1
        fi
    done
    tile=$(sed -n 's/.*"tile" *: *"\([^"]*\)".*/\1/p' "$out/fm-$(echo "$cpu" | tr ',=' '--').stdout" | head -1)
    echo "| $cpu | $tile$row |"
done
exit $failed
