"""A lab in the prompt_toolkit REPL: the banner shows the task, the lab cmdlets run
and Show-LabSolution's question is answered at the REPL's prompt."""
import io
import re

from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.color_depth import ColorDepth
from prompt_toolkit.output.vt100 import Vt100_Output

from exshell.host import RecordingHost
from exshell.labs.cli import find_lab, open_session
from exshell.repl.app import run_repl

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def test_lab_in_the_repl(tmp_path):
    ls = open_session(find_lab("renew-2010"), host=RecordingHost([], interactive=True),
                      root=str(tmp_path))
    buf = io.StringIO()
    out = Vt100_Output(buf, lambda: Size(rows=40, columns=120), term="xterm",
                       default_color_depth=ColorDepth.DEPTH_8_BIT)
    with create_pipe_input() as inp:
        inp.send_text("Get-LabHint\rShow-LabSolution\ry\rTest-LabTask\r")
        inp.send_text("\x04")
        code = run_repl(ls.shell, ls.banner(), history=None, pt_input=inp, pt_output=out, stdout=buf)
    ls.shell.close()
    text = ANSI.sub("", buf.getvalue())
    assert code == 0
    assert text.index("exshell lab: Renew the self-signed certificate") < text.index("Hint 1 of 3")
    assert "Task 1 of 2 (renew)" in text
    assert "Show the reference solution of task 'renew'?" in text
    assert "$new = $old | New-ExchangeCertificate" in text
    assert "[FAIL]" in text
    assert ls.progress.solutions_shown == ["renew"]
