"""exshell.structs: the value classes that stand in for dataclasses on the start-up path."""
import pytest

from exshell.structs import FrozenError, Struct, factory, fields, replace


class Point(Struct, frozen=True):
    x: int
    y: int = 0


class Bag(Struct):
    name: str
    items: list = factory(list)
    count: int = 0

    def __post_init__(self):
        self.count = len(self.items)


class Tagged(Bag):
    tag: str = "t"


class Plain(Struct, eq=False):
    value: int = 1


def test_constructor_takes_fields_by_position_and_name_with_defaults():
    assert (Point(1).x, Point(1).y, Point(1, 2).y, Point(y=3, x=4).x) == (1, 0, 2, 4)
    with pytest.raises(TypeError):
        Point()
    with pytest.raises(TypeError):
        Point(1, 2, 3)
    with pytest.raises(TypeError):
        Point(1, z=2)


def test_factory_gives_each_instance_its_own_value_and_post_init_runs():
    a, b = Bag("a"), Bag("b", [1, 2])
    assert a.items == [] and a.items is not Bag("c").items
    assert (a.count, b.count) == (0, 2)


def test_subclasses_add_fields_after_their_bases():
    t = Tagged("n", [1])
    assert fields(t) == ("name", "items", "count", "tag")
    assert (t.tag, t.count, Tagged("m").items) == ("t", 1, [])


def test_equality_repr_and_hash_follow_dataclasses():
    assert Point(1, 2) == Point(1, 2) and Point(1, 2) != Point(2, 1)
    assert Point(1) != (1, 0) and Bag("a") != Tagged("a")
    assert hash(Point(1, 2)) == hash(Point(1, 2)) and len({Point(1), Point(1)}) == 1
    with pytest.raises(TypeError):
        hash(Bag("a"))                      # mutable and equal by value: unhashable
    assert repr(Point(1, 2)) == "Point(x=1, y=2)"
    p = Plain()                             # eq=False: compared and hashed as an object
    assert p != Plain() and p == p and len({p, Plain()}) == 2


def test_frozen_fields_cannot_change_but_replace_copies():
    p = Point(1, 2)
    with pytest.raises(FrozenError):
        p.x = 5
    with pytest.raises(AttributeError):
        del p.y
    q = replace(p, y=7)
    assert (p.y, q.x, q.y) == (2, 1, 7)
    b = Bag("a", [1])
    b.name = "b"                            # not frozen
    assert replace(b, name="c").name == "c" and replace(b).items == [1]


def test_a_lazy_pattern_compiles_on_first_use_and_answers_as_re_does():
    import re

    from exshell.structs import LazyPattern
    lazy = LazyPattern(r"(?P<word>[a-z]+)(\d*)", re.I)
    assert "_compiled" not in lazy.__dict__               # nothing compiled yet
    real = re.compile(r"(?P<word>[a-z]+)(\d*)", re.I)
    text = "Abc12 de 3 FG"
    assert lazy.match(text).groups() == real.match(text).groups()
    assert lazy.compiled() is lazy.compiled() and lazy.match == lazy.compiled().match
    assert lazy.findall(text) == real.findall(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.sub(r"<\g<word>>", text) == real.sub(r"<\g<word>>", text)
    assert lazy.split(text) == real.split(text) and lazy.fullmatch("ab1").group(2) == "1"
    assert lazy.groupindex == real.groupindex and lazy.groups == 2 and lazy.flags == real.flags
    assert LazyPattern(rb"x+").search(b"axxb").span() == (1, 3)
