"""Font look-up order: official fonts on the PC, then resources/fonts (with licence), then the system's CJK fonts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.documents import pdfcheck

from lingqiu_desktop.documents.fonts import FontError, find_fonts, shipped_dir

WQY = shipped_dir() / "wqy-microhei.ttc"


def _copy(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copy(WQY, target)
    return target


def test_official_font_comes_first_then_shipped(tmp_path: Path) -> None:
    official = tmp_path / "Windows" / "Fonts"
    simfang = _copy(official, "SIMFANG.TTF")            # names are matched case-insensitively
    fonts = find_fonts(official=[official], shipped=shipped_dir(), system=[])
    chosen = {c.role: c for c in fonts.choices}
    assert chosen["body"].path == simfang and chosen["body"].source == "official"
    assert chosen["heading"].source == "shipped"         # no simhei.ttf on this "PC"
    assert "正文（仿宋）：SIMFANG.TTF（本机公文字体）" in fonts.describe()


def test_official_title_font_order(tmp_path: Path) -> None:
    official = tmp_path / "fonts"
    _copy(official, "simhei.ttf")
    xbs = _copy(official / "sub", "FZXBSJW.TTF")       # 方正小标宋 in a sub-folder still wins over 黑体
    fonts = find_fonts(official=[official], shipped=shipped_dir(), system=[])
    assert {c.role: c.path for c in fonts.choices}["title"] == xbs


def test_shipped_font_needs_its_licence(tmp_path: Path) -> None:
    shipped = tmp_path / "resources" / "fonts"
    _copy(shipped, "wqy-microhei.ttc")                   # no LICENSE-wqy-microhei.txt beside it
    system = tmp_path / "usr" / "share" / "fonts"
    system_font = _copy(system / "truetype" / "wqy", "wqy-microhei.ttc")
    fonts = find_fonts(official=[], shipped=shipped, system=[system])
    assert all(c.source == "system" and c.path == system_font for c in fonts.choices)


def test_no_font_at_all_says_what_to_install(tmp_path: Path) -> None:
    with pytest.raises(FontError) as caught:
        find_fonts(official=[tmp_path], shipped=tmp_path, system=[tmp_path])
    assert "仿宋" in str(caught.value) and "resources/fonts" in str(caught.value)


def test_unusable_font_file_is_skipped(tmp_path: Path) -> None:
    official = tmp_path / "fonts"
    official.mkdir()
    (official / "simfang.ttf").write_bytes(b"not a font at all")
    fonts = find_fonts(official=[official], shipped=shipped_dir(), system=[])
    assert {c.role: c.source for c in fonts.choices}["body"] == "shipped"


def test_the_font_ci_installs_is_embedded_as_subset() -> None:
    from lingqiu_desktop.documents.base import Section, make_styles, para, render

    st = make_styles(find_fonts(official=[], shipped=Path("/nonexistent"), system=None))
    pdf = render(Section([para("灵丘县脱贫攻坚", st.body)], "LQFP1|t|k||" + "0" * 24), title="字体")
    pdfcheck.assert_fonts_embedded(pdf)
    assert "灵丘县脱贫攻坚" in pdfcheck.text(pdf)
