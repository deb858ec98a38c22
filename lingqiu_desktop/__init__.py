"""灵丘乡镇脱贫攻坚工作台: the township poverty-alleviation desk of Lingqiu County."""

__version__ = "0.1.0"
APP_NAME = "灵丘乡镇脱贫攻坚工作台"
APP_ID = "lingqiu-desktop"
