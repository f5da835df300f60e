#!/usr/bin/env python3
"""Writes a synthetic NPS accounting log (IAS CSV or DTS XML) of about SIZE
bytes: requests, accepts and rejects for a few thousand users, quoted fields
with commas, CRLF line ends. Usage: gen.py csv|xml SIZE_MIB OUT"""
import random
import sys

COLUMNS = 66


def q(s):
    return '"' + s.replace('"', '""') + '"'


def csv_record(i, rnd):
    f = [''] * COLUMNS
    user = 'user%04d' % rnd.randrange(5000)
    kind = (1, 2, 3)[i % 3]
    day = 1 + (i // 100000) % 28
    f[0], f[1] = q('NPS01'), q('IAS')
    f[2] = '01/%02d/2024' % day
    f[3] = '%02d:%02d:%02d' % ((i // 3600) % 24, (i // 60) % 60, i % 60)
    f[4] = str(kind)
    f[5] = q(user + '@corp.example')
    f[6] = q('CORP\\' + user)
    f[8] = q('203.0.%d.%d' % (rnd.randrange(256), rnd.randrange(256)))
    f[15] = '10.0.0.%d' % (1 + i % 4)
    f[16] = q('RRAS, Edge %d' % (1 + i % 4))
    if kind != 1:
        f[23] = '5'
        f[24] = q('Virtual Private Network (VPN) Connections')
        f[25] = '0' if kind == 2 else str(rnd.choice((16, 48, 66, 8, 265)))
        f[30] = q('Microsoft: Smart Card or other certificate')
    f[60] = q('Use Windows authentication for all users')
    return ','.join(f)


def xml_record(i, rnd):
    user = 'user%04d' % rnd.randrange(5000)
    kind = (1, 2, 3)[i % 3]
    day = 1 + (i // 100000) % 28
    reason = 0 if kind != 3 else rnd.choice((16, 48, 66, 8, 265))
    return ('<Event><Timestamp data_type="4">01/%02d/2024 %02d:%02d:%02d.000</Timestamp>'
            '<Computer-Name data_type="1">NPS01</Computer-Name>'
            '<Event-Source data_type="1">IAS</Event-Source>'
            '<User-Name data_type="1">%s@corp.example</User-Name>'
            '<Fully-Qualifed-User-Name data_type="1">CORP\\%s</Fully-Qualifed-User-Name>'
            '<Client-IP-Address data_type="3">10.0.0.%d</Client-IP-Address>'
            '<Client-Friendly-Name data_type="1">RRAS &amp; Edge</Client-Friendly-Name>'
            '<Packet-Type data_type="0">%d</Packet-Type><Reason-Code data_type="0">%d</Reason-Code>'
            '<Authentication-Type data_type="0">5</Authentication-Type>'
            '<NP-Policy-Name data_type="1">Virtual Private Network (VPN) Connections</NP-Policy-Name>'
            '</Event>') % (day, (i // 3600) % 24, (i // 60) % 60, i % 60, user, user,
                           1 + i % 4, kind, reason)


def main():
    fmt, size_mib, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    target = size_mib * 1024 * 1024
    rnd = random.Random(42)
    make = csv_record if fmt == 'csv' else xml_record
    # a block of distinct records, written repeatedly (generation speed)
    block = ''.join(make(i, rnd) + '\r\n' for i in range(20000)).encode()
    written = 0
    with open(out, 'wb') as f:
        while written < target:
            f.write(block)
            written += len(block)
    print('%s: %d bytes' % (out, written))


if __name__ == '__main__':
    main()
