"""`python -m scraper.mirror DIR [--port P]`: serve a mirror directory."""

from .server import main

main()
