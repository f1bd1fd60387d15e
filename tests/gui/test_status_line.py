"""The status line: a learning rate too high, dead units and stuck training are said in one line."""


def test_a_learning_rate_too_high_is_a_warning_not_the_hard_stop(qtbot, window):
    session, line = window.session, window.status_line
    assert line.advice == "" and line.text.text().startswith("Click: add a point")  # the tool's hint
    session.set_training_field("learning_rate", 10.0)
    session.step(300)
    assert not session.stats.diverged and not window.banner.isVisible()
    assert line.text.text().startswith("The learning rate (10) is too high")
    assert line.icon.isVisible()
    session.set_training_field("learning_rate", 0.3)  # a new setting: judged afresh
    assert line.advice == "" and not line.icon.isVisible()
    assert line.text.text().startswith("Click: add a point")


def test_dead_relus_and_a_linear_model_on_xor_are_explained(qtbot, window):
    session, line = window.session, window.status_line
    session.set_model_field("hidden", (16, 16))
    session.set_model_field("activation", "relu")
    session.set_training_field("learning_rate", 5.0)
    session.step(300)
    assert "ReLU units in layer 2 are dead" in line.text.text()
    session.set_model_field("kind", "linear")
    session.set_training_field("learning_rate", 0.3)
    session.step(1000)
    assert line.text.text().startswith("A linear classifier draws one straight line")


def test_the_tool_hint_follows_the_tool(qtbot, window):
    window.actions.tools["brush"].trigger()
    assert window.status_line.text.text() == "Drag to spray points of the current class"
