"""quiverdb.element.Element."""

from __future__ import annotations

import gc
import warnings

import pytest

from quiverdb import QuiverError
from quiverdb.element import Element


@pytest.fixture
def element():
    e = Element()
    yield e
    e.destroy()


def test_empty_repr(element: Element) -> None:
    assert repr(element) == "Element {\n}"


def test_set_is_chainable(element: Element) -> None:
    assert element.set("a", 1).set("b", 2.5) is element


def test_scalar_dispatch_and_repr(element: Element) -> None:
    element.set("label", "x").set("count", 3).set("ratio", 3.14).set("flag", True).set("nothing", None)
    assert repr(element) == (
        'Element {\n  scalars:\n    count: 3\n    flag: 1\n    label: "x"\n    nothing: null\n    ratio: 3.140000\n}'
    )


def test_array_dispatch_and_repr(element: Element) -> None:
    element.set("ints", [1, 2, True]).set("floats", [1, 2.5]).set("strings", ["a", "b"]).set("empty", [])
    assert repr(element) == (
        "Element {\n"
        "  arrays:\n"
        "    empty: []\n"
        "    floats: [1.000000, 2.500000]\n"
        "    ints: [1, 2, 1]\n"
        '    strings: ["a", "b"]\n'
        "}"
    )


def test_same_name_in_scalars_and_arrays(element: Element) -> None:
    element.set("x", 1).set("x", [1])
    text = repr(element)
    assert "  scalars:\n    x: 1\n" in text
    assert "  arrays:\n    x: [1]\n" in text


def test_set_replaces(element: Element) -> None:
    element.set("x", 1).set("x", "two")
    assert repr(element) == 'Element {\n  scalars:\n    x: "two"\n}'


def test_clear(element: Element) -> None:
    element.set("a", 1).set("b", [1])
    assert element.clear() is None
    assert repr(element) == "Element {\n}"


@pytest.mark.parametrize(
    ("value", "type_name"),
    [({"a": 1}, "dict"), (b"x", "bytes"), (object(), "object"), ({1}, "set"), (1j, "complex")],
)
def test_unsupported_type(element: Element, value: object, type_name: str) -> None:
    with pytest.raises(TypeError) as info:
        element.set("attr", value)
    assert str(info.value) == f"Cannot set: Unsupported type {type_name} for Element.set('attr')"
    assert repr(element) == "Element {\n}"


@pytest.mark.parametrize(
    ("value", "type_name", "index"),
    [
        ([1, "a"], "str", 1),
        (["a", 1], "int", 1),
        (["a", "b", 2.5], "float", 2),
        ([[1]], "list", 0),
        ([1, [2]], "list", 1),
        ([1.5, 2, "x"], "str", 2),
        ([b"x"], "bytes", 0),
        ([{"a": 1}], "dict", 0),
    ],
)
def test_unsupported_array_element(element: Element, value: list[object], type_name: str, index: int) -> None:
    with pytest.raises(TypeError) as info:
        element.set("arr", value)
    assert str(info.value) == (
        f"Cannot set: Unsupported array element type {type_name} at index {index} for Element.set('arr')"
    )
    assert repr(element) == "Element {\n}"


def test_name_must_be_str(element: Element) -> None:
    with pytest.raises(TypeError) as info:
        element.set(1, 2)  # type: ignore[arg-type]
    assert str(info.value) == "Cannot set: argument 'name' must be str, got int"


def test_destroy_is_idempotent_and_guards() -> None:
    e = Element()
    e.destroy()
    e.destroy()
    assert repr(e) == "Element(destroyed)"
    for call in (lambda: e.set("a", 1), e.clear):
        with pytest.raises(QuiverError) as info:
            call()
        assert str(info.value) == "Element has been destroyed"


def test_del_destroys_without_warning() -> None:
    e = Element().set("a", 1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        del e
        gc.collect()


def test_unicode_values(element: Element) -> None:
    element.set("name", "ação ✓")
    assert repr(element) == 'Element {\n  scalars:\n    name: "ação ✓"\n}'
