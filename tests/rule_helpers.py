"""Shared assertion for rule entries whose examples are matched by their pattern alone."""
from workreport import rules
from workreport.textnorm import norm


def assert_pattern_examples(entry: dict) -> None:
    """Every example matches ``entry["pattern"]`` (searched in the normalised text), no
    counter-example does."""
    pat = rules.compiled(entry["pattern"])
    for ex in entry.get("examples", []):
        assert pat.search(norm(ex)), f"{entry['id']}: {ex!r}"
    for ex in entry.get("counter_examples", []):
        assert not pat.search(norm(ex)), f"{entry['id']}: counter-example {ex!r}"
