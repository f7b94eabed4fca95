#!/usr/bin/env python3
"""Re-record golden transcripts after an intended behaviour change.

    python scripts/update_transcripts.py [tests/transcripts/NAME.txt ...]

Rewrites each file with the output the shell gives now (inputs, answers and header
kept).  Review the git diff like code before committing.
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from exshell.testing import parse_transcript, render, replay  # noqa: E402


def main(argv):
    root = pathlib.Path(__file__).resolve().parents[1] / "tests" / "transcripts"
    files = [pathlib.Path(a) for a in argv] or sorted(root.glob("*.txt"))
    for path in files:
        t = parse_transcript(path.read_text(encoding="utf-8"))
        text = render(t, replay(t))
        if text != path.read_text(encoding="utf-8"):
            path.write_text(text, encoding="utf-8")
            print("updated", path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
