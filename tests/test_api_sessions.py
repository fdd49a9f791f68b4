"""SessionStore: bounded turns, bounded sessions, idle expiry."""

from __future__ import annotations

import pytest

from api.sessions import SessionStore
from dealqa.types import Turn


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def turn(i: int) -> Turn:
    return Turn(q=f"q{i}", a=f"a{i}")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"ttl_s": 0}, "ttl_s must be > 0, got 0"),
        ({"max_turns": 0}, "max_turns must be > 0, got 0"),
        ({"max_sessions": -1}, "max_sessions must be > 0, got -1"),
    ],
)
def test_constructor_validates(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SessionStore(**kwargs)


def test_unknown_session_has_no_history() -> None:
    assert SessionStore().history("nope") == ()


def test_keeps_only_the_latest_turns_in_order() -> None:
    store = SessionStore(max_turns=3)
    for i in range(5):
        store.append("s", turn(i))
    assert store.history("s") == (turn(2), turn(3), turn(4))


def test_sessions_are_separate() -> None:
    store = SessionStore()
    store.append("a", turn(1))
    store.append("b", turn(2))
    assert store.history("a") == (turn(1),)
    assert store.history("b") == (turn(2),)


def test_idle_sessions_expire_and_activity_renews() -> None:
    clock = Clock()
    store = SessionStore(ttl_s=60, clock=clock)
    store.append("old", turn(1))
    clock.t += 50
    store.append("busy", turn(2))
    clock.t += 20  # "old" idle 70 s, "busy" idle 20 s
    assert store.history("old") == ()
    assert store.history("busy") == (turn(2),)
    assert len(store) == 1


def test_least_recently_used_session_is_dropped_when_full() -> None:
    clock = Clock()
    store = SessionStore(max_sessions=2, clock=clock)
    store.append("a", turn(1))
    clock.t += 1
    store.append("b", turn(2))
    clock.t += 1
    store.append("a", turn(3))  # "a" is now the most recent
    clock.t += 1
    store.append("c", turn(4))
    assert len(store) == 2
    assert store.history("b") == ()
    assert store.history("a") == (turn(1), turn(3))


def test_replace_restarts_from_the_given_turns() -> None:
    store = SessionStore(max_turns=2)
    store.append("s", turn(1))
    store.replace("s", [turn(7), turn(8), turn(9)])
    assert store.history("s") == (turn(8), turn(9))


def test_clear() -> None:
    store = SessionStore()
    store.append("s", turn(1))
    assert store.clear("s") is True
    assert store.clear("s") is False
    assert store.history("s") == ()
