#!/usr/bin/env python3
"""The position reports' figures for bench/run.sh: reads what LocationLoad printed in each run and
writes the convention's JSON object (docs/performance.md) to stdout. Nothing is measured here.

    result.py PHONES "ARGS" RUN_OUTPUT...
"""
import json
import re
import sys

FIGURES = [
    # (figure, pattern of LocationLoad's summary line)
    ("single_vs_ceiling_percent", r"single reports / \{__typename\} throughput: ([\d.]+)%"),
    ("cadence_p99_ms", r"at the field's cadence \(\d+ phones every 15 s\): p99 ([\d.]+) ms"),
    ("cadence_per_s", r"at the field's cadence \(\d+ phones every 15 s\): p99 [\d.]+ ms, achieved ([\d.]+)/s"),
    ("paced_p99_ms", r"p99 at \d+ reports/s: ([\d.]+) ms"),
    ("driver_late_p99_ms", r"of which waiting in the driver to be sent, p99: ([\d.]+) ms"),
    ("half_rate_p99_ms", r"p99 at half the flat-out rate \(\d+ reports/s\): ([\d.]+) ms"),
    ("batched_positions_per_s", r"batched positions/s: ([\d.]+)"),
    ("dropped_percent", r"dropped by the filters: \d+ \(([\d.]+)%\)"),
]

phones, args, outputs = sys.argv[1], sys.argv[2], sys.argv[3:]
runs = []
for output in outputs:
    text = open(output, encoding="utf-8", errors="replace").read()
    run = {}
    for name, pattern in FIGURES:
        found = re.search(pattern, text)
        run[name] = float(found.group(1)) if found else None
    runs.append(run)
rate = args.split()[4] if len(args.split()) > 4 else "2000"
json.dump({
    "path": "position reports",
    "workload": f"{phones} phones checked in, reports at the field's 15 s cadence, flat out and paced (bench/location/run.sh {args})".replace(" )", ")"),
    "runs": runs,
    "targets": [
        {"figure": "single_vs_ceiling_percent", "op": ">=", "value": 60},
        {"figure": "paced_p99_ms", "op": "<", "value": 50},
        {"figure": "batched_positions_per_s", "op": ">=", "value": 100000},
    ],
    "notes": f"single_vs_ceiling_percent: single reports flat out against {{__typename}} with the same tokens, in the same run; "
             f"paced_p99_ms: single reports at {rate}/s, latency from when each was due; driver_late_p99_ms: its wait in the driver; "
             "cadence: every phone every 15 s; see docs/location.md",
}, sys.stdout)
sys.stdout.write("\n")
