"""Every command as a new user meets it (issue 19): real processes, real files, a real local
HTTP server and a real mirror crawl; what they print, what they write, how they exit."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from httpserver import serve

from cleaners import clean_html, site_named
from cleaners.fixtures import page_fixtures, text_fixtures
from scraper.mirror import MirrorServer
from scraper.mirror.build import build_mirror
from scraper.store import Store

REPO = Path(__file__).resolve().parent.parent
PAGES = page_fixtures()
TEXTS = text_fixtures()
ONE_PER_OUTLET = list({f.path.parent.name: f for f in PAGES}.values())


# The command as a user runs it: the `kliping` script the package installs beside this Python.
KLIPING = str(Path(sys.executable).parent / "kliping")


def kliping(*args: str, stdin: bytes | None = None, timeout: float = 300):
    return subprocess.run([KLIPING, *args], input=stdin, capture_output=True, timeout=timeout,
                          cwd=REPO)  # fmt: skip


def one_line_error(result, code: int, *words: str) -> str:
    err = result.stderr.decode()
    assert result.returncode == code, err
    assert err.startswith("kliping: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err
    return err


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """A store filled by a real crawl of the fixtures' mirror."""
    folder = tmp_path_factory.mktemp("crawled")
    info = build_mirror(folder / "mirror")
    db = folder / "k.db"
    with MirrorServer(info.root) as server:
        result = kliping("crawl", "--mirror", server.base, "--db", str(db))
    assert result.returncode == 0, result.stderr.decode()
    return db


# --- 1: what is not a page is not an article ---------------------------------------------------

SITEMAP = (b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/'
           b'schemas/sitemap/0.9"><url><loc>https://www.kontan.co.id/news/a</loc></url></urlset>')  # fmt: skip
RSS = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Berita terbaru hari ini</title>'
       b"<item><title>Harga cabai rawit naik tajam di pasar tradisional</title><description>"
       b"&lt;p&gt;Pemerintah daerah menyatakan harga cabai rawit naik tajam.&lt;/p&gt;"
       b"</description></item></channel></rss>")  # fmt: skip


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (SITEMAP, "application/xml"),
        (RSS, "application/rss+xml"),
        (RSS, "text/xml"),
        (SITEMAP, "text/html; charset=utf-8"),
    ],
)
def test_fetched_feed_or_sitemap_is_not_html_exit_3(body, content_type):
    with serve({"/feed": (200, {"Content-Type": content_type}, body)}) as server:
        result = kliping("clean", server.url("/feed"))
    one_line_error(result, 3, "not HTML")
    assert result.stdout == b""


@pytest.mark.parametrize("body", [SITEMAP, RSS], ids=["sitemap", "rss"])
def test_local_xml_file_is_not_a_page_exit_2(tmp_path, body):
    path = tmp_path / "feed.xml"
    path.write_bytes(body)
    one_line_error(kliping("clean", str(path)), 2, "not HTML", "XML")


def test_non_page_text_is_refused_unless_text_is_asked(tmp_path):
    path = tmp_path / "passwd"
    path.write_text("".join(f"user{i}:x:{1000 + i}:{1000 + i}::/home/user{i}:/bin/sh\n"
                            for i in range(30)))  # fmt: skip
    one_line_error(kliping("clean", str(path)), 2, "does not look like", "--text")
    asked = kliping("clean", "--text", str(path))
    assert "does not look like" not in asked.stderr.decode()


# --- 2: a saved page keeps its outlet ------------------------------------------------------------


@pytest.mark.parametrize("fixture", ONE_PER_OUTLET, ids=lambda f: f.id)
def test_saved_page_without_url_takes_its_outlet_from_the_page(fixture):
    result = kliping("clean", str(fixture.input_file), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    article = json.loads(result.stdout)
    assert article.pop("text") == fixture.expected_text
    expected = fixture.expected_meta
    for key in ("outlet", "section", "tags", "images", "method", "authors", "editor"):
        assert article[key] == expected[key], key
    assert f"outlet {expected['outlet']}" in result.stderr.decode()


def test_page_fetched_through_a_mirror_keeps_its_canonical_url():
    fixture = next(f for f in PAGES if f.path.parent.name == "kontan" and "page=" not in
                   f.source["url"])  # fmt: skip
    canonical = clean_html(fixture.input_file.read_bytes(), url=fixture.source["url"]).url
    route = "/www.kontan.co.id/news/saved"
    with serve({route: (200, {"Content-Type": "text/html"}, fixture.input_file.read_bytes())}) as s:
        result = kliping("clean", s.url(route), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    article = json.loads(result.stdout)
    assert article["url"] == canonical and "127.0.0.1" not in article["url"]
    assert article["outlet"] == "kontan"
    assert article["text"] == fixture.expected_text


# --- 4 (the CLI's part): size cap and deadline for local files ------------------------------------


def big_page(paragraphs: int) -> str:
    filler = "Pemerintah daerah menyatakan harga cabai rawit naik tajam di pasar tradisional. "
    body = "".join(f"<p>Paragraf {i}: {filler * 6}</p>\n" for i in range(paragraphs))
    return f"<html><head><title>Harga cabai</title></head><body><h1>Harga cabai</h1>{body}</body></html>"


def test_local_file_over_max_size_exits_2(tmp_path):
    path = tmp_path / "besar.html"
    path.write_text(big_page(5000), encoding="utf-8")  # about 2.5 MB
    one_line_error(kliping("clean", str(path), "--max-size", "1"), 2, "larger than 1 MiB")
    assert kliping("clean", str(path), "--max-size", "4").returncode == 0


def test_fetched_page_over_max_size_exits_3():
    body = big_page(5000).encode()
    with serve({"/besar": (200, {"Content-Type": "text/html"}, body)}) as server:
        one_line_error(kliping("clean", server.url("/besar"), "--max-size", "1"), 3, "1 MiB")


def test_cleaning_past_its_deadline_stops_with_one_line(tmp_path):
    path = tmp_path / "besar.html"
    path.write_text(big_page(20000), encoding="utf-8")
    started = time.monotonic()
    one_line_error(kliping("clean", str(path), "--deadline", "0.05"), 2, "--deadline")
    assert time.monotonic() - started < 60


@pytest.mark.parametrize(
    "args",
    [("--timeout", "0"), ("--timeout", "-1"), ("--deadline", "0"), ("--max-size", "0")],
)
def test_clean_limits_must_be_positive(args):
    one_line_error(kliping("clean", str(TEXTS[0].input_file), *args), 2, args[0])


# --- 5: interrupted passes and schedules --------------------------------------------------------


def test_health_with_no_passes_asked_is_bad_usage(crawled):
    one_line_error(kliping("health", "--db", str(crawled), "--passes", "0"), 2, "--passes")
    one_line_error(kliping("runs", "--db", str(crawled), "--limit", "0"), 2, "--limit")


# --- 6: validation -------------------------------------------------------------------------------


def test_export_txt_onto_an_existing_file_is_bad_usage(crawled, tmp_path):
    target = tmp_path / "articles.txt"
    target.write_text("keep me")
    one_line_error(kliping("export", "--db", str(crawled), "--format", "txt", "--out",
                           str(target)), 2, "not a folder")  # fmt: skip
    assert target.read_text() == "keep me"


def test_export_to_standard_output(crawled, tmp_path):
    result = kliping("export", "--db", str(crawled), "--out", "-", "--outlet", "kontan")
    assert result.returncode == 0, result.stderr.decode()
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    with Store(crawled) as store:
        assert len(lines) == store.count("kontan") > 0
    assert {a["outlet"] for a in lines} == {"kontan"}
    assert not (REPO / "-").exists() and not (tmp_path / "-").exists()
    csv = kliping("export", "--db", str(crawled), "--out", "-", "--format", "csv")
    assert csv.stdout.decode().startswith("url,outlet,")


@pytest.mark.parametrize("command", ["export", "reclean"])
def test_unknown_outlet_is_bad_usage(crawled, command):
    extra = ("--out", "x.jsonl") if command == "export" else ()
    one_line_error(kliping(command, "--db", str(crawled), "--outlet", "nosuch", *extra), 2,
                   "unknown outlet")  # fmt: skip


@pytest.mark.parametrize(
    "args",
    [("schedule", "--every", "0s"), ("schedule", "--every", "30m", "--jitter", "1.5"),
     ("schedule", "--every", "30m", "--jitter", "-0.1"), ("crawl", "--max-articles", "-1")],
)  # fmt: skip
def test_schedule_and_crawl_options_are_checked(args, tmp_path):
    one_line_error(kliping(*args, "--db", str(tmp_path / "k.db")), 2)
    assert not (tmp_path / "k.db").exists()


# --- 7: help and version -------------------------------------------------------------------------

COMMANDS = ["clean", "crawl", "export", "reclean", "demo", "schedule", "runs", "health", "outlets",
            "fixture", "fixture add", "import", "serve", "stories", "search"]  # fmt: skip


def test_version():
    result = kliping("--version")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("kliping 0.")


def test_clean_imports_only_what_cleaning_uses():
    """Cold start: `kliping clean` of an outlet's page pays for no other command's modules, no
    trafilatura (the generic path's alone) and no version lookup (importlib.metadata alone was
    20-35 ms of each start)."""
    fixture = next(f for f in ONE_PER_OUTLET if f.outlet == "kontan")
    code = ("import sys; from scraper.cli import main; main(['clean', *sys.argv[1:]]); "
            "print(' '.join(sys.modules), file=sys.stderr)")  # fmt: skip
    result = subprocess.run([sys.executable, "-c", code, str(fixture.input_file), "--url",
                             fixture.url], capture_output=True, cwd=REPO, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    loaded = set(result.stderr.decode().split())
    assert "cleaners.engine" in loaded  # the site path ran
    unused = {"importlib.metadata", "trafilatura", "scrapy", "sqlite3", "scraper.store", "numpy"}
    assert not loaded & unused


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_a_description_an_example_and_defaults(command):
    result = kliping(*command.split(), "--help")
    assert result.returncode == 0, result.stderr.decode()
    text = result.stdout.decode()
    head = text.split("\n\n")
    assert len(head) >= 3 and head[1].strip(), text  # usage, description, ...
    assert "example" in text and "kliping " in text.split("example", 1)[1]
    flat = " ".join(text.split())  # help wraps lines where it likes
    if "\n  --db" in text:
        assert "(default: data/kliping.db)" in flat or "default data/kliping.db" in flat
    if "--format" in text and command != "clean":
        assert "(default: " in text.split("--format", 2)[-1].split("\n  -")[0]


def test_max_articles_zero_is_documented_as_no_limit():
    text = " ".join(kliping("crawl", "--help").stdout.decode().split())
    assert "0: no limit" in text


def test_fixture_name_is_cut_at_a_word_boundary():
    from scraper.drift_fixture import fixture_slug

    url = "https://www.kontan.co.id/news/" + "-".join(["pemerintah-perpanjang-insentif"] * 4)
    slug = fixture_slug(url)
    assert len(slug) <= 60 and url.rsplit("/", 1)[1].startswith(slug)
    assert url.rsplit("/", 1)[1][len(slug)] == "-"  # the cut falls between words


# --- 8: several inputs, formats, progress, runs, demo --------------------------------------------


def test_clean_several_files_and_a_folder_as_json_lines(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for fixture in ONE_PER_OUTLET[:3]:
        (folder / f"{fixture.path.name}.html").write_bytes(fixture.input_file.read_bytes())
    text = TEXTS[0]
    result = kliping("clean", str(folder), str(text.input_file), "--outlet", "generic")
    assert result.returncode == 0, result.stderr.decode()
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["input"] for r in rows] == [*map(str, sorted(folder.iterdir())),
                                           str(text.input_file)]  # fmt: skip


def test_clean_a_list_of_urls_into_a_folder_as_markdown(tmp_path):
    fixtures = ONE_PER_OUTLET[:2]
    routes = {f"/{f.path.parent.name}": (200, {"Content-Type": "text/html"},
                                         f.input_file.read_bytes()) for f in fixtures}  # fmt: skip
    with serve(routes) as server:
        listing = tmp_path / "urls.txt"
        listing.write_text("# pages to clean\n" + "".join(server.url(r) + "\n" for r in routes)
                           + str(tmp_path / "missing.html") + "\n")  # fmt: skip
        out = tmp_path / "clean"
        result = kliping("clean", "-i", str(listing), "--out", str(out), "--format", "markdown")
    err = result.stderr.decode()
    assert result.returncode == 2, err  # the missing file; the others are written all the same
    assert "no such file" in err and "Traceback" not in err
    written = sorted(out.glob("*.md"))
    assert len(written) == 2
    for path, fixture in zip(written, sorted(fixtures, key=lambda f: f.path.parent.name),
                             strict=True):  # fmt: skip
        body = path.read_text(encoding="utf-8")
        assert body.startswith("# ") and fixture.expected_text.split("\n")[0][:20] in body


def test_clean_markdown_and_json_of_one_page():
    fixture = ONE_PER_OUTLET[0]
    md = kliping("clean", str(fixture.input_file), "--url", fixture.source["url"], "--format",
                 "markdown").stdout.decode()  # fmt: skip
    _, _, body = fixture.expected_text.partition("\n\n")
    assert md.startswith("# ")
    paragraphs = body.strip("\n").split("\n")
    assert md.count("\n\n") >= len(paragraphs)


def crawl_on_a_terminal(args: list[str], seconds: float = 240) -> str:
    """Run a command with its stderr on a pseudo-terminal; everything it wrote there."""
    master, slave = pty.openpty()
    process = subprocess.Popen([KLIPING, *args], cwd=REPO,
                               stdout=subprocess.DEVNULL, stderr=slave)  # fmt: skip
    os.close(slave)
    seen, deadline = b"", time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        elif process.poll() is not None:
            break
    process.wait(timeout=60)
    os.close(master)
    return seen.decode(errors="replace")


class SlowMirror(MirrorServer):
    """Every answer waits a little: the progress line ticks once a second, and a pass of 30
    pages on a quiet machine is over before it ticks with work left (the test failed there)."""

    def answer(self, path: str, accepts_gzip: bool):
        time.sleep(0.6)
        return super().answer(path, accepts_gzip)


def test_crawl_progress_line_has_an_eta(tmp_path):
    info = build_mirror(tmp_path / "mirror", synthetic=300)
    with SlowMirror(info.root) as server:
        seen = crawl_on_a_terminal(["crawl", "tribunnews", "--mirror", server.base, "--db",
                                    str(tmp_path / "k.db")])  # fmt: skip
    assert "new/" in seen and "ETA " in seen, seen[-500:]


def test_runs_fit_100_columns_and_show_http_status_counts(crawled):
    result = kliping("runs", "--db", str(crawled))
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert all(len(line) <= 100 for line in lines), max(lines, key=len)
    assert "HTTP" in lines[0]
    assert any("200:" in line for line in lines[1:])
    assert any(line.split()[0] == "kontan" for line in lines[1:] if line.strip())


def test_export_reports_progress_as_it_goes(crawled, tmp_path, monkeypatch):
    import scraper.export as export

    monkeypatch.setattr(export, "PROGRESS_EVERY", 5)
    calls: list[tuple[int, int]] = []
    with Store(crawled) as store:
        count = export.export(store, "jsonl", tmp_path / "a.jsonl",
                              progress=lambda done, total: calls.append((done, total)))  # fmt: skip
    assert calls and calls[-1] == (count, count)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_outlet_given_as_host_works_for_export(crawled, tmp_path):
    host = site_named("kontan").hosts[0]
    result = kliping("export", "--db", str(crawled), "--outlet", host, "--out", "-")
    assert result.returncode == 0 and result.stdout
