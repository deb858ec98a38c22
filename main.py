"""灵丘乡镇脱贫攻坚工作台. With no command: the GUI. With a command: the CLI (python main.py --help)."""

import sys


def main() -> int:
    from lingqiu_desktop.cli import has_command, run

    argv = sys.argv[1:]
    if has_command(argv):
        return run(argv)
    from lingqiu_desktop.gui.app import run_gui  # PySide6 is imported only here

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
