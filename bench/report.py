#!/usr/bin/env python3
"""The benchmark suite's report (bench/run.sh calls it): reads the ceilings and each path's
BENCH_RESULT, takes each figure's median over the runs, checks the targets against the ceilings
measured in the same run, and writes report.md, report.json and bench/results/<commit>.json (<commit>.quick.json for --quick).

    bench/report.py OUT_DIR COMMIT QUICK(0|1)

OUT_DIR holds ceilings.json, status.tsv (path, dir, status, log, load before, load after) and
results/<path>.json. Performance targets (<, <=, >, >=) are checked on the median; exactness
targets (==) on every run, as one run that lost a check-in is a failure whatever the others did.
"""
import json
import os
import statistics
import sys
import time

OPS = {
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
    "<=": lambda a, b: a <= b,
    "<": lambda a, b: a < b,
    "==": lambda a, b: a == b,
}


def median(values):
    values = [v for v in values if isinstance(v, (int, float))]
    return statistics.median(values) if values else None


def fmt(value):
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}" if abs(value) < 1000 else f"{value:,.0f}"
    return f"{int(value):,}"


def figure_rows(result, ceilings):
    runs = result.get("runs") or []
    names = []
    for run in runs:
        for name in run:
            if name not in names:
                names.append(name)
    targets = {}
    for target in result.get("targets") or []:
        targets.setdefault(target["figure"], []).append(target)
    rows = []
    for name in names:
        values = [run.get(name) for run in runs]
        med = median(values)
        for target in targets.get(name) or [None]:
            row = {"figure": name, "runs": values, "median": med, "target": target, "threshold": None,
                   "met": None, "ceiling": None}
            if target is not None:
                threshold = target["value"]
                ratio_of = target.get("ratio_of")
                if ratio_of:
                    ceiling = (ceilings.get(ratio_of) or {}).get("median")
                    row["ceiling"] = {"name": ratio_of, "median": ceiling}
                    threshold = None if ceiling is None else target["value"] * ceiling
                row["threshold"] = threshold
                op = OPS.get(target["op"])
                if op is None or threshold is None:
                    row["met"] = None
                elif target["op"] == "==":
                    row["met"] = bool(values) and all(isinstance(v, (int, float)) and op(v, threshold) for v in values)
                else:
                    row["met"] = med is not None and op(med, threshold)
            rows.append(row)
    return rows


def target_text(row):
    target = row["target"]
    if target is None:
        return "—"
    if target.get("ratio_of"):
        return f"{target['op']} {target['value']} × {target['ratio_of']} ({fmt(row['threshold'])})"
    scope = " every run" if target["op"] == "==" else ""
    return f"{target['op']} {fmt(target['value'])}{scope}"


def main():
    out, commit, quick = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
    with open(os.path.join(out, "ceilings.json")) as f:
        ceilings = json.load(f)
    paths = []
    with open(os.path.join(out, "status.tsv")) as f:
        for line in f:
            name, directory, status, log, load_before, load_after = line.rstrip("\n").split("\t")
            entry = {"path": name, "dir": directory, "status": status, "log": log,
                     "load_before": load_before, "load_after": load_after, "figures": []}
            result_file = os.path.join(out, "results", name + ".json")
            if status == "ok":
                try:
                    with open(result_file) as r:
                        result = json.load(r)
                    entry.update(title=result.get("path"), workload=result.get("workload"), notes=result.get("notes"))
                    entry["figures"] = figure_rows(result, ceilings)
                    if not entry["figures"]:
                        entry["status"] = "no figures"
                except (OSError, ValueError) as ex:
                    entry["status"] = f"no result ({ex.__class__.__name__})"
            paths.append(entry)

    report = {"commit": commit, "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "quick": quick,
              "cpus": os.cpu_count(), "ceilings": ceilings, "paths": paths}
    with open(os.path.join(out, "report.json"), "w") as f:
        json.dump(report, f, indent=2, ensure_ascii=False)
    os.makedirs("bench/results", exist_ok=True)
    # a smoke run's figures mean nothing: kept apart, and out of git (.gitignore)
    with open(os.path.join("bench/results", commit + (".quick" if quick else "") + ".json"), "w") as f:
        json.dump(report, f, indent=2, ensure_ascii=False)

    md = [f"# Benchmarks of {commit}, {report['date']}{' (quick smoke run: not figures)' if quick else ''}", ""]
    md.append("Ceilings measured in this run: " + "; ".join(
        f"{name} {fmt(c.get('median'))} (median of {', '.join(fmt(v) for v in c.get('runs', []))}; {c.get('how', '')})"
        for name, c in ceilings.items()) + ".")
    md.append("")
    md.append("| path | workload | figure | median | runs | target | met? | ceiling |")
    md.append("|---|---|---|---|---|---|---|---|")
    for entry in paths:
        if entry["status"] != "ok":
            where = "no script" if entry["status"] == "missing" else "log"
            md.append(f"| {entry['path']} | — | — | — | — | — | **{entry['status']}** ({where}: `{entry['log']}`) | — |")
            continue
        for i, row in enumerate(entry["figures"]):
            met = "—" if row["target"] is None else ("yes" if row["met"] else ("**no**" if row["met"] is False else "?"))
            ceiling = "—" if row["ceiling"] is None else f"{row['ceiling']['name']} {fmt(row['ceiling']['median'])}"
            md.append("| {} | {} | {} | {} | {} | {} | {} | {} |".format(
                entry["path"] if i == 0 else "", (entry.get("workload") or "") if i == 0 else "", row["figure"],
                fmt(row["median"]), ", ".join(fmt(v) for v in row["runs"]), target_text(row), met, ceiling))
    md.append("")
    md.append("Performance targets are checked on the median, exactness targets (==) on every run. Machine load "
              "(1-minute load average) before and after each path: " + "; ".join(
                  f"{e['path']} {e['load_before']} → {e['load_after']}" for e in paths) + f" ({report['cpus']} CPUs).")
    notes = [e for e in paths if e.get("notes")]
    if notes:
        md.append("")
        for e in notes:
            md.append(f"- **{e['path']}**: {e['notes']}")
    text = "\n".join(md) + "\n"
    with open(os.path.join(out, "report.md"), "w") as f:
        f.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
