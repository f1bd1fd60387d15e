"""Actions on the Data, Model and Training panels and the speed slider: every control, with its
extreme values and typed nonsense.

A control a person cannot use now (its dock closed or behind a tab, the control hidden or
disabled) is left alone. A generator change asks "Replace your points?" when they were
edited by hand: the action draws the answer (Discard or Cancel) first.
"""

from __future__ import annotations

from .gestures import key, type_text, usable
from .registry import action

NONSENSE = ("", " ", "abc", "-", "--2", "1e999", "-1e999", "nan", "inf", "-inf", "-1", "0", "1e-400",
            "99999999999999999999999", "1,5", "0x10", "\uff11\uff12", "3.", ".", "1e", "\u0663",
            "12abc", "+", "4294967296", "2**31", "  7  ")
NUMBERS = (0, 1, 2, 3, 7, 50, 0.5, 0.25, 1000, 5000, 4294967295)
NUMBER_MOVES = ("min", "max", "up", "down", "value", "typed", "nonsense", "typed, not committed")


def _number_box(h, p, box, what: str) -> str:
    """Set a spin box (``NumberBox`` or a stepper's box) as a person might, to anything."""
    low, high = box.minimum(), box.maximum()
    how = p.choice(NUMBER_MOVES)
    value = {"up": lambda: p.choice((1, 3, 100)), "down": lambda: -p.choice((1, 3, 100)),
             "value": lambda: p.uniform(low, min(high, low + 1000)),
             "typed": lambda: str(p.choice((low, high, *NUMBERS))), "nonsense": lambda: p.choice(NONSENSE),
             "typed, not committed": lambda: str(p.integer(0, 200))}.get(how, lambda: None)()
    if not usable(box):
        return f"{what}: not available now"
    if how in ("min", "max"):
        box.setValue(low if how == "min" else high)
    elif how in ("up", "down"):
        box.stepBy(value)
    elif how == "value":
        box.setValue(value)
    else:
        type_text(box, value, commit=how != "typed, not committed")
        if how == "typed, not committed":
            h.w.canvas.setFocus()  # the focus leaves the box: the edit is committed or dropped
    return f"{what} {how} ({box.text()!r})"


def _combo(p, box, what: str) -> str:
    index = p.index(box.count())
    if not usable(box):
        return f"{what}: not available now"
    box.setCurrentIndex(index)
    return f"{what} {box.itemText(index)!r}"


def _answer(h, p) -> str:
    h.dialogs.reply = reply = p.choice(("discard", "cancel"))
    return reply


# ------------------------------------------------------------------- data
@action(3)
def dataset(h, p) -> str:
    box, reply = h.w.views["data"].dataset, _answer(h, p)
    return f"{_combo(p, box, 'Data: dataset')} (replace points? {reply})"


@action(6)
def data_number(h, p) -> str:
    data = h.w.views["data"]
    name = p.choice(tuple(data.numbers))
    reply = _answer(h, p)
    return f"{_number_box(h, p, data.numbers[name], f'Data: {name}')} (replace points? {reply})"


def _button(button, what: str) -> str:
    if not usable(button):
        return f"{what}: not available now"
    button.click()
    return what


@action(1)
def regenerate(h, p) -> str:
    reply = _answer(h, p)
    return _button(h.w.views["data"].regenerate, f"Data: Regenerate (replace points? {reply})")


@action(2)
def class_row(h, p) -> str:
    classes = h.w.views["data"].class_list
    row = p.index(classes.count())
    if not usable(classes):
        return "Data: class list not available now"
    classes.setCurrentRow(row)
    return f"Data: choose class row {row + 1}"


@action(2)
def add_class(h, p) -> str:
    return _button(h.w.views["data"].add_class, "Data: Add class")


@action(2)
def remove_class(h, p) -> str:
    return _button(h.w.views["data"].remove_class, "Data: Remove class (the current one)")


# ------------------------------------------------------------------ model
@action(2)
def model_kind(h, p) -> str:
    name = p.choice(("linear", "mlp"))
    return _button(getattr(h.w.views["model"], name), f"Model: {name}")


def _stepper(h, p, stepper, what: str) -> str:
    how = p.choice(("minus", "plus", "box"))
    if how == "box":
        return _number_box(h, p, stepper.box, what)
    return _button(getattr(stepper, how), f"{what} {how}")


@action(3)
def layer_count(h, p) -> str:
    return _stepper(h, p, h.w.views["model"].layer_count, "Model: layers")


@action(3)
def layer_width(h, p) -> str:
    widths = h.w.views["model"].widths
    layer = p.index(len(widths))
    return _stepper(h, p, widths[layer], f"Model: layer {layer + 1} width")


@action(2)
def activation(h, p) -> str:
    box = h.w.views["model"].activation
    return _combo(p, box, "Model: activation")


@action(2)
def feature(h, p) -> str:
    boxes = h.w.views["model"].features
    name = p.choice(tuple(boxes))
    return _button(boxes[name], f"Model: feature {name}")


# --------------------------------------------------------------- training
@action(2)
def loss(h, p) -> str:
    box = h.w.views["training"].loss
    return _combo(p, box, "Training: loss")


@action(2)
def optimizer(h, p) -> str:
    box = h.w.views["training"].optimizer
    return _combo(p, box, "Training: optimizer")


@action(5)
def training_number(h, p) -> str:
    """The learning rate and penalties (a list of presets to pick from with the keys, or type in)
    and the batch size and weight seed (spin boxes)."""
    name = p.choice(("learning_rate", "l1", "l2", "batch_size", "seed"))
    box = getattr(h.w.views["training"], name)
    if name in ("batch_size", "seed"):
        return _number_box(h, p, box, f"Training: {name}")
    how = p.choice(("preset up", "preset down", "typed", "nonsense"))
    text = p.choice(NONSENSE) if how == "nonsense" else \
        p.choice(("1e6", "1000000.0001", "1e-300", "5e-324", "0.3", "10", "1e-9", "0.5"))
    if not usable(box):
        return f"Training: {name}: not available now"
    if how.startswith("preset"):
        box.setFocus()
        key(box, "Up" if how == "preset up" else "Down")
    else:
        type_text(box, text)
    return f"Training: {name} {how} ({box.currentText()!r})"


@action(2)
def speed(h, p) -> str:
    slider = h.w.speed.slider
    value = p.integer(slider.minimum(), slider.maximum())
    if not usable(slider):
        return "speed: not available now"
    slider.setValue(value)
    return f"speed {h.w.speed.label.text()}"
