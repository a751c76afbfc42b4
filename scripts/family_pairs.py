#!/usr/bin/env python3
"""Read a random sample of candidate copy pairs near the threshold.

    cargo run --release --example family_pairs -- CORPUS --pairs > pairs.tsv
    scripts/family_pairs.py CORPUS pairs.tsv [--lo 0.4] [--hi 0.6] [--n 20] [--seed 22]

Prints, for each sampled pair, the estimated containment (the first
column of the pairs file), both documents'
titles and a word diff of their texts (what one has that the other has
not), for a person to judge: copy (same story, re-sent or syndicated) or
not. Reads the corpus in place; nothing is written.
"""
import argparse
import difflib
import gzip
import json
import random
import re


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("pairs")
    ap.add_argument("--lo", type=float, default=0.4)
    ap.add_argument("--hi", type=float, default=0.6)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=22)
    ap.add_argument("--width", type=int, default=400)
    a = ap.parse_args()
    docs = {}
    with gzip.open(a.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                docs[str(r.get("id"))] = r
    rows = []
    with open(a.pairs) as f:
        for line in f:
            s, x, y = line.rstrip("\n").split("\t")[:3]
            if a.lo <= float(s) < a.hi:
                rows.append((float(s), x.split("#")[-1], y.split("#")[-1]))
    random.Random(a.seed).shuffle(rows)
    for s, x, y in sorted(rows[: a.n]):
        dx, dy = docs[x], docs[y]
        wx = re.findall(r"\w+", (dx.get("body") or "").lower())
        wy = re.findall(r"\w+", (dy.get("body") or "").lower())
        only_x, only_y = [], []
        sm = difflib.SequenceMatcher(None, wx, wy, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op != "equal":
                only_x += wx[i1:i2]
                only_y += wy[j1:j2]
        print(f"== {s:.3f}  #{x} {dx.get('date')} | #{y} {dy.get('date')}  words {len(wx)}/{len(wy)}  ratio {sm.ratio():.2f}")
        print(f"   titles: {dx.get('title')!r} | {dy.get('title')!r}")
        print(f"   only #{x}: {' '.join(only_x)[: a.width]}")
        print(f"   only #{y}: {' '.join(only_y)[: a.width]}")


if __name__ == "__main__":
    main()
