"""Writing files so that a failure never leaves a half-written file and no user file is lost.

Everything the toolkit writes (cache entries, snapshots, PDFs, tables, calibrations) goes to a
temporary file in the target's own folder first and is renamed into place only when complete:
a rename within one file system is atomic, so readers see the old file or the new one, never
a torn one. A full disk, a cut connection or an exception midway removes the temporary file.

Outputs a person names (``--out``, ``--out-dir``, ``--csv``, fetch's data folder) follow one
more rule: the toolkit never deletes or overwrites a file it did not write.

* Single output files (a PDF, an Excel file, a CSV) are recorded with their sha256 in
  ``outputs.json`` in the toolkit's data folder (``REGLAB_DATA_DIR``); nothing is added to the
  user's folder. An existing file is replaced only when that record holds it with the same
  content, so a file the user put there or changed is left alone.
* A package folder (the CSV table package, a fetched snapshot) carries a marker file,
  ``.reglab-forecast.json``, listing its files and their sha256. A folder is filled or replaced
  only when it is missing, empty, or such a package whose files are all unchanged.

Everything else is refused with an ``OutputPathError`` (exit code 2 in the CLI) before any
work starts.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputPathError, OutputWriteError

__all__ = [
    "LEDGER", "OUTPUTS", "atomic_path", "build_dir_atomic", "build_package_dir",
    "check_marked_dir", "check_output_dir", "check_output_file", "check_package_dir",
    "describe_os_error", "is_ours", "mark_output_dir", "output_path", "record_output",
    "write_bytes_atomic", "write_json_atomic", "write_output", "write_text_atomic",
]

LEDGER = ".reglab-forecast.json"  # the marker of a package folder: its files and sha256
OUTPUTS = "outputs.json"  # the record of single output files, in the data folder
_PENDING = "pending"  # claimed before the write: the file may or may not be there yet


def describe_os_error(error: OSError, path: str | os.PathLike[str] | None = None) -> str:
    """A one-line Swedish description of a failed write, with the path it concerned."""
    where = str(path or error.filename or "")
    reasons = {
        errno.ENOSPC: "disken är full", errno.EDQUOT: "diskkvoten är slut",
        errno.EACCES: "saknar skrivrättighet", errno.EPERM: "saknar skrivrättighet",
        errno.EROFS: "filsystemet är skrivskyddat", errno.ENOENT: "mappen finns inte",
        errno.ENOTDIR: "en del av sökvägen är inte en mapp", errno.EISDIR: "är en mapp",
        errno.EFBIG: "filen blir för stor (gränsen för filstorlek)",
    }
    reason = reasons.get(error.errno or 0, error.strerror or type(error).__name__)
    return f"kunde inte skriva {where}: {reason}" if where else f"kunde inte skriva: {reason}"


@contextmanager
def atomic_path(path: str | os.PathLike[str], mode: int = 0o644) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it onto ``path`` when the block succeeds.

    Raises ``OutputWriteError`` (Swedish, naming ``path``) when the disk is full or the folder
    cannot be written; the temporary file is removed in every case.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                        dir=target.parent)
    except OSError as error:
        raise OutputWriteError(describe_os_error(error, target)) from error
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, mode)  # mkstemp makes 0600 files; outputs are for people to read
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise OutputWriteError(describe_os_error(error, target)) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    with atomic_path(path) as temporary:
        temporary.write_bytes(data)
    return Path(path)


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_json_atomic(path: str | os.PathLike[str], data: object) -> Path:
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    return write_text_atomic(path, text)


# --- the ledger ---------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_ledger(folder: Path, name: str = LEDGER) -> dict[str, str]:
    try:
        data = json.loads((folder / name).read_text(encoding="utf-8"))
        files = data["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def _write_ledger(folder: Path, files: dict[str, str], name: str = LEDGER) -> None:
    data = {"written_by": "reglab-forecast", "files": dict(sorted(files.items()))}
    write_json_atomic(folder / name, data)


@contextmanager
def _ledger_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` while its ledger is read and rewritten (workers of
    ``brief --all`` write into one folder at the same time)."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _outputs_folder() -> Path:
    from .config import get_settings

    return get_settings().data_dir


def _record(path: Path, digest: str | None) -> None:
    """Enter (or with ``None`` forget) one output file in the data folder's record; files
    that no longer exist are dropped from it on the way. A record that cannot be written only
    means the next run will not overwrite the file, so the error is not raised."""
    key = str(path.resolve())
    try:
        folder = _outputs_folder()
        folder.mkdir(parents=True, exist_ok=True)
        with _ledger_lock(folder):
            files = {k: v for k, v in _read_ledger(folder, OUTPUTS).items()
                     if Path(k).exists() or v == _PENDING}
            if digest is None:
                files.pop(key, None)
            else:
                files[key] = digest
            _write_ledger(folder, files, OUTPUTS)
    except (OSError, OutputWriteError):
        pass


def is_ours(path: Path) -> bool:
    """True when ``path`` is an output file this toolkit wrote and nobody changed since."""
    if not path.is_file():
        return False
    recorded = _read_ledger(_outputs_folder(), OUTPUTS).get(str(path.resolve()))
    return recorded is not None and (recorded == _PENDING or recorded == _sha256(path))


# --- checks before any work -----------------------------------------------------------------


def _folder_of(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def check_output_file(path: str | os.PathLike[str], option: str = "--out",
                      suffixes: Iterable[str] = ()) -> Path:
    """``path`` as a file the toolkit may write; ``OutputPathError`` (one Swedish line) if not.

    Refused: ``-`` (no output to stdout), a suffix not in ``suffixes``, a folder, a missing or
    read-only folder, and an existing file the toolkit did not write.
    """
    target = Path(path)
    allowed = [s.lower() for s in suffixes]
    if str(path) == "-":
        raise OutputPathError(f"{option} -: kan inte skriva till standard ut; ange en fil"
                              + (f", t.ex. underlag{allowed[0]}" if allowed else ""))
    if target.is_dir():
        example = target / f"underlag{allowed[0] if allowed else ''}"
        raise OutputPathError(f"{option} {target} är en mapp; ange en fil, t.ex. {example}")
    if allowed and target.suffix.lower() not in allowed:
        raise OutputPathError(f"{option} {target}: ska sluta på {' eller '.join(allowed)}, "
                              f"t.ex. {target.with_suffix(allowed[0]).name}")
    folder = _folder_of(target)
    if not folder.is_dir():
        raise OutputPathError(f"{option} {target}: mappen {folder} finns inte")
    if not os.access(folder, os.W_OK):
        raise OutputPathError(f"{option} {target}: saknar skrivrättighet i {folder}")
    if target.exists() and not is_ours(target):
        raise OutputPathError(f"{option} {target}: filen finns redan och är inte skriven av "
                              "reglab-forecast (eller har ändrats); välj ett annat namn eller "
                              "ta bort den själv")
    return target


def check_output_dir(path: str | os.PathLike[str], option: str = "--out-dir",
                     names: Iterable[str] = ()) -> Path:
    """A folder to write outputs into (created if missing; other files in it are left alone).

    Each of ``names`` that already exists there must be a file the toolkit wrote.
    """
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise OutputPathError(f"{option} {folder} är en fil; ange en mapp")
    parent = _folder_of(folder.resolve())
    if not folder.exists() and not parent.is_dir():
        raise OutputPathError(f"{option} {folder}: mappen {parent} finns inte")
    where = folder if folder.exists() else parent
    if not os.access(where, os.W_OK):
        raise OutputPathError(f"{option} {folder}: saknar skrivrättighet i {where}")
    for name in names:
        target = folder / name
        if target.exists() and not is_ours(target):
            raise OutputPathError(f"{option} {folder}: {name} finns redan och är inte skriven "
                                  "av reglab-forecast; välj en annan mapp eller flytta filen")
    return folder


def check_marked_dir(path: str | os.PathLike[str], option: str = "--out-dir",
                     names: Iterable[str] = ()) -> Path:
    """A folder of outputs (``brief --all``): new, empty, or marked with ``LEDGER`` as the
    toolkit's; a non-empty folder without the marker is refused with ``OutputPathError``
    before any work. Then as ``check_output_dir`` (each of ``names`` must be ours)."""
    folder = check_output_dir(path, option, names)
    if folder.is_dir() and not (folder / LEDGER).is_file():
        entries = sorted(entry.name for entry in folder.iterdir())
        if entries:
            raise _foreign_folder(option, folder, entries, "underlag")
    return folder


def mark_output_dir(path: str | os.PathLike[str], names: Iterable[str] = ()) -> Path:
    """Create ``path`` if missing and mark it as the toolkit's (``LEDGER``), listing each of
    ``names`` that is there with its sha256 beside the files listed before."""
    folder = Path(path)
    folder.mkdir(exist_ok=True)
    with _ledger_lock(folder):
        files = _read_ledger(folder)
        files.update({name: _sha256(folder / name) for name in names
                      if (folder / name).is_file()})
        _write_ledger(folder, files)
    return folder


def _foreign_folder(option: str, folder: Path, entries: list[str],
                    suggestion: str) -> OutputPathError:
    """The refusal of a folder holding ``entries`` the toolkit did not write."""
    shown = ", ".join(entries[:3]) + (" …" if len(entries) > 3 else "")
    return OutputPathError(
        f"{option} {folder}: mappen innehåller filer som reglab-forecast inte skrev "
        f"({shown}); ange en ny eller tom mapp, t.ex. {folder.resolve() / suggestion}")


def _foreign_entries(folder: Path) -> list[str]:
    """Entries of ``folder`` that are not files listed (unchanged) in its own ledger."""
    ledger = _read_ledger(folder)
    foreign = []
    for entry in sorted(folder.iterdir()):
        if entry.name == LEDGER:
            continue
        recorded = ledger.get(entry.name)
        if (recorded is None or not entry.is_file() or entry.is_symlink()
                or recorded not in (_PENDING, _sha256(entry))):
            foreign.append(entry.name)
    return foreign


def check_package_dir(path: str | os.PathLike[str], option: str = "--csv") -> Path:
    """A folder the toolkit may fill or replace whole: missing, empty, or a package it wrote.

    A non-empty folder with any file the toolkit did not write is refused (nothing is touched).
    """
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise OutputPathError(f"{option} {folder} är en fil; ange en mapp")
    if folder.is_dir():
        foreign = _foreign_entries(folder)
        if foreign:
            raise _foreign_folder(option, folder, foreign, "tabeller")
        if not os.access(folder, os.W_OK):
            raise OutputPathError(f"{option} {folder}: saknar skrivrättighet")
        return folder
    parent = _folder_of(folder.resolve())
    if not parent.is_dir():
        raise OutputPathError(f"{option} {folder}: mappen {parent} finns inte")
    if not os.access(parent, os.W_OK):
        raise OutputPathError(f"{option} {folder}: saknar skrivrättighet i {parent}")
    return folder


# --- writing outputs ------------------------------------------------------------------------


@contextmanager
def output_path(path: str | os.PathLike[str], option: str = "--out") -> Iterator[Path]:
    """Like ``atomic_path`` for an output a person named: refuses to replace a file the
    toolkit did not write, and records the new file in the folder's ledger."""
    target = Path(path)
    if target.exists() and not is_ours(target):
        check_output_file(target, option)  # raises with the one-line message
    _record(target, _PENDING)  # a kill after the rename still leaves it known as ours
    try:
        with atomic_path(target) as temporary:
            yield temporary
    except BaseException:
        if not target.exists():
            _record(target, None)
        raise
    _record(target, _sha256(target))


def record_output(*paths: str | os.PathLike[str]) -> None:
    """Enter files just written by another writer in their folders' ledgers."""
    for path in map(Path, paths):
        if path.is_file():
            _record(path, _sha256(path))


def write_output(path: str | os.PathLike[str], data: bytes, option: str = "--out") -> Path:
    """Write ``data`` to an output file atomically (see ``output_path``)."""
    with output_path(path, option) as temporary:
        temporary.write_bytes(data)
    return Path(path)


def build_package_dir(path: str | os.PathLike[str], fill: Callable[[Path], object],
                      option: str = "--csv") -> Path:
    """Fill a package folder with ``fill(folder)``; never touches a file the toolkit did not
    write (``check_package_dir``). A new folder appears complete or not at all; an existing
    package is updated file by file (each file atomically) and loses its old files."""
    target = check_package_dir(path, option)
    parent = _folder_of(target.resolve())
    try:
        temporary = Path(tempfile.mkdtemp(prefix=f".{target.resolve().name}.", dir=parent))
    except OSError as error:
        raise OutputWriteError(describe_os_error(error, target)) from error
    try:
        fill(temporary)
        _write_ledger(temporary, {p.name: _sha256(p) for p in temporary.iterdir()
                                  if p.is_file() and p.name != LEDGER})
        os.chmod(temporary, 0o755)  # mkdtemp makes 0700 folders; outputs are for people to read
        if target.exists():
            _replace_contents(temporary, target)
        else:
            os.replace(temporary, target)
    except OSError as error:
        raise OutputWriteError(describe_os_error(error, target)) from error
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    return target


def _replace_contents(new: Path, target: Path) -> None:
    """Move the files of ``new`` into the package ``target``; drop its files not in ``new``."""
    old = _read_ledger(target)
    fresh = _read_ledger(new)
    with _ledger_lock(target):
        _write_ledger(target, {**old, **dict.fromkeys(fresh, _PENDING)})
        for name in fresh:
            os.replace(new / name, target / name)
        for name in set(old) - set(fresh):
            with contextlib.suppress(FileNotFoundError):
                (target / name).unlink()
        _write_ledger(target, fresh)


def build_dir_atomic(path: str | os.PathLike[str], fill: Callable[[Path], object]) -> Path:
    """Build a folder in a temporary sibling with ``fill(folder)``, then move it into place.

    For the toolkit's own folders only (an existing ``path`` must be a folder it may replace);
    outputs a person names go through ``build_package_dir``.
    """
    return build_package_dir(path, fill, option=str(path))

