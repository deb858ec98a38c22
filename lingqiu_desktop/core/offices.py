"""The county and its 12 townships (2018 codes, DOMAIN.md §5). db/migrations/0002 seeds the same table."""

from __future__ import annotations

from typing import Final

COUNTY_CODE: Final = "140224"
COUNTY_NAME: Final = "灵丘县"

TOWNSHIPS: Final[dict[str, str]] = {
    "140224100": "武灵镇",
    "140224101": "东河南镇",
    "140224102": "上寨镇",
    "140224200": "落水河乡",
    "140224203": "史庄乡",
    "140224205": "赵北乡",
    "140224206": "石家田乡",
    "140224207": "柳科乡",
    "140224208": "白崖台乡",
    "140224210": "红石塄乡",
    "140224212": "下关乡",
    "140224213": "独峪乡",
}

OFFICES: Final[dict[str, str]] = {COUNTY_CODE: COUNTY_NAME, **TOWNSHIPS}


def office_name(code: str) -> str:
    """The office's Chinese name, or the code itself when unknown."""
    return OFFICES.get(code, code)


def is_county(code: str) -> bool:
    return code == COUNTY_CODE
