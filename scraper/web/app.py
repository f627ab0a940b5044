"""The web page's routes. Read-only: the store is opened read-only per request, every value is
escaped by Jinja2's autoescape, raw pages are served as plain text under a sandbox policy, and
errors are a page with one line, never a traceback."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from flask import Flask, Response, abort, g, render_template, request
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

from ..store import StoreError, open_store
from .chart import daily_chart

# No script runs anywhere: the pages need none, and article text comes from the internet.
POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " \
         "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"  # fmt: skip
RAW_POLICY = "sandbox; default-src 'none'"
PAGE = 50


def create_app(db: str | Path) -> Flask:
    app = Flask(__name__)
    app.config["KLIPING_DB"] = str(db)

    @app.before_request
    def _store() -> None:
        g.store = open_store(app.config["KLIPING_DB"], create=False, readonly=True)

    @app.teardown_request
    def _close(_exc) -> None:
        store = g.pop("store", None)
        if store is not None:
            store.close()

    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", POLICY)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.get("/")
    def latest():
        outlet = request.args.get("outlet") or None
        since = _date(request.args.get("since"))
        articles = g.store.latest(PAGE, outlet=outlet, since=since)
        outlets = sorted({o for o, _, _ in g.store.daily_counts(days=3650)})
        return render_template("index.html", articles=articles, outlets=outlets,
                               outlet=outlet, since=since)  # fmt: skip

    @app.get("/article/<int:article_id>")
    def article(article_id: int):
        found = g.store.by_id(article_id)
        if found is None:
            abort(404)
        return render_template("article.html", a=found)

    @app.get("/article/<int:article_id>/raw")
    def raw(article_id: int):
        found = g.store.by_id(article_id)
        if found is None:
            abort(404)
        pages = g.store.raw_pages(found["url"])
        body = "\n\n".join(f"<!-- {url} -->\n{html}" for url, html in pages) or "(no raw page)"
        return Response(body, mimetype="text/plain",
                        headers={"Content-Security-Policy": RAW_POLICY})  # fmt: skip

    @app.get("/search")
    def search():
        query = (request.args.get("q") or "").strip()
        hits = g.store.search(query, limit=PAGE) if query else []
        ids = {hit.url: g.store.id_of(hit.url) for hit in hits}
        return render_template("search.html", q=query, hits=hits, ids=ids)

    @app.get("/stories")
    def stories():
        from ..stories import find_stories

        found = [s for s in find_stories(g.store, since=_date(request.args.get("since")))
                 if len(s.articles) > 1]  # fmt: skip
        ids = {a.url: g.store.id_of(a.url) for s in found for a in s.articles}
        return render_template("stories.html", stories=found, ids=ids)

    @app.get("/health")
    def health():
        runs = g.store.recent_runs(20)
        last = {}
        for run in reversed(runs):  # oldest first: the newest pass wins
            for outlet, stats in run["per_outlet"].items():
                last[outlet] = {"run": run, **stats}
        drift = {}
        for sample in g.store.drift_samples(limit=500):
            drift[sample["outlet"]] = drift.get(sample["outlet"], 0) + 1
        chart = Markup(daily_chart(g.store.daily_counts()))  # escaped inside daily_chart
        return render_template("health.html", last=last, drift=drift, chart=chart)

    @app.errorhandler(404)
    def not_found(_error):
        return render_template("error.html", code=404, message="no such page or article"), 404

    @app.errorhandler(StoreError)
    def store_error(error):
        return render_template("error.html", code=503, message=str(error)), 503

    @app.errorhandler(Exception)
    def internal(error):
        if isinstance(error, HTTPException):  # 405 and the like: their own short answer
            return render_template("error.html", code=error.code, message=error.name), error.code
        app.logger.error("internal error: %s: %s", type(error).__name__, error)
        return render_template("error.html", code=500, message="internal error"), 500

    return app


def _date(value: str | None) -> str | None:
    try:
        return date.fromisoformat(value).isoformat() if value else None
    except ValueError:
        return None
