"""The activity list in a Strava "Download your data" export, which names each file's sport."""

from __future__ import annotations

import csv
import io
import posixpath
import zipfile

from . import limits

LIST_NAME = "activities.csv"


def find_activity_list(archive: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    """The export's activities.csv: at the top, or in the one folder an unpacked and re-zipped export adds."""
    lists = [info for info in archive.infolist() if posixpath.basename(info.filename).lower() == LIST_NAME]
    return min(lists, key=lambda info: info.filename.count("/"), default=None)


def sports_by_file(archive: zipfile.ZipFile, listing: zipfile.ZipInfo) -> dict[str, str]:
    """Map each activity file's path in the archive to the "Activity Type" the runner chose on Strava.

    Strava's own files often leave the sport out (GPX) or keep the device's first guess, while the list has the
    sport as the runner last set it.
    """
    if listing.file_size > limits.MAX_FILE_BYTES:
        raise limits.TooLarge
    with archive.open(listing) as stream:
        text = limits.read_at_most(stream, limits.MAX_FILE_BYTES).decode("utf-8-sig", "replace")
    rows = csv.reader(io.StringIO(text, newline=""))
    header = [column.strip() for column in next(rows, [])]
    if "Activity Type" not in header or "Filename" not in header:
        return {}
    # the export repeats some column names; the first of each is the one meant here
    type_at, file_at = header.index("Activity Type"), header.index("Filename")
    folder = posixpath.dirname(listing.filename)
    sports = {}
    for row in rows:
        if len(row) > max(type_at, file_at) and row[file_at].strip() and row[type_at].strip():
            sports[posixpath.join(folder, row[file_at].strip())] = row[type_at].strip()
    return sports
