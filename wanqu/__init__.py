"""Wanqu (湾区): the programme-office platform for the Greater Bay Area."""

__version__ = "0.1.0"
