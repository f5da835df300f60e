#!/usr/bin/env python3
"""Writes a rasphone.pbk of N realistic entries: each is profiles/pbk/aovpn-user.pbk
(an Always On VPN user tunnel as Windows writes it: CRLF, hex blobs, MEDIA and
DEVICE sections) with its own name, Guid, DialParamsUID and server.
Usage: gen_pbk.py N OUT [TARGET_BYTES]  (with TARGET_BYTES: as many entries as fit)"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = os.path.join(os.path.dirname(HERE), "profiles", "pbk", "aovpn-user.pbk")


def template():
    with open(TEMPLATE, "rb") as f:
        t = f.read().decode("ascii")
    t = t.replace("\r\n", "\n").rstrip("\n") + "\n\n"
    t = t.replace("[Contoso User Tunnel]", "[Contoso User Tunnel {i:06d}]")
    t = t.replace("Guid=4E1B6F29A07C6D4A9B1E3F2C8D7A5B01", "Guid=4E1B6F29A07C6D4A9B1E3F2C{i:08X}")
    t = t.replace("DialParamsUID=883412375", "DialParamsUID={uid}")
    t = t.replace("vpn.contoso.com", "vpn{s}.contoso.com")
    return t.replace("\n", "\r\n")


def write(n, out, target=None):
    t = template()
    tmp = out + ".part"
    written = 0
    with open(tmp, "w", newline="") as f:
        i = 0
        while (target is None and i < n) or (target is not None and written < target):
            e = t.format(i=i, uid=100000000 + i * 7919 % 900000000, s=i % 8)
            if target is not None and written + len(e) > target and i > 0:
                break
            f.write(e)
            written += len(e)
            i += 1
    os.replace(tmp, out)
    return i, written


if __name__ == "__main__":
    n = int(sys.argv[1])
    target = int(sys.argv[3]) if len(sys.argv) > 3 else None
    print("%s: %d entries, %d bytes" % ((sys.argv[2],) + write(n, sys.argv[2], target)))
