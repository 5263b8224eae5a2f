"""Hypothesis: any sequence of marking, starring, tagging, carrying, pruning and reopening
leaves the store saying exactly what a plain in-memory model says, after every step."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from newsreader.state import ReaderState, content_key

KEYS = [content_key(bytes([number])) for number in range(4)]  # few keys, so operations meet
TAGS = ["eu", "Climate", "climate", "long_read"]

keys = st.lists(st.sampled_from(KEYS), min_size=1, max_size=3)
tags = st.sets(st.sampled_from(TAGS), max_size=2)
Marks = tuple[bool, bool, frozenset[str]]  # read, starred, tags
UNMARKED: Marks = (False, False, frozenset())


class StoreAgainstModel(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.scratch = Path(tempfile.mkdtemp())
        self.state = self._open()
        self.model: dict[int, Marks] = {}  # an article without marks is absent, as in the store

    def _open(self) -> ReaderState:
        return ReaderState.open(self.scratch / "data", self.scratch)

    def _put(self, key: int, marks: Marks) -> None:
        if marks == UNMARKED:
            self.model.pop(key, None)
        else:
            self.model[key] = marks

    @rule(chosen=keys, read=st.booleans())
    def mark_read(self, chosen, read):
        self.state.mark_read(chosen, read=read)
        for key in chosen:
            _, starred, had = self.model.get(key, UNMARKED)
            self._put(key, (read, starred, had))

    @rule(chosen=keys, starred=st.booleans())
    def star(self, chosen, starred):
        self.state.star(chosen, starred=starred)
        for key in chosen:
            read, _, had = self.model.get(key, UNMARKED)
            self._put(key, (read, starred, had))

    @rule(chosen=keys, add=tags, remove=tags)
    def tag(self, chosen, add, remove):
        adding, removing = {t.casefold() for t in add}, {t.casefold() for t in remove}
        if adding & removing:
            return  # refused with BadTag (tested elsewhere)
        self.state.tag(chosen, add=add, remove=remove)
        for key in chosen:
            read, starred, had = self.model.get(key, UNMARKED)
            self._put(key, (read, starred, (had | adding) - removing))

    @rule(old=st.sampled_from(KEYS), new=st.sampled_from(KEYS))
    def carry(self, old, new):
        carried = self.state.carry(old, new)
        assert carried == (old in self.model and old != new)
        if carried:
            read, starred, had = self.model.pop(old)
            new_read, new_starred, new_had = self.model.get(new, UNMARKED)
            self._put(new, (read or new_read, starred or new_starred, had | new_had))

    @rule(keep=st.sets(st.sampled_from(KEYS)))
    def prune(self, keep):
        self.state.prune(keep)
        self.model = {key: marks for key, marks in self.model.items() if key in keep}

    @precondition(lambda self: self.model)
    @rule()
    def reopen(self):
        self.state.close()
        self.state = self._open()

    @invariant()
    def agrees(self):
        found = {
            key: (marks.read, marks.starred, frozenset(marks.tags))
            for key, marks in self.state.marks().items()
        }
        assert found == self.model
        assert self.state.read_keys() == {key for key, m in self.model.items() if m[0]}
        assert self.state.starred_keys() == {key for key, m in self.model.items() if m[1]}
        for tag in ("eu", "climate"):
            assert self.state.tagged([tag]) == {k for k, m in self.model.items() if tag in m[2]}

    def teardown(self):
        self.state.close()
        shutil.rmtree(self.scratch)


StoreAgainstModel.TestCase.settings = settings(
    max_examples=100,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_the_store_agrees_with_a_model = StoreAgainstModel.TestCase
