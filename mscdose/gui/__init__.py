"""Thin PySide6 widgets over mscdose.core: no arithmetic here."""
