"""kliping's benchmark: quality and speed of the cleaners beside trafilatura (see README.md)."""
