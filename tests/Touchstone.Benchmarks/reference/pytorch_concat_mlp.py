#!/usr/bin/env python3
"""PyTorch reference for Touchstone's ConcatMlpStepBenchmarks (suite regression-vs-flow).

One training step of the source's ConcatMLP (giricme/toyexp, toyexp/common/networks.py: concat([x, c, t]) ->
Linear(·, 256) -> ReLU -> 2 x (Linear(256, 256) -> ReLU) -> Linear(256, 1)) at batch 32, as its train_epoch runs
it: flow matching (x0 ~ N(0, I), t ~ U(0, 1), x_t = (1 - t) x0 + t x1, MSE to x1 - x0) or regression (x = 0, no t,
MSE to x1), then zero_grad, backward, Adam step and loss.item(). PyTorch eager, one intra-op thread; prints one
line per mode: name, steps/s, microseconds per step (50 warm-up steps, 3000 timed).
Run it with Debian's interpreter (apt-get install python3-torch):  /usr/bin/python3 pytorch_concat_mlp.py
"""
import sys
import time

import torch

BATCH, HIDDEN, STEPS = 32, 256, 3000


def bench(mode):
    torch.manual_seed(0)
    uses_time = mode == "flow"
    width = 1 + 1 + (1 if uses_time else 0)
    net = torch.nn.Sequential(
        torch.nn.Linear(width, HIDDEN), torch.nn.ReLU(),
        torch.nn.Linear(HIDDEN, HIDDEN), torch.nn.ReLU(),
        torch.nn.Linear(HIDDEN, HIDDEN), torch.nn.ReLU(),
        torch.nn.Linear(HIDDEN, 1))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    c, x1 = torch.rand(BATCH, 1), torch.randn(BATCH, 1)

    def step():
        t = torch.rand(BATCH, 1)
        x0 = torch.randn_like(x1)
        if uses_time:
            x_t = (1 - t) * x0 + t * x1
            loss = torch.nn.functional.mse_loss(net(torch.cat([x_t, c, t], dim=-1)), x1 - x0)
        else:
            loss = torch.nn.functional.mse_loss(net(torch.cat([torch.zeros_like(x1), c], dim=-1)), x1)
        opt.zero_grad()
        loss.backward()
        opt.step()
        return loss.item()

    for _ in range(50):
        step()
    start = time.perf_counter()
    for _ in range(STEPS):
        step()
    return (time.perf_counter() - start) / STEPS


if __name__ == "__main__":
    torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    for mode in ("flow", "regression"):
        s = bench(mode)
        print(f"concat-mlp-{mode}-b32\t{1 / s:.1f} steps/s\t{s * 1e6:.0f} us/step", flush=True)
