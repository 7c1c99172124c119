#!/usr/bin/env python3
"""The README's performance table from the raw JSON lines of a side-by-side run.

Reads the lines that `ae bench` and `scripts/pytorch_bench.py` printed (one file, any order) and prints one Markdown
row per workload and backend: the median training figure over the runs of the same protocol (whole epochs for W1 and
W4, the quick runs for W2 and W3) with the runs themselves, its ratio to PyTorch's best run of that protocol (PyTorch's
epoch runs of W2 and W3 count towards its best, so that the ratio never flatters ae), the inference figure and its
ratio to PyTorch's best, peak RSS (the largest of the runs) and the test loss of the first run.

    python3 scripts/bench_table.py docs/bench/side-by-side-2026-12-07b.jsonl
"""
import json
import statistics
import sys

WORKLOADS = [("mlp-ae", "W1"), ("conv-ae", "W2"), ("conv-vae", "W3"), ("lstm-ae", "W4")]
BACKENDS = ["pure", "nd4j", "djl"]


def is_pytorch(line):
    return line["backend"].startswith("pytorch")


def main(path):
    with open(path, encoding="utf-8") as f:
        lines = [json.loads(text) for text in f if text.startswith("{")]
    print("| workload | backend | train samples/s (runs) | vs PyTorch's best | infer samples/s | vs PyTorch's best"
          " | peak RSS MB | test loss |")
    print("|---|---|---|---|---|---|---|---|")
    for workload, label in WORKLOADS:
        runs = [line for line in lines if line["workload"] == workload]
        if not runs:
            continue
        quick = any(line.get("quick") for line in runs if not is_pytorch(line))
        torch = [line for line in runs if is_pytorch(line)]
        torch_best = max(line["train_samples_per_s"] for line in torch)
        torch_infer = max(line["infer_samples_per_s"] for line in torch)
        for backend in BACKENDS + ["pytorch"]:
            mine = [line for line in runs if (is_pytorch(line) if backend == "pytorch" else line["backend"] == backend)]
            timed = [line for line in mine if bool(line.get("quick")) == quick] or mine
            if not timed:
                continue
            rates = [line["train_samples_per_s"] for line in timed]
            median = statistics.median(rates)
            listed = "; ".join(f"{r:,.0f}" for r in rates)
            infer = statistics.median(line["infer_samples_per_s"] for line in timed)
            name = "PyTorch 1.13.1" if backend == "pytorch" else backend
            ratio = "1" if backend == "pytorch" else f"{median / torch_best:.2f}x"
            infer_ratio = "1" if backend == "pytorch" else f"{infer / torch_infer:.2f}x"
            rss = max(line["peak_rss_mb"] for line in timed)
            print(f"| {label} `{workload}` | {name} | {median:,.0f} ({listed}) | {ratio} | {infer:,.0f} | {infer_ratio}"
                  f" | {rss:,.0f} | {timed[0]['test_loss']:.4g} |")


if __name__ == "__main__":
    main(sys.argv[1])
