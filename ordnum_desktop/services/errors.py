"""Errors a service raises for the user: one French sentence, and the exit status it maps to."""

from __future__ import annotations


class UserError(Exception):
    """Unusable input (unreadable file, missing column, unknown présérie): exit status 2."""

    exit_code = 2
