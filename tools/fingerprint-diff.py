#!/usr/bin/env python3
"""Compares two tools/fingerprint.sh folders: counts identical files and, for the rest, which JSON
fields differ (with one example each). Usage: tools/fingerprint-diff.py BEFORE AFTER"""
import collections
import json
import os
import sys

before, after = sys.argv[1], sys.argv[2]
diffs, examples = collections.Counter(), {}


def walk(x, y, path):
    if isinstance(x, dict) and isinstance(y, dict):
        for k in sorted(set(x) | set(y)):
            walk(x.get(k), y.get(k), path + "." + k)
    elif isinstance(x, list) and isinstance(y, list) and len(x) == len(y):
        for u, v in zip(x, y):
            walk(u, v, path + "[]")
    elif x != y:
        diffs[path] += 1
        examples.setdefault(path, (x, y))


files = same = 0
for f in sorted(os.listdir(before)):
    if not f.endswith(".json"):
        continue
    a, b = os.path.join(before, f), os.path.join(after, f)
    if not os.path.exists(b):
        print("missing in", after, f)
        continue
    files += 1
    ta, tb = open(a).read(), open(b).read()
    if ta == tb:
        same += 1
        continue
    try:
        walk(json.loads(ta), json.loads(tb), "")
    except ValueError:
        diffs["not JSON: " + f] += 1
print(f"{files} files, {same} byte-identical")
for p, c in diffs.most_common(40):
    print(c, p, examples.get(p))
