"""Points as CSV: a round trip keeps everything, and a bad row is refused by its line number."""

import numpy as np
import pytest

from engine import csv_points
from engine.csv_points import CsvError, parse
from engine.scenario import Scenario
from engine.settings import DataSettings, Settings


def test_a_scenario_goes_out_and_comes_back_as_it_was(tmp_path):
    s = Scenario.generate(Settings(data=DataSettings(dataset="spiral", classes=3, test_fraction=0.3)),
                          ["cat", "dog", "bird"])
    path = tmp_path / "points.csv"
    csv_points.save(path, s.points, s.labels, s.is_test, s.class_names)
    back = csv_points.load(path, s.class_names)
    np.testing.assert_allclose(back.points, s.points, atol=5e-7)  # 6 decimals, as in a scenario
    np.testing.assert_array_equal(back.labels, s.labels)
    np.testing.assert_array_equal(back.is_test, s.is_test)
    assert back.class_names == ["cat", "dog", "bird"]
    assert path.read_text().splitlines()[0] == "x,y,label,split"


def test_numbers_are_classes_in_order_and_names_keep_known_places():
    by_number = parse("x,y,label\n0.1,0.2,2\n0.3,0.4,0\n")
    assert by_number.labels.tolist() == [2, 0] and by_number.class_names == ["A", "B", "C"]
    by_name = parse("X, Y, Label, Split\n0.1,0.2,B,test\n0.3,0.4,zebra,\n\n0.5,0.6,B,TRAIN\n")
    assert by_name.class_names == ["B", "zebra"]  # B is known (first), zebra is new
    assert by_name.labels.tolist() == [0, 1, 0] and by_name.is_test.tolist() == [True, False, False]
    one_class = parse('x,y,label\n0.1,0.2,"cats, big"\n', known_names=["dogs", "cats, big"])
    assert one_class.class_names == ["cats, big", "A"]  # always two classes: the second stays empty
    assert one_class.labels.tolist() == [0]


@pytest.mark.parametrize("text, code, params", [
    ("", "csv_no_points", {}),
    ("x,y,label\n", "csv_no_points", {}),
    ("\n0.1,0.2,A\n", "csv_bad_header", {"line": 2, "expected": "x,y,label,split"}),
    ("x,y,label\n0.1,0.2,A\n0.3,0.4\n", "csv_wrong_columns", {"line": 3, "columns": "x,y,label", "count": 2}),
    ("x,y,label,split\n0.1,0.2,A,test,extra\n", "csv_wrong_columns", {"line": 2, "count": 5}),
    ("x,y,label\n0.1,0.2,A\n\n0.3,oops,B\n", "csv_not_a_number", {"line": 4, "column": "y", "found": "oops"}),
    ("x,y,label\nnan,0.2,A\n", "csv_off_the_plane", {"line": 2, "column": "x"}),
    ("x,y,label\n0.1,1e9,A\n", "csv_off_the_plane", {"line": 2, "column": "y"}),
    ("x,y,label\n0.1,0.2, \n", "csv_bad_label", {"line": 2}),
    ("x,y,label,split\n0.1,0.2,A,validation\n", "csv_bad_split", {"line": 2, "found": "validation"}),
    ("x,y,label\n0.1,0.2,1\n0.1,0.2,7\n", "csv_class_out_of_range", {"line": 3, "label": 7}),
    ("x,y,label\n" + "".join(f"0,0,c{k}\n" for k in range(6)), "csv_too_many_classes",
     {"line": 7, "found": "c5"}),
])
def test_a_bad_file_is_refused_whole_with_its_line(text, code, params):
    with pytest.raises(CsvError) as caught:
        parse(text)
    assert caught.value.code == code
    assert params.items() <= caught.value.params.items()


def test_too_many_points_are_refused(monkeypatch):
    monkeypatch.setattr(csv_points, "MAX_FILE_POINTS", 3)
    with pytest.raises(CsvError) as caught:
        parse("x,y,label\n" + "0,0,A\n" * 4)
    assert caught.value.code == "csv_too_many_points" and caught.value.params["line"] == 5


def test_unreadable_and_unwritable_files_are_coded_errors(tmp_path):
    with pytest.raises(CsvError) as caught:
        csv_points.load(tmp_path / "missing.csv")
    assert caught.value.code == "cannot_read"
    (tmp_path / "latin1.csv").write_bytes(b"x,y,label\n0,0,caf\xe9\n")
    with pytest.raises(CsvError) as caught:
        csv_points.load(tmp_path / "latin1.csv")
    assert caught.value.code == "not_utf8"
    with pytest.raises(CsvError) as caught:
        csv_points.save(tmp_path / "no-folder" / "p.csv", np.zeros((1, 2)), [0], [False], ["A", "B"])
    assert caught.value.code == "cannot_save"
