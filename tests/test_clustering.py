"""The blocking and union-find helpers every cross-article clustering stage relies on."""

from pipeline.clustering import UnionFind, blocked_pairs, stable_id


def test_blocked_pairs_yields_each_pair_once_in_item_order() -> None:
    keys = {"a": ["x", "y"], "b": ["x", "y"], "c": ["y"], "d": ["z"]}
    pairs = blocked_pairs(["a", "b", "c", "d"], keys.__getitem__)
    assert pairs == {("a", "b"), ("a", "c"), ("b", "c")}


def test_blocks_over_the_limit_carry_no_evidence() -> None:
    items = [f"item{i}" for i in range(6)]
    common = blocked_pairs(items, lambda item: ["the"], max_block=5)
    assert common == set()
    rare = blocked_pairs(items, lambda item: ["the", item[-1] in "01"], max_block=5)
    assert rare == {("item0", "item1")} | {
        (a, b) for i, a in enumerate(items[2:], 2) for b in items[i + 1:]
    }


def test_union_find_groups_are_transitive() -> None:
    uf = UnionFind(["a", "b", "c", "d"])
    uf.union("a", "b")
    uf.union("c", "b")
    assert sorted(map(sorted, uf.groups())) == [["a", "b", "c"], ["d"]]


def test_stable_id_depends_on_content_only() -> None:
    assert stable_id("ent", "Tony Blair", "PERSON") == stable_id("ent", "Tony Blair", "PERSON")
    assert stable_id("ent", "Tony Blair", "PERSON") != stable_id("ent", "Tony Blair", "ORG")
    assert stable_id("ent", "a").startswith("ent_") and len(stable_id("ent", "a")) == 20
