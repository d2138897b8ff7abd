"""Ways out for check results: terminal text, JSON (design.md's contract) and a self-contained HTML page."""
