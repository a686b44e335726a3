from govlint.record import Record, asdict, fields, replace


class Point(Record):
    __slots__ = ("x", "y")

    def __init__(self, x: int, y: int = 0):
        self.x = x
        self.y = y


class Labelled(Point):
    __slots__ = ("label",)

    def __init__(self, x: int, y: int, label: str):
        super().__init__(x, y)
        self.label = label


def test_fields_equality_hash_repr():
    assert fields(Labelled) == ("x", "y", "label")
    assert Point(1, 2) == Point(1, 2) and Point(1, 2) != Point(2, 1)
    assert Point(1, 2) != Labelled(1, 2, "a")  # another class is never equal
    assert len({Point(1, 2), Point(1, 2), Point(3)}) == 2
    assert repr(Labelled(1, 2, "a")) == "Labelled(x=1, y=2, label='a')"


def test_replace_and_asdict():
    a = Labelled(1, 2, "a")
    b = replace(a, label="b")
    assert (a.label, b.label, b.x, type(b)) == ("a", "b", 1, Labelled)
    try:
        replace(a, z=1)
    except TypeError as e:
        assert str(e) == "Labelled has no field z"
    else:
        raise AssertionError("unknown field accepted")
    assert asdict([Point(1), {"p": (Point(2, 3),)}]) == [{"x": 1, "y": 0}, {"p": ({"x": 2, "y": 3},)}]
