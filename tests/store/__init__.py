"""The store suite: one contract for every backend, and what each backend alone has."""
