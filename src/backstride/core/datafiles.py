"""The project's data files (exercises, lessons): one YAML file each, validated, and cached once valid.

The validated records are cached as JSON, keyed by the files' names, sizes and times and by a format
number that is raised whenever a schema's rules change, so that a command which only reads the data
neither parses YAML nor imports the validator.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path


def validated_yaml(path: Path, schema, error: type[Exception]) -> dict:
    """Parse and validate one file; the first problem names the file and the field."""
    import yaml
    from pydantic import ValidationError

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is several times faster
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as exc:
        raise error(f"{path.name}: not valid YAML ({exc})") from exc
    try:
        validated = schema.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "file"
        raise error(f"{path.name}: {where}: {first['msg']}") from exc
    if validated.slug != path.stem:
        raise error(f"{path.name}: slug '{validated.slug}' must match the file name")
    return validated.model_dump(mode="json")


def cache_file(kind: str, version: int, files: list[Path]) -> Path:
    from platformdirs import user_cache_dir

    digest = hashlib.sha256(f"{version}".encode())
    for f in files:
        st = f.stat()
        digest.update(f"{f.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    base = os.environ.get("BACKSTRIDE_CACHE_DIR") or user_cache_dir("backstride", appauthor=False)
    return Path(base) / f"{kind}-{digest.hexdigest()[:20]}.json"


def cached_records(kind: str, version: int, files: list[Path], validate: Callable[[Path], dict]) -> list[dict]:
    """Every file's validated record, from the cache when the files have not changed."""
    path = cache_file(kind, version, files)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    records = [validate(f) for f in files]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(records), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only home is fine: the next run validates again
    return records
