"""What must hold after every action, whatever the actions were.

- undo history: the points are what the undo history implies (``UndoShadow``);
- class count: every label is below the class count, in the session, the trainer, the class
  list, the Classes menu and the saved file, and every count of classes agrees;
- parameters: finite, unless training stopped on a divergence;
- views: the canvas, the network diagram, the charts, the hidden-space layer list and the
  window's title, buttons and menus show what the session holds;
- panels: every control of the Data, Model and Training panels shows the setting it edits;
- save and open: the session can always be saved, and opening what was saved gives back the
  same scenario (points as saved, to ``DECIMALS``; labels, split, class names, settings, lesson);
- saved file: the file open with no unsaved changes holds exactly the session's scenario.

``check(harness)`` raises ``Broken(name, detail)`` for the first that fails.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from engine.datasets import MAX_CLASSES
from engine.scenario import DECIMALS, ScenarioError, dumps, load, loads
from playground.actions import PAUSE, PLAY


class Broken(AssertionError):
    def __init__(self, name: str, detail: str):
        super().__init__(f"{name}: {detail}")
        self.name, self.detail = name, detail


def check(h) -> None:
    for invariant in (undo_history, class_count, parameters, views, panels, save_and_open):
        invariant(h.w, h)


def expect(name: str, holds: bool, detail: str) -> None:
    if not holds:
        raise Broken(name, detail)


def undo_history(w, h) -> None:
    problems = h.shadow.take_problems()
    expect("undo history", not problems, "; ".join(problems))


def class_count(w, h) -> None:
    s = w.session
    k, labels = s.n_classes, s.labels
    name = "class count"
    expect(name, 2 <= k <= MAX_CLASSES and len(s.class_names) == k, f"{k} classes: {s.class_names}")
    expect(name, len(labels) == len(s.points) == len(s.is_test),
           f"{len(s.points)} points, {len(labels)} labels, {len(s.is_test)} test flags")
    outside = labels[(labels < 0) | (labels >= k)]
    expect(name, not len(outside), f"labels {sorted(set(outside.tolist()))} with {k} classes")
    trainer = s._trainer  # read only: the harness looks behind the session's door
    expect(name, trainer.n_classes == k and np.array_equal(trainer._labels, labels)
           and np.array_equal(trainer._points, s.points) and np.array_equal(trainer._is_test, s.is_test),
           f"the trainer has {trainer.n_classes} classes and {len(trainer._labels)} points; "
           f"the session {k} and {len(labels)}")
    expect(name, s.model_info().sizes[-1] == k, f"the model has {s.model_info().sizes[-1]} outputs for {k}")
    expect(name, 0 <= s.current_class < k, f"current class {s.current_class} of {k}")
    data = w.views["data"]
    expect(name, data.class_list.count() == k and data.class_list.currentRow() == s.current_class,
           f"the class list has {data.class_list.count()} rows, row {data.class_list.currentRow()} "
           f"current; the session {k} classes, class {s.current_class} current")
    expect(name, data.classes.value() == k, f"the Classes box shows {data.classes.value()} for {k}")
    entries = w.classes_menu.actions()
    checked = [i for i, a in enumerate(entries) if a.isChecked()]
    expect(name, len(entries) == k and checked == [s.current_class],
           f"the Classes menu lists {len(entries)}, checked {checked}; the session {k}, "
           f"class {s.current_class} current")


def parameters(w, h) -> None:
    s = w.session
    if s.stats.diverged:
        return
    for i, layer in enumerate(s.network_arrays(), start=1):
        expect("parameters", np.isfinite(layer.weight).all() and np.isfinite(layer.bias).all(),
               f"layer {i} has non-finite weights but training did not stop on a divergence")


def views(w, h) -> None:
    s = w.session
    canvas = w.canvas.point_layers
    for k in range(MAX_CLASSES):
        of_class = s.labels == k
        for split, items, shown in (("training", canvas.train, of_class & ~s.is_test),
                                    ("test", canvas.test, of_class & s.is_test)):
            item = items[k]
            x, y = item.getData()
            drawn = np.column_stack([x, y]) if item.isVisible() else np.zeros((0, 2))
            expect("canvas", np.array_equal(drawn, s.points[shown]),
                   f"class {k + 1}'s {split} points: {len(drawn)} drawn, {int(shown.sum())} in the session")
    sizes = s.model_info().sizes
    network = w.views["network"].diagram
    expect("network diagram", network.sizes == sizes,
           f"the diagram shows {network.sizes}, the model is {sizes}")
    charts = w.views["charts"]
    step = charts.step_label.text()
    expect("charts", step == charts.tr("Step {step:,}").format(step=s.stats.step),
           f"the charts show {step!r} at step {s.stats.step}")
    layers = w.views["spaces"].hidden.layer
    expect("hidden space", layers.count() == len(sizes) - 2,
           f"the layer list has {layers.count()} entries for {len(sizes) - 2} hidden layers")
    a = w.actions
    play = QCoreApplication.translate("Actions", PAUSE if w.runner.running else PLAY)
    expect("window", a.play.text() == play,
           f"the Play button says {a.play.text()!r} while {'' if w.runner.running else 'not '}training")
    expect("window", (a.undo.isEnabled(), a.redo.isEnabled()) == (s.can_undo(), s.can_redo()),
           "Undo and Redo are not enabled as the history allows")
    expect("window", w.isWindowModified() == s.modified,
           f"the title {'marks' if w.isWindowModified() else 'does not mark'} unsaved changes, "
           f"the session {'has' if s.modified else 'has none'}")
    expect("window", s.selected_point is None or 0 <= s.selected_point < len(s.points),
           f"point {s.selected_point} selected of {len(s.points)}")


def panels(w, h) -> None:
    """Every control shows the setting it edits (after any edit, refused or cancelled); but the
    field being typed into (it has the focus), whose edit is not over."""
    s = w.session
    d, m, t = s.settings.data, s.settings.model, s.settings.training
    data, model, training = (w.views[key] for key in ("data", "model", "training"))
    shown = {"dataset": (data.dataset, data.dataset.currentData(), d.dataset),
             **{f"data.{name}": (box, box.field_value(), getattr(d, name))
                for name, box in data.numbers.items() if name != "classes"},
             "classes": (data.classes, data.classes.field_value(), s.n_classes),  # added by hand too
             "kind": (model.mlp, {model.mlp.isChecked(), model.linear.isChecked()} == {True, False} and
                      ("mlp" if model.mlp.isChecked() else "linear"), m.kind),
             "hidden layers": (model.layer_count.box, model.layer_count.value, len(m.hidden)),
             **{f"layer {i + 1} width": (stepper.box, stepper.value, width)
                for i, (stepper, width) in enumerate(zip(model.widths, m.hidden))},
             "activation": (model.activation, model.activation.currentData(), m.activation),
             "features": (model, {name for name, box in model.features.items() if box.isChecked()},
                          set(m.features)),
             "loss": (training.loss, training.loss.currentData(), t.loss),
             "optimizer": (training.optimizer, training.optimizer.currentData(), t.optimizer),
             **{name: (box, _number(box.currentText()), getattr(t, name))
                for name, box in (("learning_rate", training.learning_rate), ("l1", training.l1),
                                  ("l2", training.l2))},
             "batch size": (training.batch_size, training.batch_size.field_value(), t.batch_size),
             "weight seed": (training.seed, training.seed.field_value(), s.settings.seed)}
    wrong = [f"{name} shows {a!r}, is {b!r}" for name, (widget, a, b) in shown.items()
             if a != b and not widget.hasFocus()]
    expect("panels", not wrong, "; ".join(wrong))


def _number(text: str) -> float | str:
    try:
        return float(text)
    except ValueError:
        return text


def save_and_open(w, h) -> None:
    """The work saves, and opens again as it is; the file open and unchanged holds exactly it."""
    s = w.session
    scenario = s.snapshot().scenario
    try:
        text = dumps(scenario)
    except ScenarioError as error:
        raise Broken("save and open", f"the work cannot be saved: {error.field}: {error.code} "
                                      f"{error.params}") from None
    wrong = _differences(loads(text), scenario)
    expect("save and open", not wrong, f"opening the saved file changes the {', '.join(wrong)}")
    if s.path and not s.modified:
        try:
            on_disk = load(s.path)
        except ScenarioError as error:
            raise Broken("saved file", f"{s.path}, open with no unsaved changes, cannot be opened: "
                                       f"{error.field}: {error.code}") from None
        wrong = _differences(on_disk, scenario)
        expect("saved file", not wrong,
               f"{s.path}, open with no unsaved changes, has other {', '.join(wrong)}")


def _differences(back, scenario) -> list[str]:
    """What of ``scenario`` a file read back as ``back`` does not hold (coordinates as saved)."""
    same = {"points": np.array_equal(back.points, np.round(scenario.points, DECIMALS)),
            "labels": np.array_equal(back.labels, scenario.labels),
            "split": np.array_equal(back.is_test, scenario.is_test),
            "class names": back.class_names == list(scenario.class_names),
            "settings": back.settings == scenario.settings,
            "title": back.title == scenario.title, "lesson": back.lesson == scenario.lesson}
    return [name for name, equal in same.items() if not equal]
