#!/usr/bin/env python3
"""Writes the golden fixtures: what PyTorch computes from ae's inputs, for ae's conformance suite to compare with.

    python3 scripts/golden_fixtures.py            # rewrite ae-tests/src/test/resources/golden/*.torch.safetensors
    python3 scripts/golden_fixtures.py --check    # regenerate into a temporary folder; fail unless byte-identical

Inputs (written by ae: ``dev.autoencoder.tests.golden.GoldenInputs``): every op registry sample with its
cotangent r, and every model of the zoo with its parameters and batch. Outputs, for F32 and F64:
- ops: the value y = op(x) and the vector-Jacobian products d sum(y * r) / dx, by autograd;
- models: every loss term of one training pass (ae's dropout masks, corruption and epsilon, drawn by replaying
  ae's generator), the gradient of the total loss for every parameter, the reconstruction and the code;
- optimizers: parameter trajectories of torch.optim (SGD with momentum and L2 decay, Adam, Adam with L2 decay,
  AdamW, the eps-dominated regime, global-norm gradient clipping) over varying gradients.
Runs on one thread, with PyTorch's, oneDNN's and OpenBLAS's kernels pinned to their AVX2 versions, so that the
files come out bit for bit the same on any x86-64 machine with AVX2 (an AVX-512 kernel sums in another order).
Needs Debian's python3-torch and libopenblas0-pthread (CI installs both).
"""

import argparse
import filecmp
import json
import os
import re
import sys
import tempfile

os.environ.update({"ATEN_CPU_CAPABILITY": "avx2", "ONEDNN_MAX_CPU_ISA": "AVX2", "DNNL_MAX_CPU_ISA": "AVX2",
                   "OPENBLAS_CORETYPE": "Haswell", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"})

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ae_torch  # noqa: E402

GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ae-tests", "src", "test", "resources", "golden")
DTYPES = {"f32": torch.float32, "f64": torch.float64}


# ---------------------------------------------------------------------------------------------- ops

def _axes(name):
    m = re.search(r"axes \[([^\]]*)\]", name)
    axes = [int(a) for a in m.group(1).split(",") if a.strip()] if m else []
    return axes, ", keep" in name


def _reduce(kind, x, name):
    axes, keep = _axes(name)
    dims = axes if axes else list(range(x.dim()))
    if not dims:
        return x.clone()
    if kind == "sum":
        return x.sum(dim=dims, keepdim=keep)
    if kind == "mean":
        return x.mean(dim=dims, keepdim=keep)
    return torch.amax(x, dim=dims, keepdim=keep)


def _conv_params(name):
    m = re.search(r"\[s(\d+)(?:x(\d+))?,p(\d+)(?:x(\d+))?(?:,op(\d+)(?:x(\d+))?)?\]", name)
    sh, sw, ph, pw, oh, ow = m.groups()
    stride = (int(sh), int(sw or sh))
    padding = (int(ph), int(pw or ph))
    out_pad = (int(oh or 0), int(ow or oh or 0))
    return stride, padding, out_pad


def _other(dtype):
    return torch.float64 if dtype == torch.float32 else torch.float32


def lstm_cell(a):
    """PyTorch's own LSTM cell on pre-activation gates a[0] [n, 4h] and cell state a[1] [n, h]: the gates pass through an
    identity input weight, a zero hidden weight and zero biases, which add and multiply nothing but exact zeros and ones."""
    n, h = a[1].shape
    eye = torch.eye(4 * h, dtype=a[0].dtype)
    zeros = torch.zeros(4 * h, dtype=a[0].dtype)
    return torch.lstm_cell(a[0], (torch.zeros(n, h, dtype=a[0].dtype), a[1]), eye,
                           torch.zeros(4 * h, h, dtype=a[0].dtype), zeros, zeros)


def op_function(name):
    """The PyTorch expression of ae's registry entry ``name`` (OpRegistry fixes the same parameters)."""
    base = name.split("[")[0]
    unary = {"neg": torch.neg, "exp": torch.exp, "log": torch.log, "log1p": torch.log1p, "sqrt": torch.sqrt,
             "abs": torch.abs, "tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu, "sign": torch.sign}
    binary = {"add": torch.add, "sub": torch.sub, "mul": torch.mul, "div": torch.div, "maximum": torch.maximum,
              "minimum": torch.minimum}
    compare = {"greater": torch.gt, "greaterEqual": torch.ge, "equal": torch.eq}
    if name == "relu[at 0]":
        return lambda a: torch.relu(a[0]) + torch.abs(a[0])
    if base in unary:
        return lambda a: unary[base](a[0])
    if base in binary:
        return lambda a: binary[base](a[0], a[1])
    if base in compare:
        return lambda a: compare[base](a[0], a[1]).to(a[0].dtype)
    if name == "max[ties]":
        return lambda a: torch.amax(a[0], 1)
    if base in ("sum", "mean", "max"):
        return lambda a: _reduce(base, a[0], name)
    if base == "linear":
        return lambda a: F.linear(a[0], a[1], a[2])
    if base == "reluBackward":
        return lambda a: torch.where(a[0] > 0, a[1], torch.zeros_like(a[1]))
    if base == "sumOfSquares":
        return lambda a: (a[0] * a[0]).sum()
    if base == "matmul":
        ta, tb = "A^T" in name, "B^T" in name
        return lambda a: (a[0].t() if ta else a[0]) @ (a[1].t() if tb else a[1])
    if base.startswith("conv2d"):
        stride, padding, out_pad = _conv_params(name)
        if base == "conv2d":
            return lambda a: F.conv2d(a[0], a[1], stride=stride, padding=padding)
        if base == "conv2dTranspose":
            return lambda a: F.conv_transpose2d(a[0], a[1], stride=stride, padding=padding, output_padding=out_pad)
        if base == "conv2dInputGrad":
            return lambda a: torch.nn.grad.conv2d_input((2, 3, 7, 6), a[1], a[0], stride=stride, padding=padding)
        if base == "conv2dWeightGrad":
            return lambda a: torch.nn.grad.conv2d_weight(a[0], (4, 3, 3, 3), a[1], stride=stride, padding=padding)
    table = {
        "full": lambda a: torch.full((2, 3), -1.25, dtype=a[0].dtype) + a[0],
        "cast": lambda a: a[0].to(_other(a[0].dtype)).square().to(a[0].dtype),
        "fromFloats": lambda a: a[0].to(torch.float32).to(a[0].dtype),
        "reshape": lambda a: a[0].reshape(3, 1, 4),
        "permute": (lambda a: a[0].t()) if name == "permute[2-D]" else (lambda a: a[0].permute(2, 0, 1)),
        "broadcastTo": lambda a: a[0].broadcast_to((2, 3, 4)),
        "slice": (lambda a: a[0][..., 0:2]) if name == "slice[last axis]" else (lambda a: a[0][:, 1:3]),
        "pad": lambda a: F.pad(a[0], (0, 1, 2, 2, 1, 0, 0, 1), value=0.5),
        "concat": lambda a: torch.cat(a, 0 if name == "concat[axis 0]" else 1),
        "where": lambda a: torch.where(a[0] > 0, a[1], a[2]),
        # softplus to the last bit: F.softplus is log1p(exp(x)) below its threshold of 20 and x above it, and
        # torch.logaddexp(x, 0) loses the tail (log(1 + 1e-14) in 1.13), so x + softplus(-x) above 0
        "softplus": lambda a: torch.where(a[0] > 0, a[0] + F.softplus(-a[0]), F.softplus(a[0])),
        "logSigmoid": lambda a: F.logsigmoid(a[0]),
        "bceWithLogits": lambda a: F.binary_cross_entropy_with_logits(a[0], a[1], reduction="none"),
        "lstmCell": (lambda a: lstm_cell(a)[0]) if name == "lstmCell[hidden only]"
        else (lambda a: torch.cat(lstm_cell([a[0] + a[1], a[2]]), 1)) if name == "lstmCell[input and hidden gates]"
        else (lambda a: torch.cat(lstm_cell(a), 1)),
        "bce": lambda a: F.binary_cross_entropy(a[0], a[1], reduction="none"),
        "squaredError": lambda a: (a[0] - a[1]) ** 2,
        "mse": lambda a: F.mse_loss(a[0], a[1]),
        "klToStdNormal": lambda a: -0.5 * (1 + a[1] - a[0] ** 2 - a[1].exp()).sum(dim=list(range(1, a[0].dim()))),
        "logSumExp": (lambda a: torch.logsumexp(a[0], -1, keepdim=True)) if name == "logSumExp[keep]"
        else (lambda a: torch.logsumexp(a[0], 1)),
        "leakyRelu": lambda a: F.leaky_relu(a[0], 0.01),
        "adamStep": adam_step,
    }
    if base not in table:
        raise KeyError("no PyTorch expression for ae op " + name)
    return table[base]


def adam_step(a):
    """torch.optim.Adam's third step (lr 0.1) from the registry's parameter, gradient and moments, flattened."""
    param, grad, m, v = (t.clone() for t in a)
    p = torch.nn.Parameter(param)
    opt = torch.optim.Adam([p], lr=0.1, betas=(0.9, 0.999), eps=1e-8, foreach=False)
    opt.state[p] = {"step": torch.tensor(2.0), "exp_avg": m, "exp_avg_sq": v}
    p.grad = grad
    opt.step()
    state = opt.state[p]
    return torch.cat([p.detach().flatten(), state["exp_avg"].flatten(), state["exp_avg_sq"].flatten()])


def ops(inputs, out_path):
    tensors, meta = ae_torch.load_safetensors(inputs)
    out = {}
    for i, case in enumerate(json.loads(meta["cases"])):
        fn = op_function(case["op"])
        key = "c%d" % i
        n = len(case["differentiable"])
        for tag, dtype in DTYPES.items():
            args = [tensors["%s.x%d" % (key, k)].to(dtype).requires_grad_(case["differentiable"][k]) for k in range(n)]
            y = fn(args)
            out["%s.%s.out" % (key, tag)] = y.detach()
            wrt = [k for k in range(n) if case["differentiable"][k]]
            if wrt:
                r = tensors[key + ".cotangent"].to(dtype)
                grads = torch.autograd.grad(y, [args[k] for k in wrt], grad_outputs=r, allow_unused=True)
                for k, g in zip(wrt, grads):
                    out["%s.%s.grad%d" % (key, tag, k)] = torch.zeros_like(args[k]) if g is None else g
    ae_torch.save_safetensors(out_path, out, about("ops", meta["cases"]))


# ---------------------------------------------------------------------------------------------- models

def models(inputs, out_path):
    tensors, meta = ae_torch.load_safetensors(inputs)
    out = {}
    for i, case in enumerate(json.loads(meta["cases"])):
        key = "m%d" % i
        spec = json.loads(case["spec"])
        for tag, dtype in DTYPES.items():
            model = ae_torch.build(spec).to(dtype)
            state = {name: tensors["%s.param.%s" % (key, name)].to(dtype) for name in case["parameters"]}
            model.load_state_dict(state, strict=True)
            x = tensors[key + ".x"].to(dtype)
            terms, total = ae_torch.training_pass(model, x, ae_torch.Rng(case["noiseSeed"]))
            for name, value in terms.items():
                out["%s.%s.term.%s" % (key, tag, name)] = value.detach().reshape(1)
            out["%s.%s.term.total" % (key, tag)] = total.detach().reshape(1)
            named = dict(model.named_parameters())
            grads = torch.autograd.grad(total, [named[n] for n in case["parameters"]])
            for name, g in zip(case["parameters"], grads):
                out["%s.%s.grad.%s" % (key, tag, name)] = g
            with torch.no_grad():
                out["%s.%s.reconstruction" % (key, tag)] = model.reconstruct(x)
                out["%s.%s.code" % (key, tag)] = model.encode(x)
    ae_torch.save_safetensors(out_path, out, about("models", meta["cases"]))


# ---------------------------------------------------------------------------------------------- optimizers

STEPS = 6
OPTIMIZERS = [
    ("sgd-momentum-l2", lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, weight_decay=0.1), None, 1.0),
    ("adam", lambda ps: torch.optim.Adam(ps, lr=0.1, foreach=False), None, 1.0),
    ("adam-l2", lambda ps: torch.optim.Adam(ps, lr=0.1, weight_decay=0.1, foreach=False), None, 1.0),
    ("adamw", lambda ps: torch.optim.AdamW(ps, lr=0.1, weight_decay=0.1, foreach=False), None, 1.0),
    ("adam-eps-dominated", lambda ps: torch.optim.Adam(ps, lr=0.1, foreach=False), None, 1e-9),
    ("adam-clipped", lambda ps: torch.optim.Adam(ps, lr=0.1, foreach=False), 0.5, 1.0),
]


def optimizers(out_path):
    """Two parameters ([3, 4] and [5]) and per step gradients of varying sign and size (scaled by ``scale``)."""
    out, cases = {}, []
    for i, (name, make, clip, scale) in enumerate(OPTIMIZERS):
        key = "o%d" % i
        gen = torch.Generator().manual_seed(1000 + i)
        init = [torch.rand((3, 4), generator=gen, dtype=torch.float64) * 4 - 2,
                torch.rand((5,), generator=gen, dtype=torch.float64) * 4 - 2]
        grads = [[(torch.rand(p.shape, generator=gen, dtype=torch.float64) * 2 - 1) * scale * (1 + s)
                  for p in init] for s in range(STEPS)]
        for k, p in enumerate(init):
            out["%s.p%d.initial" % (key, k)] = p
            for s in range(STEPS):
                out["%s.p%d.grad%d" % (key, k, s)] = grads[s][k]
        for tag, dtype in DTYPES.items():
            params = [torch.nn.Parameter(p.to(dtype).clone()) for p in init]
            opt = make(params)
            for s in range(STEPS):
                for p, g in zip(params, grads[s]):
                    p.grad = g.to(dtype).clone()
                if clip is not None:
                    torch.nn.utils.clip_grad_norm_(params, clip)
                opt.step()
                for k, p in enumerate(params):
                    out["%s.%s.p%d.after%d" % (key, tag, k, s)] = p.detach().clone()
        cases.append({"name": name, "steps": STEPS, "clipNorm": clip, "optimizer": repr(make([torch.nn.Parameter(
            torch.zeros(1))])).replace("\n", " ")})
    ae_torch.save_safetensors(out_path, out, about("optimizers", json.dumps(cases, separators=(",", ":"))))


def about(what, cases):
    return {"about": "PyTorch's results for ae's golden %s (scripts/golden_fixtures.py)" % what,
            "cases": cases, "torch": torch.__version__}


# ---------------------------------------------------------------------------------------------- main

def write_all(folder):
    ops(os.path.join(GOLDEN, "op-inputs.safetensors"), os.path.join(folder, "ops.torch.safetensors"))
    models(os.path.join(GOLDEN, "model-inputs.safetensors"), os.path.join(folder, "models.torch.safetensors"))
    optimizers(os.path.join(folder, "optimizers.torch.safetensors"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail unless the committed fixtures regenerate unchanged")
    args = parser.parse_args()
    torch.set_num_threads(1)
    if not args.check:
        write_all(GOLDEN)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        write_all(tmp)
        names = sorted(n for n in os.listdir(tmp))
        changed = [n for n in names if not filecmp.cmp(os.path.join(tmp, n), os.path.join(GOLDEN, n), shallow=False)]
    if changed:
        print("golden fixtures differ from what torch %s computes now: %s (run scripts/golden_fixtures.py)"
              % (torch.__version__, ", ".join(changed)), file=sys.stderr)
        return 1
    print("golden fixtures regenerate unchanged with torch %s: %s" % (torch.__version__, ", ".join(names)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
