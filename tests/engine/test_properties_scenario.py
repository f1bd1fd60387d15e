"""Property tests of the scenario file: random valid documents round-trip exactly; random
invalid ones raise ``ScenarioError`` naming the field at fault, never another exception."""

from __future__ import annotations

import json

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from settings_strategies import all_settings

from engine.scenario import (
    DECIMALS,
    MAX_CLASS_NAME,
    MAX_COORDINATE,
    MAX_TITLE,
    Scenario,
    ScenarioError,
    dumps,
    loads,
)

FAST = settings(max_examples=60)


names = st.text(min_size=1, max_size=MAX_CLASS_NAME).filter(str.strip)
coordinates = st.floats(-MAX_COORDINATE, MAX_COORDINATE, allow_nan=False)


@st.composite
def scenarios(draw) -> Scenario:
    """A scenario a person could save: its own points, or the generator's."""
    settings_ = draw(all_settings)
    title = draw(st.text(max_size=MAX_TITLE))
    classes = draw(st.lists(names, min_size=max(2, settings_.data.classes), max_size=5, unique=True))
    if draw(st.booleans()):
        return Scenario.generate(settings_, classes, title)
    n = draw(st.integers(0, 40))
    points = draw(st.lists(st.tuples(coordinates, coordinates), min_size=n, max_size=n))
    labels = draw(st.lists(st.integers(0, len(classes) - 1), min_size=n, max_size=n))
    is_test = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    return Scenario(np.array(points).reshape(-1, 2), labels, is_test, classes, settings_, title)


@FAST
@given(scenario=scenarios())
def test_a_valid_scenario_round_trips_exactly(scenario):
    text = dumps(scenario)
    loaded = loads(text)
    np.testing.assert_array_equal(loaded.points, np.round(scenario.points, DECIMALS))  # saved to 6 decimals
    np.testing.assert_array_equal(loaded.labels, scenario.labels)
    np.testing.assert_array_equal(loaded.is_test, scenario.is_test)
    assert (loaded.class_names, loaded.settings, loaded.title) == (scenario.class_names, scenario.settings,
                                                                 scenario.title)
    assert dumps(loaded) == text  # and from then on, to the byte


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats() | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


def paths(doc, prefix=()):
    """Every place in a parsed document: key paths into objects and index paths into lists."""
    yield prefix
    children = doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    for key, value in children:
        yield from paths(value, (*prefix, key))


@st.composite
def broken_documents(draw):
    """A valid document with one place replaced by any JSON value, removed, or given a stranger key."""
    doc = draw(scenarios()).to_json_dict()
    doc["points"] = doc["points"][:8]
    doc["test"] = [i for i in doc["test"] if i < 8]
    where = draw(st.sampled_from(list(paths(doc))[1:]))
    parent = doc
    for key in where[:-1]:
        parent = parent[key]
    change = draw(st.sampled_from(["replace", "remove", "add"]))
    if change == "replace":
        parent[where[-1]] = draw(json_values)
    elif change == "remove":
        del parent[where[-1]]
    elif isinstance(parent, dict):
        parent[draw(st.text(min_size=1, max_size=8))] = draw(json_values)
    return doc


@settings(max_examples=300)
@given(doc=broken_documents())
def test_a_broken_document_raises_a_scenario_error_naming_its_field(doc):
    try:
        loads(json.dumps(doc))
    except ScenarioError as error:
        assert error.field, error  # the document is an object with its format: the fault has a place
        assert "\n" not in error.field and len(error.field) <= 80
        str(error)  # the summary for developers can be made
    # (a change may leave a valid document: then it loads)


@FAST
@given(text=st.text(max_size=200) | json_values.map(json.dumps))
def test_any_text_is_a_scenario_or_a_scenario_error(text):
    try:
        loads(text)
    except ScenarioError:
        pass
