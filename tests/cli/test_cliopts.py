"""The sub-commands' option reader (lab, world, serve, replica)."""
import pytest

from exshell.cliopts import UsageError, parse_options

VALUED, SWITCHES = ("State", "Stage", "Name"), ("Force",)


@pytest.mark.parametrize("argv, opts, rest", [
    (["-Name", "x", "a"], {"Name": "x"}, ["a"]),
    (["-na", "x"], {"Name": "x"}, []),                     # a prefix, any case
    (["--force", "b"], {"Force": True}, ["b"]),
    (["-State", "-5"], {"State": "-5"}, []),                 # a value may look like a number
    (["-5"], {}, ["-5"]),
    (["-"], {}, ["-"]),
    (["-State", "s", "-State", "t"], {"State": "t"}, []),    # the last one wins
])
def test_options(argv, opts, rest):
    assert parse_options(argv, "exshell x", VALUED, SWITCHES) == (opts, rest)


@pytest.mark.parametrize("argv, kw, message", [
    (["-Sta", "v"], {}, "exshell x: ambiguous option '-Sta'"),
    (["-Bogus"], {}, "exshell x: unknown option '-Bogus'"),
    (["-Name"], {}, "exshell x: option -Name needs a value"),
    (["word"], {"positional": False}, "exshell x: unexpected argument 'word'"),
])
def test_errors(argv, kw, message):
    with pytest.raises(UsageError) as e:
        parse_options(argv, "exshell x", VALUED, SWITCHES, **kw)
    assert str(e.value) == message


def test_aliases():
    assert parse_options(["-?"], "p", VALUED, ("Help",), aliases={"?": "Help"}) == ({"Help": True}, [])
