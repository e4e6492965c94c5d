"""FirstSight: each session id is new once; the oldest ids are forgotten past the limit."""

from callpad.desktop.first_sight import FirstSight


def test_an_id_is_new_only_once():
    seen = FirstSight()
    assert seen.first(7)
    assert not seen.first(7)
    assert seen.first(8)


def test_the_oldest_id_is_forgotten_past_the_limit():
    seen = FirstSight(limit=2)
    assert [seen.first(i) for i in (1, 2, 3)] == [True, True, True]
    assert not seen.first(3)
    assert not seen.first(2)
    assert seen.first(1)  # forgotten when 3 came
