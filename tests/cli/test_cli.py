"""The command line as a clerk or a script runs it: real processes, exit codes, Chinese messages."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}
    if env_dir is not None:
        env["LINGQIU_DATA_DIR"] = str(env_dir)
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, env=env,
                          timeout=120)


def test_init_stats_check(tmp_path: Path) -> None:
    db = str(tmp_path / "t.sqlite3")
    result = run("--db", db, "init", "--office", "140224101")
    assert result.returncode == 0, result.stderr
    assert "东河南镇" in result.stdout
    stats = run("--db", db, "stats", "--json")
    assert stats.returncode == 0
    data = json.loads(stats.stdout)
    assert data["office"] == "140224101" and data["tables"]["household"]["total"] == 0
    check = run("--db", db, "check")
    assert check.returncode == 0 and "通过" in check.stdout


@pytest.mark.parametrize("code", ["123", "140224999", "", "14022410"])
def test_init_refuses_unknown_office(tmp_path: Path, code: str) -> None:
    result = run("--db", str(tmp_path / "t.sqlite3"), "init", "--office", code)
    assert result.returncode == 2
    assert "单位代码" in result.stderr and "不是灵丘县" in result.stderr
    assert "Traceback" not in result.stderr


def test_init_twice_with_another_office_is_refused(tmp_path: Path) -> None:
    db = str(tmp_path / "t.sqlite3")
    assert run("--db", db, "init", "--office", "140224101").returncode == 0
    assert run("--db", db, "init", "--office", "140224101").returncode == 0, "the same office again is fine"
    result = run("--db", db, "init", "--office", "140224102")
    assert result.returncode == 2 and "已设置为东河南镇" in result.stderr


def test_commands_on_a_missing_database_are_refused(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "none.sqlite3"), "stats")
    assert result.returncode == 2 and "init" in result.stderr


def test_bad_arguments_get_chinese_messages(tmp_path: Path) -> None:
    result = run("bogus")
    assert result.returncode == 2 and "无效的选项" in result.stderr
    result = run("init")
    assert result.returncode == 2 and "缺少必需的参数" in result.stderr


def test_default_database_lives_in_the_user_data_folder(tmp_path: Path) -> None:
    assert run("init", "--office", "140224", env_dir=tmp_path).returncode == 0
    assert (tmp_path / "office.sqlite3").exists()


def test_check_reports_a_broken_foreign_key(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "t.sqlite3"
    assert run("--db", str(db), "init", "--office", "140224101").returncode == 0
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO village (id, owner, township_code, code, name, created_at, updated_at) "
                 "VALUES ('v1', '140224101', '999999999', '140224101201', '坏村', 'x', 'x')")
    conn.commit()
    conn.close()
    result = run("--db", str(db), "check")
    assert result.returncode == 1 and "外键" in result.stderr
