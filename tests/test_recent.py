"""catalog/recent.py: the least recently used value goes first, and the size holds."""

from catalog.recent import Recent


def test_the_least_recently_used_value_is_dropped():
    recent: Recent[str, int] = Recent(2)
    recent.put("a", 1)
    recent.put("b", 2)
    assert recent.get("a") == 1  # "a" is now the most recent
    recent.put("c", 3)
    assert recent.get("b") is None
    assert recent.get("a") == 1 and recent.get("c") == 3
    assert len(recent) == 2
    recent.clear()
    assert len(recent) == 0 and recent.get("a") is None
