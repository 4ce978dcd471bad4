"""Checking an uploaded material before it is stored: its type from its content, its size, its name.

Only PDF, Word, Excel, OFD and common scan images are accepted (第十条 dossiers). The
type comes from the file's first bytes and, for zip-based formats, from the archive's
entries; the name the uploader gave is cleaned and only kept for display.
"""

import dataclasses
import hashlib
import re
import unicodedata
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from govcloud.applications.dossier_models import FileType

# Legacy Office files share one container format, so the extension decides between Word and Excel.
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_TYPES = {"doc": FileType.DOC, "xls": FileType.XLS}
_SIGNATURES = (
    (b"%PDF-", FileType.PDF),
    (b"\x89PNG\r\n\x1a\n", FileType.PNG),
    (b"\xff\xd8\xff", FileType.JPEG),
    (b"II*\x00", FileType.TIFF),
    (b"MM\x00*", FileType.TIFF),
)
_ZIP_SIGNATURE = b"PK\x03\x04"
_MAX_NAME_LENGTH = 120
_UNSAFE_NAME_CHARACTERS = re.compile(r'[<>:"|?*\x00-\x1f\x7f]')

CONTENT_TYPES = {
    FileType.PDF: "application/pdf",
    FileType.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileType.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    FileType.DOC: "application/msword",
    FileType.XLS: "application/vnd.ms-excel",
    FileType.OFD: "application/ofd",
    FileType.PNG: "image/png",
    FileType.JPEG: "image/jpeg",
    FileType.TIFF: "image/tiff",
}


@dataclasses.dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed every check, with what the checks found out."""

    file_type: str
    clean_name: str
    size: int
    sha256: str


def clean_file_name(name):
    """Return the last path component of name without control or reserved characters."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = _UNSAFE_NAME_CHARACTERS.sub("", name).strip().lstrip(".").strip()
    if len(name) > _MAX_NAME_LENGTH:
        stem, dot, extension = name.rpartition(".")
        keep = _MAX_NAME_LENGTH - len(extension) - 1 if dot and len(extension) <= 10 else _MAX_NAME_LENGTH
        name = (stem[:keep] + "." + extension) if dot and len(extension) <= 10 else name[:keep]
    return name or "file"


def _with_extension(name, file_type):
    """Give the cleaned name the extension of the detected type, so a renamed file shows what it is."""
    stem, dot, extension = name.rpartition(".")
    if dot and stem and len(extension) <= 10:
        name = stem
    return "%s.%s" % (name, file_type)


def _read_head(uploaded_file, count=16):
    uploaded_file.seek(0)
    head = uploaded_file.read(count)
    uploaded_file.seek(0)
    return head


def _check_archive_limits(archive):
    # Limitation: the sizes checked are those the archive declares; the platform never unpacks an upload itself,
    # so an archive that understates them only reaches the person who later opens the file.
    entries = archive.infolist()
    if len(entries) > settings.UPLOAD_ARCHIVE_MAX_ENTRIES:
        raise ValidationError(
            _("The file contains {count} packed entries, more than the {limit} allowed; it may be a zip bomb.").format(
                count=len(entries), limit=settings.UPLOAD_ARCHIVE_MAX_ENTRIES
            ),
            code="archive_entries",
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > settings.UPLOAD_ARCHIVE_MAX_UNPACKED_BYTES:
        raise ValidationError(
            _("The file would unpack to {size} MB, more than the {limit} MB allowed; it may be a zip bomb.").format(
                size=unpacked // (1024 * 1024), limit=settings.UPLOAD_ARCHIVE_MAX_UNPACKED_BYTES // (1024 * 1024)
            ),
            code="archive_size",
        )


def _zip_type(uploaded_file):
    """Return the Office or OFD type of a zip archive after checking its unpacked size and entry count."""
    try:
        archive = zipfile.ZipFile(uploaded_file)
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    with archive:
        _check_archive_limits(archive)
        names = set(archive.namelist())
        if "[Content_Types].xml" in names and "word/document.xml" in names:
            return FileType.DOCX
        if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
            return FileType.XLSX
        if "OFD.xml" in names:
            return FileType.OFD
    return None


def _image_is_readable(uploaded_file):
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(uploaded_file) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
    finally:
        uploaded_file.seek(0)
    return True


def detect_file_type(uploaded_file, name=""):
    """Return the FileType of the content, or None when it is not an accepted type."""
    head = _read_head(uploaded_file)
    if head.startswith(_ZIP_SIGNATURE):
        try:
            return _zip_type(uploaded_file)
        finally:
            uploaded_file.seek(0)
    if head.startswith(_OLE_SIGNATURE):
        # Limitation: a Word 97-2003 or Excel 97-2003 file is told apart by its extension only, and its macros
        # are not inspected; the OLE container itself is checked by its signature.
        return _OLE_TYPES.get(name.rpartition(".")[2].lower())
    for signature, file_type in _SIGNATURES:
        if head.startswith(signature):
            if file_type in (FileType.PNG, FileType.JPEG, FileType.TIFF) and not _image_is_readable(uploaded_file):
                return None
            return file_type
    return None


def _sha256(uploaded_file):
    digest = hashlib.sha256()
    uploaded_file.seek(0)
    for chunk in iter(lambda: uploaded_file.read(1024 * 1024), b""):
        digest.update(chunk)
    uploaded_file.seek(0)
    return digest.hexdigest()


def check_upload(uploaded_file, *, already_stored_bytes=0):
    """Return a CheckedUpload for an accepted file, or raise ValidationError saying why it is rejected."""
    name = clean_file_name(getattr(uploaded_file, "name", ""))
    size = uploaded_file.size
    if size == 0:
        raise ValidationError(_("The file “{name}” is empty.").format(name=name), code="empty")
    if size > settings.UPLOAD_MAX_FILE_BYTES:
        raise ValidationError(
            _("The file “{name}” is {size} MB; a file may be at most {limit} MB.").format(
                name=name, size=round(size / (1024 * 1024), 1), limit=settings.UPLOAD_MAX_FILE_BYTES // (1024 * 1024)
            ),
            code="too_large",
        )
    if already_stored_bytes + size > settings.UPLOAD_MAX_APPLICATION_BYTES:
        raise ValidationError(
            _("The materials of one application may total at most {limit} MB; remove an outdated file first.").format(
                limit=settings.UPLOAD_MAX_APPLICATION_BYTES // (1024 * 1024)
            ),
            code="application_too_large",
        )

    file_type = detect_file_type(uploaded_file, name)
    if file_type is None:
        raise ValidationError(
            _("The file “{name}” is not a PDF, Word, Excel, OFD or image file (checked by its content, not its "
              "name). Save it in one of these formats and upload it again.").format(name=name),
            code="file_type",
        )
    return CheckedUpload(
        file_type=file_type, clean_name=_with_extension(name, file_type), size=size, sha256=_sha256(uploaded_file)
    )
