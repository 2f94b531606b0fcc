"""A process's bounded keep drops the value stored longest ago first."""

from backstride.core.kept import Kept


def test_a_full_keep_drops_the_value_stored_longest_ago_and_a_value_stored_again_counts_as_new():
    kept = Kept(2)
    kept["a"], kept["b"] = 1, 2
    kept["a"] = 3  # stored again: now the newest
    kept["c"] = 4
    assert kept.get("b") is None
    assert (kept["a"], kept["c"], len(kept)) == (3, 4, 2)
    kept.clear()
    assert kept.get("a", "gone") == "gone" and len(kept) == 0
