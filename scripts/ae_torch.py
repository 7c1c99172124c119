"""ae's models as PyTorch modules, for checkpoints written by ae (and state dicts that ae loads).

Builds the ``nn.Module`` of any ae model spec (the ``ae.spec`` JSON of a checkpoint's metadata) with ae's
parameter names and layouts, so that ``load_state_dict(strict=True)`` takes an ae checkpoint as it is; computes
what ae computes (codes, reconstructions, every loss term); and replays ae's seeded generator (xoshiro256**),
so a training pass draws exactly ae's dropout masks, corruption and the VAE's epsilon. Reads and writes
safetensors with the standard library and torch only. Needs Debian's python3-torch (or any PyTorch >= 1.13).

    import ae_torch
    state, meta = ae_torch.load_safetensors("runs/vae/best.safetensors")
    model = ae_torch.build(json.loads(meta["ae.spec"]))
    model.load_state_dict(state, strict=True)
    code = model.encode(x)                   # x in the model's scaled units, [n, *inputShape]
    x_hat = model.reconstruct(x)
"""

import json
import math
import struct

import torch
from torch import nn
import torch.nn.functional as F

MASK64 = (1 << 64) - 1

# ---------------------------------------------------------------------------------------------- safetensors

_DTYPES = {"F32": torch.float32, "F64": torch.float64, "F16": torch.float16, "I64": torch.int64, "I32": torch.int32}
_NAMES = {v: k for k, v in _DTYPES.items()}


def load_safetensors(path):
    """The tensors (in file order) and the string metadata of a safetensors file."""
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    data = raw[8 + n:]
    tensors = {}
    for name, info in sorted(header.items(), key=lambda kv: kv[1]["data_offsets"][0]):
        begin, end = info["data_offsets"]
        dtype = _DTYPES[info["dtype"]]
        t = torch.frombuffer(bytearray(data[begin:end]), dtype=dtype) if end > begin else torch.zeros(0, dtype=dtype)
        tensors[name] = t.reshape(info["shape"]).clone()
    return tensors, meta


def save_safetensors(path, tensors, metadata):
    """Writes ``tensors`` (a dict, in its order, contiguous little-endian) and string ``metadata``."""
    header, chunks, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = dict(metadata)
    for name, t in tensors.items():
        b = t.detach().contiguous().cpu().numpy().tobytes()
        header[name] = {"dtype": _NAMES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(b)]}
        chunks.append(b)
        offset += len(b)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))


# ---------------------------------------------------------------------------------------------- ae's generator

class Rng:
    """ae's ``dev.autoencoder.api.random.Rng``: xoshiro256** seeded by SplitMix64, Box-Muller Gaussians in pairs."""

    def __init__(self, seed):
        x = seed & MASK64
        s = []
        for _ in range(4):
            x = (x + 0x9E3779B97F4A7C15) & MASK64
            z = x
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
            s.append(z ^ (z >> 31))
        self.s = s
        self.spare = None

    def next_long(self):
        s0, s1, s2, s3 = self.s
        rotl = lambda v, k: ((v << k) | (v >> (64 - k))) & MASK64
        result = (rotl((s1 * 5) & MASK64, 7) * 9) & MASK64
        t = (s1 << 17) & MASK64
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        self.s = [s0, s1, s2, s3]
        return result

    def next_double(self):
        return (self.next_long() >> 11) * 2.0 ** -53

    def next_boolean(self):
        # java.util.random.RandomGenerator: nextInt() < 0, nextInt() = (int) (nextLong() >>> 32)
        return (self.next_long() >> 32) >= 1 << 31

    def next_gaussian(self):
        if self.spare is not None:
            g, self.spare = self.spare, None
            return g
        u1 = 1.0 - self.next_double()
        u2 = self.next_double()
        r = math.sqrt(-2.0 * math.log(u1))
        self.spare = r * math.sin(2 * math.pi * u2)
        return r * math.cos(2 * math.pi * u2)

    def normal(self, shape, dtype):
        n = math.prod(shape)
        return torch.tensor([self.next_gaussian() for _ in range(n)], dtype=torch.float64).reshape(shape).to(dtype)

    def bernoulli(self, shape, p, dtype):
        n = math.prod(shape)
        return torch.tensor([1.0 if self.next_double() < p else 0.0 for _ in range(n)],
                            dtype=torch.float64).reshape(shape).to(dtype)

    def corrupt(self, x, noise):
        """ae's ``Noise.corruptInPlace`` on a batch, value by value in row-major order, computed in doubles."""
        kind, level = noise["kind"], noise["level"]
        values = x.detach().to(torch.float64).flatten().tolist()
        for i, v in enumerate(values):
            if kind == "GAUSSIAN":
                values[i] = v + level * self.next_gaussian()
            elif kind == "MASKING":
                values[i] = 0.0 if self.next_double() < level else v
            else:
                values[i] = (1.0 if self.next_boolean() else 0.0) if self.next_double() < level else v
        return torch.tensor(values, dtype=torch.float64).reshape(x.shape).to(x.dtype)


# ---------------------------------------------------------------------------------------------- layers

def activation(name):
    return {"RELU": nn.ReLU(), "LEAKY_RELU": nn.LeakyReLU(0.01), "SIGMOID": nn.Sigmoid(), "TANH": nn.Tanh(),
            "IDENTITY": nn.Identity()}[name]


class AeDropout(nn.Module):
    """Inverted dropout whose mask comes from ae's generator (``pass_rng``), set before a training pass."""

    def __init__(self, p):
        super().__init__()
        self.p = p
        self.rng = None

    def forward(self, x):
        if self.rng is None:
            return x
        return x * self.rng.bernoulli(x.shape, 1 - self.p, x.dtype) * (1 / (1 - self.p))


def mlp_sizes(spec):
    return [math.prod(spec["inputShape"])] + list(spec.get("hidden", [])) + [spec["latent"]]


def mlp_trunk(sizes, act, dropout):
    layers = []
    for k in range(len(sizes) - 2):
        layers += [nn.Linear(sizes[k], sizes[k + 1]), activation(act)]
        if dropout > 0:
            layers.append(AeDropout(dropout))
    return layers


def mlp_decoder(sizes, act, dropout):
    layers = []
    for k in range(len(sizes) - 1, 1, -1):
        layers += [nn.Linear(sizes[k], sizes[k - 1]), activation(act)]
        if dropout > 0:
            layers.append(AeDropout(dropout))
    return layers + [nn.Linear(sizes[1], sizes[0])]


def conv_axes(spec):
    """The convolution, the transposed convolution and the kernel of a convolutional spec: ``nn.Conv2d`` (kernel 3)
    over images ``[c, side, side]`` for conv-ae and conv-vae, ``nn.Conv1d`` (the spec's odd kernel) over windows
    ``[channels, steps]`` for conv1d-ae. Every convolution is padded by half its kernel."""
    if spec["family"] == "conv1d-ae":
        return nn.Conv1d, nn.ConvTranspose1d, spec["kernel"]
    return nn.Conv2d, nn.ConvTranspose2d, 3


def conv_sizes(spec):
    """The spatial sizes of the feature map after the stride-2 convolutions, each input size halved per convolution."""
    return [s >> len(spec["channels"]) for s in spec["inputShape"][1:]]


def conv_encoder(spec):
    conv, _, k = conv_axes(spec)
    c = spec["inputShape"][0]
    layers = []
    for out in spec["channels"]:
        layers += [conv(c, out, k, 2, k // 2), activation(spec["activation"])]
        c = out
    return layers + [nn.Flatten()], c * math.prod(conv_sizes(spec))


def conv_decoder(spec, inputs=None):
    """The decoder of codes of ``inputs`` values (default: the latent size) back to the spec's samples."""
    conv, transposed, k = conv_axes(spec)
    channels, sizes = spec["channels"], conv_sizes(spec)
    top = channels[-1]
    layers = [nn.Linear(inputs or spec["latent"], top * math.prod(sizes)), nn.Unflatten(1, (top, *sizes))]
    for i in range(len(channels) - 1, -1, -1):
        out = top if i == len(channels) - 1 else channels[i]
        inp = top if i == len(channels) - 1 else channels[i + 1]
        layers += [transposed(inp, out, k, 2, k // 2, 1), activation(spec["activation"])]
    return layers + [conv(channels[0], spec["inputShape"][0], k, 1, k // 2)]


# ---------------------------------------------------------------------------------------------- families

def bce_with_logits(raw, x):
    return F.binary_cross_entropy_with_logits(raw, x, reduction="none")


def gaussian_nll(raw, x):
    return 0.5 * (raw - x) ** 2 + 0.5 * math.log(2 * math.pi)


def likelihood_output(spec, raw):
    """The data-space output of raw decoder values: probabilities for a Bernoulli decoder."""
    return torch.sigmoid(raw) if spec["likelihood"] == "BERNOULLI" else raw


def reconstruction_loss(spec, raw, x):
    """ae's reconstruction loss, a mean over every element: MSE for the Gaussian likelihood, else BCE."""
    if spec["likelihood"] == "GAUSSIAN":
        return F.mse_loss(raw, x)
    return bce_with_logits(raw, x).mean()


class Autoencoder(nn.Module):
    """``x_hat = g(f(x))`` and the reconstruction loss of ae's ``EncoderDecoder`` (and its penalised variants)."""

    def __init__(self, spec, encoder, decoder):
        super().__init__()
        self.spec = spec
        self.encoder = nn.Sequential(*encoder)
        self.decoder = nn.Sequential(*decoder)

    def _flat(self, x):
        return x.reshape(x.shape[0], -1) if self.spec["family"] not in ("conv-ae", "conv-vae", "conv1d-ae") else x

    def _shaped(self, out, like):
        return out.reshape(like.shape)

    def output(self, raw):
        return likelihood_output(self.spec, raw)

    def encode(self, x):
        return self.encoder(self._flat(x))

    def decode(self, z):
        return self.output(self.decoder(z))

    def reconstruct(self, x):
        return self.decode(self.encode(x)).reshape(x.shape)

    def reconstruction_loss(self, raw, x):
        return reconstruction_loss(self.spec, raw.reshape(x.shape), x)

    def loss_terms(self, x, rng):
        """Every loss term of one training pass (noise drawn from ``rng``, ae's generator) and the total."""
        h = self.encoder(self._flat(self.corrupt(x, rng)))
        rec = self.reconstruction_loss(self.decoder(h), x)
        terms = {"reconstruction": rec}
        penalty = self.penalty(h)
        if penalty is not None:
            terms[penalty[0]] = penalty[1]
            return terms, rec + penalty[1]
        return terms, rec

    def corrupt(self, x, rng):
        noise = self.spec.get("noise")
        return rng.corrupt(x, noise) if noise and self.spec["family"] == "denoising-ae" else x

    def penalty(self, h):
        family = self.spec["family"]
        if family == "contractive-ae":
            slope = h * (1 - h) if self.spec["activation"] == "SIGMOID" else 1 - h ** 2
            row_norms = (self.encoder[0].weight ** 2).sum(1)
            return "contractive", (slope ** 2 * row_norms).sum(1).mean() * self.spec["lambda"]
        if family == "sparse-ae":
            s = self.spec["sparsity"]
            if s["kind"] == "l1":
                return "l1", h.abs().sum(1).mean() * s["weight"]
            rho_hat = h.mean(0).clamp(1e-6, 1 - 1e-6)
            rho = s["target"]
            kl = (rho * torch.log(rho / rho_hat) + (1 - rho) * torch.log((1 - rho) / (1 - rho_hat))).sum()
            return "kl_sparsity", kl * s["weight"]
        return None


class Vae(Autoencoder):
    """ae's ``VariationalAutoencoder``: trunk, ``mean`` and ``log_var`` heads (log-variance clamped), decoder."""

    LOG_VAR_MIN, LOG_VAR_MAX = -30.0, 20.0

    def __init__(self, spec, trunk, features, decoder):
        super().__init__(spec, trunk, decoder)
        self.mean = nn.Linear(features, spec["latent"])
        self.log_var = nn.Linear(features, spec["latent"])

    def features(self, x):
        """What the heads read."""
        return self.encoder(self._flat(x))

    def data(self, x):
        """The samples of a batch."""
        return x

    def code(self, z, x):
        """What the decoder reads for codes ``z`` of batch ``x``."""
        return z

    def posterior(self, x):
        h = self.features(x)
        return self.mean(h), self.log_var(h).clamp(self.LOG_VAR_MIN, self.LOG_VAR_MAX)

    def encode(self, x):
        return self.posterior(x)[0]

    def reconstruct(self, x):
        data = self.data(x)
        return self.decode(self.code(self.encode(x), x)).reshape(data.shape)

    def loss_terms(self, x, rng):
        mu, log_var = self.posterior(x)
        eps = rng.normal(mu.shape, mu.dtype)
        z = mu + torch.exp(0.5 * log_var) * eps
        x, raw = self.data(x), self.decoder(self.code(z, x))
        raw = raw.reshape(x.shape)
        nll = gaussian_nll(raw, x) if self.spec["likelihood"] == "GAUSSIAN" else bce_with_logits(raw, x)
        rec = nll.mean() * self.spec["reconstructionScale"]
        kl = (-0.5 * (1 + log_var - mu ** 2 - log_var.exp()).sum(1)).mean()
        return {"reconstruction": rec, "kl": kl}, rec + kl * self.spec["beta"]


class Cvae(Vae):
    """ae's conditional VAE (cvae, conv-cvae): batches ``[n, sample size + classes]``, each sample flattened and followed
    by its one-hot label, which joins the MLP encoder's input (cvae) or the flattened convolution features before the
    heads (conv-cvae), and the code before the decoder."""

    def _size(self):
        return math.prod(self.spec["inputShape"])

    def label(self, x):
        return x[:, self._size():]

    def data(self, x):
        return x[:, :self._size()].reshape(x.shape[0], *self.spec["inputShape"])

    def features(self, x):
        if self.spec["family"] == "cvae":
            return self.encoder(x)
        return torch.cat([self.encoder(self.data(x)), self.label(x)], 1)

    def code(self, z, x):
        return torch.cat([z, self.label(x)], 1)


class SequenceAe(nn.Module):
    """ae's ``SequenceAutoencoder`` (lstm-ae): ``encoder`` (``nn.LSTM`` or ``nn.GRU``, batch first) reads the window
    ``[n, steps, channels]``; its last hidden state, through ``code`` (a Linear) when the latent size differs from the
    hidden size, is the code; the code, through ``expand`` (a Linear back to the hidden size) when there is ``code``,
    is fed to ``decoder`` at every step, and ``output`` maps each of its hidden states to the step's values. Windows of
    any length encode and reconstruct; ``decode`` gives the spec's length."""

    def __init__(self, spec):
        super().__init__()
        self.spec = spec
        channels, hidden, latent = spec["inputShape"][1], spec["hidden"], spec["latent"]
        rnn = {"LSTM": nn.LSTM, "GRU": nn.GRU}[spec["cell"]]
        self.encoder = rnn(channels, hidden, batch_first=True)
        self.code = nn.Linear(hidden, latent) if latent != hidden else None
        self.expand = nn.Linear(latent, hidden) if latent != hidden else None
        self.decoder = rnn(hidden, hidden, batch_first=True)
        self.output = nn.Linear(hidden, channels)

    def encode(self, x):
        _, state = self.encoder(x)
        h = (state[0] if isinstance(state, tuple) else state)[-1]
        return self.code(h) if self.code is not None else h

    def raw(self, z, steps):
        z = self.expand(z) if self.expand is not None else z
        hidden, _ = self.decoder(z.unsqueeze(1).expand(-1, steps, -1))
        return self.output(hidden)

    def decode(self, z):
        return likelihood_output(self.spec, self.raw(z, self.spec["inputShape"][0]))

    def reconstruct(self, x):
        return likelihood_output(self.spec, self.raw(self.encode(x), x.shape[1]))

    def loss_terms(self, x, rng):
        rec = reconstruction_loss(self.spec, self.raw(self.encode(x), x.shape[1]), x)
        return {"reconstruction": rec}, rec


def build(spec):
    """The PyTorch module of an ae model spec (format 2 JSON, as a dict), with ae's parameter names."""
    family = spec["family"]
    act, dropout = spec.get("activation"), spec.get("dropout", 0.0)
    if family in ("ae", "denoising-ae", "sparse-ae"):
        sizes = mlp_sizes(spec)
        encoder = mlp_trunk(sizes, act, dropout) + [nn.Linear(sizes[-2], sizes[-1])]
        if family == "sparse-ae":
            encoder.append(activation("SIGMOID" if spec["sparsity"]["kind"] == "kl" else act))
        return Autoencoder(spec, encoder, mlp_decoder(sizes, act, dropout))
    if family == "stacked-ae":
        sizes = mlp_sizes(spec)
        encoder = [m for k in range(len(sizes) - 1) for m in (nn.Linear(sizes[k], sizes[k + 1]), activation(act))]
        decoder = []
        for k in range(len(sizes) - 1, 0, -1):
            decoder.append(nn.Linear(sizes[k], sizes[k - 1]))
            if k > 1:
                decoder.append(activation(act))
        return Autoencoder(spec, encoder, decoder)
    if family == "contractive-ae":
        n = math.prod(spec["inputShape"])
        return Autoencoder(spec, [nn.Linear(n, spec["latent"]), activation(act)], [nn.Linear(spec["latent"], n)])
    if family in ("conv-ae", "conv1d-ae"):
        encoder, features = conv_encoder(spec)
        return Autoencoder(spec, encoder + [nn.Linear(features, spec["latent"])], conv_decoder(spec))
    if family == "vae":
        sizes = mlp_sizes(spec)
        return Vae(spec, mlp_trunk(sizes, act, dropout), sizes[-2], mlp_decoder(sizes, act, dropout))
    if family == "conv-vae":
        encoder, features = conv_encoder(spec)
        return Vae(spec, encoder, features, conv_decoder(spec))
    if family == "cvae":
        sizes, k = mlp_sizes(spec), spec["classes"]
        encoder, decoder = [sizes[0] + k] + sizes[1:], sizes[:-1] + [sizes[-1] + k]
        return Cvae(spec, mlp_trunk(encoder, act, dropout), encoder[-2], mlp_decoder(decoder, act, dropout))
    if family == "conv-cvae":
        encoder, features = conv_encoder(spec)
        return Cvae(spec, encoder, features + spec["classes"], conv_decoder(spec, spec["latent"] + spec["classes"]))
    if family == "lstm-ae":
        return SequenceAe(spec)
    raise ValueError("unknown ae family " + family)


def training_pass(model, x, rng):
    """The loss terms and total of one ae training pass, every dropout mask drawn from ``rng`` in forward order."""
    for m in model.modules():
        if isinstance(m, AeDropout):
            m.rng = rng
    try:
        return model.loss_terms(x, rng)
    finally:
        for m in model.modules():
            if isinstance(m, AeDropout):
                m.rng = None
