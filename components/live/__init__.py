"""Live: a page that shows the work follows others' saved changes (issue 13: without a script run
per second). The browser asks a small HTTP endpoint whether the stored version moved (route.py,
answered from registry.py); only then does the page rerun (follow.py)."""
