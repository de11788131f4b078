#!/usr/bin/env bash
# Assembles what a scimbus image holds besides the application, for Jib to lay on the empty base image "scratch":
# a Java runtime jlink'd from the JDK that builds (so no base image is pulled from a registry), the shared libraries
# that runtime links against, the trusted CA certificates, and the service user. Usage: assemble-root.sh JDK ROOT
set -euo pipefail
jdk=$1
root=$2
rm -rf "$root"
mkdir -p "$root/etc" "$root/tmp"
# java.se because Hazelcast asks for it (--add-modules java.se); the rest: Unsafe (Netty, Hazelcast), the
# com.sun.management beans, EC keys for TLS, DNS lookups.
"$jdk/bin/jlink" --add-modules java.se,jdk.management,jdk.unsupported,jdk.crypto.ec,jdk.naming.dns,jdk.zipfs \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$root/opt/java"
# The class data sharing archive a JDK ships is not made by jlink; without it every pod starts its JVM slower.
"$root/opt/java/bin/java" -Xshare:dump >/dev/null
# Some JDKs (Debian's) link the trust store out of the JDK; the image gets the file itself.
cp -L "$jdk/lib/security/cacerts" "$root/opt/java/lib/security/cacerts"
# Every library the runtime's executables and libraries need that the runtime does not bring, with the dynamic
# loader, at the paths they were found at. A library that is not on this machine (the desktop's X11) is never loaded
# by a headless service.
find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) -print0 \
  | xargs -0 ldd 2>/dev/null \
  | awk -v root="$root" '$2 == "=>" && $3 ~ /^\// && index($3, root) != 1 { print $3 } $1 ~ /^\/.*ld-linux/ { print $1 }' \
  | sort -u \
  | while read -r lib; do cp -L --parents "$lib" "$root"; done
printf 'root:x:0:0:root:/:/sbin/nologin\nscimbus:x:10001:10001:scimbus:/tmp:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nscimbus:x:10001:\n' > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"
