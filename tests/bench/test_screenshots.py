"""bench/screenshots.py: the before/after overflow table."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import screenshots  # noqa: E402


def row(side, page, width, scroll_width, height):
    return {"side": side, "page": page, "width": width, "scroll_width": scroll_width, "viewport": width,
            "overflow": scroll_width - width, "height": height}


def test_the_table_puts_before_and_after_side_by_side_and_marks_overflow():
    rows = [row("before", "permalink", 1280, 1280, 2000), row("before", "permalink", 390, 407, 3983),
            row("after", "permalink", 1280, 1280, 2000), row("after", "permalink", 390, 390, 3628)]
    lines = screenshots.overflow_table(rows).splitlines()
    assert len(lines) == 3
    assert lines[1].split() == ["permalink", "1280", "1280", "1280", "2000", "2000"]
    assert lines[2].split() == ["permalink", "390", "407", "(+17)", "390", "3983", "3628"]


def test_a_shot_missing_on_one_side_shows_a_dash():
    lines = screenshots.overflow_table([row("after", "upload", 390, 390, 939)]).splitlines()
    assert lines[1].split() == ["upload", "390", "-", "390", "-", "939"]
