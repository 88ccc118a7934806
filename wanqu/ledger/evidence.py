"""Evidence files: limited in size and type, the type judged by the content, not the name.

A file named report.pdf that is really a ZIP, or an executable renamed .png, is refused. Accepted
files are stored under their SHA-256 checksum.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# extension → (content type, check of the first bytes / whole content)
ALLOWED = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "txt": "text/plain",
    "csv": "text/csv",
}
_OOXML_PART = {"docx": "word/", "xlsx": "xl/"}


def max_bytes() -> int:
    return int(getattr(settings, "WANQU_EVIDENCE_MAX_BYTES", 20 * 1024 * 1024))


@dataclass
class CheckedUpload:
    name: str
    content: bytes
    content_type: str
    size: int
    sha256: str

    def store(self) -> str:
        """Save the content under its checksum (once, however often it is uploaded); return the path."""
        from wanqu.ledger.models import evidence_path

        path = evidence_path(self.sha256, self.name)
        if not default_storage.exists(path):
            path = default_storage.save(path, ContentFile(self.content))
        return path


def checked_upload(upload: Any) -> CheckedUpload:
    """Read an uploaded file and check it; raise ValidationError on the `file` field if it is refused."""
    name = str(getattr(upload, "name", "") or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    size = getattr(upload, "size", None)
    limit = max_bytes()
    # Judge the declared size first: a 100 MB upload is refused without reading it.
    if size is not None and size > limit:
        raise ValidationError({"file": _too_big(size, limit)})
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in ALLOWED:
        raise ValidationError(
            {
                "file": _("Files of type “.%(ext)s” are not accepted; use one of: %(allowed)s.")
                % {"ext": ext, "allowed": ", ".join(sorted(ALLOWED))}
            }
        )
    content = upload.read(limit + 1) if hasattr(upload, "read") else bytes(upload)
    if len(content) > limit:
        raise ValidationError({"file": _too_big(len(content), limit)})
    if not content:
        raise ValidationError({"file": _("The file is empty.")})
    if not _content_matches(ext, content):
        raise ValidationError(
            {
                "file": _("The content of “%(name)s” is not a .%(ext)s file; rename it or upload the right file.")
                % {"name": name, "ext": ext}
            }
        )
    return CheckedUpload(
        name=name[:200],
        content=content,
        content_type=ALLOWED[ext],
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )


def _too_big(size: int, limit: int) -> str:
    return _("The file is %(size)s; files may be at most %(limit)s.") % {
        "size": filesizeformat(size),
        "limit": filesizeformat(limit),
    }


def _content_matches(ext: str, content: bytes) -> bool:
    if ext == "pdf":
        return content.startswith(b"%PDF-")
    if ext == "png":
        return content.startswith(b"\x89PNG\r\n\x1a\n")
    if ext in {"jpg", "jpeg"}:
        return content.startswith(b"\xff\xd8\xff")
    if ext in _OOXML_PART:
        if not content.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            return False
        return "[Content_Types].xml" in names and any(n.startswith(_OOXML_PART[ext]) for n in names)
    # Text: UTF-8 (or GB18030, common in mainland offices), no control bytes of binary files.
    if b"\x00" in content:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            content.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False
