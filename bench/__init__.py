"""Benchmark of CSIRT Self-Check against a bare Streamlit app (docs/performance.md). Not a test."""
