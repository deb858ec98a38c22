"""Print the pinned requirements from pyproject.toml (one source of truth) for `pip install -r /dev/stdin`.

Usage: python build/requirements.py [GROUP ...]   (the runtime dependencies, plus the named dependency groups)
"""

import sys
import tomllib
from pathlib import Path

data = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
lines = list(data["project"]["dependencies"])
for group in sys.argv[1:]:
    lines += data["dependency-groups"][group]
print("\n".join(lines))
