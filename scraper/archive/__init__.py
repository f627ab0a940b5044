"""Web archives in and out: WARC files read into the store (`kliping import`) and the store's raw
pages written as WARC (`kliping export --format warc`)."""
