"""Scrapy settings of kliping: polite by default. `kliping crawl` and `scrapy crawl` read these."""

from cleaners.article import METADATA_FIELDS
from cleaners.fetch import USER_AGENT as _USER_AGENT

from .store import DEFAULT_DB

BOT_NAME = "kliping"
SPIDER_MODULES = ["scraper.spiders"]
NEWSPIDER_MODULE = "scraper.spiders"
ADDONS = {"scraper.addon.Kliping": 0}

# Politeness: an honest user agent with a contact URL, robots.txt, one or two requests at a
# time per site and at least a second between them, slower still when the site slows down.
USER_AGENT = _USER_AGENT
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5  # ±50%: requests not on a clock
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
COOKIES_ENABLED = False
# One item per article page, pipelines synchronous: Scrapy's 100 parallel item workers per
# response cost a third of the crawl's CPU for nothing (profiled in bench/RESULTS.md).
CONCURRENT_ITEMS = 1

# Faults: retry what may pass (429, 5xx, timeouts), cap what may not (sizes, time).
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 2**20
DOWNLOAD_WARNSIZE = 4 * 2**20
REDIRECT_MAX_TIMES = 5
DNS_TIMEOUT = 15
HTTPCACHE_ENABLED = False  # discovery documents are always fetched fresh

# No remote control: the telnet console is off (and there is no web service).
TELNETCONSOLE_ENABLED = False
EXTENSIONS = {"scrapy.extensions.telnet.TelnetConsole": None}

DOWNLOAD_HANDLERS = {
    "http": "scraper.mirror.handler.MirrorDownloadHandler",
    "https": "scraper.mirror.handler.MirrorDownloadHandler",
}
# The request queue on disk, in a folder of the pass's own (scraper/scheduler.py): memory flat in
# the number of new articles.
SCHEDULER = "scraper.scheduler.DiskQueueScheduler"
ITEM_PIPELINES = {
    "scraper.pipelines.CleanPipeline": 300,
    "scraper.pipelines.DriftPipeline": 500,
    "scraper.pipelines.StorePipeline": 800,
}

# Feed exports (`scrapy crawl kontan -O out.jsonl`) give the clean article, not the raw page.
FEED_EXPORT_FIELDS = [*METADATA_FIELDS, "text"]
FEED_EXPORT_ENCODING = "utf-8"

LOG_LEVEL = "INFO"

# kliping's own settings (the `kliping crawl` options set them).
KLIPING_DB = DEFAULT_DB  # the store's own default path
KLIPING_MIRROR = None  # BASE: send https://HOST/PATH?Q to BASE/HOST/PATH?Q
KLIPING_MAX_ARTICLES = 0  # new articles per outlet and run; 0: no limit
KLIPING_SINCE = None  # ISO date: skip discovered articles dated before it
KLIPING_MAX_SITEMAP_URLS = 50_000  # the sitemap protocol's own limit per file
KLIPING_MAX_SITEMAP_DEPTH = 3  # sitemap index → index → urlset
KLIPING_RUN_ID = 0  # the run record drift samples belong to (set by `kliping crawl`)
