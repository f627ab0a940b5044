"""The mirror: a saved copy of sites served on 127.0.0.1, so tests, benchmarks and the demo crawl
without the internet.

- `files`: keys, the manifest and `MirrorWriter` (a mirror on disk);
- `server`: `MirrorServer` (`python -m scraper.mirror DIR` serves one);
- `build`: a mirror of the outlets from the fixtures (`python -m scraper.mirror.build OUT`);
- `handler`: the Scrapy download handler behind `--mirror BASE`.
"""

from .files import Entry, MirrorWriter, mirror_key, mirror_url, read_manifest
from .server import MirrorServer, Reply

__all__ = ["Entry", "MirrorServer", "MirrorWriter", "Reply", "mirror_key", "mirror_url",
           "read_manifest"]  # fmt: skip
