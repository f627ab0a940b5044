"""`--mirror BASE`: every request for https://HOST/PATH?Q goes to BASE/HOST/PATH?Q instead,
robots.txt included, while the spider, the store and the politeness slots see the real URL."""

from __future__ import annotations

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.http import Request, Response

from .files import mirror_url


class MirrorDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self._base: str | None = crawler.settings.get("KLIPING_MIRROR")

    async def download_request(self, request: Request) -> Response:
        if not self._base:
            return await super().download_request(request)
        mirrored = request.replace(url=mirror_url(self._base, request.url))
        response = await super().download_request(mirrored)
        return response.replace(url=request.url)
