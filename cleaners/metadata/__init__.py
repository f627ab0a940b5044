"""Metadata, its own room: what a page says of itself in its head (`head`), every field of an
article but the body (`fields`), the lead image and caption (`images`)."""

from .fields import DATE_META, apply_captured, read_metadata
from .head import PageMeta, ld_image, ld_list, ld_people, ld_text, ld_types, read_meta

__all__ = ["DATE_META", "PageMeta", "apply_captured", "ld_image", "ld_list", "ld_people",
           "ld_text", "ld_types", "read_meta", "read_metadata"]  # fmt: skip
