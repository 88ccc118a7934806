"""The `wanqu` command: Django's management commands, with Wanqu's own among them.

`wanqu demo`, `wanqu serve`, `wanqu export` and `wanqu import` are management commands of the
core and demo apps; everything else (`wanqu migrate`, `wanqu createsuperuser`, ...) is Django's.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wanqu.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - reading a setting loads (and checks) them all
    except ImproperlyConfigured as exc:
        # A bad WANQU_* value: say which, without a traceback.
        sys.stderr.write(f"wanqu: {exc}\n")
        raise SystemExit(2) from None

    args = list(sys.argv if argv is None else argv)
    args[0] = "wanqu"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
