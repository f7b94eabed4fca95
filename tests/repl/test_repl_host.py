"""The REPL host: coloured output through prompt_toolkit, answers read with a
PromptSession while no application runs (pipe input, no terminal)."""
from __future__ import annotations

import io

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.color_depth import ColorDepth
from prompt_toolkit.output.vt100 import Vt100_Output

from exshell.engine.host import HostUnavailable, YES_NO_CHOICES
from exshell.repl.host import CONSOLE_COLORS, ReplHost, color_style


def make_host(inp=None, interactive=True):
    buf = io.StringIO()
    out = Vt100_Output(buf, lambda: Size(rows=24, columns=80), term="xterm",
                       default_color_depth=ColorDepth.DEPTH_8_BIT)
    host = ReplHost(stdout=buf, interactive=interactive, width=80)
    host.attach(inp, out)
    return host, buf


@pytest.mark.parametrize("fg, bg, style", [
    ("Red", None, "ansibrightred"), ("yellow", None, "ansibrightyellow"),
    ("DarkRed", "White", "ansired bg:ansiwhite"), (None, "DarkBlue", "bg:ansiblue"),
    ("Purple", None, ""),
])
def test_color_style(fg, bg, style):
    assert color_style(fg, bg) == style


def test_all_sixteen_console_colours_are_mapped():
    assert len(CONSOLE_COLORS) == 16 and len(set(CONSOLE_COLORS.values())) == 16


def test_plain_and_coloured_output_in_order():
    host, buf = make_host()
    host.write_line("plain")
    host.write_error_lines(["bad thing"])
    host.write_warning("careful")
    host.write_line("after")
    text = buf.getvalue()
    assert text.startswith("plain\n")
    assert text.index("plain") < text.index("bad thing") < text.index("careful") < text.index("after")
    # Bright red (91) for errors, bright yellow (93) for warnings, reset before the newline.
    red = text[text.index("plain\n") + 6:text.index("bad thing")]
    assert "91" in red and "\x1b[" in red
    assert "93" in text[text.index("bad thing"):text.index("WARNING: careful")]
    assert text.endswith("after\n")
    assert "\x1b[0m\n" in text


def test_read_line_uses_prompt_toolkit_and_splits_a_long_prompt():
    with create_pipe_input() as inp:
        inp.send_text("n\r")
        host, buf = make_host(inp)
        assert host.read_line("[Y] Yes  [N] No\n(default is \"Y\"): ") == "n"
    assert buf.getvalue().startswith("[Y] Yes  [N] No\n")


def test_choice_prompt_through_the_host():
    with create_pipe_input() as inp:
        inp.send_text("?\rl\r")
        host, buf = make_host(inp)
        index = host.prompt_for_choice("Confirm", "Are you sure?", YES_NO_CHOICES, 0)
    assert index == 3
    assert "Y - Continue with only the next step of the operation." in buf.getvalue()


def test_ctrl_d_is_end_of_input_and_ctrl_c_interrupts():
    with create_pipe_input() as inp:
        inp.send_text("\x04")
        host, _ = make_host(inp)
        assert host.read_line("Thumbprint: ") is None
    with create_pipe_input() as inp:
        inp.send_text("\x03")
        host, _ = make_host(inp)
        with pytest.raises(KeyboardInterrupt):
            host.read_line("Thumbprint: ")


def test_non_interactive_host_does_not_ask():
    host, _ = make_host(interactive=False)
    with pytest.raises(HostUnavailable):
        host.read_line("Thumbprint: ")


def test_secure_answers_are_not_echoed():
    with create_pipe_input() as inp:
        inp.send_text("s3cret\r")
        host, buf = make_host(inp)
        assert host.read_line("Password: ", secure=True) == "s3cret"
    assert "s3cret" not in buf.getvalue()


def test_clear_screen_erases_and_homes_the_cursor():
    host, buf = make_host()
    host.write_line("old output")
    host.clear_screen()
    text = buf.getvalue()
    assert text.index("old output") < text.index("\x1b[2J") < text.index("\x1b[0;0H")
