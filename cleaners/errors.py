"""What can go wrong when cleaning: each maps to one exit code of `kliping clean`."""


class CleanError(Exception):
    """Base of the cleaners' errors; the message is one line for a person."""


class NotAPage(CleanError):
    """The input is not a page or text at all: empty, binary."""


class NoArticle(CleanError):
    """The page holds no article text (a home page, an error page, scripts only)."""


class NotAnArticle(NoArticle):
    """The page says it is something else: an about, contact, tag, section, author, gallery-only
    or video-only page. The crawler skips it quietly; it is no sign of layout drift."""
