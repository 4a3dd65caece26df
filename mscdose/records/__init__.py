"""The records room of mscdose (see README: Architecture)."""
