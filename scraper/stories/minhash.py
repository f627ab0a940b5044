"""MinHash signatures of name-token sets and LSH banding to find candidate pairs.

Signatures come from ``datasketch`` (one shared set of permutations, so a signature made at store
time today compares with one made next month). Banding is done here over the whole signature
matrix with numpy: per band, sort the band keys and read off runs of equal keys — no Python loop
over articles, and no pairwise pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np

__all__ = ["BANDS", "NUM_PERM", "ROWS", "candidate_pairs", "signature", "signature_from_bytes"]

NUM_PERM = 128
ROWS = 2  # rows per band: P(candidate) = 1 - (1 - J**2)**64; 0.99 at J = 0.26, 0.15 at J = 0.05
BANDS = NUM_PERM // ROWS
SEED = 1  # part of the stored format: changing it invalidates every stored signature
SCHEME = "affine32"  # datasketch 2 permutation scheme; 32-bit values
# A band bucket of up to FULL_BUCKET articles gives all its pairs; a bigger one (a wire story
# carried by many outlets, or a hub of very common names) gives each member paired with the
# bucket's first STAR members only: linear in its size, and a real story still links through them.
FULL_BUCKET = 20
STAR = 8


@lru_cache(maxsize=1)
def _permutations():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def signature(tokens: Iterable[str]) -> bytes:
    """The MinHash signature of a token set, as NUM_PERM little-endian uint32 (512 bytes)."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    minhash.update_batch([token.encode("utf-8") for token in tokens])
    # datasketch keeps 32-bit hash values in uint64 slots.
    return minhash.hashvalues.astype("<u4").tobytes()


def signature_from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")


def candidate_pairs(signatures: Sequence[bytes] | np.ndarray) -> np.ndarray:
    """Index pairs (i < j) of signatures that agree on at least one whole band, shape (k, 2)."""
    matrix = _matrix(signatures)
    n = matrix.shape[0]
    if n < 2:
        return np.empty((0, 2), dtype=np.int64)
    found = []
    for band in range(BANDS):
        cols = matrix[:, band * ROWS : (band + 1) * ROWS].astype(np.uint64)
        keys = (cols[:, 0] << np.uint64(32)) | cols[:, 1]  # two 32-bit values: an exact key
        found.append(_pairs_in_runs(keys))
    pairs = np.concatenate(found)
    if not len(pairs):
        return pairs.reshape(0, 2)
    codes = np.unique(pairs[:, 0] * n + pairs[:, 1])
    return np.stack([codes // n, codes % n], axis=1)


def _matrix(signatures: Sequence[bytes] | np.ndarray) -> np.ndarray:
    if isinstance(signatures, np.ndarray):
        return signatures
    if not signatures:
        return np.empty((0, NUM_PERM), dtype="<u4")
    return np.frombuffer(b"".join(signatures), dtype="<u4").reshape(-1, NUM_PERM)


def _pairs_in_runs(keys: np.ndarray) -> np.ndarray:
    """Pairs (i, j), i < j, with keys[i] == keys[j]: every pair of a small run, a star of a big one."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    out = []
    small = (sizes >= 2) & (sizes <= FULL_BUCKET)
    for size in np.unique(sizes[small]):
        runs = order[starts[small & (sizes == size)][:, None] + np.arange(size)]  # (runs, size)
        i, j = np.triu_indices(size, k=1)
        out.append(_ordered(runs[:, i].ravel(), runs[:, j].ravel()))
    for start, size in zip(starts[sizes > FULL_BUCKET], sizes[sizes > FULL_BUCKET], strict=True):
        members = order[start : start + size]
        hubs = members[:STAR]
        a = np.repeat(hubs, size - 1)
        b = np.concatenate([np.delete(members, k) for k in range(len(hubs))])
        out.append(_ordered(a, b))
    return np.concatenate(out) if out else np.empty((0, 2), dtype=np.int64)


def _ordered(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1)
