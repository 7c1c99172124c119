#!/usr/bin/env python3
"""The optimizer trajectories TrainingPiecesTest.optimizerTrajectoriesArePyTorchs compares with.

Runs torch.optim on one float64 parameter from 1.0 with lr 0.1 and prints its value after one step per
gradient. Needs Debian's python3-torch (run it with /usr/bin/python3).
"""
import torch

torch.set_default_dtype(torch.float64)


def after(make, gradients):
    p = torch.nn.Parameter(torch.tensor([1.0]))
    optimizer = make([p])
    for g in gradients:
        optimizer.zero_grad()
        p.grad = torch.tensor([g])
        optimizer.step()
    return p.item()


VARYING = [0.5, -0.2, 0.8]
NEAR_EPS = [1e-9, 1e-9, 2e-9]
print("torch", torch.__version__)
print("Adam", repr(after(lambda ps: torch.optim.Adam(ps, lr=0.1), VARYING)))
print("Adam, weight_decay=0.1", repr(after(lambda ps: torch.optim.Adam(ps, lr=0.1, weight_decay=0.1), VARYING)))
print("AdamW, weight_decay=0.1", repr(after(lambda ps: torch.optim.AdamW(ps, lr=0.1, weight_decay=0.1), VARYING)))
print("Adam, eps-dominated", repr(after(lambda ps: torch.optim.Adam(ps, lr=0.1), NEAR_EPS)))
print("SGD, momentum=0.9, weight_decay=0.1",
      repr(after(lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, weight_decay=0.1), VARYING)))
