"""Everything clinical is decided here. This package must never import Qt (a test enforces it)."""
