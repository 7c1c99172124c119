"""Independent safetensors reader for the tests: Python standard library only (struct and json).

Reads the file named by the first argument strictly by the format's definition and prints, as ASCII JSON,
{"header_length", "metadata", "tensors": [{"name", "dtype", "shape", "data_offsets", "bits"}]} with tensors in
header order and each element's raw IEEE bits (unsigned integers) decoded little-endian. Exits non-zero with a
message on anything that breaks the format.
"""
import json
import struct
import sys

SIZES = {"F32": 4, "F64": 8}
BITS = {"F32": "I", "F64": "Q"}


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate key in header")
    return dict(pairs)


def main(path):
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    if (8 + n) % 8 != 0:
        raise ValueError("8 + header length %d is not a multiple of 8" % n)
    raw = blob[8:8 + n]
    if len(raw) != n:
        raise ValueError("file ends inside the header")
    text = raw.decode("utf-8")
    if not text.startswith("{"):
        raise ValueError("header does not start with '{'")
    if text.rstrip(" ") != text.rstrip():
        raise ValueError("header is padded with something other than spaces")
    header = json.loads(text, object_pairs_hook=no_duplicates)
    metadata = header.pop("__metadata__", {})
    if not all(isinstance(v, str) for v in metadata.values()):
        raise ValueError("metadata values must be strings")
    data = blob[8 + n:]
    tensors = []
    for name, info in header.items():
        dtype, shape, (begin, end) = info["dtype"], info["shape"], info["data_offsets"]
        count = 1
        for d in shape:
            count *= d
        if end - begin != count * SIZES[dtype]:
            raise ValueError("tensor %r: size does not match its shape" % name)
        bits = list(struct.unpack("<%d%s" % (count, BITS[dtype]), data[begin:end]))
        tensors.append({"name": name, "dtype": dtype, "shape": shape, "data_offsets": [begin, end],
                        "bits": bits})
    covered = 0
    for t in sorted(tensors, key=lambda t: t["data_offsets"]):
        if t["data_offsets"][0] != covered:
            raise ValueError("tensor %r does not start where the previous one ends" % t["name"])
        covered = t["data_offsets"][1]
    if covered != len(data):
        raise ValueError("data region is %d bytes but tensors cover %d" % (len(data), covered))
    print(json.dumps({"header_length": n, "metadata": metadata, "tensors": tensors}))


if __name__ == "__main__":
    main(sys.argv[1])
