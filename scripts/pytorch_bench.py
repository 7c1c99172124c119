#!/usr/bin/env python3
"""The four workloads of WORKLOADS.md in PyTorch, timed as `ae bench` times them, for comparison.

Prints one JSON line per workload with the fields of `ae bench`. The models, data, loss, optimizer, batch sizes,
warm-up and medians are the same; FLOPs are counted by the same rule (two per multiply-add of the products
and convolutions of one training step: forward, weight gradients, and input gradients of every layer but the
first; for lstm-ae ae's own count, see lstm_ae_flops_per_sample). PyTorch trains the idiomatic way: in-place
optimizer, no autograd during inference.

W1-W3 read Fashion-MNIST (--data); W4 (lstm-ae) reads the sensor series that ae generates for it (--series):
    ./ae make-series --out w4-series.csv --steps 25126 --channels 8 --anomalies 0 --seed 4

On Debian: apt-get install python3-torch libopenblas0-pthread (without OpenBLAS, PyTorch's products run on
the reference BLAS). Then, for example:
    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 scripts/pytorch_bench.py --quick
    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 scripts/pytorch_bench.py --workload lstm-ae --series w4-series.csv

Like ae's native backends (NativeHeap), the script first makes glibc's allocator keep freed memory, unless the
environment configures malloc or --system-malloc is given: where page faults are dear, PyTorch's intermediates
otherwise fault their pages in again at every step (on the project's VM W2 trained at 285 samples/s instead of 547).
"""
import argparse
import ctypes
import gzip
import json
import os
import resource
import statistics
import struct
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

BATCH = 100
INFERENCE_BATCH = 500
INFERENCE_WARM_UP_S = 2.0
QUICK_TEST_SAMPLES = 1000
# W4's windows, as ae's SensorWindows cuts them: the first TRAIN_STEPS steps of the series give 20,000 training
# windows of WINDOW steps at stride 1, the next TEST_STEPS steps 5,000 test windows.
WINDOW = 64
TRAIN_STEPS = 20_000 + WINDOW - 1
TEST_STEPS = 5_000 + WINDOW - 1


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(folder, split):
    prefix = "train" if split == "train" else "t10k"
    images = read_idx(os.path.join(folder, prefix + "-images-idx3-ubyte.gz"))
    return torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)


def load_windows(path):
    """W4's training and test windows [n, 64, 8] from the CSV of `ae make-series` (columns sensor0..7, label), cut as
    ae's SensorWindows cuts them: each channel standardised in float32 by its mean and population standard deviation on
    the training steps (computed in float64, as ae does), then windows of 64 steps at stride 1."""
    make = "./ae make-series --out %s --steps %d --channels 8 --anomalies 0 --seed 4" % (path, TRAIN_STEPS + TEST_STEPS)
    if not os.path.isfile(path):
        raise SystemExit("%s is missing: W4 reads the series that this writes: %s" % (path, make))
    steps = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float32)[:, :-1]
    if steps.shape != (TRAIN_STEPS + TEST_STEPS, 8):
        raise SystemExit("%s holds %s values; W4 reads the series that this writes: %s" % (path, "x".join(map(str, steps.shape)), make))
    train = steps[:TRAIN_STEPS].astype(np.float64)
    mean = train.mean(0)
    std = np.sqrt(((train - mean) ** 2).mean(0))
    scaled = (steps - mean.astype(np.float32)) * (1.0 / std).astype(np.float32)

    def windows(part):
        return torch.from_numpy(np.ascontiguousarray(part)).unfold(0, WINDOW, 1).transpose(1, 2).contiguous()

    return windows(scaled[:TRAIN_STEPS]), windows(scaled[TRAIN_STEPS:])


def conv_encoder():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, 2, 1), nn.ReLU(),
        nn.Conv2d(32, 64, 3, 2, 1), nn.ReLU(),
        nn.Conv2d(64, 128, 3, 2, 1), nn.ReLU(),
        nn.Flatten())


def conv_decoder():
    return nn.Sequential(
        nn.Linear(2, 2048), nn.Unflatten(1, (128, 4, 4)),
        nn.ConvTranspose2d(128, 128, 3, 2, 1, output_padding=1), nn.ReLU(),
        nn.ConvTranspose2d(128, 64, 3, 2, 1, output_padding=1), nn.ReLU(),
        nn.ConvTranspose2d(64, 32, 3, 2, 1, output_padding=1), nn.ReLU(),
        nn.Conv2d(32, 1, 3, 1, 1), nn.Sigmoid())


class MlpAe(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 128), nn.ReLU(),
                                     nn.Linear(128, 32))
        self.decoder = nn.Sequential(nn.Linear(32, 128), nn.ReLU(), nn.Linear(128, 512), nn.ReLU(),
                                     nn.Linear(512, 784), nn.Sigmoid())

    def loss(self, x):
        return F.binary_cross_entropy(self.reconstruct(x), x.flatten(1))

    def reconstruct(self, x):
        return self.decoder(self.encoder(x))


class ConvAe(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(conv_encoder(), nn.Linear(2048, 2))
        self.decoder = conv_decoder()

    def loss(self, x):
        return F.binary_cross_entropy(self.reconstruct(x), x)

    def reconstruct(self, x):
        return self.decoder(self.encoder(x))


class ConvVae(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = conv_encoder()
        self.mean = nn.Linear(2048, 2)
        self.logvar = nn.Linear(2048, 2)
        self.decoder = conv_decoder()

    def loss(self, x):
        h = self.trunk(x)
        mean, logvar = self.mean(h), self.logvar(h)
        z = mean + torch.exp(0.5 * logvar) * torch.randn_like(mean)
        bce = F.binary_cross_entropy(self.decoder(z), x, reduction="none").flatten(1).mean(1).mean()
        kl = (-0.5 * (1 + logvar - mean.pow(2) - logvar.exp()).sum(1)).mean()
        return 500 * bce + kl

    def reconstruct(self, x):
        return self.decoder(self.mean(self.trunk(x)))


class LstmAe(nn.Module):
    """W4 with ae's parameter names: LSTM 8->64, its last hidden state through Linear 64->16 (the code) and 16->64,
    repeated over the steps as the input of LSTM 64->64, and Linear 64->8 at every step; MSE."""

    def __init__(self):
        super().__init__()
        self.encoder = nn.LSTM(8, 64, batch_first=True)
        self.code = nn.Linear(64, 16)
        self.expand = nn.Linear(16, 64)
        self.decoder = nn.LSTM(64, 64, batch_first=True)
        self.output = nn.Linear(64, 8)

    def loss(self, x):
        return F.mse_loss(self.reconstruct(x), x)

    def reconstruct(self, x):
        _, (h, _) = self.encoder(x)
        z = self.expand(self.code(h[-1]))
        hidden, _ = self.decoder(z.unsqueeze(1).expand(-1, x.shape[1], -1))
        return self.output(hidden)


WORKLOADS = {"mlp-ae": (MlpAe, 28), "conv-ae": (ConvAe, 32), "conv-vae": (ConvVae, 32), "lstm-ae": (LstmAe, None)}


def lstm_ae_flops_per_sample(steps=WINDOW, channels=8, hidden=64, latent=16):
    """ae's count of W4 (ae bench counts every product on its profiling backend): both LSTMs' hidden-gate products at
    every step, forward, weight gradient and (but for the first step's zero state) input gradient; the encoder's
    input-gate products at every step, forward and weight gradient; the decoder's input-gate product once, its input
    being the same at every step, forward and both gradients; the Linears, forward and both gradients. nn.LSTM
    computes the decoder's input gates at every step (64 times ae's products there), which this count leaves out."""
    gates = 4 * hidden
    hidden_gates = 2 * (2 * hidden * gates) * (3 * steps - 1)
    input_gates = 2 * (2 * steps * channels * gates) + 3 * (2 * hidden * gates)
    linears = 3 * 2 * (hidden * latent + latent * hidden + steps * hidden * channels)
    return hidden_gates + input_gates + linears


def training_flops_per_sample(model, x):
    """Forward FLOPs of each product and convolution, times three, less the first layer's input gradient."""
    if isinstance(model, LstmAe):
        return lstm_ae_flops_per_sample()
    counts = []

    def hook(module, inputs, output):
        w = module.weight
        if isinstance(module, nn.ConvTranspose2d):
            counts.append(2 * inputs[0].numel() * (w.numel() // w.shape[0]))
        else:
            counts.append(2 * output.numel() * (w.numel() // w.shape[0]))

    handles = [m.register_forward_hook(hook) for m in model.modules()
               if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d))]
    with torch.no_grad():
        model.reconstruct(x) if isinstance(model, (MlpAe, ConvAe)) else model.loss(x)
    for h in handles:
        h.remove()
    return (3 * sum(counts) - counts[0]) / x.shape[0]


def train_step(model, optimizer, batch):
    """One training step: forward, backward, update, and the loss read back (as `ae bench` reads it)."""
    optimizer.zero_grad(set_to_none=True)
    loss = model.loss(batch)
    loss.backward()
    optimizer.step()
    loss.item()


def profile(name, args, train):
    """Prints to stderr where 20 training steps spend their time, per PyTorch operator (after the warm-up)."""
    make, _ = WORKLOADS[name]
    torch.manual_seed(args.seed)
    model = make()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

    for i in range(args.warmup):
        train_step(model, optimizer, train[i * BATCH:(i + 1) * BATCH])
    with torch.autograd.profiler.profile() as prof:
        for i in range(args.warmup, args.warmup + 20):
            train_step(model, optimizer, train[i * BATCH:(i + 1) * BATCH])
    print(name + " (20 steps):", file=sys.stderr)
    print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=20), file=sys.stderr)


def pad(images, side):
    margin = (side - images.shape[-1]) // 2
    return F.pad(images, (margin, margin, margin, margin)) if margin else images


def workload_data(name, args, images):
    """The training and test samples of workload `name`: W4's windows, else the images padded to the model's side."""
    _, side = WORKLOADS[name]
    if side is None:
        return load_windows(args.series)
    if not images:
        images.extend([load(args.data, "train"), load(args.data, "test")])
    return pad(images[0], side), pad(images[1], side)


def bench(name, args, train, test):
    make, _ = WORKLOADS[name]
    torch.manual_seed(args.seed)
    model = make()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    train_size = len(train)
    if args.quick:
        train = train[:args.steps * BATCH]
        test = test[:QUICK_TEST_SAMPLES]
    passes = args.repeats if args.quick else args.epochs
    generator = torch.Generator().manual_seed(args.seed)
    rates, timed_steps, step = [], 0, 0
    for _ in range(passes):
        order = torch.randperm(len(train), generator=generator)
        samples, seconds = 0, 0.0
        last = time.perf_counter()
        for start in range(0, len(train), BATCH):
            batch = train[order[start:start + BATCH]]
            train_step(model, optimizer, batch)
            now = time.perf_counter()
            if step >= args.warmup:
                samples += len(batch)
                seconds += now - last
                timed_steps += 1
            step += 1
            last = now
        if samples:
            rates.append(samples / seconds)

    with torch.no_grad():
        warm_until = time.perf_counter() + INFERENCE_WARM_UP_S
        while True:  # untimed passes, as ae bench warms up: at least one, and INFERENCE_WARM_UP_S
            for i in range(0, len(test), INFERENCE_BATCH):
                model.reconstruct(test[i:i + INFERENCE_BATCH])
            if time.perf_counter() >= warm_until:
                break
        infer = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            for i in range(0, len(test), INFERENCE_BATCH):
                model.reconstruct(test[i:i + INFERENCE_BATCH])
            infer.append(len(test) / (time.perf_counter() - start))
        torch.manual_seed(args.seed)
        test_loss = sum(model.loss(test[i:i + INFERENCE_BATCH]).item() * len(test[i:i + INFERENCE_BATCH])
                        for i in range(0, len(test), INFERENCE_BATCH)) / len(test)

    train_rate = statistics.median(rates)
    mflop = training_flops_per_sample(make(), train[:BATCH]) / 1e6
    return {"workload": name, "backend": "pytorch-" + torch.__version__, "threads": torch.get_num_threads(),
            "train_samples_per_s": round(train_rate, 1), "infer_samples_per_s": round(statistics.median(infer), 1),
            "gflops_per_s": round(mflop * train_rate / 1000, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "test_loss": test_loss, "epochs": round(passes * len(train) / train_size, 4),
            "train_mflop_per_sample": round(mflop, 4), "timed_steps": timed_steps, "quick": args.quick}


def keep_freed_memory():
    """glibc's mallopt as NativeHeap applies it: no mapped blocks, no trimming, the heap grown 64 MiB at a time."""
    if any(name == "GLIBC_TUNABLES" or name.startswith("MALLOC_") for name in os.environ):
        return False
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return False
    m_trim_threshold, m_top_pad, m_mmap_max = -1, -2, -4
    return all([mallopt(m_mmap_max, 0) == 1, mallopt(m_trim_threshold, 2**31 - 1) == 1, mallopt(m_top_pad, 64 << 20) == 1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workload", default="mlp-ae,conv-ae,conv-vae,lstm-ae")
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--series", default="w4-series.csv", help="W4's series, as ae make-series writes it")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", action="store_true", help="also print a per-operator profile on stderr")
    parser.add_argument("--system-malloc", action="store_true", help="keep glibc's default allocator settings")
    args = parser.parse_args()
    kept = not args.system_malloc and keep_freed_memory()
    print("C allocator: " + ("keeps freed memory" if kept else "as configured"), file=sys.stderr)
    torch.set_num_threads(args.threads)
    images = []
    for name in args.workload.split(","):
        train, test = workload_data(name, args, images)
        if args.profile:
            profile(name, args, train[:(args.warmup + 20) * BATCH])
        print(json.dumps(bench(name, args, train, test)), flush=True)


if __name__ == "__main__":
    main()
