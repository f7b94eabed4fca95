"""Keys of one's own kept in a PEM file (a class server's learners): generated once,
then handed out in the same order every time, so a learner's lab start can be built
again identically (Reset-Lab, the grader) and differs from everyone else's."""
import os
import stat

from exshell.exchange.keys import FileKeySource, PoolKeySource, SeededSerials
from exshell.labs.checks import snapshot
from exshell.labs.cli import find_lab
from exshell.labs.runner import build_start


class CountingGenerator:
    def __init__(self):
        self.made = 0
        self.pool = PoolKeySource()      # pool keys: no slow generation in tests

    def new_rsa_key(self, bits):
        self.made += 1
        return self.pool.new_rsa_key(bits)


def test_keys_are_made_once_and_handed_out_in_order(tmp_path):
    path = str(tmp_path / "keys.pem")
    gen = CountingGenerator()
    first = FileKeySource(path, gen)
    a, b = first.new_rsa_key(2048), first.new_rsa_key(2048)
    assert gen.made == 2 and a.private_numbers().p != b.private_numbers().p
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    again = FileKeySource(path, gen)
    pem = lambda k: k.private_numbers().p
    assert [pem(again.new_rsa_key(2048)), pem(again.new_rsa_key(2048))] == [pem(a), pem(b)]
    assert gen.made == 2                  # read from the file, not made again
    third = again.new_rsa_key(2048)       # past the file: made and appended
    assert gen.made == 3
    assert pem(FileKeySource(path, gen).new_rsa_key(2048)) == pem(a)
    assert len(FileKeySource(path, gen)._read()) == 3 and third is not None


def test_a_learners_start_is_theirs_and_rebuilds_the_same(tmp_path):
    lab = find_lab("renew-2010")
    gen = CountingGenerator()

    def start(name):
        return snapshot(build_start(lab, (FileKeySource(str(tmp_path / (name + ".pem")), gen),
                                          SeededSerials("class:" + name))))
    alice, bob = start("alice"), start("bob")
    assert alice.thumbprints["ex01"].isdisjoint(bob.thumbprints["ex01"])
    assert start("alice") == alice        # Reset-Lab and the grader see the same start
    assert alice != snapshot(build_start(lab))
