"""Saved work: the Start page's library, history, files."""
