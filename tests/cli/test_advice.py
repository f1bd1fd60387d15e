"""Why training fails, in one line with the usual remedy, from real runs (issue 10, items 2 and 12)."""

import pytest

from engine.scenario import Scenario
from engine.settings import DataSettings, ModelSettings, Settings, TrainingSettings
from engine.trainer import Trainer
from playground.messages import training_advice
from playground.model_info import ModelInfo


def advice_after(steps, all_test=False, **sections):
    scenario = Scenario.generate(Settings(**sections))
    if all_test:
        scenario.is_test[:] = True
    trainer = Trainer.for_scenario(scenario)
    stats = trainer.step(steps)
    return training_advice(stats, ModelInfo.of(trainer.model), trainer.training)


def test_a_run_that_learns_gets_no_advice():
    assert advice_after(1000) == ""


def test_a_learning_rate_too_high_is_named_with_the_step_it_was_seen():
    """The default tanh network at the highest preset rate bounces between losses of 1 and 20."""
    text = advice_after(300, training=TrainingSettings(learning_rate=10))
    assert text.startswith("The learning rate (10) is too high: from step ")
    assert text.endswith("Lower it.")


def test_dead_relus_are_named_with_their_layer_and_remedy():
    text = advice_after(300, model=ModelSettings(hidden=(16, 16), activation="relu"),
                        training=TrainingSettings(learning_rate=5))
    assert text.startswith("100% of the ReLU units in layer 2 are dead")
    assert "leaky ReLU" in text and "Lower the learning rate" in text


@pytest.mark.parametrize("data", [DataSettings(dataset="xor"), DataSettings(dataset="circles")])
def test_a_linear_classifier_stuck_on_curved_data_is_told_why(data):
    text = advice_after(1000, data=data, model=ModelSettings(kind="linear"))
    assert text.startswith("A linear classifier draws one straight line")


def test_a_stuck_deep_sigmoid_network_is_told_why():
    text = advice_after(1000, model=ModelSettings(hidden=(8, 8, 8), activation="sigmoid"),
                        training=TrainingSettings(learning_rate=0.03))
    assert text.startswith("The loss is stuck: sigmoid passes back at most a quarter")


def test_a_penalty_too_strong_is_named():
    text = advice_after(1000, training=TrainingSettings(l1=0.1))
    assert text == ("The loss is stuck: the penalty (L1 0.1, L2 0) keeps the weights too small to fit the "
                    "points. Lower it.")


def test_a_linear_activation_network_stuck_on_xor_is_told_why():
    text = advice_after(1000, model=ModelSettings(hidden=(8, 8), activation="linear"))
    assert text.startswith("With the linear activation the network is still one straight line")


def test_no_training_points_is_said_and_a_divergence_is_left_to_its_own_message():
    assert advice_after(0, all_test=True).startswith("There are no training points")
    assert advice_after(50, training=TrainingSettings(learning_rate=1e5)) == ""
