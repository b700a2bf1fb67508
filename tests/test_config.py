"""REGLAB_* settings: each checked by one rule, only where a command uses it, exit 2 naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reglab_forecast.cli import main
from reglab_forecast.config import _RULES, ConfigError, env_setting, get_settings
from reglab_forecast.errors import InputError

BAD = {
    "REGLAB_CACHE_DIR": "{file}",
    "REGLAB_DATA_DIR": "{file}",
    "REGLAB_SNAPSHOT_DIR": "{file}",
    "REGLAB_OFFLINE": "kanske",
    "REGLAB_RUN_CACHE": "kanske",
    "REGLAB_TIMEOUT": "abc",
    "REGLAB_LANG": "de",
    "REGLAB_SCB_URL": "statistikdatabasen.scb.se",
    "REGLAB_JOBTECH_URL": "ftp://example.org",
}


def test_every_setting_with_a_rule_has_a_bad_value_here() -> None:
    assert set(BAD) == set(_RULES) - {"REGLAB_JOBTECH_API_KEY"}


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_setting_names_the_variable(name: str, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "fil").write_text("x")
    monkeypatch.setenv(name, BAD[name].replace("{file}", str(tmp_path / "fil")))
    with pytest.raises(ConfigError, match=name) as caught:
        env_setting(name)
    assert isinstance(caught.value, InputError) and isinstance(caught.value, ValueError)


@pytest.mark.parametrize(("value", "expected"), [
    ("3", 3.0), ("2,5", 2.5), (" 60 ", 60.0), ("3600", 3600.0),
])
def test_good_timeouts(value: str, expected: float, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REGLAB_TIMEOUT", value)
    assert get_settings().timeout == expected


@pytest.mark.parametrize("value", ["abc", "0", "-5", "nan", "inf", "1e9"])
def test_bad_timeouts(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REGLAB_TIMEOUT", value)
    with pytest.raises(ConfigError, match=r"REGLAB_TIMEOUT=.*sekunder"):
        get_settings().timeout  # noqa: B018


@pytest.mark.parametrize(("value", "expected"), [
    ("1", True), ("true", True), ("YES", True), ("on", True), ("0", False), ("", False),
    ("false", False), ("off", False),
])
def test_offline_flags(value: str, expected: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REGLAB_OFFLINE", value)
    assert get_settings().offline is expected


@pytest.mark.parametrize("value", ["abc", "0", "-5"])
def test_a_bad_timeout_stops_fetch_in_one_line(value: str, monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REGLAB_TIMEOUT", value)
    monkeypatch.setenv("REGLAB_DATA_DIR", str(tmp_path))
    assert main(["fetch", "--tables", "af_outlook"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "REGLAB_TIMEOUT" in err and value in err


def test_a_bad_timeout_does_not_stop_commands_that_do_not_use_it(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REGLAB_TIMEOUT", "abc")
    monkeypatch.setenv("REGLAB_OFFLINE", "kanske")
    monkeypatch.setenv("REGLAB_LANG", "de")
    assert main(["regions"]) == 0
    assert "Örebro län" in capsys.readouterr().out


def test_a_data_dir_that_is_a_file_stops_commands_that_read_the_snapshot(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "fil").write_text("x")
    monkeypatch.setenv("REGLAB_DATA_DIR", str(tmp_path / "fil"))
    from reglab_forecast import snapshot

    snapshot.clear_cache()
    assert main(["data"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "REGLAB_DATA_DIR" in err and "är en fil" in err


def test_a_bad_scb_url_stops_fetch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REGLAB_SCB_URL", "statistikdatabasen.scb.se")
    monkeypatch.setenv("REGLAB_DATA_DIR", str(tmp_path))
    assert main(["fetch", "--tables", "employment"]) == 2
    assert "REGLAB_SCB_URL" in capsys.readouterr().err
