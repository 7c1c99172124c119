#!/usr/bin/env python3
"""Checkpoints between ae and PyTorch, both ways (run by ae's PyTorchRoundTripTest; needs Debian's python3-torch).

    python3 scripts/torch_roundtrip.py DIR [--readme README.md]

DIR holds one folder per model, each with ``model.safetensors`` (written by ae) and ``io.safetensors`` (a batch
``x`` and ae's ``code`` and ``reconstruction`` of it). For each model, PyTorch builds the module from the spec in the
checkpoint's metadata (scripts/ae_torch.py, ae's names), loads the checkpoint with ``load_state_dict(strict=True)``
and must reproduce ae's code and reconstruction within 1e-5. Then it writes a model of its own the other way:
``torch.safetensors`` (PyTorch's default initialisation, seeded, with the spec as metadata) and ``torch-io.safetensors``
(its code and reconstruction of ``x``), for ae to load and reproduce. With ``--readme``, the README's Python snippet
for the mlp-ae preset runs as written on the folder ``preset-mlp-ae``. Prints one line per model; exits 1 on any mismatch.
"""

import argparse
import json
import os
import re
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ae_torch  # noqa: E402

TOLERANCE = 1e-5


def worst(a, b):
    return (a.double() - b.double()).abs().max().item()


def check(name, what, actual, expected, failures):
    d = worst(actual, expected)
    if not d <= TOLERANCE:
        failures.append("%s: PyTorch's %s differs from ae's by %.3g (tolerance %g)" % (name, what, d, TOLERANCE))
    return d


def round_trip(folder, name, failures):
    state, meta = ae_torch.load_safetensors(os.path.join(folder, "model.safetensors"))
    io, _ = ae_torch.load_safetensors(os.path.join(folder, "io.safetensors"))
    spec = json.loads(meta["ae.spec"])
    model = ae_torch.build(spec)
    model.load_state_dict(state, strict=True)
    model.eval()
    x = io["x"]
    with torch.no_grad():
        code = check(name, "code", model.encode(x), io["code"], failures)
        rec = check(name, "reconstruction", model.reconstruct(x), io["reconstruction"], failures)
    torch.manual_seed(7)
    mine = ae_torch.build(spec)
    ae_torch.save_safetensors(os.path.join(folder, "torch.safetensors"), mine.state_dict(), {"ae.spec": meta["ae.spec"]})
    with torch.no_grad():
        ae_torch.save_safetensors(os.path.join(folder, "torch-io.safetensors"),
                                  {"code": mine.encode(x), "reconstruction": mine.reconstruct(x)}, {})
    return code, rec


def readme_snippet(readme):
    """The README's first Python block after its heading 'Checkpoints (safetensors)'."""
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    section = text[text.index("### Checkpoints (safetensors)"):]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def run_readme(readme, folder, failures):
    io, _ = ae_torch.load_safetensors(os.path.join(folder, "io.safetensors"))
    scope = {"x": io["x"]}
    here = os.getcwd()
    os.chdir(folder)
    try:
        exec(readme_snippet(readme), scope)  # the snippet as a user would paste it: it loads model.safetensors
    finally:
        os.chdir(here)
    return check("README snippet", "reconstruction", scope["x_hat"].detach(), io["reconstruction"], failures)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir")
    parser.add_argument("--readme")
    args = parser.parse_args()
    torch.set_num_threads(1)
    failures = []
    for name in sorted(os.listdir(args.dir)):
        code, rec = round_trip(os.path.join(args.dir, name), name, failures)
        print("%-18s load_state_dict(strict=True); max |torch - ae|: code %.2e, reconstruction %.2e" % (name, code, rec))
    if args.readme:
        d = run_readme(args.readme, os.path.join(args.dir, "preset-mlp-ae"), failures)
        print("README snippet on mlp-ae: max |torch - ae| reconstruction %.2e" % d)
    for f in failures:
        print(f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
