"""`kliping serve`: a small read-only web page over the store (Flask, Jinja2, no JavaScript)."""
