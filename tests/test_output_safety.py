"""No command deletes or overwrites a file it did not write; outputs are checked before work.

Each writer (brief, brief --all, tables --out/--csv, compare, project --out, backtest --out,
fetch's data folder) refuses a foreign file or folder with exit code 2 and one line, and leaves
it exactly as it was. Files the toolkit wrote itself may be replaced on the next run.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures import Future
from pathlib import Path

import pytest

from reglab_forecast.cli import main
from reglab_forecast.errors import InputError, OutputPathError, OutputWriteError
from reglab_forecast.files import (
    LEDGER,
    atomic_path,
    build_package_dir,
    check_output_dir,
    check_output_file,
    check_package_dir,
    describe_os_error,
    is_ours,
    write_output,
)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def snapshot_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def fill(files: dict[str, str]):  # type: ignore[no-untyped-def]
    def write(folder: Path) -> None:
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    return write


# --- the rules, on files.py itself ------------------------------------------------------------


def test_a_new_package_folder_appears_with_its_marker(tmp_path: Path) -> None:
    target = build_package_dir(tmp_path / "paket", fill({"a.csv": "1", "b.csv": "2"}))
    assert sorted(p.name for p in target.iterdir()) == [LEDGER, "a.csv", "b.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["paket"]  # no temporary left


def test_a_package_is_replaced_and_loses_only_its_own_old_files(tmp_path: Path) -> None:
    build_package_dir(tmp_path / "paket", fill({"a.csv": "1", "old.csv": "x"}))
    build_package_dir(tmp_path / "paket", fill({"a.csv": "2"}))
    assert snapshot_of(tmp_path / "paket").keys() == {LEDGER, "a.csv"}
    assert (tmp_path / "paket" / "a.csv").read_text() == "2"


@pytest.mark.parametrize("foreign", ["notes.txt", "a.csv"])
def test_a_package_with_a_foreign_or_changed_file_is_left_alone(tmp_path: Path,
                                                                foreign: str) -> None:
    build_package_dir(tmp_path / "paket", fill({"a.csv": "1"}))
    (tmp_path / "paket" / foreign).write_text("the user's own words")
    before = snapshot_of(tmp_path / "paket")
    with pytest.raises(OutputPathError, match=foreign):
        build_package_dir(tmp_path / "paket", fill({"a.csv": "2"}))
    assert snapshot_of(tmp_path / "paket") == before


def test_an_empty_folder_is_filled(tmp_path: Path) -> None:
    (tmp_path / "tom").mkdir()
    build_package_dir(tmp_path / "tom", fill({"a.csv": "1"}))
    assert (tmp_path / "tom" / "a.csv").read_text() == "1"


def test_a_failing_fill_leaves_nothing(tmp_path: Path) -> None:
    def broken(folder: Path) -> None:
        (folder / "a.csv").write_text("half")
        raise RuntimeError("midway")

    with pytest.raises(RuntimeError):
        build_package_dir(tmp_path / "paket", broken)
    assert list(tmp_path.iterdir()) == []


def test_single_files_are_replaced_only_when_ours(tmp_path: Path) -> None:
    out = tmp_path / "rapport.pdf"
    write_output(out, b"first")
    assert is_ours(out)
    write_output(out, b"second")  # ours: replaced
    assert out.read_bytes() == b"second"
    out.write_bytes(b"edited by hand")  # changed since: no longer ours
    with pytest.raises(OutputPathError, match="inte skriven av reglab-forecast"):
        write_output(out, b"third")
    assert out.read_bytes() == b"edited by hand"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.pdf"]  # nothing added


@pytest.mark.parametrize(("path", "suffixes", "needle"), [
    ("-", (".pdf",), "standard ut"),
    ("orebro.txt", (".pdf",), ".pdf"),
    ("orebro", (".pdf",), ".pdf"),
    ("saknas/x.pdf", (".pdf",), "finns inte"),
])
def test_output_file_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str,
                            suffixes: tuple[str, ...], needle: str) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OutputPathError, match=needle) as caught:
        check_output_file(path, "--out", suffixes)
    assert isinstance(caught.value, InputError) and isinstance(caught.value, ValueError)


def test_output_dir_refuses_a_foreign_file_of_the_same_name(tmp_path: Path) -> None:
    (tmp_path / "kompetensbild-orebro-lan.pdf").write_bytes(b"someone else's")
    with pytest.raises(OutputPathError, match="kompetensbild-orebro-lan.pdf"):
        check_output_dir(tmp_path, "--out-dir", ["kompetensbild-orebro-lan.pdf"])
    check_output_dir(tmp_path, "--out-dir", ["kompetensbild-gotlands-lan.pdf"])
    with pytest.raises(OutputPathError, match="är en fil"):
        check_output_dir(tmp_path / "kompetensbild-orebro-lan.pdf")


def test_a_symlink_in_a_package_is_foreign(tmp_path: Path) -> None:
    build_package_dir(tmp_path / "paket", fill({"a.csv": "1"}))
    (tmp_path / "paket" / "länk").symlink_to(tmp_path)
    with pytest.raises(OutputPathError, match="länk"):
        check_package_dir(tmp_path / "paket")


# --- item 17: a full disk, in Swedish, with the path ---------------------------------------------


def _disk_full() -> OSError:
    """A real ENOSPC from the kernel: /dev/full refuses every write."""
    try:
        with open("/dev/full", "wb") as handle:
            handle.write(b"x")
            handle.flush()
    except OSError as error:
        return error
    raise AssertionError("/dev/full accepted a write")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_names_the_path_in_swedish(tmp_path: Path) -> None:
    target = tmp_path / "underlag.pdf"
    with pytest.raises(OutputWriteError) as caught, atomic_path(target):
        raise _disk_full()
    assert str(caught.value) == f"kunde inte skriva {target}: disken är full"
    assert list(tmp_path.iterdir()) == []  # no temporary file left
    assert describe_os_error(OSError(errno.EACCES, "x"), "/a") == \
        "kunde inte skriva /a: saknar skrivrättighet"


def test_brief_all_says_how_many_briefs_were_written(tmp_path: Path) -> None:
    from reglab_forecast.report.brief import BriefResult, _collect

    futures: list[Future[BriefResult]] = [Future() for _ in range(4)]
    futures[0].set_result(BriefResult("01", tmp_path / "a.pdf"))
    futures[1].set_result(BriefResult("03", tmp_path / "b.pdf"))
    futures[2].set_exception(OutputWriteError(f"kunde inte skriva {tmp_path}/c.pdf: "
                                              "disken är full"))
    with pytest.raises(OutputWriteError, match=r"disken är full; 2 av 4 underlag skrevs"):
        _collect(futures, tmp_path)
    assert futures[3].cancelled()


# --- every command that writes -------------------------------------------------------------------


def test_tables_csv_into_a_folder_with_other_files_touches_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mydir = tmp_path / "mydir"
    mydir.mkdir()
    (mydir / "a.txt").write_text("notes")
    before = snapshot_of(mydir)
    code, _, err = run(["tables", "--region", "18", "--out", str(tmp_path / "t.xlsx"),
                        "--csv", str(mydir)], capsys)
    assert code == 2 and err.count("\n") == 1 and "a.txt" in err
    assert snapshot_of(mydir) == before
    assert not (tmp_path / "t.xlsx").exists()  # refused before any work


def test_tables_csv_dot_in_a_folder_with_other_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rapport.docx").write_bytes(b"precious")
    (tmp_path / "data").mkdir()
    before = snapshot_of(tmp_path)
    code, _, err = run(["tables", "--region", "18", "--csv", "."], capsys)
    assert code == 2 and err.count("\n") == 1 and "--csv ." in err
    assert snapshot_of(tmp_path) == before and (tmp_path / "data").is_dir()


def test_tables_csv_twice_replaces_its_own_package(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "csv"
    assert run(["tables", "--region", "09", "--csv", str(csv)], capsys)[0] == 0
    assert run(["tables", "--region", "09", "--csv", str(csv)], capsys)[0] == 0
    assert (csv / "kolumner.csv").exists() and (csv / LEDGER).exists()


@pytest.mark.parametrize("argv", [
    ["brief", "--region", "18", "--out", "{dir}/mine.pdf"],
    ["tables", "--region", "18", "--out", "{dir}/mine.xlsx"],
    ["compare", "--out", "{dir}/mine.pdf"],
    ["project", "--region", "18", "--out", "{dir}/mine.csv"],
    ["backtest", "--out", "{dir}/mine.json"],
])
def test_no_command_overwrites_a_foreign_file(tmp_path: Path, argv: list[str],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    args = [a.replace("{dir}", str(tmp_path)) for a in argv]
    target = Path(args[-1])
    target.write_bytes(b"the user's own file")
    code, _, err = run(args, capsys)
    assert code == 2 and err.count("\n") == 1 and "inte skriven av reglab-forecast" in err
    assert target.read_bytes() == b"the user's own file"


@pytest.mark.parametrize(("argv", "needle"), [
    (["brief", "--region", "18", "--out", "orebro.txt"], ".pdf"),
    (["brief", "--region", "18", "--out", "-"], "standard ut"),
    (["tables", "--region", "18", "--out", "-"], "standard ut"),
    (["compare", "--out", "-"], "standard ut"),
    (["project", "--region", "18", "--out", "{dir}"], "är en mapp"),
    (["project", "--region", "18", "--out", "prognos.xlsx"], ".csv"),
    (["brief", "--all", "--out-dir", "{dir}/fil.txt"], "är en fil"),
])
def test_bad_output_paths_exit_2_before_any_work(tmp_path: Path, argv: list[str], needle: str,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fil.txt").write_text("x")
    args = [a.replace("{dir}", str(tmp_path)) for a in argv]
    code, out, err = run(args, capsys)
    assert code == 2 and needle in err and err.count("\n") == 1
    assert out == ""  # nothing was projected or printed first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fil.txt"]


def test_brief_all_refuses_a_foreign_brief_before_rendering(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "alla"
    out_dir.mkdir()
    (out_dir / "kompetensbild-orebro-lan.pdf").write_bytes(b"last year's, edited")
    (out_dir / "anteckningar.txt").write_text("kept")
    before = snapshot_of(out_dir)
    code, _, err = run(["brief", "--all", "--out-dir", str(out_dir)], capsys)
    assert code == 2 and "kompetensbild-orebro-lan.pdf" in err
    assert snapshot_of(out_dir) == before


# --- item 14: workers die with their parent -------------------------------------------------------


PARENT = textwrap.dedent("""
    import multiprocessing, os, sys, time
    from concurrent.futures import ProcessPoolExecutor
    from reglab_forecast.lifeline import exit_with_parent

    def pid_then_sleep(seconds):
        time.sleep(seconds)
        return os.getpid()

    if __name__ == "__main__":
        pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=exit_with_parent, initargs=(os.getpid(),))
        pids = {pool.submit(pid_then_sleep, 0.5).result() for _ in range(6)}
        for _ in range(4):
            pool.submit(pid_then_sleep, 600)
        print(" ".join(map(str, sorted(pids))), flush=True)
        time.sleep(600)
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting for its (dead) parent's reaper counts as gone
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_exit_when_the_parent_is_killed(tmp_path: Path, how: signal.Signals) -> None:
    script = tmp_path / "parent.py"
    script.write_text(PARENT)
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    workers = [int(p) for p in parent.stdout.readline().split()]
    assert workers and all(_alive(p) for p in workers)
    parent.send_signal(how)
    parent.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in workers if _alive(p)]
    for pid in left:  # clean up before failing, so no stray process outlives the test
        os.kill(pid, signal.SIGKILL)
    assert left == []
