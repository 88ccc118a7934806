#!/usr/bin/env python
"""Django's manage.py, kept for habit; `wanqu` is the same command."""

from wanqu.cli import main

if __name__ == "__main__":
    main()
