"""Readers of the files in a news folder: each turns a file into what the parser reads.

Today every file is a raw text dump (``text``): its bytes, read up to a cap,
with warnings about the read. Files are untrusted: opened read-only, never
written, and a file that cannot be read still yields a record with a warning.
"""
