#!/usr/bin/env python3
"""Writes a hostile rasphone.pbk for timing hash tables: one entry whose 2^STAGES
key names all share one 32-bit FNV-1a hash (the hash the phonebook's name table
used before core/hash.c). The names are Joux multicollisions: for each stage,
two 5-letter blocks that take the hash state to the same value, found by the
birthday bound; every name picks one block per stage. 16 stages: 65 536 names,
5.5 MB. (With the keyed SipHash of core/hash.c they no longer collide.)
Usage: gen_hostile_pbk.py STAGES OUT"""
import os
import random
import sys

MASK = 0xFFFFFFFF
LETTERS = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def fnv(h, data):
    for b in data:
        h = ((h ^ b) * 16777619) & MASK
    return h


def colliding_blocks(h, rnd):
    seen = {}
    while True:
        blk = bytes(rnd.choice(LETTERS) for _ in range(5))
        s = fnv(h, blk)
        if s in seen and seen[s] != blk:
            return seen[s], blk, s
        seen[s] = blk


def main():
    stages, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(stages)
    h = fnv(2166136261, b"K")
    names = [b"K"]
    for _ in range(stages):
        a, b, h = colliding_blocks(h, rnd)
        names = [n + a for n in names] + [n + b for n in names]
    tmp = out + ".part"
    with open(tmp, "wb") as f:
        f.write(b"[Flood]\r\nMEDIA=rastapi\r\nPort=VPN2-0\r\nDevice=WAN Miniport (IKEv2)\r\n")
        f.write(b"PhoneNumber=vpn.example.com\r\n")
        for i, n in enumerate(names):
            f.write(n + b"=%d\r\n" % i)
    os.replace(tmp, out)
    print("%s: %d names sharing FNV-1a hash %08x" % (out, len(names), h))


if __name__ == "__main__":
    main()
