"""Use cases without Qt widgets: compute, finalise, save, and produce or re-produce a record's outputs.

The window (`mscdose.gui`) and the command line (`mscdose.cli`) both call this package and keep no copy of
its rules, so a finalised record, its worksheet and its exit status are the same whichever way they were made.
It sits above the record store and the worksheet renderer and below the two front ends; it never imports them.
"""
