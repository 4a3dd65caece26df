"""The worksheet room of mscdose (see README: Architecture)."""
