"""The URLs a pass has met, kept small: a set of 8-byte digests, not of the URL strings.

A URL string in a set costs about 170 bytes (the str object and its slot); its 64-bit digest
about 60 (bench/RESULTS.md measures the difference per URL). Two different URLs share a digest
with probability about n²/2⁶⁵ (3·10⁻⁸ for a million URLs in one pass): the later one is then
taken as met, and found by the next pass.
"""

from __future__ import annotations

from hashlib import blake2b


class SeenURLs:
    def __init__(self) -> None:
        self._keys: set[int] = set()

    @staticmethod
    def _key(url: str) -> int:
        return int.from_bytes(blake2b(url.encode("utf-8", "surrogatepass"), digest_size=8).digest())

    def add(self, url: str) -> bool:
        """Remember `url`; True when it was not met before."""
        key = self._key(url)
        if key in self._keys:
            return False
        self._keys.add(key)
        return True

    def __contains__(self, url: str) -> bool:
        return self._key(url) in self._keys

    def __len__(self) -> int:
        return len(self._keys)
